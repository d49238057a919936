//! JSON Schemas (draft 2020-12) of every file kind of the contract, for editors (yaml-language-server): completion and validation while people type.
//!
//! The schemas describe the form of each file (contract §1–§8): fields, required fields, types,
//! closed value lists and patterns, with Dutch titles and hover texts. What needs other files,
//! arithmetic or the file's own place (references, sums, uniqueness, years relative to the
//! cycle year, header against folder name) stays with `jaarcyclus check`.
//!
//! yaml-language-server validates with draft-07 semantics, so validation uses only keywords that
//! mean the same in draft-07 and 2020-12: `if`/`then` rather than `dependentRequired`, and
//! `$defs` only as `$ref` targets. `patternErrorMessage` is the editors' extension for a readable
//! message; validators ignore it.

use crate::model::{
    AfspraakSoort, AfspraakStatus, AgendaSoort, CycleDoc, FileKind, Klasse, Kostensoort, Niveau, ResultaatStatus, Rol,
    Status, StukSoort,
};
use serde_json::{Map, Value, json};

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";
const LOWER_ID: &str = r"^[a-z0-9][a-z0-9-]*$";
const CODE: &str = r"^\S+$";
const DATE: &str = r"^\d{4}-\d{2}-\d{2}$";
const AMOUNT: &str = r"^\d+(\.\d{1,2})?$";
const YEAR_KEY: &str = r"^\d{4}$";
const NON_EMPTY: &str = r"\S";

/// The JSON Schema of one file kind.
pub fn schema(kind: FileKind) -> Value {
    let mut root = match kind {
        FileKind::Stelsel => stelsel(),
        FileKind::Afspraken => afspraken(),
        FileKind::Plan => plan(),
        FileKind::Begroting => begroting(),
        FileKind::Realisatie => realisatie(),
        FileKind::Vergadering => vergadering(),
    };
    let defs = used_defs(&root);
    root["$schema"] = DRAFT.into();
    if !defs.is_empty() {
        root["$defs"] = Value::Object(defs);
    }
    root
}

/// The file name to write it to, e.g. "plan.schema.json".
pub fn file_name(kind: FileKind) -> String {
    format!("{}.schema.json", kind.as_str())
}

// ---------------------------------------------------------------------------------------------
// Building blocks. Shared scalar shapes live in `$defs`; each use adds its own title and text.

/// The shared shapes, by name.
fn def(name: &str) -> Value {
    match name {
        "id" => json!({
            "title": "Id",
            "description": "Id in kleine letters, cijfers en streepjes; begint met een letter of cijfer, \
                            bijv. kadaster-obo.",
            "type": ["string", "integer"], "minimum": 0, "pattern": LOWER_ID,
            "patternErrorMessage": "Een id bestaat uit kleine letters, cijfers en streepjes en begint met een \
                                    letter of cijfer, bijv. kadaster-obo.",
        }),
        "code" => json!({
            "title": "Code",
            "description": "Code zonder spaties; hoofdletters tellen mee, bijv. D1, R1 of OL-BEHEER.",
            "type": ["string", "integer"], "pattern": CODE,
            "patternErrorMessage": "Een code bevat geen spaties, bijv. OL-BEHEER.",
        }),
        "tekst" => json!({
            "title": "Tekst",
            "description": "Vrije tekst. Gebruik voor lange tekst de blokstijl (>-); binnen {...} eindigt een \
                            komma de waarde.",
            "type": ["string", "number"], "pattern": NON_EMPTY,
            "patternErrorMessage": "Vul een tekst in.",
        }),
        "teksten" => json!({
            "title": "Teksten",
            "description": "Een lijst korte teksten, bijv. [Langere hersteltijd].",
            "type": "array", "items": { "$ref": "#/$defs/tekst" },
        }),
        "datum" => json!({
            "title": "Datum",
            "description": "Datum als JJJJ-MM-DD, bijv. 2025-09-01.",
            "type": "string", "pattern": DATE,
            "patternErrorMessage": "Schrijf een datum als JJJJ-MM-DD, bijv. 2025-09-01.",
        }),
        "jaartal" => json!({
            "title": "Jaar",
            "description": "Een jaartal als geheel getal, zonder aanhalingstekens, bijv. 2025.",
            "type": "integer",
        }),
        "bedrag" => json!({
            "title": "Bedrag",
            "description": "Bedrag in euro's: cijfers met hoogstens twee decimalen achter een punt, bijv. 1250000 \
                            of 1250000.50 (eventueel tussen aanhalingstekens). Nul mag, negatief niet. Geen \
                            Nederlandse notatie (1.250.000,00) en geen exponent (1e6).",
            "type": ["number", "string"], "minimum": 0, "pattern": AMOUNT,
            "patternErrorMessage": "Schrijf een bedrag als 1250000 of 1250000.50: zonder duizendtalpunten, met \
                                    een punt (geen komma) en hoogstens twee decimalen.",
        }),
        "bedragen" => json!({
            "title": "Bedragen per jaar",
            "description": "Per jaar het bedrag in euro's, het jaartal zonder aanhalingstekens, \
                            bijv. {2025: 1250000, 2026: 1300000}.",
            "type": "object",
            "propertyNames": {
                "pattern": YEAR_KEY,
                "patternErrorMessage": "Een jaar is een jaartal van vier cijfers, bijv. 2026.",
            },
            "additionalProperties": { "$ref": "#/$defs/bedrag" },
        }),
        other => unreachable!("no shared shape {other}"),
    }
}

/// The shared shapes a schema refers to, also through each other.
fn used_defs(root: &Value) -> Map<String, Value> {
    let mut defs = Map::new();
    let mut todo = refs(root);
    while let Some(name) = todo.pop() {
        if !defs.contains_key(&name) {
            let shape = def(&name);
            todo.extend(refs(&shape));
            defs.insert(name, shape);
        }
    }
    defs
}

/// The `$defs` names referred to anywhere in a schema.
fn refs(v: &Value) -> Vec<String> {
    match v {
        Value::Object(m) => m
            .iter()
            .flat_map(|(k, v)| match (k.as_str(), v) {
                ("$ref", Value::String(r)) => vec![r.trim_start_matches("#/$defs/").to_string()],
                _ => refs(v),
            })
            .collect(),
        Value::Array(a) => a.iter().flat_map(refs).collect(),
        _ => Vec::new(),
    }
}

/// A shape with its Dutch title and hover text.
fn prop(mut shape: Value, title: &str, description: &str) -> Value {
    shape["title"] = title.into();
    shape["description"] = description.into();
    shape
}

/// A use of a shared shape.
fn shared(name: &str, title: &str, description: &str) -> Value {
    prop(json!({ "$ref": format!("#/$defs/{name}") }), title, description)
}

/// A lowercase id (parties, perspectives, components, features, financiers).
fn id(title: &str, description: &str) -> Value {
    shared("id", title, description)
}

/// A case-sensitive id without spaces (goals, results, risks, budget lines).
fn code(title: &str, description: &str) -> Value {
    shared("code", title, description)
}

fn text(title: &str, description: &str) -> Value {
    shared("tekst", title, description)
}

fn date(title: &str, description: &str) -> Value {
    shared("datum", title, description)
}

