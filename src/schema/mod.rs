//! JSON Schemas (draft 2020-12) of every file kind of the contract, for editors
//! (yaml-language-server): completion, hover texts and validation while people type.
//!
//! Generated from the loader's own declaration of each file kind (`load::raw`): the same
//! fields, the same required ones, the same shapes, the same Dutch titles and texts. What needs
//! other files, arithmetic or the file's own place (references, sums, uniqueness, years relative
//! to the cycle year, header against folder name) stays with `jaarcyclus check`.
//!
//! yaml-language-server validates with draft-07 semantics, so validation uses only keywords that
//! mean the same in draft-07 and 2020-12: `if`/`then` rather than `dependentRequired`, and
//! `$defs` only as `$ref` targets. `patternErrorMessage` is the editors' extension for a readable
//! message; validators ignore it.
//!
//! An editor judges a number by its value, never by how it is written, so every number also
//! carries what its value can show: amounts `multipleOf: 0.01` (percentages 0.0001) and the
//! loader's bounds, year keys the loader's range (yaml-language-server hands an unquoted key
//! `2027:` to `propertyNames` as a number, other validators as the text `"2027"`: the key schema
//! takes both). What only the notation shows stays with `check` (E003): an exponent that makes a
//! whole number of cents (`1.45e6`), trailing zeros (`1250000.500`), a quoted year key.
//! `.ci/editor/` drives yaml-language-server over the default data and broken files and holds it
//! to `check`, these differences included.

use crate::load::raw::*;
use crate::model::FileKind;
use serde_json::{Map, Value, json};

#[cfg(test)]
mod tests;

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";
const LOWER_ID: &str = r"^[a-z0-9][a-z0-9-]*$";
const CODE: &str = r"^\S+$";
const DATE: &str = r"^\d{4}-\d{2}-\d{2}$";
const AMOUNT: &str = r"^\+?\d+(\.\d{1,2})?$";
const SIGNED_AMOUNT: &str = r"^[+-]?\d+(\.\d{1,2})?$";
const PERCENT: &str = r"^\+?\d+(\.\d{1,4})?$";
const NON_EMPTY: &str = r"\S";
/// The widest range of years the loader accepts for a cycle year or a first year.
const YEARS: (i64, i64) = (2000, 2100);
/// The loader's bound on amounts and percentages: at most 20 digits before the point.
const BELOW: f64 = 1e20;

/// The declaration of a file kind.
pub fn declaration(kind: FileKind) -> &'static Mapping {
    match kind {
        FileKind::Stelsel => &RawStelsel::SPEC,
        FileKind::Afspraken => &RawAfspraken::SPEC,
        FileKind::Aanvaard => &RawAanvaard::SPEC,
        FileKind::Plan => &RawPlan::SPEC,
        FileKind::Begroting => &RawBegroting::SPEC,
        FileKind::Realisatie => &RawRealisatie::SPEC,
        FileKind::Wijziging => &RawWijziging::SPEC,
        FileKind::Voortgang => &RawVoortgang::SPEC,
        FileKind::Vergadering => &RawVergadering::SPEC,
        FileKind::Ontvangsten => &RawOntvangsten::SPEC,
    }
}

/// The JSON Schema of one file kind.
pub fn schema(kind: FileKind) -> Value {
    let mut root = mapping(declaration(kind), year_keys(kind));
    let defs = used_defs(&root);
    root["$schema"] = DRAFT.into();
    if !defs.is_empty() {
        root["$defs"] = Value::Object(defs);
    }
    root
}

/// The years a per-year mapping (`bedragen`) of a file kind may name, as the loader judges them:
/// the construct's capped budgets any year of `YEARS` (else E003); a budget line Y..Y+3 of its
/// cycle year Y (E203), so at most `YEARS` shifted by 3.
fn year_keys(kind: FileKind) -> (i64, i64) {
    match kind {
        FileKind::Begroting => (YEARS.0, YEARS.1 + 3),
        _ => YEARS,
    }
}

