//! What a board document asks of whom, per finding (the findings a document can show: those
//! that do not refuse a build). The finding itself is its message with names; this says who has
//! to do what about it, in plain Dutch.

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
