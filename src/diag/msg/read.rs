//! Messages: Reading a file and the form of its values (E001–E005, E003, W007).

use super::build::*;
use crate::model::AmountError;

// ---- E001–E005: reading ----

/// E001.
pub fn syntax(detail: &str) -> Diagnostic {
    d(
        Code::E001,
        format!("YAML-syntaxfout: {detail}"),
        "controleer inspringing, dubbele punten en aanhalingstekens op deze plaats",
    )
}

/// E002.
pub fn unknown_field(field: &str, expected: &str) -> Diagnostic {
    d(Code::E002, format!("onbekend veld `{field}`"), &format!("bedoelt u een van: {expected}?"))
}

/// E003: a structural type mismatch reported by the parser.
pub fn wrong_type(detail: &str) -> Diagnostic {
    d(
        Code::E003,
        format!("verkeerd type: {detail}"),
        "vergelijk de vorm met het voorbeeld in het contract (lijst, mapping of enkele waarde)",
    )
}

/// E003: a Dutch amount in flow style, cut in two by its comma (`{2027: 1.450.000,00}`).
pub fn flow_comma_amount(written: &str) -> Diagnostic {
    d(
        Code::E003,
        format!("bedrag `{written}` staat in Nederlandse notatie; tussen `{{ }}` sluit de komma de waarde af"),
        "schrijf bedragen zonder scheidingstekens voor duizendtallen en met een punt voor de centen: 1450000.00",
    )
}

/// E003.
pub fn missing_field(field: &str) -> Diagnostic {
    d(Code::E003, format!("verplicht veld `{field}` ontbreekt"), &format!("voeg `{field}:` toe"))
}

/// E003: a field that belongs only with another field's value (`Rule::OnlyWhen`).
pub fn only_when(field: &str, key: &str, value: &str) -> Diagnostic {
    d(
        Code::E003,
        format!("`{field}` hoort alleen bij `{key}: {value}`"),
        &format!("laat `{field}` weg, of zet `{key}: {value}`"),
    )
}

/// E003.
pub fn empty_value(field: &str) -> Diagnostic {
    d(Code::E003, format!("`{field}` is leeg"), &format!("vul `{field}` in"))
}

/// E003.
pub fn bad_enum(field: &str, value: &str, allowed: &[&str]) -> Diagnostic {
    d(
        Code::E003,
        format!("`{value}` is geen geldige waarde voor `{field}`"),
        &format!("kies uit: {} (precies zo gespeld)", allowed.join(", ")),
    )
}

/// E003.
pub fn bad_id(field: &str, value: &str, lowercase: bool) -> Diagnostic {
    let hint = if lowercase {
        "een id bestaat uit kleine letters, cijfers en koppeltekens en begint met een letter of cijfer, bijvoorbeeld `kadaster-obo`"
    } else {
        "een id is tekst zonder spaties, bijvoorbeeld `OL-BEHEER` of `R1`"
    };
    d(Code::E003, format!("`{value}` is geen geldige id voor `{field}`"), hint)
}

/// E003.
pub fn bad_date(field: &str, value: &str) -> Diagnostic {
    d(
        Code::E003,
        format!("`{value}` is geen geldige datum voor `{field}`"),
        "schrijf een datum precies als JJJJ-MM-DD, bijvoorbeeld 2025-09-01",
    )
}

/// E003.
pub fn bad_year(field: &str, value: i64, from: i64, to: i64) -> Diagnostic {
    d(
        Code::E003,
        format!("jaar {value} in `{field}` ligt buiten het bereik {from}–{to}"),
        &format!("gebruik een jaar van {from} tot en met {to}"),
    )
}

/// E003: not a plain integer where one belongs; `quoted` for a whole number written as text
/// (contract §2: "years and year keys: unquoted integers").
pub fn not_an_integer(field: &str, text: &str, quoted: bool) -> Diagnostic {
    if quoted {
        d(
            Code::E003,
            format!("`{field}` staat tussen aanhalingstekens (\"{text}\"); een getal hoort hier zonder"),
            &format!("schrijf het getal zonder aanhalingstekens: {}", text.trim()),
        )
    } else {
        d(
            Code::E003,
            format!("`{text}` in `{field}` is geen geheel getal"),
            "schrijf een geheel getal, zonder punt, komma of aanhalingstekens",
        )
    }
}

