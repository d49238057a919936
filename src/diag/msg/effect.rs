//! Messages: decision items as effects over a baseline (contract §13).

use super::build::*;

/// E003: some alternatives of an item give effects and others do not.
pub fn effects_mixed() -> Diagnostic {
    d(
        Code::E003,
        "sommige alternatieven van dit agendapunt geven `effecten` en andere niet".to_string(),
        "geef bij elk alternatief `effecten` (een lege lijst is de uitgangssituatie), of bij geen enkel",
    )
}

/// E003: effects or a wijziging without the item's perspective or year.
pub fn effects_need(field: &str, what: &str) -> Diagnostic {
    d(
        Code::E003,
        format!("een agendapunt met {what} moet `{field}` noemen"),
        &format!("voeg `{field}:` toe aan het agendapunt"),
    )
}

/// E003: an effect outside the item's horizon.
pub fn effect_outside(jaar: i32, first: i32, last: Option<i32>) -> Diagnostic {
    let range = match last {
        Some(l) => format!("{first} tot en met {l}"),
        None => format!("vanaf {first}"),
    };
    d(
        Code::E003,
        format!("effect in {jaar} valt buiten de jaren van dit besluit ({range})"),
        "een effect valt niet voor het jaar van het agendapunt en niet na het laatste jaar van de meerjarenraming",
    )
}

/// E105: an item names a wijziging that does not exist.
pub fn unknown_wijziging(org: &str, nummer: u32, jaar: i32) -> Diagnostic {
    dp(
        Code::E105,
        parts![format!("wijziging {nummer} van "), party(org), format!(" over {jaar} bestaat niet")],
        &format!("controleer organisatie, nummer en jaar; het bestand is {jaar}/{org}/wijziging-{nummer}.yaml"),
    )
}

/// E105: an alternative adopts a line the wijziging does not have.
pub fn unknown_wijziging_line(id: &str, nummer: u32) -> Diagnostic {
    d(
        Code::E105,
        format!("regel `{id}` staat niet in wijziging {nummer}"),
        "noem in `regels` alleen ids van regels van die wijziging",
    )
}
