//! Messages: ontvangsten.yaml, the receipt register, and deliveries judged by it (contract §15).

use super::build::*;

/// E003: a `sha256` that is not 64 lowercase hex digits.
pub fn bad_sha256(value: &str) -> Diagnostic {
    d(
        Code::E003,
        format!("`{value}` is geen geldige SHA-256 voor `sha256`"),
        "een SHA-256 bestaat uit precies 64 hexadecimale cijfers in kleine letters (0-9, a-f); ontvangsten.yaml \
         wordt alleen door `jaarcyclus ontvang` geschreven",
    )
}

/// E003: a `tijdstip` that is not a UTC moment `YYYY-MM-DDTHH:MM:SSZ`.
pub fn bad_moment(value: &str) -> Diagnostic {
    d(
        Code::E003,
        format!("`{value}` is geen geldig tijdstip voor `tijdstip`"),
        "schrijf een tijdstip in UTC als JJJJ-MM-DDTHH:MM:SSZ, bijv. 2026-08-28T14:03:12Z",
    )
}

/// E003: a `bestand` that is no contract file of the entry's party and year.
pub fn receipt_elsewhere(bestand: &str, org: &str, y: i32) -> Diagnostic {
    dp(
        Code::E003,
        parts![format!("`{bestand}` is geen bestand van het contract van "), party(org), format!(" voor {y}"),],
        "een ontvangst noemt een bestand <jaar>/<organisatie>/<bestand> van haar eigen organisatie en jaar, bijv. \
         2027/geonovum/begroting.yaml",
    )
    .about(Some(org), Some(y))
}

/// W009: a file whose content matches none of its receipts. In words a board document can
/// show too: no file names.
pub fn changed_after_receipt(org: &str, y: i32, count: usize, laatst: &str) -> Diagnostic {
    let which = if count == 1 {
        "niet bij zijn ontvangst".to_string()
    } else {
        format!("bij geen van zijn {count} ontvangsten")
    };
    dp(
        Code::W009,
        parts![
            "de inhoud van dit bestand van ",
            party(org),
            format!(
                " past {which} (laatst ontvangen op {laatst}): het is na ontvangst gewijzigd en telt als aangeleverd op de datum van indiening in het bestand zelf"
            ),
        ],
        "lever het gewijzigde bestand opnieuw aan met `jaarcyclus ontvang`, of zet de ontvangen versie terug",
    )
    .about(Some(org), Some(y))
}

/// W401 for a document received after its deadline.
pub fn received_late(doc: &str, org: &str, y: i32, days: i64, deadline: &str, received: &str) -> Diagnostic {
    dp(
        Code::W401,
        parts![
            format!("{doc} {y} van "),
            party(org),
            format!(" is {} te laat ontvangen ({received}; termijn {deadline})", count(days, "dag", "dagen")),
        ],
        "",
    )
    .about(Some(org), Some(y))
}
