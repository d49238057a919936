//! `stelsel.yaml` (contract §3), declared field by field.

use super::spanned::{I, Pairs, S, Spanned};
use super::spec::{Rule, Shape::*, contract, opt, req};
use crate::model::{Rol, StukSoort};

contract! {
    /// `stelsel.yaml`.
    RawStelsel, StelselFields ("stelsel.yaml: het beheerstelsel",
        "De inrichting van het stelsel: partijen en rapportagelijn, financiers, beleidsdoelen, componenten, \
         taakstellende budgetten, de kalender en de normen. Vastgesteld door het SBO.") {
        naam: S = req(Text, "Naam", "Naam van het beheerstelsel, bijv. Beheer DSO-LV."),
        organisaties: Vec<Spanned<RawOrganisatie>> = req(List(&RawOrganisatie::SPEC), "Organisaties",
            "Alle partijen: precies één SBO; elke andere partij bereikt via rapporteert_aan het SBO (E108). De \
             gewone lijn is van OBO via TBO naar SBO; een afwijking geeft W504."),
        financiers: Vec<Spanned<RawFinancier>> = req(List(&RawFinancier::SPEC), "Financiers",
            "De financiers (koepels) die de taakstellende budgetten opbrengen, bijv. rijk, vng, ipo en uvw."),
        beleidsdoelen: Vec<Spanned<RawBeleidsdoel>> = req(List(&RawBeleidsdoel::SPEC), "Beleidsdoelen",
            "De perspectieven, elk met het beraad dat erover besluit."),
        componenten: Vec<Spanned<RawComponent>> = req(List(&RawComponent::SPEC), "Componenten",
            "De onderdelen van de voorziening waaraan resultaten en kosten worden toegerekend."),
        features: Vec<Spanned<RawFeature>> = opt(List(&RawFeature::SPEC), "Features",
            "Optioneel register. Staat het er, dan moet de feature van elke begrotingsregel hierin voorkomen \
             (E103)."),
        taakstellend: Vec<Spanned<RawTaakstellend>> = opt(List(&RawTaakstellend::SPEC), "Taakstellende budgetten",
            "Het plafond per beleidsdoel en jaar. Een beleidsdoel of jaar zonder taakstellend budget heeft geen \
             plafond."),
        kalender: Vec<Spanned<RawTermijn>> = opt(List(&RawTermijn::SPEC), "Kalender",
            "Inleverdata per soort stuk en rol. Een rol zonder termijn voor een soort stuk heeft daarvoor geen \
             termijn. Op tijd is: op of vóór de dag zelf."),
        normen: Spanned<RawNormen> = opt(Map(&RawNormen::SPEC), "Normen",
            "Normen voor afwijkingen, alternatieven, vergaderstukken en risico's; alles optioneel, met de standaard \
             erbij."),
        weerstandscapaciteit: Spanned<Pairs<I, S>> = opt(Amounts, "Weerstandscapaciteit",
            "De middelen die per jaar beschikbaar zijn om risico's op te vangen, voor het hele stelsel, bijv. \
             {2027: 1500000}. De stukken zetten ze naast het gewogen risicobedrag (weerstandsvermogen)."),
    } []

    /// A party.
    RawOrganisatie, OrganisatieFields ("Organisatie", "Een partij in het stelsel.") {
        id: S = req(Id, "Id", "Korte code van de partij, bijv. kadaster-obo; ook de mapnaam van haar stukken."),
        naam: S = req(Text, "Naam", "Volledige naam van de partij, zoals die in de stukken verschijnt."),
        kortenaam: S = opt(Text, "Korte naam",
            "Korte naam voor smalle tabelkolommen, bijv. Kadaster OBO; zonder korte naam staat daar de volledige naam."),
        rol: S = req(Choice(Rol::SPELLINGS), "Rol",
            "SBO (strategisch), TBO (tactisch) of OBO (operationeel), in hoofdletters."),
        rapporteert_aan: S = opt(Id, "Rapporteert aan",
            "Id van de partij waaraan deze partij rapporteert: een OBO aan een TBO, een TBO aan het SBO. Verplicht \
             voor iedereen behalve het SBO."),
    } [Rule::RequiredUnless { field: "rapporteert_aan", key: "rol", value: "SBO" }]

    /// A financier.
    RawFinancier, FinancierFields ("Financier", "Een financier (koepel) met een naam.") {
        id: S = req(Id, "Id", "Korte code, bijv. vng."),
        naam: S = req(Text, "Naam", "Naam zoals die in de stukken verschijnt."),
    } []

    /// A component.
    RawComponent, ComponentFields ("Component", "Een onderdeel van de voorziening met een naam.") {
        id: S = req(Id, "Id", "Korte code, bijv. omgevingsloket."),
        naam: S = req(Text, "Naam", "Naam zoals die in de stukken verschijnt."),
    } []

    /// A perspective.
    RawBeleidsdoel, BeleidsdoelFields ("Beleidsdoel", "Een perspectief waarin doelen en begrotingsregels vallen.") {
        id: S = req(Id, "Id", "Korte code van het beleidsdoel, bijv. beheer."),
        naam: S = req(Text, "Naam", "Naam van het beleidsdoel, zoals die in de stukken verschijnt."),
        beraad: S = req(Text, "Beraad",
            "Het beraad dat over dit beleidsdoel besluit, vrije tekst, bijv. OGB-B of OGB-IWT."),
    } []

    /// A feature.
    RawFeature, FeatureFields ("Feature", "Een feature van een component, voor kosten per feature.") {
        id: S = req(Id, "Id", "Korte code van de feature, bijv. patchmanagement."),
        naam: S = req(Text, "Naam", "Naam van de feature."),
        component: S = opt(Id, "Component", "Id van de component waartoe de feature behoort."),
    } []

    /// A capped budget.
    RawTaakstellend, TaakstellendFields ("Taakstellend budget",
        "Het maximum voor één beleidsdoel per jaar, en hoe de financiers het opbrengen.") {
        beleidsdoel: S = req(Id, "Beleidsdoel", "Id van het beleidsdoel waarvoor dit budget geldt."),
        bedragen: Spanned<Pairs<I, S>> = req(Amounts, "Bedragen",
            "Taakstellend budget per jaar, bijv. {2025: 41000000, 2026: 42000000}."),
        verdeelsleutel: Spanned<Pairs<S, S>> = req(Key, "Verdeelsleutel",
            "Aandeel van elke financier in procenten (financier: percentage), samen precies 100; een financier die \
             ontbreekt betaalt hier 0. Het verschil tussen begroting en budget wordt hiermee tot op de cent over de \
             financiers verdeeld."),
    } []

    /// A calendar entry.
    RawTermijn, TermijnFields ("Termijn", "De uiterste inleverdatum van een soort stuk voor een rol.") {
        stuk: S = req(Choice(StukSoort::SPELLINGS), "Stuk",
            "plan (plan en begroting samen), realisatie of voortgang (een voortgangsrapportage; dan ook kwartaal)."),
        kwartaal: I = opt(Whole { min: 1, max: 3 }, "Kwartaal",
            "Alleen bij stuk voortgang, en daar verplicht: het kwartaal van de rapportage, 1, 2 of 3."),
        rol: S = req(Choice(Rol::SPELLINGS), "Rol", "De rol waarvoor deze termijn geldt."),
        jaar: S = req(Choice(&["Y-1", "Y", "Y+1"]), "Jaar",
            "Jaar van de termijn ten opzichte van cyclusjaar Y: Y-1 (het jaar ervoor), Y of Y+1 (het jaar erna)."),
        maand: I = req(Whole { min: 1, max: 12 }, "Maand", "Maand van de termijn, 1 tot en met 12."),
        dag: I = req(Whole { min: 1, max: 31 }, "Dag",
            "Dag van de maand, 1 tot en met 31; de dag moet in die maand bestaan (29 februari mag)."),
    } [Rule::DayOfMonth, Rule::OnlyWhen { field: "kwartaal", key: "stuk", value: "voortgang" }]

    /// The norms.
    RawNormen, NormenFields ("Normen",
        "Normen voor afwijkingen, alternatieven, vergaderstukken en risico's; alles optioneel, met de standaard \
         erbij.") {
        afwijking_procent: S = opt(Percent { max: None }, "Afwijking (procent)",
            "Een regel waarvan de realisatie MEER dan dit percentage van de begroting afwijkt, en ook meer dan \
             afwijking_bedrag, heeft een toelichting nodig (E304). Standaard 10.").default(10),
        afwijking_bedrag: S = opt(Amount, "Afwijking (bedrag)",
            "Een regel waarvan de realisatie MEER dan dit bedrag van de begroting afwijkt, en ook meer dan \
             afwijking_procent, heeft een toelichting nodig (E304). Standaard 50000.").default(50_000),
        minimaal_alternatieven: I = opt(Whole { min: 0, max: 4 }, "Minimaal aantal alternatieven",
            "Zoveel alternatieven zijn nodig bij een begroting boven het taakstellend budget (E305) en bij een \
             besluitpunt (E307). Standaard 2.").default(2),
        stukken_dagen_voor_vergadering: I = opt(Whole { min: 0, max: 366 }, "Dagen stukken voor vergadering",
            "Zoveel kalenderdagen vóór de vergadering moeten de stukken minstens zijn verzonden (W402). \
             Standaard 10.").default(10),
        kans: Spanned<RawKans> = opt(Map(&RawKans::SPEC), "Kans",
            "De kans per risicoklasse in procenten, voor het gewogen risicobedrag (bedrag × kans). Standaard \
             {laag: 10, midden: 30, hoog: 60}."),
    } []

    /// The chance per risk class.
    RawKans, KansFields ("Kans per klasse", "De kans die bij elke risicoklasse hoort, in procenten.") {
        laag: S = opt(Percent { max: Some(100) }, "Laag", "Kans bij klasse laag, in procenten. Standaard 10.").default(10),
        midden: S = opt(Percent { max: Some(100) }, "Midden", "Kans bij klasse midden, in procenten. Standaard 30.")
            .default(30),
        hoog: S = opt(Percent { max: Some(100) }, "Hoog", "Kans bij klasse hoog, in procenten. Standaard 60.").default(60),
    } []
}
