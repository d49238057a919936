//! Tests of the JSON Schemas: their shape, that they follow the loader's declaration, and that
//! a real validator (as editors use it) accepts and refuses the right YAML.

use super::*;
use crate::model::{
    Aard, AfspraakSoort, AfspraakStatus, AgendaSoort, AgendaStuk, Klasse, Kostensoort, Niveau, ResultaatStatus, Rol,
    Status, StukSoort, VoortgangStatus,
};
use FileKind::*;

const ALL: &[FileKind] = FileKind::ALL;

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
    for &kind in ALL {
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
    for &kind in ALL {
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
    let cases: [(FileKind, &str, &[&str]); 25] = [
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
        (Vergadering, "/properties/agenda/items/properties/stuk", AgendaStuk::SPELLINGS),
        (Wijziging, "/properties/status", Status::SPELLINGS),
        (Wijziging, "/properties/regels/items/properties/kostensoort", Kostensoort::SPELLINGS),
        (Voortgang, "/properties/status", Status::SPELLINGS),
        (Voortgang, "/properties/resultaten/items/properties/status", VoortgangStatus::SPELLINGS),
        (Vergadering, "/properties/agenda/items/properties/alternatieven/items/properties/niveau", Niveau::SPELLINGS),
        (
            Vergadering,
            "/properties/agenda/items/properties/alternatieven/items/properties/effecten/items/properties/aard",
            Aard::SPELLINGS,
        ),
        (Wijziging, "/properties/regels/items/properties/aard", Aard::SPELLINGS),
        (Begroting, "/properties/regels/items/properties/aard", Aard::SPELLINGS),
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
    for &kind in ALL {
        let a = serde_json::to_string_pretty(&schema(kind)).unwrap();
        let b = serde_json::to_string_pretty(&schema(kind)).unwrap();
        assert_eq!(a, b);
    }
}

// Validation as editors do it: draft-07 semantics (yaml-language-server), by the
// `jsonschema` crate, on the YAML read as JSON.

fn errors(kind: FileKind, yaml: &str) -> Vec<String> {
    // YAML 1.2 as the loader and editors read it: `jaar: Y` is the text "Y", not a boolean.
    let v: Value = serde_saphyr::from_str_with_options(yaml, serde_saphyr::options! { strict_booleans: true })
        .expect("test YAML parses");
    let validator = jsonschema::draft7::new(&schema(kind)).expect("a valid draft-07 schema");
    validator.iter_errors(&v).map(|e| format!("{}: {e}", e.instance_path())).collect()
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
    refuses(Stelsel, STELSEL, "2025: 41000000", "2101: 41000000");
    refuses(Stelsel, STELSEL, "2025: 41000000", "20255: 41000000");
    refuses(Stelsel, STELSEL, "rijk: 19.5", "rijk: 19.55555");
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
    // The widest range of a budget line's years: Y..Y+3 of the latest cycle year the loader takes.
    accepts(Begroting, &BEGROTING.replacen("2028: 0", "2103: 0", 1));
    refuses(Begroting, BEGROTING, "2028: 0", "2104: 0");
    refuses(Begroting, BEGROTING, "2025: 1250000", "20277: 1250000");
    refuses(Begroting, BEGROTING, "2025: 1250000", "1999: 1250000");
    refuses(Begroting, BEGROTING, "2026: 1300000.5", "2026: 1300000.505");
    refuses(Begroting, BEGROTING, "2026: 1300000.5", "2026: 100000000000000000000");
    refuses(Begroting, BEGROTING, "totaal: 9800000", "totaal: 9800000.001");
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
    // Decisions as effects over a baseline (contract §13): no amount needed.
    let effects = VERGADERING.replace(
        "      - {naam: Binnen taakstellend budget, niveau: brons, risicos: [Hersteltijd stijgt]}\n      - {naam: Gevraagd niveau, bedrag: 43200000, risicos: [Dekking onzeker]}\n",
        "      - {naam: A, effecten: [{jaar: 2026, bedrag: -650000.50, aard: structureel}], risicos: [x]}\n      - {naam: B, effecten: [], risicos: [y]}\n",
    );
    assert_ne!(effects, VERGADERING);
    accepts(Vergadering, &effects);
    refuses(Vergadering, &effects, "aard: structureel", "aard: eenmalig");
    let on_wijziging = VERGADERING.replace(
        "    alternatieven:\n      - {naam: Binnen taakstellend budget, niveau: brons, risicos: [Hersteltijd stijgt]}",
        "    wijziging: {organisatie: rws-obo, nummer: 1}\n    alternatieven:\n      - {naam: Alles, risicos: [x]}\n      - {naam: Geen, regels: [], risicos: [y]}",
    );
    assert_ne!(on_wijziging, VERGADERING);
    accepts(Vergadering, &on_wijziging);
    refuses(Vergadering, &on_wijziging, "nummer: 1}", "nummer: een}");
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
                    for f in std::fs::read_dir(org.path()).unwrap().flatten() {
                        if let Some((kind, _)) = FileKind::numbered(&f.file_name().to_string_lossy()) {
                            files.push((kind, f.path()));
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

/// The year keys' pattern (for validators that see keys as text) says what their bounds say (for
/// yaml-language-server, which hands an unquoted key over as a number).
#[test]
fn year_key_patterns_match_their_bounds() {
    for range in [YEARS, (YEARS.0, YEARS.1 + 3), (2005, 2012), (1000, 9999)] {
        let pattern = json!({ "type": "string", "pattern": year_pattern(range) });
        let v = jsonschema::draft7::new(&pattern).expect("a valid pattern");
        for year in 0..=10_000 {
            let inside = (range.0..=range.1).contains(&year);
            assert_eq!(v.is_valid(&json!(year.to_string())), inside, "{range:?} {year}");
        }
    }
    for (kind, pointer, range) in [
        (Begroting, "/properties/regels/items/properties/bedragen/propertyNames", (YEARS.0, YEARS.1 + 3)),
        (Stelsel, "/properties/taakstellend/items/properties/bedragen/propertyNames", YEARS),
    ] {
        let s = schema(kind);
        let names = at(&s, pointer);
        assert_eq!((names["minimum"].as_i64(), names["maximum"].as_i64()), (Some(range.0), Some(range.1)));
        assert_eq!(names["pattern"], year_pattern(range));
        assert_eq!(strings(&names["type"]), ["integer", "string"]);
    }
}

/// What an editor can see of an amount: a multiple of a cent below the loader's bound.
#[test]
fn amounts_carry_what_their_value_shows() {
    let s = schema(Begroting);
    let bedrag = at(&s, "/$defs/bedrag");
    assert_eq!(bedrag["multipleOf"], 0.01);
    assert_eq!((bedrag["minimum"].as_f64(), bedrag["exclusiveMaximum"].as_f64()), (Some(0.0), Some(1e20)));
    let w = schema(Wijziging);
    let mutatie = at(&w, "/$defs/mutatie");
    assert_eq!(mutatie["multipleOf"], 0.01);
    assert_eq!(mutatie["exclusiveMinimum"].as_f64(), Some(-1e20));
    assert_eq!(at(&schema(Stelsel), "/$defs/procent")["multipleOf"], 0.0001);
}

#[test]
fn editor_settings_tie_every_schema_to_its_files() {
    let s = yaml_schemas("schema");
    let m = s.as_object().unwrap();
    assert_eq!(m.len(), ALL.len());
    for &k in ALL {
        assert_eq!(strings(&m[&format!("schema/{}", file_name(k))]), globs(k), "{k:?}");
    }
    assert_eq!(strings(&m["schema/begroting.schema.json"]), ["[0-9][0-9][0-9][0-9]/*/begroting.yaml"]);
    assert_eq!(strings(&m["schema/vergadering.schema.json"]), ["vergaderingen/*.yaml"]);
    assert!(yaml_schemas("../schema/").get("../schema/plan.schema.json").is_some());
    assert!(yaml_schemas(".").get("plan.schema.json").is_some());
    // Every file the default data holds has exactly one glob that matches it.
    let glob = |g: &str, rel: &str| {
        let (gs, rs): (Vec<&str>, Vec<&str>) = (g.split('/').collect(), rel.split('/').collect());
        gs.len() == rs.len()
            && gs.iter().zip(&rs).all(|(g, r)| match *g {
                "*" => true,
                "[0-9][0-9][0-9][0-9]" => r.len() == 4 && r.bytes().all(|b| b.is_ascii_digit()),
                g => match g.split_once('*') {
                    Some((a, b)) => r.starts_with(a) && r.ends_with(b) && r.len() >= a.len() + b.len(),
                    None => g == *r,
                },
            })
    };
    for (rel, kind) in [
        ("stelsel.yaml", Stelsel),
        ("afspraken.yaml", Afspraken),
        ("aanvaard.yaml", Aanvaard),
        ("2027/geonovum/plan.yaml", Plan),
        ("2027/geonovum/begroting.yaml", Begroting),
        ("2025/geonovum/realisatie.yaml", Realisatie),
        ("2026/rws-obo/wijziging-1.yaml", Wijziging),
        ("2026/rws-obo/voortgang-q2.yaml", Voortgang),
        ("vergaderingen/2026-12-10-ogb-b.yaml", Vergadering),
    ] {
        let matching: Vec<FileKind> = ALL.iter().copied().filter(|&k| globs(k).iter().any(|g| glob(g, rel))).collect();
        assert_eq!(matching, [kind], "{rel}");
    }
}

#[test]
fn editor_settings_keep_what_else_is_there() {
    let fresh = editor_settings(None, yaml_schemas("schema")).unwrap();
    let v: Value = serde_json::from_str(&fresh).unwrap();
    assert_eq!(v.as_object().unwrap().len(), 1);
    assert!(fresh.ends_with("}\n"));
    let existing = r#"{"editor.tabSize": 2, "yaml.schemas": {"oud/begroting.schema.json": ["x.yaml"],
        "https://json.schemastore.org/github-workflow.json": [".github/workflows/*.yml"]}}"#;
    let v: Value = serde_json::from_str(&editor_settings(Some(existing), yaml_schemas("schema")).unwrap()).unwrap();
    assert_eq!(v["editor.tabSize"], 2);
    let schemas = v["yaml.schemas"].as_object().unwrap();
    assert!(schemas.get("oud/begroting.schema.json").is_none(), "a schema of ours moved: the old entry goes");
    assert!(schemas.get("https://json.schemastore.org/github-workflow.json").is_some());
    assert_eq!(schemas.len(), ALL.len() + 1);
    assert!(editor_settings(Some("// commentaar\n{}"), yaml_schemas("schema")).is_err());
    assert!(editor_settings(Some("[]"), yaml_schemas("schema")).is_err());
}