fn year(title: &str, description: &str) -> Value {
    shared("jaartal", title, description)
}

fn amount(title: &str, description: &str) -> Value {
    shared("bedrag", title, description)
}

/// A value of a closed list, spelled as the model spells it.
fn choice(spellings: &[&str], title: &str, description: &str) -> Value {
    prop(json!({ "type": "string", "enum": spellings }), title, description)
}

/// A whole number of at least `min`, with more constraints merged in.
fn whole(min: i64, more: Value, title: &str, description: &str) -> Value {
    let mut shape = json!({ "type": "integer", "minimum": min });
    shape.as_object_mut().unwrap().extend(more.as_object().cloned().unwrap_or_default());
    prop(shape, title, description)
}

/// A list of items.
fn list(items: Value, title: &str, description: &str) -> Value {
    prop(json!({ "type": "array", "items": items }), title, description)
}

/// A closed mapping: only the named fields, the `required` ones present.
fn mapping(title: &str, description: &str, required: &[&str], fields: Vec<(&str, Value)>) -> Value {
    let properties: Map<String, Value> = fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    let mut shape = json!({ "type": "object", "additionalProperties": false, "properties": properties });
    if !required.is_empty() {
        shape["required"] = json!(required);
    }
    prop(shape, title, description)
}

/// `mapping!{title, description, [required…], {"field" => shape, …}}`; braces keep the tables as written.
macro_rules! mapping {
    ($title:expr, $description:expr, [$($req:literal),* $(,)?], {$($name:literal => $shape:expr),* $(,)?}) => {
        mapping($title, $description, &[$($req),*], vec![$(($name, $shape)),*])
    };
}

/// Adds conditional rules (`if`/`then`/`else`) to a mapping.
fn with_rules(mut shape: Value, rules: &[Value]) -> Value {
    shape["allOf"] = rules.into();
    shape
}

/// Adds a lower bound to a list's length or a mapping's size.
fn at_least(mut shape: Value, keyword: &str, n: u64) -> Value {
    shape[keyword] = n.into();
    shape
}

/// Prefixes the header of a party's submission (plan, begroting, realisatie) to a mapping.
fn submission(mut shape: Value) -> Value {
    let header = mapping! { "", "", ["organisatie", "jaar", "status"], {
        "organisatie" => id("Organisatie",
            "Id van de partij die dit stuk indient; gelijk aan de mapnaam, bijv. kadaster-obo."),
        "jaar" => year("Jaar", "Cyclusjaar Y waarover dit stuk gaat; gelijk aan de jaarmap, bijv. 2025."),
        "status" => choice(Status::SPELLINGS, "Status",
            "concept of definitief. Een concept telt als ingeleverd, maar krijgt in de stukken het merk CONCEPT."),
        "ingediend_op" => date("Ingediend op",
            "Datum van indienen. Zonder deze datum, of met een datum na de peildatum, geldt het stuk als niet \
             ingeleverd; na de termijn uit de kalender volgt W401."),
    }};
    let mut required = header["required"].as_array().cloned().unwrap_or_default();
    required.extend(shape["required"].as_array().cloned().unwrap_or_default());
    shape["required"] = required.into();
    let fields = shape["properties"].as_object_mut().expect("a mapping");
    fields.extend(header["properties"].as_object().cloned().unwrap_or_default());
    shape
}

// ---------------------------------------------------------------------------------------------
// The file kinds, field by field as in the contract.

