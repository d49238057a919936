//! The year in execution (contract §11): `wijziging-<n>.yaml` and `voortgang-q<k>.yaml`,
//! declared field by field, with the header every submission file shares.

use super::spanned::{I, S, Spanned};
use super::spec::{Shape::*, contract, opt, req};
use super::submission::{INGEDIEND_OP, JAAR, ORGANISATIE, STATUS};
use crate::model::{Aard, Kostensoort, VoortgangStatus};

contract! {
    /// `wijziging-<n>.yaml`.
    RawWijziging, WijzigingFields ("wijziging-<n>.yaml: begrotingswijziging van een partij voor jaar Y",
        "Een wijziging van de begroting voor cyclusjaar Y tijdens dat jaar: per regel een mutatie (plus of min), en \
         eventueel nieuwe regels. Van kracht zodra het beraad haar heeft vastgesteld (vastgesteld_op op of vóór de \
         peildatum); de gewijzigde begroting is de begroting plus de mutaties van alle wijzigingen die van kracht \
         zijn.") {
        organisatie: S = ORGANISATIE,
        jaar: I = JAAR,
        nummer: I = req(Whole { min: 1, max: 9999 }, "Nummer",
            "Volgnummer van de wijziging, gelijk aan n in de bestandsnaam wijziging-<n>.yaml (E107)."),
        status: S = STATUS,
        ingediend_op: S = INGEDIEND_OP,
        omschrijving: S = req(Text, "Omschrijving", "Waar de wijziging over gaat, in één zin."),
        vastgesteld_op: S = opt(Date, "Vastgesteld op",
            "Datum waarop het beraad de wijziging heeft vastgesteld. Weglaten zolang ze alleen is voorgesteld; dan \
             telt ze nog niet mee."),
        regels: Vec<Spanned<RawMutatie>> = req(List(&RawMutatie::SPEC), "Regels",
            "De mutaties: per begrotingsregel de verandering van het bedrag voor jaar Y, of een nieuwe regel met al \
             haar velden."),
    } []

    /// One change.
    RawMutatie, MutatieFields ("Mutatie",
        "De verandering van één begrotingsregel voor jaar Y, of een nieuwe regel (dan ook omschrijving, \
         beleidsdoel, component en kostensoort).") {
        regel: S = req(Code, "Regel",
            "Code van de begrotingsregel, of van een nieuwe regel (die niet in de begroting staat), bijv. \
             KO-MIGRATIE. Een onbekende regel zonder de velden van een nieuwe regel is E105."),
        mutatie: S = req(SignedAmount, "Mutatie",
            "Verandering van het bedrag voor jaar Y in euro's: positief verhoogt, negatief verlaagt, bijv. -85000. \
             De gewijzigde begroting van een regel mag niet onder nul komen (E201)."),
        toelichting: S = req(Text, "Toelichting", "Waarom het bedrag verandert."),
        omschrijving: S = opt(Text, "Omschrijving", "Alleen bij een nieuwe regel: waarvoor het geld is."),
        beleidsdoel: S = opt(Id, "Beleidsdoel", "Alleen bij een nieuwe regel: id van het beleidsdoel uit stelsel.yaml."),
        component: S = opt(Id, "Component", "Alleen bij een nieuwe regel: id van de component uit stelsel.yaml."),
        kostensoort: S = opt(Choice(Kostensoort::SPELLINGS), "Kostensoort",
            "Alleen bij een nieuwe regel: personeel, inhuur, hosting, licenties of overig."),
        feature: S = opt(Id, "Feature", "Alleen bij een nieuwe regel, optioneel: id van de feature."),
        resultaten: Vec<S> = opt(Codes, "Resultaten",
            "Alleen bij een nieuwe regel, optioneel: codes van de resultaten uit het plan die de regel betaalt."),
        aard: S = opt(Choice(Aard::SPELLINGS), "Aard",
            "incidenteel (standaard) of structureel. Een structurele mutatie telt bij een besluit over deze wijziging \
             ook in de latere jaren mee; de gewijzigde begroting zelf verandert alleen voor jaar Y."),
    } []

    /// `voortgang-q<k>.yaml`.
    RawVoortgang, VoortgangFields ("voortgang-q<k>.yaml: voortgangsrapportage van een partij na kwartaal k",
        "De stand na kwartaal k van cyclusjaar Y: per regel van de gewijzigde begroting de uitgaven tot en met het \
         kwartaal en de prognose voor het hele jaar, en de stand van elk resultaat uit het plan.") {
        organisatie: S = ORGANISATIE,
        jaar: I = JAAR,
        kwartaal: I = req(Whole { min: 1, max: 3 }, "Kwartaal",
            "1, 2 of 3; gelijk aan k in de bestandsnaam voortgang-q<k>.yaml (E107)."),
        status: S = STATUS,
        ingediend_op: S = INGEDIEND_OP,
        regels: Vec<Spanned<RawVoortgangRegel>> = req(List(&RawVoortgangRegel::SPEC), "Regels",
            "Precies één regel voor elke regel van de gewijzigde begroting van jaar Y (E308)."),
        resultaten: Vec<Spanned<RawVoortgangResultaat>> = req(List(&RawVoortgangResultaat::SPEC), "Resultaten",
            "Een status voor elk resultaat uit het plan (E308)."),
    } []

    /// The progress of one line.
    RawVoortgangRegel, VoortgangRegelFields ("Voortgangsregel", "Uitgaven tot nu toe en prognose van één regel.") {
        regel: S = req(Code, "Regel", "Code van de begrotingsregel, bijv. OL-BEHEER."),
        tot_en_met: S = req(Amount, "Tot en met",
            "Uitgegeven in jaar Y tot en met het einde van het kwartaal, in euro's."),
        prognose: S = req(Amount, "Prognose", "Verwachte realisatie over heel jaar Y, in euro's."),
        toelichting: S = opt(Text, "Toelichting",
            "Verklaring van de prognose. Wijkt de prognose meer dan beide normen af van de gewijzigde begroting, \
             dan volgt W603, met of zonder toelichting; de toelichting staat dan in de rapportage."),
    } []

    /// The status of one result.
    RawVoortgangResultaat, VoortgangResultaatFields ("Resultaatstatus", "De stand van een resultaat uit het plan.") {
        resultaat: S = req(Code, "Resultaat", "Code van het resultaat uit het plan, bijv. R1."),
        status: S = req(Choice(VoortgangStatus::SPELLINGS), "Status",
            "op_schema, risico, achter, gerealiseerd of vervallen."),
        toelichting: S = opt(Text, "Toelichting", "Toelichting op de stand van het resultaat."),
    } []
}

/// The fields of a new line in a wijziging: all or none (contract §11).
pub const NEW_LINE: [&str; 4] = ["omschrijving", "beleidsdoel", "component", "kostensoort"];