/// A pattern for the four-digit texts of the years `from..=to`, one alternative per decade,
/// e.g. `^(200\d|201\d|210[0-3])$`.
fn year_pattern((from, to): (i64, i64)) -> String {
    assert!((1000..=to).contains(&from) && to <= 9999, "four-digit years");
    let decades: Vec<String> = (from / 10..=to / 10)
        .map(|d| {
            let (lo, hi) = ((from - d * 10).max(0), (to - d * 10).min(9));
            match (lo, hi) {
                (0, 9) => format!(r"{d}\d"),
                (lo, hi) if lo == hi => format!("{d}{lo}"),
                (lo, hi) => format!("{d}[{lo}-{hi}]"),
            }
        })
        .collect();
    format!("^({})$", decades.join("|"))
}

/// The file name to write it to, e.g. "plan.schema.json".
pub fn file_name(kind: FileKind) -> String {
    format!("{}.schema.json", kind.as_str())
}

/// Where the files of a kind lie in a data root, as globs relative to it (contract §1, as the
/// loader's walk classifies them). yaml-language-server puts `**/` before every glob of
/// `yaml.schemas`, so they match under every data root in the folder an editor opens.
pub fn globs(kind: FileKind) -> &'static [&'static str] {
    match kind {
        FileKind::Stelsel => &["stelsel.yaml"],
        FileKind::Afspraken => &["afspraken.yaml"],
        FileKind::Aanvaard => &["aanvaard.yaml"],
        FileKind::Plan => &["[0-9][0-9][0-9][0-9]/*/plan.yaml"],
        FileKind::Begroting => &["[0-9][0-9][0-9][0-9]/*/begroting.yaml"],
        FileKind::Realisatie => &["[0-9][0-9][0-9][0-9]/*/realisatie.yaml"],
        FileKind::Wijziging => &["[0-9][0-9][0-9][0-9]/*/wijziging-*.yaml"],
        FileKind::Voortgang => &["[0-9][0-9][0-9][0-9]/*/voortgang-q*.yaml"],
        FileKind::Vergadering => &["vergaderingen/*.yaml"],
        FileKind::Ontvangsten => &["ontvangsten.yaml"],
    }
}

/// The editor setting `yaml.schemas` (VS Code with the YAML extension, and every client of
/// yaml-language-server): each schema, at `map` as the editor's folder sees it (relative to that
/// folder, with `/`), with the globs of its files.
pub fn yaml_schemas(map: &str) -> Value {
    let map = map.trim_end_matches('/');
    let at = |k: FileKind| if map.is_empty() || map == "." { file_name(k) } else { format!("{map}/{}", file_name(k)) };
    Value::Object(FileKind::ALL.iter().map(|&k| (at(k), json!(globs(k)))).collect())
}

/// An editor settings file (`.vscode/settings.json`) with `yaml.schemas` set to `schemas`: the
/// `existing` settings kept, and of its `yaml.schemas` every entry kept except those for a schema
/// of ours (by file name, wherever it lay). `Err` when `existing` is no JSON object (VS Code also
/// allows comments, which this does not keep): the caller then leaves the file alone.
pub fn editor_settings(existing: Option<&str>, schemas: Value) -> Result<String, String> {
    let mut settings = match existing.map(serde_json::from_str::<Value>) {
        None => Map::new(),
        Some(Ok(Value::Object(m))) => m,
        Some(Ok(_)) => return Err("het bestand is geen JSON-object".into()),
        Some(Err(e)) => {
            return Err(format!(
                "geen geldige JSON (regel {}, kolom {}); commentaar en een komma aan het eind leest jaarcyclus hier niet",
                e.line(),
                e.column()
            ));
        }
    };
    let ours: Vec<String> = FileKind::ALL.iter().map(|&k| file_name(k)).collect();
    let mut merged = match settings.remove("yaml.schemas") {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    };
    merged.retain(|key, _| !ours.iter().any(|f| key == f || key.ends_with(&format!("/{f}"))));
    if let Value::Object(m) = schemas {
        merged.extend(m);
    }
    settings.insert("yaml.schemas".into(), Value::Object(merged));
    Ok(serde_json::to_string_pretty(&Value::Object(settings)).expect("settings serialise") + "\n")
}

