//! A party's submission for cycle year Y (contract §4–§6): `plan.yaml`, `begroting.yaml`,
//! `realisatie.yaml`, declared field by field, with the header they share.

use super::spanned::{I, Pairs, S, Spanned};
use super::spec::{Rule, Shape::*, Spec, contract, opt, req};
use crate::model::{Aard, Klasse, Kostensoort, Niveau, ResultaatStatus, Status};

/// `organisatie` of every submission file.
pub const ORGANISATIE: Spec =
    req(Id, "Organisatie", "Id van de partij die dit stuk indient; gelijk aan de mapnaam, bijv. kadaster-obo.");
/// `jaar` of every submission file.
pub const JAAR: Spec = req(Year, "Jaar", "Cyclusjaar Y waarover dit stuk gaat; gelijk aan de jaarmap, bijv. 2025.");
/// `status` of every submission file.
pub const STATUS: Spec = req(
    Choice(Status::SPELLINGS),
    "Status",
    "concept of definitief. Een concept telt als ingeleverd, maar krijgt in de stukken het merk CONCEPT.",
);
/// `ingediend_op` of every submission file.
pub const INGEDIEND_OP: Spec = opt(
    Date,
    "Ingediend op",
    "Datum van indienen. Zonder deze datum, of met een datum na de peildatum, geldt het stuk als niet \
     ingeleverd; na de termijn uit de kalender volgt E401, erna ingeleverd W401.",
);