/// E003.
pub fn bad_number(field: &str, value: i64, from: i64, to: i64) -> Diagnostic {
    d(Code::E003, format!("`{field}` is {value}, maar moet liggen tussen {from} en {to}"), "")
}

/// E003.
pub fn bad_calendar_year(value: &str) -> Diagnostic {
    d(Code::E003, format!("`{value}` is geen geldige waarde voor `jaar` in de kalender"), "kies uit: Y-1, Y, Y+1")
}

/// E003 or E201 for an amount.
pub fn bad_amount(field: &str, value: &str, err: &AmountError) -> Diagnostic {
    let (code, msg, hint) = match err {
        AmountError::Negative => (
            Code::E201,
            format!("negatief bedrag {value} in `{field}`"),
            "bedragen zijn nooit negatief; een lagere uitgave blijkt uit het verschil met de begroting",
        ),
        AmountError::DutchNotation => (
            Code::E003,
            format!("bedrag `{value}` in `{field}` staat in Nederlandse notatie"),
            "schrijf bedragen zonder scheidingstekens voor duizendtallen en met een punt voor de centen: 1250000.00",
        ),
        AmountError::Exponent => (
            Code::E003,
            format!("bedrag `{value}` in `{field}` gebruikt een exponent"),
            "schrijf het bedrag voluit, bijvoorbeeld 1000000",
        ),
        AmountError::NonFinite => (
            Code::E003,
            format!("`{value}` in `{field}` is geen bedrag"),
            "schrijf een eindig bedrag in euro's, bijvoorbeeld 250000",
        ),
        AmountError::Underscore => (
            Code::E003,
            format!("bedrag `{value}` in `{field}` bevat een liggend streepje"),
            "schrijf het bedrag zonder scheidingstekens: 1000000",
        ),
        AmountError::TooManyDecimals(n) => (
            Code::E003,
            format!("bedrag `{value}` in `{field}` heeft {n} decimalen"),
            "een bedrag heeft hoogstens twee decimalen (centen)",
        ),
        AmountError::TooLarge => (
            Code::E003,
            format!("bedrag `{value}` in `{field}` is te groot om exact te rekenen"),
            "controleer het aantal cijfers",
        ),
        AmountError::NotANumber => (
            Code::E003,
            format!("`{value}` in `{field}` is geen bedrag"),
            "schrijf een bedrag in euro's als 1250000 of 1250000.50",
        ),
    };
    d(code, msg, hint)
}

/// E003 for a percentage.
pub fn bad_percentage(value: &str) -> Diagnostic {
    d(
        Code::E003,
        format!("`{value}` is geen geldig percentage"),
        "schrijf een percentage als getal met hoogstens vier decimalen, bijvoorbeeld 19 of 33.3333",
    )
}

/// E003: a percentage above its maximum.
pub fn percentage_above(field: &str, value: &str, max: i64) -> Diagnostic {
    d(
        Code::E003,
        format!("`{field}` is {value}, maar mag hoogstens {max} zijn"),
        "een kans in procenten ligt tussen 0 en 100",
    )
}

/// E003 for a file that holds nothing.
pub fn empty_file() -> Diagnostic {
    d(Code::E003, "het bestand is leeg".into(), "vul het bestand volgens het contract")
}

/// E004.
pub fn duplicate_key(key: &str) -> Diagnostic {
    d(
        Code::E004,
        format!("sleutel `{key}` staat twee keer in deze mapping"),
        "verwijder of hernoem een van beide; jaarcyclus neemt nooit stilzwijgend de laatste",
    )
}

/// E005.
pub fn unreadable(reason: &str) -> Diagnostic {
    d(Code::E005, format!("bestand onleesbaar: {reason}"), "sla het op als gewone UTF-8-tekst binnen de gegevensmap")
}

/// W007.
pub fn unexpected_file(path: &str) -> Diagnostic {
    d(
        Code::W007,
        format!("onverwacht bestand `{path}` wordt niet gelezen"),
        "verplaats of verwijder het, of geef het de naam die het contract voorschrijft (plan.yaml, begroting.yaml, realisatie.yaml)",
    )
}
