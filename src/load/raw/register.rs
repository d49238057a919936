//! `afspraken.yaml` (contract §7), a board meeting (contract §8) and `aanvaard.yaml` (contract
//! §12), declared field by field.

use super::spanned::{I, S, Spanned};
use super::spec::{Rule, Shape::*, contract, opt, req};
use crate::model::{Aard, AfspraakSoort, AfspraakStatus, AgendaSoort, AgendaStuk, Niveau};

contract! {
    /// `afspraken.yaml`.
    RawAfspraken, AfsprakenFields ("afspraken.yaml: register van afspraken",
        "Het afsprakenstelsel met de TBO's en OBO's. Ontbreekt dit bestand, dan is het register leeg; het SBO \
         heeft als opdrachtgever geen afspraken nodig.") {
        afspraken: Vec<Spanned<RawAfspraak>> = opt(List(&RawAfspraak::SPEC), "Afspraken",
            "De afspraken, één per overeenkomst, opdracht, dossier of rolacceptatie."),
    } []

    /// An agreement.
    RawAfspraak, AfspraakFields ("Afspraak", "Een overeenkomst, opdracht, dossier of rolacceptatie met een partij.") {
        organisatie: S = req(Id, "Organisatie", "Id van de partij waarmee de afspraak is gemaakt."),
        soort: S = req(Choice(AfspraakSoort::SPELLINGS), "Soort",
            "raamovereenkomst, meerjarenovereenkomst, jaaropdracht, offerteaanvraag, offerte, dno, dap, dfa of \
             rolacceptatie."),
        van: S = opt(Date, "Van", "Eerste dag waarop de afspraak geldt."),
        tot: S = opt(Date, "Tot", "Laatste dag waarop de afspraak geldt; weglaten als er geen einddatum is."),
        getekend_op: S = opt(Date, "Getekend op",
            "Datum van ondertekening. Een afspraak dekt een jaar alleen als ze getekend is en dat hele jaar geldt."),
        financiele_paragraaf: Spanned<bool> = opt(Bool, "Financiële paragraaf",
            "true als de overeenkomst een financiële paragraaf heeft. Ontbreekt dit bij een raam- of \
             meerjarenovereenkomst, dan telt het als false (W502)."),
        status: S = opt(Choice(AfspraakStatus::SPELLINGS), "Status", "Voor een rolacceptatie: geaccepteerd of open."),
    } []

    /// `vergaderingen/<date>-<beraad>.yaml`.
    RawVergadering, VergaderingFields ("Vergadering van een beraad",
        "Eén vergadering, in vergaderingen/<JJJJ-MM-DD>-<beraad>.yaml, bijv. 2025-11-13-ogb-b.yaml. jaarcyclus \
         stukken maakt er de vergaderstukken van.") {
        beraad: S = req(Text, "Beraad",
            "Naam van het beraad, bijv. OGB-B. In de bestandsnaam in kleine letters, met streepjes voor spaties."),
        datum: S = req(Date, "Datum", "Datum van de vergadering; gelijk aan de datum in de bestandsnaam (E107)."),
        stukken_verzonden_op: S = opt(Date, "Stukken verzonden op",
            "Datum waarop de stukken zijn verzonden. Minder dan stukken_dagen_voor_vergadering dagen voor de \
             vergadering geeft W402."),
        agenda: Vec<Spanned<RawAgendapunt>> = req(List(&RawAgendapunt::SPEC), "Agenda",
            "De agendapunten, in volgorde."),
    } []

    /// An agenda item.
    RawAgendapunt, AgendapuntFields ("Agendapunt", "Een punt op de agenda.") {
        id: I = req(Whole { min: 0, max: u32::MAX as i64 }, "Nummer",
            "Nummer van het agendapunt, een geheel getal, bijv. 1."),
        onderwerp: S = req(Text, "Onderwerp", "Onderwerp van het agendapunt."),
        soort: S = req(Choice(AgendaSoort::SPELLINGS), "Soort",
            "besluit, bespreking of informatie. Een besluitpunt heeft minstens minimaal_alternatieven \
             alternatieven, elk met een risico (E307)."),
        stuk: S = opt(Choice(AgendaStuk::SPELLINGS), "Stuk",
            "Het stuk dat wordt behandeld: meerjarenplan, jaarplan, jaarrekening of voortgangsrapportage. Met een \
             stuk is jaar verplicht, bij een voortgangsrapportage ook kwartaal."),
        jaar: I = opt(Year, "Jaar", "Het cyclusjaar van het stuk of het besluit, bijv. 2026."),
        kwartaal: I = opt(Whole { min: 1, max: 3 }, "Kwartaal",
            "Alleen bij stuk voortgangsrapportage, en daar verplicht: het kwartaal van de rapportage, 1, 2 of 3."),
        beleidsdoel: S = opt(Id, "Beleidsdoel",
            "Id van het beleidsdoel waarover besloten wordt. Dan gelden alle bedragen van de alternatieven voor \
             dat beleidsdoel alleen, afgezet tegen zijn taakstellend budget en verdeeld over de financiers volgens \
             zijn verdeelsleutel. Zonder beleidsdoel zijn de bedragen integraal."),
        voorstel: S = opt(Text, "Voorstel", "Het voorgestelde besluit."),
        alternatieven: Vec<Spanned<RawAgendaAlternatief>> = opt(List(&RawAgendaAlternatief::SPEC), "Alternatieven",
            "De alternatieven waaruit het beraad kiest."),
        wijziging: Spanned<RawWijzigingRef> = opt(Map(&RawWijzigingRef::SPEC), "Wijziging",
            "De begrotingswijziging waarover besloten wordt: {organisatie: ID, nummer: N} (E105 als die niet bestaat). \
             Dan zijn jaar (het jaar van de wijziging) en beleidsdoel verplicht, en kiest elk alternatief met regels \
             welke regels van de wijziging het overneemt."),
    } [
        Rule::RequiredWith { field: "jaar", key: "stuk" },
        Rule::OnlyWhen { field: "kwartaal", key: "stuk", value: "voortgangsrapportage" },
        Rule::EachRequiredUnless { list: "alternatieven", field: "bedrag", or: &["niveau", "effecten"], unless: "wijziging" },
    ]

    /// An alternative of a decision item.
    RawAgendaAlternatief, AgendaAlternatiefFields ("Alternatief", "Een keuzemogelijkheid voor het beraad.") {
        naam: S = req(Text, "Naam", "Korte naam van het alternatief."),
        bedrag: S = opt(Amount, "Bedrag",
            "Bedrag van dit alternatief in euro's; verplicht tenzij een niveau is opgegeven."),
        niveau: S = opt(Choice(Niveau::SPELLINGS), "Niveau",
            "Dienstverleningsniveau. Zonder bedrag wordt het bedrag berekend: het totaal van het stelsel voor het \
             jaar van het agendapunt op dat niveau."),
        risicos: Vec<S> = opt(Texts, "Risico's",
            "Risico's van dit alternatief, elk als korte tekst; bij een besluitpunt minstens één (E307)."),
        voorkeur: Spanned<bool> = opt(Bool, "Voorkeur",
            "true bij het alternatief dat het voorstel is; de besluitnota noemt het als beslispunt en de \
             beslispunten worden uit zijn cijfers gemaakt."),
        effecten: Vec<Spanned<RawEffect>> = opt(List(&RawEffect::SPEC), "Effecten",
            "Het effect van dit alternatief op het beleidsdoel van het agendapunt, per jaar (plus of min), \
             structureel of incidenteel. Een lege lijst is de uitgangssituatie zelf. Geven alternatieven effecten, \
             dan alle; dan zijn beleidsdoel en jaar van het agendapunt verplicht."),
        regels: Vec<S> = opt(Codes, "Regels",
            "Alleen bij een agendapunt over een wijziging: de regels van die wijziging die dit alternatief \
             overneemt. Weglaten: alle; een lege lijst: geen."),
    } []

    /// The budget amendment a decision item decides on.
    RawWijzigingRef, WijzigingRefFields ("Wijziging", "De begrotingswijziging waarover besloten wordt.") {
        organisatie: S = req(Id, "Organisatie", "Id van de partij van de wijziging."),
        nummer: I = req(Whole { min: 1, max: 9999 }, "Nummer", "Het nummer van de wijziging (wijziging-<n>.yaml)."),
    } []

    /// One effect of an alternative.
    RawEffect, EffectFields ("Effect", "Een bedrag in een jaar, structureel of incidenteel.") {
        jaar: I = req(Year, "Jaar",
            "Het jaar waarin het effect begint (structureel) of valt (incidenteel); niet voor het jaar van het \
             agendapunt en niet na het laatste jaar van de meerjarenraming."),
        bedrag: S = req(SignedAmount, "Bedrag",
            "Het bedrag in euro's per jaar: positief kost geld, negatief bespaart, bijv. 650000."),
        aard: S = req(Choice(Aard::SPELLINGS), "Aard",
            "structureel (dit jaar en elk jaar erna) of incidenteel (alleen dit jaar)."),
        omschrijving: S = opt(Text, "Omschrijving", "Waarvoor het bedrag is."),
    } []

    /// `aanvaard.yaml`.
    RawAanvaard, AanvaardFields ("aanvaard.yaml: aanvaarde bevindingen",
        "Waarschuwingen die het beraad bewust heeft aanvaard, elk met een reden. Een aanvaarde bevinding telt niet \
         mee bij de waarschuwingen en staat apart, met haar reden, in de uitvoer en in de documenten.") {
        aanvaard: Vec<Spanned<RawAanvaarding>> = opt(List(&RawAanvaarding::SPEC), "Aanvaard",
            "De aanvaardingen, één per code (en eventueel partij en jaar)."),
    } []

    /// An accepted finding.
    RawAanvaarding, AanvaardingFields ("Aanvaarding", "Een waarschuwing die bewust is aanvaard, met de reden.") {
        code: S = req(Code, "Code",
            "De code van de waarschuwing, bijv. W504. Alleen waarschuwingen (W…) kunnen worden aanvaard."),
        organisatie: S = opt(Id, "Organisatie",
            "Id van de partij waarover de bevinding gaat; weglaten om de code voor alle partijen te aanvaarden."),
        jaar: I = opt(Year, "Jaar", "Het cyclusjaar waarover de bevinding gaat; weglaten voor alle jaren."),
        reden: S = req(Text, "Reden", "Waarom de bevinding is aanvaard; staat in de uitvoer en in de documenten."),
        tot: S = opt(Date, "Tot",
            "Laatste dag waarop de aanvaarding geldt. Ligt die voor de peildatum, dan is de aanvaarding verlopen: ze \
             geldt niet meer en wordt niet gemeld."),
        besluit: S = opt(Text, "Besluit",
            "De vergadering die het besloot (bestandsnaam zonder .yaml, bijv. 2026-11-12-ogb-b); ter informatie."),
    } []
}
