//! Messages: References between files and ids (E1xx).

use super::build::*;

// ---- E1xx: references ----

/// E101.
pub fn unknown_party(id: &str, context: &str) -> Diagnostic {
    dp(
        Code::E101,
        parts!["onbekende organisatie ", party(id), format!(" {context}")],
        "gebruik een id uit `organisaties` van stelsel.yaml, of voeg de partij daar toe",
    )
}

/// E101 for a folder of a party the stelsel does not know.
pub fn unknown_party_folder(id: &str) -> Diagnostic {
    dp(
        Code::E101,
        parts!["map ", party(id), " hoort bij geen organisatie uit stelsel.yaml"],
        "hernoem de map naar de id van de partij, of voeg de partij toe aan stelsel.yaml",
    )
}

/// E102.
pub fn unknown_perspective(id: &str) -> Diagnostic {
    d(Code::E102, format!("onbekend beleidsdoel `{id}`"), "gebruik een id uit `beleidsdoelen` van stelsel.yaml")
}

/// E103.
pub fn unknown_component(id: &str) -> Diagnostic {
    d(Code::E103, format!("onbekende component `{id}`"), "gebruik een id uit `componenten` van stelsel.yaml")
}

/// E103.
pub fn unknown_feature(id: &str) -> Diagnostic {
    d(
        Code::E103,
        format!("onbekende feature `{id}`"),
        "gebruik een id uit het feature-register `features` van stelsel.yaml, of voeg de feature daar toe",
    )
}

/// E104.
pub fn unknown_financier(id: &str) -> Diagnostic {
    d(
        Code::E104,
        format!("onbekende financier `{id}` in de verdeelsleutel"),
        "gebruik een id uit `financiers` van stelsel.yaml",
    )
}

/// E105.
pub fn dangling(kind: &str, id: &str, within: &str) -> Diagnostic {
    d(
        Code::E105,
        format!("{kind} `{id}` bestaat niet in {within}"),
        "controleer de id (hoofdlettergevoelig) of voeg het element toe",
    )
}

/// E106.
pub fn duplicate_id(kind: &str, id: &str) -> Diagnostic {
    d(Code::E106, format!("{kind} `{id}` komt meer dan eens voor"), "geef elk element een eigen id")
}

/// E106.
pub fn alternative_repeated(niveau: &str, beleidsdoel: Option<&str>) -> Diagnostic {
    let what = match beleidsdoel {
        Some(p) => format!("alternatief op niveau `{niveau}` voor beleidsdoel `{p}`"),
        None => format!("alternatief op niveau `{niveau}` voor alle beleidsdoelen samen"),
    };
    d(
        Code::E106,
        format!("{what} staat er meer dan eens"),
        "elke combinatie van dienstverleningsniveau en beleidsdoel komt hoogstens één keer voor als alternatief",
    )
}

/// E106.
pub fn alternative_own_level(niveau: &str) -> Diagnostic {
    d(
        Code::E106,
        format!("alternatief op niveau `{niveau}` is het niveau van het plan zelf"),
        "een alternatief beschrijft het totaal op een ánder dienstverleningsniveau dan het plan",
    )
}

/// E107.
pub fn header_mismatch(field: &str, written: &str, expected: &str, place: &str) -> Diagnostic {
    d(
        Code::E107,
        format!("`{field}` is `{written}`, maar {place} zegt `{expected}`"),
        "verplaats het bestand naar de juiste map of corrigeer de kop",
    )
}

/// E108.
pub fn no_sbo() -> Diagnostic {
    d(Code::E108, "het stelsel heeft geen SBO".into(), "geef precies één organisatie `rol: SBO`")
}

/// E108.
pub fn two_sbos(id: &str, first: &str) -> Diagnostic {
    dp(Code::E108, parts![party(id), " is een tweede SBO naast ", party(first)], "het stelsel heeft precies één SBO")
        .about(Some(id), None)
}

/// E108.
pub fn reporting_cycle(id: &str, path: &[&str], stop: Option<&str>) -> Diagnostic {
    dp(
        Code::E108,
        Message(
            [vec![Part::from("rapportagelijn van "), party(id), " is een kring: ".into()], line(path, stop)].concat(),
        ),
        "laat de lijn via `rapporteert_aan` eindigen bij het SBO",
    )
    .about(Some(id), None)
}

/// `a → b → c`, each a party; with `stop`, a line cut short: `a → b → … → z`.
fn line(path: &[&str], stop: Option<&str>) -> Vec<Part> {
    let mut out = Vec::new();
    for (i, p) in path.iter().enumerate() {
        if i > 0 {
            out.push(Part::from(" → "));
        }
        out.push(Part::Member(p.to_string()));
    }
    if let Some(z) = stop {
        out.push(Part::from(" → … → "));
        out.push(Part::Member(z.to_string()));
    }
    out
}

/// E108.
pub fn not_reaching_sbo(id: &str, path: &[&str], stop: Option<&str>) -> Diagnostic {
    dp(
        Code::E108,
        Message([vec![party(id), Part::from(" bereikt het SBO niet: ")], line(path, stop)].concat()),
        "laat de lijn via `rapporteert_aan` eindigen bij het SBO",
    )
    .about(Some(id), None)
}