/// The shared shapes, by name, each with a general title and text (a use adds its own).
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
            "type": ["string", "number"], "pattern": CODE,
            "patternErrorMessage": "Een code bevat geen spaties, bijv. OL-BEHEER.",
        }),
        "tekst" => json!({
            "title": "Tekst",
            "description": "Vrije tekst. Gebruik voor lange tekst de blokstijl (>-); binnen {...} eindigt een \
                            komma de waarde.",
            "type": ["string", "number"], "pattern": NON_EMPTY,
            "patternErrorMessage": "Vul een tekst in.",
        }),
        "tekst-of-leeg" => json!({
            "title": "Tekst",
            "description": "Vrije tekst; leeg telt als niet ingevuld. Gebruik voor lange tekst de blokstijl (>-); \
                            binnen {...} eindigt een komma de waarde.",
            "type": ["string", "number"],
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
            "type": "integer", "minimum": YEARS.0, "maximum": YEARS.1,
        }),
        "bedrag" => json!({
            "title": "Bedrag",
            "description": "Bedrag in euro's: cijfers met hoogstens twee decimalen achter een punt, bijv. 1250000 \
                            of 1250000.50 (eventueel tussen aanhalingstekens). Nul mag, negatief niet. Geen \
                            Nederlandse notatie (1.250.000,00) en geen exponent (1e6).",
            "type": ["number", "string"], "minimum": 0, "exclusiveMaximum": BELOW, "multipleOf": 0.01,
            "pattern": AMOUNT,
            "patternErrorMessage": "Schrijf een bedrag als 1250000 of 1250000.50: zonder duizendtalpunten, met \
                                    een punt (geen komma) en hoogstens twee decimalen.",
        }),
        "mutatie" => json!({
            "title": "Mutatie",
            "description": "Verandering van een bedrag in euro's: cijfers met hoogstens twee decimalen achter een \
                            punt, met een min ervoor om te verlagen, bijv. 500000 of -85000. Geen Nederlandse \
                            notatie en geen exponent.",
            "type": ["number", "string"], "exclusiveMinimum": -BELOW, "exclusiveMaximum": BELOW,
            "multipleOf": 0.01, "pattern": SIGNED_AMOUNT,
            "patternErrorMessage": "Schrijf een mutatie als 500000 of -85000.50: zonder duizendtalpunten, met \
                                    een punt (geen komma) en hoogstens twee decimalen.",
        }),
        "procent" => json!({
            "title": "Percentage",
            "description": "Een percentage als getal met hoogstens vier decimalen, bijv. 19 of 33.3333.",
            "type": ["number", "string"], "minimum": 0, "exclusiveMaximum": BELOW, "multipleOf": 0.0001,
            "pattern": PERCENT,
            "patternErrorMessage": "Schrijf een percentage als 19 of 33.3333, met een punt en hoogstens vier \
                                    decimalen.",
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
            let d = def(&name);
            todo.extend(refs(&d));
            defs.insert(name, d);
        }
    }
    defs.sort_keys();
    defs
}

fn refs(v: &Value) -> Vec<String> {
    match v {
        Value::Object(m) => m
            .iter()
            .flat_map(|(k, sub)| match (k.as_str(), sub.as_str()) {
                ("$ref", Some(r)) => vec![r.trim_start_matches("#/$defs/").to_string()],
                _ => refs(sub),
            })
            .collect(),
        Value::Array(a) => a.iter().flat_map(refs).collect(),
        _ => Vec::new(),
    }
}

fn shared(name: &str) -> Value {
    json!({ "$ref": format!("#/$defs/{name}") })
}