fn stelsel() -> Value {
    let sbo = json!({ "properties": { "rol": { "const": Rol::Sbo.as_str() } }, "required": ["rol"] });
    let organisatie = mapping! { "Organisatie", "Een partij in het stelsel.", ["id", "naam", "rol"], {
        "id" => id("Id", "Korte code van de partij, bijv. kadaster-obo; ook de mapnaam van haar stukken."),
        "naam" => text("Naam", "Volledige naam van de partij, zoals die in de stukken verschijnt."),
        "rol" => choice(Rol::SPELLINGS, "Rol", "SBO (strategisch), TBO (tactisch) of OBO (operationeel), \
            in hoofdletters."),
        "rapporteert_aan" => id("Rapporteert aan", "Id van de partij waaraan deze partij rapporteert: een OBO \
            aan een TBO, een TBO aan de SBO. Verplicht voor iedereen behalve de SBO."),
    }};
    let organisatie = with_rules(organisatie, &[json!({ "if": sbo, "else": { "required": ["rapporteert_aan"] } })]);
    let named = |title: &str, example: &str| {
        mapping! { title, "Een id met een naam.", ["id", "naam"], {
            "id" => id("Id", &format!("Korte code, bijv. {example}.")),
            "naam" => text("Naam", "Naam zoals die in de stukken verschijnt."),
        }}
    };
    let beleidsdoel = mapping! { "Beleidsdoel", "Een perspectief waarin doelen en begrotingsregels vallen.",
        ["id", "naam", "beraad"], {
        "id" => id("Id", "Korte code van het beleidsdoel, bijv. beheer."),
        "naam" => text("Naam", "Naam van het beleidsdoel, zoals die in de stukken verschijnt."),
        "beraad" => text("Beraad", "Het beraad dat over dit beleidsdoel besluit, vrije tekst, bijv. OGB-B of OGB-IWT."),
    }};
    let feature = mapping! { "Feature", "Een feature van een component, voor kosten per feature.", ["id", "naam"], {
        "id" => id("Id", "Korte code van de feature, bijv. patchmanagement."),
        "naam" => text("Naam", "Naam van de feature."),
        "component" => id("Component", "Id van de component waartoe de feature behoort."),
    }};
    let aandeel = prop(
        json!({ "type": "number", "minimum": 0, "maximum": 100 }),
        "Aandeel",
        "Aandeel van deze financier in procenten: 0 tot en met 100, hoogstens 4 decimalen.",
    );
    let sleutel = json!({
        "type": "object",
        "propertyNames": { "pattern": LOWER_ID, "patternErrorMessage": "Gebruik de id van een financier, bijv. vng." },
        "additionalProperties": aandeel,
    });
    let taakstellend = mapping! { "Taakstellend budget",
        "Het maximum voor één beleidsdoel per jaar, en hoe de financiers het opbrengen.",
        ["beleidsdoel", "bedragen", "verdeelsleutel"], {
        "beleidsdoel" => id("Beleidsdoel", "Id van het beleidsdoel waarvoor dit budget geldt."),
        "bedragen" => shared("bedragen", "Bedragen",
            "Taakstellend budget per jaar, bijv. {2025: 41000000, 2026: 42000000}."),
        "verdeelsleutel" => prop(sleutel, "Verdeelsleutel", "Aandeel van elke financier in procenten \
            (financier: percentage), samen precies 100; een financier die ontbreekt betaalt hier 0. Het verschil \
            tussen aanvraag en budget wordt hiermee tot op de cent over de financiers verdeeld."),
    }};
    let termijn = mapping! { "Termijn", "De uiterste inleverdatum van een soort stuk voor een rol.",
        ["stuk", "rol", "jaar", "maand", "dag"], {
        "stuk" => choice(StukSoort::SPELLINGS, "Stuk", "plan (plan en begroting samen) of realisatie."),
        "rol" => choice(Rol::SPELLINGS, "Rol", "De rol waarvoor deze termijn geldt."),
        "jaar" => choice(&["Y-1", "Y", "Y+1"], "Jaar", "Jaar van de termijn ten opzichte van cyclusjaar Y: \
            Y-1 (het jaar ervoor), Y of Y+1 (het jaar erna)."),
        "maand" => whole(1, json!({ "maximum": 12 }), "Maand", "Maand van de termijn, 1 tot en met 12."),
        "dag" => whole(1, json!({ "maximum": 31 }), "Dag",
            "Dag van de maand, 1 tot en met 31; de dag moet in die maand bestaan (29 februari mag)."),
    }};
    let last_day = |months: &[i64], max: i64| {
        json!({
            "if": { "properties": { "maand": { "enum": months } }, "required": ["maand"] },
            "then": { "properties": { "dag": { "maximum": max } } },
        })
    };
    let termijn = with_rules(termijn, &[last_day(&[2], 29), last_day(&[4, 6, 9, 11], 30)]);
    let normen = mapping! { "Normen",
        "Normen voor afwijkingen, alternatieven en vergaderstukken; alles optioneel, met de standaard erbij.", [], {
        "afwijking_procent" => prop(json!({ "type": "number", "minimum": 0, "default": 10 }), "Afwijking (procent)",
            "Een regel waarvan de realisatie MEER dan dit percentage van de begroting afwijkt, en ook meer dan \
             afwijking_bedrag, heeft een toelichting nodig (E304). Standaard 10."),
        "afwijking_bedrag" => amount("Afwijking (bedrag)",
            "Een regel waarvan de realisatie MEER dan dit bedrag van de begroting afwijkt, en ook meer dan \
             afwijking_procent, heeft een toelichting nodig (E304). Standaard 50000."),
        "minimaal_alternatieven" => whole(0, json!({ "default": 2 }), "Minimaal aantal alternatieven",
            "Zoveel alternatieven zijn nodig bij een aanvraag boven het taakstellend budget (E305) en bij een \
             besluitpunt (E307). Standaard 2."),
        "stukken_dagen_voor_vergadering" => whole(0, json!({ "default": 10 }), "Dagen stukken voor vergadering",
            "Zoveel kalenderdagen vóór de vergadering moeten de stukken minstens zijn verzonden (W402). \
             Standaard 10."),
    }};
    mapping! { "stelsel.yaml: het beheerstelsel",
        "De inrichting van het stelsel: partijen en rapportagelijn, financiers, beleidsdoelen, componenten, \
         taakstellende budgetten, de kalender en de normen. Vastgesteld door de SBO.",
        ["naam", "organisaties", "financiers", "beleidsdoelen", "componenten"], {
        "naam" => text("Naam", "Naam van het beheerstelsel, bijv. Beheer DSO-LV."),
        "organisaties" => list(organisatie, "Organisaties", "Alle partijen: precies één SBO; elke andere partij \
            bereikt via rapporteert_aan de SBO (E108). De gewone lijn is OBO → TBO → SBO; een afwijking geeft W504."),
        "financiers" => list(named("Financier", "vng"), "Financiers",
            "De financiers (koepels) die de taakstellende budgetten opbrengen, bijv. rijk, vng, ipo en uvw."),
        "beleidsdoelen" => list(beleidsdoel, "Beleidsdoelen", "De perspectieven, elk met het beraad dat erover besluit."),
        "componenten" => list(named("Component", "omgevingsloket"), "Componenten",
            "De onderdelen van de voorziening waaraan resultaten en kosten worden toegerekend."),
        "features" => list(feature, "Features", "Optioneel register. Staat het er, dan moet de feature van elke \
            begrotingsregel hierin voorkomen (E103)."),
        "taakstellend" => list(taakstellend, "Taakstellende budgetten", "Het plafond per beleidsdoel en jaar. \
            Een beleidsdoel of jaar zonder taakstellend budget heeft geen plafond."),
        "kalender" => list(termijn, "Kalender", "Inleverdata per soort stuk en rol. Een rol zonder termijn voor \
            een soort stuk heeft daarvoor geen termijn. Op tijd is: op of vóór de dag zelf."),
        "normen" => normen,
    }}
}

fn afspraken() -> Value {
    let afspraak = mapping! { "Afspraak", "Een overeenkomst, opdracht, dossier of rolacceptatie met een partij.",
        ["organisatie", "soort"], {
        "organisatie" => id("Organisatie", "Id van de partij waarmee de afspraak is gemaakt."),
        "soort" => choice(AfspraakSoort::SPELLINGS, "Soort", "raamovereenkomst, meerjarenovereenkomst, \
            jaaropdracht, offerteaanvraag, offerte, dno, dap, dfa of rolacceptatie."),
        "van" => date("Van", "Eerste dag waarop de afspraak geldt."),
        "tot" => date("Tot", "Laatste dag waarop de afspraak geldt; weglaten als er geen einddatum is."),
        "getekend_op" => date("Getekend op", "Datum van ondertekening. Een afspraak dekt een jaar alleen als ze \
            getekend is en dat hele jaar geldt."),
        "financiele_paragraaf" => prop(json!({ "type": "boolean" }), "Financiële paragraaf",
            "true als de overeenkomst een financiële paragraaf heeft. Ontbreekt dit bij een raam- of \
             meerjarenovereenkomst, dan telt het als false (W502)."),
        "status" => choice(AfspraakStatus::SPELLINGS, "Status", "Voor een rolacceptatie: geaccepteerd of open."),
    }};
    mapping! { "afspraken.yaml: register van afspraken",
        "Het afsprakenstelsel met de TBO's en OBO's. Ontbreekt dit bestand, dan is het register leeg; de SBO \
         heeft als opdrachtgever geen afspraken nodig.", [], {
        "afspraken" => list(afspraak, "Afspraken",
            "De afspraken, één per overeenkomst, opdracht, dossier of rolacceptatie."),
    }}
}