contract! {
    /// `plan.yaml`.
    RawPlan, PlanFields ("plan.yaml: plan van een partij voor jaar Y",
        "Wat willen we bereiken en wat gaan we daarvoor doen: het plan van één partij voor cyclusjaar Y, met een \
         doorkijk naar Y+1 tot en met Y+3. Hoort bij begroting.yaml in dezelfde map.") {
        organisatie: S = ORGANISATIE,
        jaar: I = JAAR,
        status: S = STATUS,
        ingediend_op: S = INGEDIEND_OP,
        dienstverleningsniveau: S = req(Choice(Niveau::SPELLINGS), "Dienstverleningsniveau",
            "Het niveau waarvoor dit plan en de begroting gelden: brons, zilver, goud of platina."),
        doelen: Vec<Spanned<RawDoel>> = req(List(&RawDoel::SPEC), "Doelen",
            "Wat willen we bereiken? Minstens één doel (E302)."),
        resultaten: Vec<Spanned<RawResultaat>> = req(List(&RawResultaat::SPEC), "Resultaten",
            "Wat gaan we daarvoor doen? Minstens één resultaat (E302); elk resultaat krijgt in de realisatie een \
             status."),
        doorkijk: Vec<Spanned<RawDoorkijk>> = opt(List(&RawDoorkijk::SPEC), "Doorkijk",
            "Vooruitblik op de jaren Y+1 tot en met Y+3."),
        risicos: Vec<Spanned<RawRisico>> = opt(List(&RawRisico::SPEC), "Risico's",
            "Risico's voor het plan, met kans, impact en maatregel."),
        beheerconsequenties: Vec<Spanned<RawBeheerconsequentie>> = opt(List(&RawBeheerconsequentie::SPEC),
            "Beheerconsequenties",
            "Beheerkosten die voortkomen uit ontwikkelbesluiten (vaak van het OGB-IWT), ter informatie."),
    } [Rule::NonEmpty("doelen"), Rule::NonEmpty("resultaten")]

    /// A goal.
    RawDoel, DoelFields ("Doel", "Wat willen we bereiken?") {
        id: S = req(Code, "Id", "Code van het doel, uniek in dit plan, bijv. D1. Resultaten verwijzen ernaar."),
        beleidsdoel: S = req(Id, "Beleidsdoel", "Id van het beleidsdoel uit stelsel.yaml waaronder dit doel valt."),
        omschrijving: S = req(Text, "Omschrijving", "Wat er bereikt moet worden."),
        indicator: S = opt(Text, "Indicator", "Waaraan het doel wordt gemeten, bijv. beschikbaarheid."),
        streefwaarde: S = opt(Text, "Streefwaarde", "De te halen waarde van de indicator, bijv. \"99,5%\"."),
    } []

    /// A result.
    RawResultaat, ResultaatFields ("Resultaat", "Wat gaan we daarvoor doen?") {
        id: S = req(Code, "Id",
            "Code van het resultaat, uniek in dit plan, bijv. R1. Begroting en realisatie verwijzen ernaar."),
        doel: S = req(Code, "Doel", "Code van het doel in dit plan waaraan het resultaat bijdraagt, bijv. D1."),
        omschrijving: S = req(Text, "Omschrijving", "Wat er wordt opgeleverd."),
        component: S = opt(Id, "Component", "Id van de component uit stelsel.yaml waarop het resultaat betrekking heeft."),
        gereed: S = opt(Date, "Gereed", "Datum waarop het resultaat gereed moet zijn."),
    } []

    /// An outlook entry.
    RawDoorkijk, DoorkijkFields ("Doorkijk", "Vooruitblik op een van de jaren na Y.") {
        jaar: I = req(Year, "Jaar", "Het jaar van de vooruitblik: Y+1, Y+2 of Y+3."),
        omschrijving: S = req(Text, "Omschrijving", "Wat er in dat jaar verwacht wordt."),
        doel: S = opt(Code, "Doel", "Code van het doel in dit plan waarbij de vooruitblik hoort (of geef een beleidsdoel)."),
        beleidsdoel: S = opt(Id, "Beleidsdoel", "Id van het beleidsdoel waarbij de vooruitblik hoort (of geef een doel)."),
    } []

    /// A risk.
    RawRisico, RisicoFields ("Risico", "Een risico voor het plan.") {
        id: S = req(Code, "Id", "Code van het risico, uniek in dit plan, bijv. RI1."),
        omschrijving: S = req(Text, "Omschrijving", "Wat er mis kan gaan."),
        kans: S = req(Choice(Klasse::SPELLINGS), "Kans", "Kans dat het risico zich voordoet: laag, midden of hoog."),
        impact: S = req(Choice(Klasse::SPELLINGS), "Impact", "Gevolg als het zich voordoet: laag, midden of hoog."),
        maatregel: S = opt(Text, "Maatregel", "Wat de partij doet om het risico te beperken."),
        bedrag: S = opt(Amount, "Bedrag", "Financieel risico (exposure) in euro's."),
        beleidsdoel: S = opt(Id, "Beleidsdoel",
            "Id van het beleidsdoel waarvoor het risico geldt; de stukken tellen de risico's per beleidsdoel op. \
             (Uitbreiding op het contract.)"),
    } []

    /// A management consequence.
    RawBeheerconsequentie, BeheerconsequentieFields ("Beheerconsequentie",
        "Beheerkosten die voortkomen uit een ontwikkelbesluit.") {
        omschrijving: S = req(Text, "Omschrijving", "Wat er in beheer komt, bijv. Nieuwe viewer in beheer."),
        bedrag_per_jaar: S = req(Amount, "Bedrag per jaar", "Structurele beheerkosten per jaar in euro's."),
        vanaf: I = req(Year, "Vanaf", "Eerste jaar waarin de kosten optreden, bijv. 2026."),
        tot: I = opt(Year, "Tot en met",
            "Laatste jaar waarin de kosten optreden, niet vóór vanaf; weglaten als de kosten structureel zijn, \
             bijv. 2027 voor parallel beheer tijdens een overgang."),
        component: S = opt(Id, "Component", "Id van de component uit stelsel.yaml."),
        beleidsdoel: S = opt(Id, "Beleidsdoel", "Id van het beleidsdoel uit stelsel.yaml."),
        besluit: S = opt(Text, "Besluit", "Het besluit waaruit de kosten voortkomen, bijv. van het OGB-IWT."),
    } []

    /// `begroting.yaml`.
    RawBegroting, BegrotingFields ("begroting.yaml: begroting van een partij voor jaar Y",
        "Wat mag het kosten: de begroting van één partij voor cyclusjaar Y, met ramingen voor Y+1 tot en met Y+3. \
         Hoort bij plan.yaml in dezelfde map.") {
        organisatie: S = ORGANISATIE,
        jaar: I = JAAR,
        status: S = STATUS,
        ingediend_op: S = INGEDIEND_OP,
        regels: Vec<Spanned<RawRegel>> = req(List(&RawRegel::SPEC), "Regels",
            "De begrotingsregels. Uitgaven zonder regel krijgen eerst een regel met bedrag 0, zodat de realisatie \
             ernaar kan verwijzen."),
        alternatieven: Spanned<Vec<Spanned<RawAlternatief>>> = opt(List(&RawAlternatief::SPEC), "Alternatieven",
            "Het totaal op andere dienstverleningsniveaus; elk niveau hoogstens één keer en nooit het eigen niveau \
             (E106). Nodig als de begroting het taakstellend budget overschrijdt (E305)."),
    } []

    /// A budget line.
    RawRegel, RegelFields ("Begrotingsregel", "Wat mag het kosten?") {
        id: S = req(Code, "Id", "Code van de regel, uniek in deze begroting, bijv. OL-BEHEER. De realisatie verwijst ernaar."),
        omschrijving: S = req(Text, "Omschrijving", "Waarvoor het geld is."),
        beleidsdoel: S = req(Id, "Beleidsdoel",
            "Id van het beleidsdoel (perspectief) uit stelsel.yaml waarin deze kosten vallen."),
        component: S = req(Id, "Component", "Id van de component uit stelsel.yaml waarvoor de kosten zijn."),
        kostensoort: S = req(Choice(Kostensoort::SPELLINGS), "Kostensoort",
            "personeel, inhuur, hosting, licenties of overig."),
        feature: S = opt(Id, "Feature",
            "Id van de feature, voor kosten per feature; met een featureregister in stelsel.yaml moet ze daarin staan."),
        resultaten: Vec<S> = opt(Codes, "Resultaten",
            "Codes van de resultaten uit het plan die deze regel betaalt, bijv. [R1]."),
        aard: S = opt(Choice(Aard::SPELLINGS), "Aard",
            "structureel (standaard): kosten die elk jaar terugkomen; incidenteel: eenmalige kosten, zoals een \
             migratie. Het jaarplan en het meerjarenplan zetten het structurele deel naast het taakstellend \
             budget."),
        bedragen: Spanned<Pairs<I, S>> = req(Amounts, "Bedragen",
            "Bedrag per jaar, van Y tot en met Y+3; ontbrekend jaar = 0. Minstens één jaar (E203), bijv. \
             {2025: 1250000, 2026: 1300000}."),
    } [Rule::NonEmpty("bedragen")]

    /// An alternative of a begroting.
    RawAlternatief, AlternatiefFields ("Alternatief",
        "Het totaal van de partij voor jaar Y op een ander dienstverleningsniveau.") {
        niveau: S = req(Choice(Niveau::SPELLINGS), "Niveau", "Een ander dienstverleningsniveau dan dat van het plan."),
        totaal: S = req(Amount, "Totaal",
            "Het totaal van de partij voor jaar Y op dat niveau, alle beleidsdoelen samen, in euro's."),
        omschrijving: S = req(Text, "Omschrijving", "Wat dit niveau inhoudt."),
        risicos: Vec<S> = opt(Texts, "Risico's", "Risico's van dit alternatief, elk als korte tekst."),
        beleidsdoel: S = opt(Id, "Beleidsdoel",
            "Id van het beleidsdoel waarvoor dit totaal geldt; weglaten als het totaal alle beleidsdoelen samen \
             is. Elke combinatie van niveau en beleidsdoel hoogstens één keer (E106)."),
    } []

    /// `realisatie.yaml`.
    RawRealisatie, RealisatieFields ("realisatie.yaml: realisatie van een partij over jaar Y",
        "Wat heeft het gekost: de werkelijke uitgaven van één partij over jaar Y per begrotingsregel, en de stand \
         van elk resultaat uit het plan.") {
        organisatie: S = ORGANISATIE,
        jaar: I = JAAR,
        status: S = STATUS,
        ingediend_op: S = INGEDIEND_OP,
        regels: Vec<Spanned<RawRealisatieRegel>> = req(List(&RawRealisatieRegel::SPEC), "Regels",
            "Precies één realisatieregel voor elke begrotingsregel van jaar Y, ook voor regels met bedrag 0 (E303)."),
        resultaten: Vec<Spanned<RawResultaatStatus>> = req(List(&RawResultaatStatus::SPEC), "Resultaten",
            "Een status voor elk resultaat uit het plan (E306)."),
        doelen: Vec<Spanned<RawDoelWaarde>> = opt(List(&RawDoelWaarde::SPEC), "Doelen",
            "De behaalde waarde van de indicator van doelen uit het plan, naast de streefwaarde in de jaarrekening."),
    } []

    /// The achieved value of a goal.
    RawDoelWaarde, DoelWaardeFields ("Behaalde waarde", "Wat een doel uit het plan heeft opgeleverd.") {
        doel: S = req(Code, "Doel", "Code van het doel uit het plan, bijv. D1 (E105 als het doel niet bestaat)."),
        waarde: S = req(Text, "Waarde", "De behaalde waarde van de indicator, bijv. \"99,7%\"."),
        toelichting: S = opt(Text, "Toelichting", "Toelichting op de behaalde waarde."),
    } []

    /// A realisation line.
    RawRealisatieRegel, RealisatieRegelFields ("Realisatieregel", "Wat heeft het gekost?") {
        regel: S = req(Code, "Regel", "Code van de begrotingsregel, bijv. OL-BEHEER."),
        bedrag: S = req(Amount, "Bedrag", "Werkelijk uitgegeven in jaar Y, in euro's."),
        toelichting: S = opt(Text, "Toelichting",
            "Verklaring van de afwijking. Verplicht (E304) als de realisatie meer dan afwijking_procent én meer \
             dan afwijking_bedrag van de begroting afwijkt."),
    } []

    /// A result status.
    RawResultaatStatus, ResultaatStatusFields ("Resultaatstatus", "De stand van een resultaat uit het plan.") {
        resultaat: S = req(Code, "Resultaat", "Code van het resultaat uit het plan, bijv. R1."),
        status: S = req(Choice(ResultaatStatus::SPELLINGS), "Status", "gerealiseerd, deels, niet of vervallen."),
        toelichting: S = opt(Text, "Toelichting", "Toelichting op de stand van het resultaat."),
    } []
}