/// The value of a shape (without the field's own title and text).
fn shape(s: Shape, required: bool, years: (i64, i64)) -> Value {
    match s {
        Shape::Id => shared("id"),
        Shape::Code => shared("code"),
        // The loader takes a blank optional text as absent; a required one must say something.
        Shape::Text if required => shared("tekst"),
        Shape::Text => shared("tekst-of-leeg"),
        Shape::Texts => json!({ "type": "array", "items": shared("tekst") }),
        Shape::Codes => json!({ "type": "array", "items": shared("code") }),
        Shape::Date => shared("datum"),
        Shape::Year => shared("jaartal"),
        Shape::Whole { min, max } => json!({ "type": "integer", "minimum": min, "maximum": max }),
        Shape::Amount => shared("bedrag"),
        Shape::SignedAmount => shared("mutatie"),
        Shape::Percent { max: None } => shared("procent"),
        Shape::Percent { max: Some(max) } => json!({ "allOf": [shared("procent")], "maximum": max }),
        Shape::Bool => json!({ "type": "boolean" }),
        Shape::Choice(spellings) => json!({ "type": "string", "enum": spellings }),
        Shape::Amounts => json!({
            "type": "object",
            // A number for yaml-language-server (`2027:` unquoted), the text for validators of JSON.
            "propertyNames": {
                "type": ["integer", "string"], "minimum": years.0, "maximum": years.1,
                "pattern": year_pattern(years),
                "patternErrorMessage": format!(
                    "Een jaar is een jaartal van {} tot en met {} zonder aanhalingstekens, bijv. 2026.",
                    years.0, years.1
                ),
            },
            "additionalProperties": shared("bedrag"),
        }),
        Shape::Key => json!({
            "type": "object",
            "propertyNames": { "pattern": LOWER_ID, "patternErrorMessage": "Gebruik de id van een financier, bijv. vng." },
            "additionalProperties": {
                "allOf": [shared("procent")], "maximum": 100,
                "title": "Aandeel",
                "description": "Aandeel van deze financier in procenten: 0 tot en met 100, hoogstens 4 decimalen.",
            },
        }),
        Shape::List(m) => json!({ "type": "array", "items": mapping(m, years) }),
        Shape::Map(m) => mapping(m, years),
    }
}

/// A closed mapping: only its fields, the required ones present, its rules as `allOf`.
fn mapping(m: &Mapping, years: (i64, i64)) -> Value {
    let mut properties = Map::new();
    for f in m.fields {
        let mut v = shape(f.spec.shape, f.spec.required, years);
        v["title"] = f.spec.title.into();
        v["description"] = f.spec.description.into();
        if let Some(d) = f.spec.default {
            v["default"] = d.into();
        }
        properties.insert(f.name.to_string(), v);
    }
    for r in m.rules {
        if let Rule::NonEmpty(name) = r {
            let keyword = match m.field(name).map(|f| f.spec.shape) {
                Some(Shape::Amounts) => "minProperties",
                _ => "minItems",
            };
            properties[*name][keyword] = 1.into();
        }
    }
    let mut v = json!({
        "title": m.title,
        "description": m.description,
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
    });
    let required: Vec<&str> = m.fields.iter().filter(|f| f.spec.required).map(|f| f.name).collect();
    if !required.is_empty() {
        v["required"] = json!(required);
    }
    let rules: Vec<Value> = m.rules.iter().filter_map(rule).flatten().collect();
    if !rules.is_empty() {
        v["allOf"] = rules.into();
    }
    v
}

/// A rule between fields as `if`/`then`/`else` (none for rules the properties carry).
fn rule(r: &Rule) -> Option<Vec<Value>> {
    Some(match *r {
        Rule::RequiredUnless { field, key, value } => vec![json!({
            "if": { "properties": { key: { "const": value } }, "required": [key] },
            "else": { "required": [field] },
        })],
        Rule::OnlyWhen { field, key, value } => vec![json!({
            "if": { "properties": { key: { "const": value } }, "required": [key] },
            "then": { "required": [field] },
            "else": { "not": { "required": [field] } },
        })],
        Rule::RequiredWith { field, key } => {
            vec![json!({ "if": { "required": [key] }, "then": { "required": [field] } })]
        }
        Rule::RequiredWithout { field, key } => {
            vec![json!({ "if": { "not": { "required": [key] } }, "then": { "required": [field] } })]
        }
        Rule::DayOfMonth => {
            let last_day = |months: &[i64], max: i64| {
                json!({
                    "if": { "properties": { "maand": { "enum": months } }, "required": ["maand"] },
                    "then": { "properties": { "dag": { "maximum": max } } },
                })
            };
            vec![last_day(&[2], 29), last_day(&[4, 6, 9, 11], 30)]
        }
        Rule::EachRequiredUnless { list, field, or, unless } => {
            let any: Vec<Value> =
                std::iter::once(field).chain(or.iter().copied()).map(|k| json!({ "required": [k] })).collect();
            vec![json!({
                "if": { "not": { "required": [unless] } },
                "then": { "properties": { *list: { "items": { "anyOf": any } } } },
            })]
        }
        Rule::NonEmpty(_) => return None,
    })
}
