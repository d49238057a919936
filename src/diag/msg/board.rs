//! What a board document asks of whom, per finding (the findings a document can show: those
//! that do not refuse a build). The finding itself is its message with names; this says who has
//! to do what about it, in plain Dutch. And the messages of a decision item that a board should
//! not take as it stands (W403, W404).

use super::build::*;

/// Who is asked to do what about a finding; `None` when nothing is asked (for information).
pub fn asked(d: &Diagnostic) -> Option<Message> {
    let p = d.organisatie.as_deref().map(party);
    let of = |what: &str| p.clone().map(|p| Message(vec![p, Part::from(format!(": {what}"))]));
    match d.code {
        Code::E301 => of("lever plan en begroting samen aan."),
        Code::E302 => of("vul het plan aan met doelen en resultaten."),
        Code::E303 => of("geef elke begrotingsregel precies één realisatieregel."),
        Code::E304 => of("licht de afwijking toe."),
        Code::E305 => of("lever alternatieven op andere dienstverleningsniveaus aan, elk met de risico's."),
        Code::E306 => of("geef elk resultaat uit het plan een stand."),
        Code::E308 => of(
            "geef in de voortgangsrapportage elke regel van de gewijzigde begroting en elk resultaat precies één keer.",
        ),
        Code::E307 => Some(parts!["Het secretariaat: geef het besluitpunt genoeg alternatieven, elk met een risico."]),
        Code::E401 => of("lever het stuk aan; het secretariaat stuurt een rappel."),
        Code::W007 => Some(parts!["Het SBO: verplaats of hernoem het bestand in de gegevensmap."]),
        Code::W401 => None,
        Code::W402 => Some(parts!["Het secretariaat: verstuur de stukken voortaan eerder."]),
        Code::W403 => Some(parts![
            "De genoemde partijen: maak de aanlevering definitief; het secretariaat: agendeer het stuk pas ter vaststelling als het definitief is."
        ]),
        Code::W404 => Some(parts![
            "Het secretariaat: leg het besluit voor aan het beraad dat erover gaat, of beperk het agendapunt tot een beleidsdoel van dit beraad."
        ]),
        Code::W501 => {
            p.map(|p| parts!["Het SBO en ", p, ": leg een getekende overeenkomst vast die het hele jaar dekt."])
        }
        Code::W502 => p.map(|p| parts!["Het SBO en ", p, ": neem een financiële paragraaf op in de overeenkomst."]),
        Code::W503 => of("aanvaard de TBO-rol formeel en leg dat vast."),
        Code::W504 => Some(parts!["Het OGB-B: bevestig de afwijkende rapportagelijn of laat haar herstellen."]),
        Code::W505 => p.map(|p| parts!["Het SBO en ", p, ": leg de ontbrekende afspraak vast."]),
        Code::W601 => Some(parts![
            "De partijen in dit beleidsdoel: lever alternatieven aan; het beraad: kies een dienstverleningsniveau."
        ]),
        Code::W602 => Some(parts![
            "Het beraad: besluit over dekking of bijsturing; de wijzigingen brengen het beleidsdoel boven het taakstellend budget."
        ]),
        Code::W603 => of("licht de verwachte afwijking toe en stel zo nodig een begrotingswijziging voor."),
        _ => of("herstel de aanlevering."),
    }
}

// ---- W403, W404: decision items ----

/// W403: decision item `item` asks the board `beraad` to adopt the document `titel`, which is
/// made from the submission `files` with status concept (paths relative to the data root): named
/// per party, `plan en begroting van <party> voor 2027`.
pub fn decision_on_concept(item: i64, beraad: &str, titel: &str, files: &[&str]) -> Diagnostic {
    let mut per_party: Vec<(&str, i32, Vec<String>)> = Vec::new();
    for f in files {
        let Some((y, org)) = crate::layout::party_of(f) else { continue };
        let kind = file_word(crate::layout::file_name(f));
        match per_party.iter_mut().find(|p| p.0 == org && p.1 == y) {
            Some(p) => p.2.push(kind),
            None => per_party.push((org, y, vec![kind])),
        }
    }
    let mut parts = vec![Part::from(format!(
        "agendapunt {item} vraagt het {beraad} het stuk {titel} vast te stellen, maar dat stuk draagt het merk \
         CONCEPT: het is gemaakt uit aanleveringen met de status concept ("
    ))];
    for (i, (org, y, kinds)) in per_party.iter().enumerate() {
        if i > 0 {
            parts.push("; ".into());
        }
        parts.push(format!("{} van ", list(kinds)).into());
        parts.push(party(org));
        parts.push(format!(" voor {y}").into());
    }
    parts.push(")".into());
    dp(
        Code::W403,
        Message(parts),
        "laat de partijen hun aanlevering definitief maken (`status: definitief`), of agendeer het stuk ter bespreking",
    )
}

/// W404: decision item `item` of a meeting of `beraad` decides on perspective `beleidsdoel`,
/// which belongs to the board `other`.
pub fn decision_outside_mandate(item: i64, beraad: &str, beleidsdoel: &str, other: &str) -> Diagnostic {
    dp(
        Code::W404,
        parts![
            format!("agendapunt {item} besluit over het beleidsdoel "),
            perspective(beleidsdoel),
            format!(", dat onder het {other} valt en niet onder het {beraad}"),
        ],
        "leg het besluit voor aan het beraad van dat beleidsdoel (`beraad` bij `beleidsdoelen` in stelsel.yaml)",
    )
}

/// W404: decision item `item` asks the board `beraad` to adopt the document `titel`, which holds
/// amounts of perspectives of other boards: (perspective, its board).
pub fn document_outside_mandate(item: i64, beraad: &str, titel: &str, others: &[(&str, &str)]) -> Diagnostic {
    let mut parts = vec![Part::from(format!(
        "agendapunt {item} vraagt het {beraad} het stuk {titel} vast te stellen, maar dat stuk bevat ook bedragen \
         van beleidsdoelen van een ander beraad: "
    ))];
    for (i, (p, b)) in others.iter().enumerate() {
        if i > 0 {
            parts.push(if i + 1 == others.len() { " en " } else { ", " }.into());
        }
        parts.push(perspective(p));
        parts.push(format!(" ({b})").into());
    }
    dp(
        Code::W404,
        Message(parts),
        "beperk het besluit met `beleidsdoel` tot een beleidsdoel van dit beraad, of leg het stuk ook voor aan het andere beraad",
    )
}

/// A submission file in words: `plan`, `wijziging 2`, `voortgangsrapportage over kwartaal 3`.
fn file_word(name: &str) -> String {
    let stem = name.strip_suffix(".yaml").unwrap_or(name);
    if let Some(k) = stem.strip_prefix("voortgang-q") {
        format!("voortgangsrapportage over kwartaal {k}")
    } else if let Some(n) = stem.strip_prefix("wijziging-") {
        format!("wijziging {n}")
    } else {
        stem.to_string()
    }
}

/// `a`, `a en b`, `a, b en c`.
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}