fn plan() -> Value {
    let doel = mapping! { "Doel", "Wat willen we bereiken?", ["id", "beleidsdoel", "omschrijving"], {
        "id" => code("Id", "Code van het doel, uniek in dit plan, bijv. D1. Resultaten verwijzen ernaar."),
        "beleidsdoel" => id("Beleidsdoel", "Id van het beleidsdoel uit stelsel.yaml waaronder dit doel valt."),
        "omschrijving" => text("Omschrijving", "Wat er bereikt moet worden."),
        "indicator" => text("Indicator", "Waaraan het doel wordt gemeten, bijv. beschikbaarheid."),
        "streefwaarde" => text("Streefwaarde", "De te halen waarde van de indicator, bijv. \"99,5%\"."),
    }};
    let resultaat = mapping! { "Resultaat", "Wat gaan we daarvoor doen?", ["id", "doel", "omschrijving"], {
        "id" => code("Id", "Code van het resultaat, uniek in dit plan, bijv. R1. Begroting en realisatie \
            verwijzen ernaar."),
        "doel" => code("Doel", "Code van het doel in dit plan waaraan het resultaat bijdraagt, bijv. D1."),
        "omschrijving" => text("Omschrijving", "Wat er wordt opgeleverd."),
        "component" => id("Component", "Id van de component uit stelsel.yaml waarop het resultaat betrekking heeft."),
        "gereed" => date("Gereed", "Datum waarop het resultaat gereed moet zijn."),
    }};
    let doorkijk = mapping! { "Doorkijk", "Vooruitblik op een van de jaren na Y.", ["jaar", "omschrijving"], {
        "jaar" => year("Jaar", "Het jaar van de vooruitblik: Y+1, Y+2 of Y+3."),
        "omschrijving" => text("Omschrijving", "Wat er in dat jaar verwacht wordt."),
        "doel" => code("Doel", "Code van het doel in dit plan waarbij de vooruitblik hoort (of geef een beleidsdoel)."),
        "beleidsdoel" => id("Beleidsdoel", "Id van het beleidsdoel waarbij de vooruitblik hoort (of geef een doel)."),
    }};
    let risico = mapping! { "Risico", "Een risico voor het plan.", ["id", "omschrijving", "kans", "impact"], {
        "id" => code("Id", "Code van het risico, uniek in dit plan, bijv. RI1."),
        "omschrijving" => text("Omschrijving", "Wat er mis kan gaan."),
        "kans" => choice(Klasse::SPELLINGS, "Kans", "Kans dat het risico zich voordoet: laag, midden of hoog."),
        "impact" => choice(Klasse::SPELLINGS, "Impact", "Gevolg als het zich voordoet: laag, midden of hoog."),
        "maatregel" => text("Maatregel", "Wat de partij doet om het risico te beperken."),
        "bedrag" => amount("Bedrag", "Financieel risico (exposure) in euro's."),
    }};
    let gevolg = mapping! { "Beheerconsequentie", "Beheerkosten die voortkomen uit een ontwikkelbesluit.",
        ["omschrijving", "bedrag_per_jaar", "vanaf"], {
        "omschrijving" => text("Omschrijving", "Wat er in beheer komt, bijv. Nieuwe viewer in beheer."),
        "bedrag_per_jaar" => amount("Bedrag per jaar", "Structurele beheerkosten per jaar in euro's."),
        "vanaf" => year("Vanaf", "Eerste jaar waarin de kosten optreden, bijv. 2026."),
        "component" => id("Component", "Id van de component uit stelsel.yaml."),
        "beleidsdoel" => id("Beleidsdoel", "Id van het beleidsdoel uit stelsel.yaml."),
        "besluit" => text("Besluit", "Het besluit waaruit de kosten voortkomen, bijv. van het OGB-IWT."),
    }};
    submission(mapping! { "plan.yaml: plan van een partij voor jaar Y",
        "Wat willen we bereiken en wat gaan we daarvoor doen: het plan van één partij voor cyclusjaar Y, met een \
         doorkijk naar Y+1 tot en met Y+3. Hoort bij begroting.yaml in dezelfde map.",
        ["dienstverleningsniveau", "doelen", "resultaten"], {
        "dienstverleningsniveau" => choice(Niveau::SPELLINGS, "Dienstverleningsniveau",
            "Het niveau waarvoor dit plan en de begroting gelden: brons, zilver, goud of platina."),
        "doelen" => at_least(list(doel, "Doelen", "Wat willen we bereiken? Minstens één doel (E302)."), "minItems", 1),
        "resultaten" => at_least(list(resultaat, "Resultaten", "Wat gaan we daarvoor doen? Minstens één resultaat \
            (E302); elk resultaat krijgt in de realisatie een status."), "minItems", 1),
        "doorkijk" => list(doorkijk, "Doorkijk", "Vooruitblik op de jaren Y+1 tot en met Y+3."),
        "risicos" => list(risico, "Risico's", "Risico's voor het plan, met kans, impact en maatregel."),
        "beheerconsequenties" => list(gevolg, "Beheerconsequenties", "Beheerkosten die voortkomen uit \
            ontwikkelbesluiten (vaak van het OGB-IWT), ter informatie."),
    }})
}

fn begroting() -> Value {
    let regel = mapping! { "Begrotingsregel", "Wat mag het kosten?",
        ["id", "omschrijving", "beleidsdoel", "component", "kostensoort", "bedragen"], {
        "id" => code("Id", "Code van de regel, uniek in deze begroting, bijv. OL-BEHEER. De realisatie verwijst \
            ernaar."),
        "omschrijving" => text("Omschrijving", "Waarvoor het geld is."),
        "beleidsdoel" => id("Beleidsdoel", "Id van het beleidsdoel (perspectief) uit stelsel.yaml waarin deze \
            kosten vallen."),
        "component" => id("Component", "Id van de component uit stelsel.yaml waarvoor de kosten zijn."),
        "kostensoort" => choice(Kostensoort::SPELLINGS, "Kostensoort",
            "personeel, inhuur, hosting, licenties of overig."),
        "feature" => id("Feature", "Id van de feature, voor kosten per feature; met een featureregister in \
            stelsel.yaml moet ze daarin staan."),
        "resultaten" => list(code("Resultaat", "Code van een resultaat uit het plan."), "Resultaten",
            "Codes van de resultaten uit het plan die deze regel betaalt, bijv. [R1]."),
        "bedragen" => at_least(shared("bedragen", "Bedragen", "Bedrag per jaar, van Y tot en met Y+3; \
            ontbrekend jaar = 0. Minstens één jaar (E203), bijv. {2025: 1250000, 2026: 1300000}."),
            "minProperties", 1),
    }};
    let alternatief = mapping! { "Alternatief",
        "Het totaal van de partij voor jaar Y op een ander dienstverleningsniveau.",
        ["niveau", "totaal", "omschrijving"], {
        "niveau" => choice(Niveau::SPELLINGS, "Niveau", "Een ander dienstverleningsniveau dan dat van het plan."),
        "totaal" => amount("Totaal", "Het totaal van de partij voor jaar Y op dat niveau, alle beleidsdoelen \
            samen, in euro's."),
        "omschrijving" => text("Omschrijving", "Wat dit niveau inhoudt."),
        "risicos" => shared("teksten", "Risico's", "Risico's van dit alternatief, elk als korte tekst."),
    }};
    submission(mapping! { "begroting.yaml: begroting van een partij voor jaar Y",
        "Wat mag het kosten: de begroting van één partij voor cyclusjaar Y, met ramingen voor Y+1 tot en met Y+3. \
         Hoort bij plan.yaml in dezelfde map.", ["regels"], {
        "regels" => list(regel, "Regels", "De begrotingsregels. Uitgaven zonder regel krijgen eerst een regel \
            met bedrag 0, zodat de realisatie ernaar kan verwijzen."),
        "alternatieven" => list(alternatief, "Alternatieven", "Het totaal op andere dienstverleningsniveaus; \
            elk niveau hoogstens één keer en nooit het eigen niveau (E106). Nodig als de aanvraag het \
            taakstellend budget overschrijdt (E305)."),
    }})
}

