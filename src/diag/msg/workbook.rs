//! Messages: reading a workbook of the spreadsheet route (`jaarcyclus import`).

use super::build::*;

/// E005: the workbook cannot be opened or is too large.
pub fn workbook_unreadable(reason: &str) -> Diagnostic {
    d(
        Code::E005,
        format!("werkmap onleesbaar: {reason}"),
        "sla de werkmap op als Excel-werkmap (.xlsx), bijvoorbeeld opnieuw vanuit `jaarcyclus sjabloon --format xlsx`",
    )
}

/// E005: a sheet with more rows than the route reads.
pub fn too_many_rows(limit: u32) -> Diagnostic {
    d(
        Code::E005,
        format!("het blad heeft meer dan {limit} rijen met inhoud; verder is niet gelezen"),
        "verwijder lege of overbodige rijen onderaan (ook opmaak zonder waarde telt soms mee)",
    )
}

/// W007: a sheet that is not part of the route.
pub fn unknown_sheet(name: &str) -> Diagnostic {
    d(
        Code::W007,
        format!("onbekend blad `{name}` wordt niet gelezen"),
        "de bladen heten zoals `jaarcyclus sjabloon --format xlsx` ze maakt; hernoem het blad of haal het weg",
    )
}

/// E003: a data sheet that is hidden.
pub fn hidden_sheet(name: &str) -> Diagnostic {
    d(
        Code::E003,
        format!("blad `{name}` is verborgen; wat u aanlevert moet zichtbaar zijn"),
        "maak het blad zichtbaar (rechtsklik op een bladtab, Zichtbaar maken) of verwijder het",
    )
}

/// E003: merged cells in a table.
pub fn merged(range: &str) -> Diagnostic {
    d(
        Code::E003,
        format!("samengevoegde cellen {range} in de tabel: elke rij heeft een eigen waarde nodig"),
        "heft de samenvoeging op en vul de waarde in elke rij in",
    )
}

/// E002: a column header that is no field of the sheet.
pub fn unknown_column(header: &str, expected: &str) -> Diagnostic {
    d(
        Code::E002,
        format!("onbekende kolom `{header}`; de waarden eronder worden niet gelezen"),
        &format!(
            "bedoelt u een van: {expected}? Kolommen alleen ter informatie krijgen een kop tussen haakjes, bijv. (notitie)"
        ),
    )
}

/// E004: a column header twice.
pub fn column_twice(header: &str) -> Diagnostic {
    d(Code::E004, format!("kolom `{header}` staat twee keer in de kop"), "verwijder of hernoem een van beide")
}

/// E003: a required column is missing.
pub fn missing_column(field: &str) -> Diagnostic {
    d(Code::E003, format!("verplichte kolom `{field}` ontbreekt"), &format!("voeg een kolom met kop `{field}` toe"))
}

/// E003: no header row found on a sheet.
pub fn no_header(first: &str) -> Diagnostic {
    d(
        Code::E003,
        format!("geen kopregel gevonden (een rij met onder meer `{first}`)"),
        "herstel de kopregel zoals `jaarcyclus sjabloon --format xlsx` hem maakt",
    )
}

/// E003: a value where the route expects none.
pub fn stray_value(what: &str) -> Diagnostic {
    d(
        Code::E003,
        format!("waarde {what} wordt niet gelezen"),
        "zet gegevens in de tabel onder de kopregel; een kolom ter informatie krijgt een kop tussen haakjes",
    )
}

/// E003: a cell whose kind does not fit the field (number where text belongs, and so on).
pub fn cell_kind(field: &str, found: &str, hint: &str) -> Diagnostic {
    d(Code::E003, format!("`{field}`: {found}"), hint)
}

/// E003: an amount that is not a whole number of cents.
pub fn not_whole_cents(field: &str, value: f64) -> Diagnostic {
    d(
        Code::E003,
        format!("`{field}`: het bedrag {value} is geen heel aantal centen"),
        "rond af op centen in de cel zelf (bijvoorbeeld =AFRONDEN(…;2)) of typ het bedrag; er wordt nooit stilzwijgend afgerond",
    )
}

/// E003: a formula without a stored result.
pub fn formula_without_value(field: &str, formula: &str) -> Diagnostic {
    d(
        Code::E003,
        format!("`{field}`: formule `={formula}` zonder opgeslagen uitkomst"),
        "open en bewaar de werkmap in een rekenblad dat formules uitrekent, of vervang de formule door haar waarde",
    )
}