fn realisatie() -> Value {
    let regel = mapping! { "Realisatieregel", "Wat heeft het gekost?", ["regel", "bedrag"], {
        "regel" => code("Regel", "Code van de begrotingsregel, bijv. OL-BEHEER."),
        "bedrag" => amount("Bedrag", "Werkelijk uitgegeven in jaar Y, in euro's."),
        "toelichting" => text("Toelichting", "Verklaring van de afwijking. Verplicht (E304) als de realisatie \
            meer dan afwijking_procent én meer dan afwijking_bedrag van de begroting afwijkt."),
    }};
    let resultaat = mapping! { "Resultaatstatus", "De stand van een resultaat uit het plan.",
        ["resultaat", "status"], {
        "resultaat" => code("Resultaat", "Code van het resultaat uit het plan, bijv. R1."),
        "status" => choice(ResultaatStatus::SPELLINGS, "Status", "gerealiseerd, deels, niet of vervallen."),
        "toelichting" => text("Toelichting", "Toelichting op de stand van het resultaat."),
    }};
    submission(mapping! { "realisatie.yaml: realisatie van een partij over jaar Y",
        "Wat heeft het gekost: de werkelijke uitgaven van één partij over jaar Y per begrotingsregel, en de \
         stand van elk resultaat uit het plan.", ["regels", "resultaten"], {
        "regels" => list(regel, "Regels", "Precies één realisatieregel voor elke begrotingsregel van jaar Y, \
            ook voor regels met bedrag 0 (E303)."),
        "resultaten" => list(resultaat, "Resultaten", "Een status voor elk resultaat uit het plan (E306)."),
    }})
}

fn vergadering() -> Value {
    let alternatief = mapping! { "Alternatief", "Een keuzemogelijkheid voor het beraad.", ["naam"], {
        "naam" => text("Naam", "Korte naam van het alternatief."),
        "bedrag" => amount("Bedrag", "Bedrag van dit alternatief in euro's; verplicht tenzij een niveau is \
            opgegeven."),
        "niveau" => choice(Niveau::SPELLINGS, "Niveau", "Dienstverleningsniveau. Zonder bedrag wordt het bedrag \
            berekend: het totaal van het stelsel voor het jaar van het agendapunt op dat niveau."),
        "risicos" => shared("teksten", "Risico's", "Risico's van dit alternatief, elk als korte tekst; bij een \
            besluitpunt minstens één (E307)."),
    }};
    let bedrag_or_niveau = json!({ "if": { "not": { "required": ["niveau"] } }, "then": { "required": ["bedrag"] } });
    let punt = mapping! { "Agendapunt", "Een punt op de agenda.", ["id", "onderwerp", "soort"], {
        "id" => whole(0, json!({}), "Nummer", "Nummer van het agendapunt, een geheel getal, bijv. 1."),
        "onderwerp" => text("Onderwerp", "Onderwerp van het agendapunt."),
        "soort" => choice(AgendaSoort::SPELLINGS, "Soort", "besluit, bespreking of informatie. Een besluitpunt \
            heeft minstens minimaal_alternatieven alternatieven, elk met een risico (E307)."),
        "stuk" => choice(CycleDoc::SPELLINGS, "Stuk", "Het cyclusstuk dat wordt behandeld: meerjarenplan, \
            jaarplan of jaarrekening. Met een stuk is jaar verplicht."),
        "jaar" => year("Jaar", "Het cyclusjaar van het stuk, bijv. 2026."),
        "voorstel" => text("Voorstel", "Het voorgestelde besluit."),
        "alternatieven" => list(with_rules(alternatief, &[bedrag_or_niveau]), "Alternatieven",
            "De alternatieven waaruit het beraad kiest."),
    }};
    let stuk_needs_jaar = json!({ "if": { "required": ["stuk"] }, "then": { "required": ["jaar"] } });
    mapping! { "Vergadering van een beraad",
        "Eén vergadering, in vergaderingen/<JJJJ-MM-DD>-<beraad>.yaml, bijv. 2025-11-13-ogb-b.yaml. \
         jaarcyclus stukken maakt er de vergaderstukken van.", ["beraad", "datum", "agenda"], {
        "beraad" => text("Beraad", "Naam van het beraad, bijv. OGB-B. In de bestandsnaam in kleine letters, met \
            streepjes voor spaties."),
        "datum" => date("Datum", "Datum van de vergadering; gelijk aan de datum in de bestandsnaam (E107)."),
        "stukken_verzonden_op" => date("Stukken verzonden op", "Datum waarop de stukken zijn verzonden. Minder \
            dan stukken_dagen_voor_vergadering dagen voor de vergadering geeft W402."),
        "agenda" => list(with_rules(punt, &[stuk_needs_jaar]), "Agenda", "De agendapunten, in volgorde."),
    }}
}

#[cfg(test)]
mod tests {
    use super::*;

    use FileKind::*;

    const ALL: [FileKind; 6] = [Stelsel, Afspraken, Plan, Begroting, Realisatie, Vergadering];

    fn at<'a>(v: &'a Value, pointer: &str) -> &'a Value {
        v.pointer(pointer).unwrap_or_else(|| panic!("no {pointer}"))
    }

    fn strings(v: &Value) -> Vec<&str> {
        v.as_array().expect("a list").iter().map(|s| s.as_str().expect("a string")).collect()
    }

    /// Every subschema, with its place.
    fn walk<'a>(v: &'a Value, path: String, out: &mut Vec<(String, &'a Value)>) {
        match v {
            Value::Object(m) => {
                out.push((path.clone(), v));
                for (k, sub) in m {
                    walk(sub, format!("{path}/{k}"), out);
                }
            }
            Value::Array(a) => a.iter().enumerate().for_each(|(i, sub)| walk(sub, format!("{path}/{i}"), out)),
            _ => {}
        }
    }

    #[test]
    fn every_kind_is_a_closed_object_of_the_draft() {
        for kind in ALL {
            let s = schema(kind);
            assert_eq!(s["$schema"], DRAFT);
            assert_eq!(s["type"], "object", "{kind:?}");
            assert_eq!(s["additionalProperties"], false, "{kind:?}");
            assert!(s.get("$id").is_none());
            assert_eq!(file_name(kind), format!("{}.schema.json", kind.as_str()));
        }
        assert_eq!(file_name(Plan), "plan.schema.json");
    }

    #[test]
    fn every_mapping_is_closed_and_every_field_explained() {
        for kind in ALL {
            let s = schema(kind);
            let mut all = Vec::new();
            walk(&s, String::new(), &mut all);
            for (path, sub) in all {
                if sub["type"] == "object" {
                    assert!(sub.get("additionalProperties").is_some(), "{kind:?} {path}: open mapping");
                }
                if let Some(props) = sub.get("properties").filter(|_| sub["type"] == "object") {
                    assert_eq!(sub["additionalProperties"], false, "{kind:?} {path}");
                    for (name, p) in props.as_object().unwrap() {
                        for key in ["title", "description"] {
                            let text = p[key].as_str().unwrap_or_default();
                            assert!(!text.is_empty(), "{kind:?} {path}/{name}: no {key}");
                        }
                    }
                    for r in strings(sub.get("required").unwrap_or(&json!([]))) {
                        assert!(props.get(r).is_some(), "{kind:?} {path}: required {r} is no field");
                    }
                }
                if let Some(Value::String(r)) = sub.get("$ref") {
                    let name = r.strip_prefix("#/$defs/").expect("a local reference");
                    assert!(s["$defs"].get(name).is_some(), "{kind:?} {path}: dangling {r}");
                }
            }
            for name in s.get("$defs").and_then(Value::as_object).into_iter().flatten().map(|(k, _)| k) {
                assert!(refs(&s).contains(name), "{kind:?}: unused $defs/{name}");
            }
        }
    }

    #[test]
    fn required_fields_match_the_contract() {
        let req = |kind, pointer: &str| strings(at(&schema(kind), &format!("{pointer}/required"))).join(",");
        assert_eq!(req(Stelsel, ""), "naam,organisaties,financiers,beleidsdoelen,componenten");
        assert_eq!(req(Stelsel, "/properties/organisaties/items"), "id,naam,rol");
        assert_eq!(req(Stelsel, "/properties/organisaties/items/allOf/0/else"), "rapporteert_aan");
        assert_eq!(req(Stelsel, "/properties/taakstellend/items"), "beleidsdoel,bedragen,verdeelsleutel");
        assert_eq!(req(Stelsel, "/properties/kalender/items"), "stuk,rol,jaar,maand,dag");
        assert!(schema(Stelsel).pointer("/properties/normen/required").is_none());
        assert!(schema(Afspraken).get("required").is_none());
        assert_eq!(req(Afspraken, "/properties/afspraken/items"), "organisatie,soort");
        assert_eq!(req(Plan, ""), "organisatie,jaar,status,dienstverleningsniveau,doelen,resultaten");
        assert_eq!(req(Plan, "/properties/doelen/items"), "id,beleidsdoel,omschrijving");
        assert_eq!(req(Plan, "/properties/resultaten/items"), "id,doel,omschrijving");
        assert_eq!(req(Plan, "/properties/doorkijk/items"), "jaar,omschrijving");
        assert_eq!(req(Plan, "/properties/risicos/items"), "id,omschrijving,kans,impact");
        assert_eq!(req(Plan, "/properties/beheerconsequenties/items"), "omschrijving,bedrag_per_jaar,vanaf");
        assert_eq!(req(Begroting, ""), "organisatie,jaar,status,regels");
        assert_eq!(
            req(Begroting, "/properties/regels/items"),
            "id,omschrijving,beleidsdoel,component,kostensoort,bedragen"
        );
        assert_eq!(req(Begroting, "/properties/alternatieven/items"), "niveau,totaal,omschrijving");
        assert_eq!(req(Realisatie, ""), "organisatie,jaar,status,regels,resultaten");
        assert_eq!(req(Realisatie, "/properties/regels/items"), "regel,bedrag");
        assert_eq!(req(Realisatie, "/properties/resultaten/items"), "resultaat,status");
        assert_eq!(req(Vergadering, ""), "beraad,datum,agenda");
        assert_eq!(req(Vergadering, "/properties/agenda/items"), "id,onderwerp,soort");
        assert_eq!(req(Vergadering, "/properties/agenda/items/allOf/0/then"), "jaar");
        assert_eq!(req(Vergadering, "/properties/agenda/items/properties/alternatieven/items"), "naam");
    }

    #[test]
    fn enums_are_the_models_spellings() {
        let cases: [(FileKind, &str, &[&str]); 18] = [
            (Stelsel, "/properties/organisaties/items/properties/rol", Rol::SPELLINGS),
            (Stelsel, "/properties/kalender/items/properties/rol", Rol::SPELLINGS),
            (Stelsel, "/properties/kalender/items/properties/stuk", StukSoort::SPELLINGS),
            (Stelsel, "/properties/kalender/items/properties/jaar", &["Y-1", "Y", "Y+1"]),
            (Afspraken, "/properties/afspraken/items/properties/soort", AfspraakSoort::SPELLINGS),
            (Afspraken, "/properties/afspraken/items/properties/status", AfspraakStatus::SPELLINGS),
            (Plan, "/properties/status", Status::SPELLINGS),
            (Plan, "/properties/dienstverleningsniveau", Niveau::SPELLINGS),
            (Plan, "/properties/risicos/items/properties/kans", Klasse::SPELLINGS),
            (Plan, "/properties/risicos/items/properties/impact", Klasse::SPELLINGS),
            (Begroting, "/properties/status", Status::SPELLINGS),
            (Begroting, "/properties/regels/items/properties/kostensoort", Kostensoort::SPELLINGS),
            (Begroting, "/properties/alternatieven/items/properties/niveau", Niveau::SPELLINGS),
            (Realisatie, "/properties/status", Status::SPELLINGS),
            (Realisatie, "/properties/resultaten/items/properties/status", ResultaatStatus::SPELLINGS),
            (Vergadering, "/properties/agenda/items/properties/soort", AgendaSoort::SPELLINGS),
            (Vergadering, "/properties/agenda/items/properties/stuk", CycleDoc::SPELLINGS),
            (
                Vergadering,
                "/properties/agenda/items/properties/alternatieven/items/properties/niveau",
                Niveau::SPELLINGS,
            ),
        ];
        for (kind, pointer, spellings) in cases {
            assert_eq!(strings(at(&schema(kind), &format!("{pointer}/enum"))), spellings, "{kind:?} {pointer}");
        }
        // No other closed lists hide anywhere.
        let total: usize = ALL
            .iter()
            .map(|k| {
                let s = schema(*k);
                let mut all = Vec::new();
                walk(&s, String::new(), &mut all);
                all.iter().filter(|(p, v)| v.get("enum").is_some() && !p.contains("allOf")).count()
            })
            .sum();
        assert_eq!(total, cases.len());
    }

    #[test]
    fn output_is_deterministic() {
        for kind in ALL {
            let a = serde_json::to_string_pretty(&schema(kind)).unwrap();
            let b = serde_json::to_string_pretty(&schema(kind)).unwrap();
            assert_eq!(a, b);
        }
    }

    // A small validator for exactly the keywords these schemas use, to try them on YAML.

    fn matches(pattern: &str, s: &str) -> bool {
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        match pattern {
            LOWER_ID => {
                let b = s.as_bytes();
                !b.is_empty()
                    && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
                    && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
            }
            CODE => !s.is_empty() && !s.chars().any(char::is_whitespace),
            DATE => {
                s.len() == 10
                    && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
            }
            AMOUNT => match s.split_once('.') {
                Some((int, frac)) => digits(int) && digits(frac) && frac.len() <= 2,
                None => digits(s),
            },
            YEAR_KEY => s.len() == 4 && digits(s),
            NON_EMPTY => s.chars().any(|c| !c.is_whitespace()),
            other => panic!("validator knows no pattern {other}"),
        }
    }

    fn is_type(t: &str, v: &Value) -> bool {
        match t {
            "string" => v.is_string(),
            "integer" => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "object" => v.is_object(),
            "array" => v.is_array(),
            other => panic!("validator knows no type {other}"),
        }
    }

    fn check(root: &Value, s: &Value, v: &Value, path: &str, out: &mut Vec<String>) {
        let ok = |sub: &Value| {
            let mut e = Vec::new();
            check(root, sub, v, path, &mut e);
            e.is_empty()
        };
        for (key, arg) in s.as_object().expect("a schema is an object") {
            let mut fail = |why: String| out.push(format!("{path}: {why}"));
            match key.as_str() {
                "$ref" => {
                    let name = arg.as_str().unwrap().trim_start_matches("#/$defs/");
                    check(root, &root["$defs"][name], v, path, out);
                }
                "type" => {
                    let types: Vec<&str> = match arg {
                        Value::String(t) => vec![t.as_str()],
                        _ => strings(arg),
                    };
                    if !types.iter().any(|t| is_type(t, v)) {
                        fail(format!("{v} is no {types:?}"));
                    }
                }
                "enum" if !arg.as_array().unwrap().contains(v) => fail(format!("{v} not in {arg}")),
                "const" if arg != v => fail(format!("{v} is not {arg}")),
                "pattern" => {
                    if let Some(t) = v.as_str().filter(|t| !matches(arg.as_str().unwrap(), t)) {
                        fail(format!("{t:?} does not match {arg}"));
                    }
                }
                "minimum" if v.as_f64().is_some_and(|n| n < arg.as_f64().unwrap()) => fail(format!("{v} < {arg}")),
                "maximum" if v.as_f64().is_some_and(|n| n > arg.as_f64().unwrap()) => fail(format!("{v} > {arg}")),
                "minItems" if v.as_array().is_some_and(|a| a.len() < arg.as_u64().unwrap() as usize) => {
                    fail("too few items".into())
                }
                "minProperties" if v.as_object().is_some_and(|m| m.len() < arg.as_u64().unwrap() as usize) => {
                    fail("too few fields".into())
                }
                "required" => {
                    for r in strings(arg) {
                        if v.as_object().is_some_and(|m| !m.contains_key(r)) {
                            fail(format!("missing {r}"));
                        }
                    }
                }
                "properties" | "additionalProperties" | "propertyNames" => {
                    for (k, x) in v.as_object().into_iter().flatten() {
                        let sub = format!("{path}/{k}");
                        if key == "propertyNames" {
                            check(root, arg, &Value::String(k.clone()), &sub, out);
                        } else if key == "properties" {
                            if let Some(p) = arg.get(k) {
                                check(root, p, x, &sub, out);
                            }
                        } else if s["properties"].get(k).is_none() {
                            match arg {
                                Value::Bool(false) => out.push(format!("{sub}: unknown field")),
                                _ => check(root, arg, x, &sub, out),
                            }
                        }
                    }
                }
                "items" => {
                    for (i, x) in v.as_array().into_iter().flatten().enumerate() {
                        check(root, arg, x, &format!("{path}/{i}"), out);
                    }
                }
                "allOf" => arg.as_array().unwrap().iter().for_each(|sub| check(root, sub, v, path, out)),
                "if" => {
                    let branch = if ok(arg) { s.get("then") } else { s.get("else") };
                    if let Some(b) = branch {
                        check(root, b, v, path, out);
                    }
                }
                "not" if ok(arg) => fail(format!("matches not {arg}")),
                "then" | "else" | "not" | "enum" | "const" | "minimum" | "maximum" | "minItems" | "minProperties" => {}
                "title" | "description" | "default" | "patternErrorMessage" | "$schema" | "$defs" => {}
                other => panic!("validator knows no keyword {other}"),
            }
        }
    }

    fn errors(kind: FileKind, yaml: &str) -> Vec<String> {
        let v: Value = serde_saphyr::from_str(yaml).expect("test YAML parses");
        let s = schema(kind);
        let mut out = Vec::new();
        check(&s, &s, &v, "", &mut out);
        out
    }

    fn accepts(kind: FileKind, yaml: &str) {
        let e = errors(kind, yaml);
        assert!(e.is_empty(), "{kind:?} refuses:\n{yaml}\n{e:#?}");
    }

    fn refuses(kind: FileKind, yaml: &str, from: &str, to: &str) {
        assert!(yaml.contains(from), "{from:?} not in the example");
        let bad = yaml.replacen(from, to, 1);
        assert!(!errors(kind, &bad).is_empty(), "{kind:?} accepts {to:?} for {from:?}");
    }

    const STELSEL: &str = "
naam: Beheer DSO-LV
organisaties:
  - {id: bzk-sbo,      naam: Strategische Beheerorganisatie, rol: SBO}
  - {id: kadaster-tbo, naam: Kadaster (TBO), rol: TBO, rapporteert_aan: bzk-sbo}
  - {id: rws-obo,      naam: Rijkswaterstaat (OBO), rol: OBO, rapporteert_aan: bzk-sbo}
financiers:
  - {id: rijk, naam: Rijk}
  - {id: vng,  naam: VNG}
beleidsdoelen:
  - {id: beheer,  naam: Beheer en doorontwikkeling basisniveau, beraad: OGB-B}
componenten:
  - {id: omgevingsloket, naam: Omgevingsloket}
features:
  - {id: patchmanagement, naam: Patchmanagement, component: omgevingsloket}
taakstellend:
  - beleidsdoel: beheer
    bedragen: {2025: 41000000, 2026: \"42000000.50\"}
    verdeelsleutel: {rijk: 19.5, vng: 80.5}
kalender:
  - {stuk: plan,       rol: OBO, jaar: Y-1, maand: 9,  dag: 1}
  - {stuk: realisatie, rol: SBO, jaar: Y+1, maand: 2,  dag: 28}
normen:
  afwijking_procent: 10
  afwijking_bedrag: 50000
  minimaal_alternatieven: 2
  stukken_dagen_voor_vergadering: 10
";

    #[test]
    fn stelsel_examples() {
        accepts(Stelsel, STELSEL);
        refuses(Stelsel, STELSEL, ", rapporteert_aan: bzk-sbo}", "}");
        refuses(Stelsel, STELSEL, "rol: OBO,", "rol: obo,");
        refuses(Stelsel, STELSEL, "id: rijk", "id: Rijk");
        refuses(Stelsel, STELSEL, "naam: Beheer DSO-LV", "titel: Beheer DSO-LV");
        refuses(Stelsel, STELSEL, "2025: 41000000", "Y: 41000000");
        refuses(Stelsel, STELSEL, "rijk: 19.5", "rijk: 119.5");
        refuses(Stelsel, STELSEL, "jaar: Y+1", "jaar: Y+2");
        refuses(Stelsel, STELSEL, "maand: 9", "maand: 13");
        refuses(Stelsel, STELSEL, "dag: 28", "dag: 30");
        refuses(Stelsel, STELSEL, "minimaal_alternatieven: 2", "minimaal_alternatieven: twee");
        refuses(Stelsel, STELSEL, "naam: VNG}", "}");
    }

    const PLAN: &str = "
organisatie: kadaster-obo
jaar: 2025
status: definitief
ingediend_op: 2024-08-29
dienstverleningsniveau: zilver
doelen:
  - id: D1
    beleidsdoel: beheer
    omschrijving: Stabiel Omgevingsloket
    indicator: beschikbaarheid
    streefwaarde: \"99,5%\"
resultaten:
  - {id: R1, doel: D1, component: omgevingsloket, omschrijving: Patchbeleid op orde, gereed: 2025-06-30}
doorkijk:
  - {jaar: 2026, doel: D1, omschrijving: Migratie naar nieuwe hostingomgeving}
risicos:
  - {id: RI1, omschrijving: Schaarste aan beheerders, kans: hoog, impact: midden, maatregel: Pool met RWS, bedrag: 250000}
beheerconsequenties:
  - omschrijving: Nieuwe viewer in beheer
    component: omgevingsloket
    bedrag_per_jaar: 300000
    vanaf: 2026
";

    #[test]
    fn plan_examples() {
        accepts(Plan, PLAN);
        refuses(Plan, PLAN, "status: definitief", "status: Definitief");
        refuses(Plan, PLAN, "dienstverleningsniveau: zilver", "dienstverleningsniveau: zilver\nopmerking: x");
        refuses(Plan, PLAN, "ingediend_op: 2024-08-29", "ingediend_op: 29-08-2024");
        refuses(Plan, PLAN, "jaar: 2025", "jaar: \"2025\"");
        refuses(Plan, PLAN, "id: D1", "id: D 1");
        refuses(Plan, PLAN, "kans: hoog", "kans: groot");
        refuses(Plan, PLAN, "bedrag: 250000", "bedrag: -250000");
        refuses(Plan, PLAN, "    vanaf: 2026\n", "");
        refuses(
            Plan,
            PLAN,
            "resultaten:\n  - {id: R1, doel: D1, component: omgevingsloket, omschrijving: Patchbeleid op orde, gereed: 2025-06-30}",
            "resultaten: []",
        );
    }

    const BEGROTING: &str = "
organisatie: kadaster-obo
jaar: 2025
status: concept
regels:
  - id: OL-BEHEER
    omschrijving: Beheer en onderhoud Omgevingsloket
    beleidsdoel: beheer
    component: omgevingsloket
    kostensoort: personeel
    feature: patchmanagement
    resultaten: [R1]
    bedragen: {2025: 1250000, 2026: 1300000.5, 2027: \"1300000.50\", 2028: 0}
alternatieven:
  - niveau: brons
    totaal: 9800000
    omschrijving: Alleen kritieke incidenten
    risicos: [Langere hersteltijd]
";

    #[test]
    fn begroting_examples() {
        accepts(Begroting, BEGROTING);
        refuses(Begroting, BEGROTING, "2025: 1250000", "2025: \"1.250.000,00\"");
        refuses(Begroting, BEGROTING, "2025: 1250000", "2025: \"1250000.505\"");
        refuses(Begroting, BEGROTING, "2025: 1250000", "2025: -1");
        refuses(Begroting, BEGROTING, "{2025: 1250000, 2026: 1300000.5, 2027: \"1300000.50\", 2028: 0}", "{}");
        refuses(Begroting, BEGROTING, "    kostensoort: personeel\n", "");
        refuses(Begroting, BEGROTING, "kostensoort: personeel", "kostensoort: reizen");
        refuses(Begroting, BEGROTING, "risicos: [Langere hersteltijd]", "risicos: Langere hersteltijd");
    }

    const REALISATIE: &str = "
organisatie: kadaster-obo
jaar: 2025
status: definitief
ingediend_op: 2026-02-26
regels:
  - {regel: OL-BEHEER, bedrag: 1310450.25, toelichting: Extra inhuur na storing in maart}
resultaten:
  - {resultaat: R1, status: gerealiseerd}
";

    #[test]
    fn realisatie_examples() {
        accepts(Realisatie, REALISATIE);
        refuses(Realisatie, REALISATIE, "status: gerealiseerd", "status: klaar");
        refuses(Realisatie, REALISATIE, "regel: OL-BEHEER, bedrag: 1310450.25, ", "regel: OL-BEHEER, ");
        refuses(Realisatie, REALISATIE, "resultaten:\n  - {resultaat: R1, status: gerealiseerd}\n", "");
    }

    const AFSPRAKEN: &str = "
afspraken:
  - {organisatie: kadaster-tbo, soort: raamovereenkomst, van: 2019-01-01, tot: 2023-12-31, getekend_op: 2019-02-11, financiele_paragraaf: true}
  - {organisatie: kadaster-tbo, soort: rolacceptatie, status: open}
  - {organisatie: rws-obo, soort: jaaropdracht, van: 2025-01-01, tot: 2025-12-31, getekend_op: 2025-02-03}
";

    #[test]
    fn afspraken_examples() {
        accepts(Afspraken, AFSPRAKEN);
        accepts(Afspraken, "afspraken: []");
        refuses(Afspraken, AFSPRAKEN, "financiele_paragraaf: true", "financiele_paragraaf: ja");
        refuses(Afspraken, AFSPRAKEN, "soort: jaaropdracht", "soort: contract");
        refuses(Afspraken, AFSPRAKEN, "status: open", "status: Open");
        refuses(Afspraken, AFSPRAKEN, "organisatie: rws-obo, ", "");
    }

    const VERGADERING: &str = "
beraad: OGB-B
datum: 2025-11-13
stukken_verzonden_op: 2025-11-01
agenda:
  - id: 1
    onderwerp: Vaststelling jaarplan en begroting 2026
    soort: besluit
    stuk: jaarplan
    jaar: 2026
    voorstel: Het OGB-B stelt het jaarplan 2026 vast.
    alternatieven:
      - {naam: Binnen taakstellend budget, niveau: brons, risicos: [Hersteltijd stijgt]}
      - {naam: Gevraagd niveau, bedrag: 43200000, risicos: [Dekking onzeker]}
  - {id: 2, onderwerp: Rondvraag, soort: informatie}
";

    #[test]
    fn vergadering_examples() {
        accepts(Vergadering, VERGADERING);
        refuses(Vergadering, VERGADERING, "    jaar: 2026\n", "");
        refuses(Vergadering, VERGADERING, "niveau: brons, ", "");
        refuses(Vergadering, VERGADERING, "id: 1", "id: een");
        refuses(Vergadering, VERGADERING, "stuk: jaarplan", "stuk: begroting");
        refuses(Vergadering, VERGADERING, "datum: 2025-11-13", "datum: 13 november 2025");
    }

    /// The project's own data set is what the editor must accept without a mark.
    #[test]
    fn the_default_data_set_is_accepted() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let Ok(top) = std::fs::read_dir(&root) else { return };
        let mut files = Vec::new();
        for entry in top.flatten() {
            let p = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            match name.as_str() {
                "stelsel.yaml" => files.push((Stelsel, p)),
                "afspraken.yaml" => files.push((Afspraken, p)),
                "vergaderingen" => {
                    for f in std::fs::read_dir(&p).unwrap().flatten() {
                        files.push((Vergadering, f.path()));
                    }
                }
                _ if p.is_dir() => {
                    for org in std::fs::read_dir(&p).unwrap().flatten() {
                        for (kind, file) in FileKind::SUBMISSION {
                            let f = org.path().join(file);
                            if f.is_file() {
                                files.push((kind, f));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        for (kind, path) in files.into_iter().filter(|(_, p)| p.extension().is_some_and(|e| e == "yaml")) {
            let e = errors(kind, &std::fs::read_to_string(&path).unwrap());
            assert!(e.is_empty(), "{}: {e:#?}", path.display());
        }
    }
}
