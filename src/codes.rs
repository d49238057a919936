//! The closed list of diagnostic codes of contract §10, each with its severity,
//! its one-line meaning and the longer explanation that `jaarcyclus uitleg` prints.

use std::fmt;
use std::str::FromStr;

/// How serious a finding is: errors make a submission unacceptable, warnings are reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The submission is unacceptable (`E…`).
    Error,
    /// Reported and shown in the documents (`W…`).
    Warning,
}

macro_rules! codes {
    ($($code:ident => $title:literal, $explain:literal;)*) => {
        /// A diagnostic code of contract §10. Never renumber: a test snapshots the list.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $(#[doc = $title] $code,)* }

        impl Code {
            /// Every code, in the order of the contract.
            pub const ALL: &'static [Code] = &[$(Code::$code,)*];

            /// The code as written in the contract, e.g. `E304`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$code => stringify!($code),)* }
            }

            /// The one-line meaning, in Dutch, as in contract §10.
            pub fn title(self) -> &'static str {
                match self { $(Code::$code => $title,)* }
            }

            /// The longer explanation with what to do, in Dutch.
            pub fn explanation(self) -> &'static str {
                match self { $(Code::$code => $explain,)* }
            }
        }
    };
}

codes! {
    E001 => "YAML-syntaxfout",
        "Het bestand is geen geldige YAML 1.2. Vaak gaat het om een inspringing die niet klopt, een \
         ontbrekende dubbele punt na een veldnaam, of een aanhalingsteken dat niet wordt gesloten. \
         Herstel de syntaxis op de aangegeven plaats; de rest van het bestand wordt pas gelezen als \
         de syntaxis klopt.";
    E002 => "onbekend veld",
        "Het bestand bevat een veld dat het contract niet kent. Vaak is het een tikfout \
         (`omschrijvng` in plaats van `omschrijving`). Onbekende velden worden nooit stilzwijgend \
         overgeslagen, want dan zou een waarde verloren gaan. Gebruik een van de velden die de \
         melding noemt.";
    E003 => "verkeerd type, ontbrekend verplicht veld of ongeldige waarde",
        "Een waarde heeft niet de vorm die het contract voorschrijft: een verplicht veld ontbreekt, \
         een datum is niet precies JJJJ-MM-DD, een keuzewaarde is anders gespeld, een id bevat \
         hoofdletters of spaties, een bedrag heeft meer dan twee decimalen, staat in Nederlandse \
         notatie (\"1.250.000,00\") of met een exponent, of een jaar ligt buiten zijn bereik. \
         Schrijf bedragen als 1250000 of 1250000.50.";
    E004 => "dubbele sleutel in een mapping",
        "Dezelfde sleutel staat twee keer in één mapping (bijvoorbeeld twee keer `2026:` onder \
         `bedragen`). Andere programma's houden dan stilzwijgend de laatste; jaarcyclus weigert. \
         Verwijder of hernoem een van de twee.";
    E005 => "bestand onleesbaar",
        "Het bestand kan niet veilig gelezen worden: het is geen UTF-8, het is te groot, het is een \
         koppeling (symlink) die buiten de gegevensmap wijst, of het overschrijdt de grenzen voor \
         aliassen of nesting. Sla het bestand op als gewone UTF-8-tekst binnen de gegevensmap.";
    E101 => "onbekende organisatie",
        "Een organisatie-id komt niet voor in `organisaties` van stelsel.yaml, of een map in een \
         jaarmap draagt de naam van een partij die het stelsel niet kent. Controleer de spelling \
         of voeg de partij toe aan stelsel.yaml.";
    E102 => "onbekend beleidsdoel",
        "Een beleidsdoel (perspectief) komt niet voor in `beleidsdoelen` van stelsel.yaml. \
         Gebruik een van de ids uit stelsel.yaml, bijvoorbeeld `beheer`.";
    E103 => "onbekende component of feature",
        "Een component komt niet voor in `componenten`, of een feature niet in het \
         feature-register `features` van stelsel.yaml (als dat register bestaat). Gebruik een \
         bekende id of voeg het onderdeel toe aan stelsel.yaml.";
    E104 => "onbekende financier",
        "Een verdeelsleutel noemt een financier die niet in `financiers` van stelsel.yaml staat. \
         Gebruik een van de financier-ids, bijvoorbeeld `vng`.";
    E105 => "verwijzing binnen een aanlevering naar iets dat niet bestaat (doel, resultaat, regel)",
        "Een resultaat verwijst naar een doel dat niet in het plan staat, een begrotingsregel naar \
         een resultaat dat niet in het plan staat, of een doorkijk naar een onbekend doel. \
         Controleer de id (hoofdlettergevoelig) of voeg het doel of resultaat toe.";
    E106 => "dubbele id, of een alternatief waarvan het niveau herhaald wordt of gelijk is aan dat van het plan",
        "Ids van doelen, resultaten, risico's en begrotingsregels zijn uniek binnen hun lijst; ids \
         in stelsel.yaml zijn uniek. Een alternatief beschrijft het totaal op een *ander* \
         dienstverleningsniveau dan het plan, en elk niveau komt hoogstens één keer voor.";
    E107 => "kopgegevens (organisatie, jaar; datum van een vergadering) passen niet bij de map of bestandsnaam",
        "`organisatie` en `jaar` in een aanlevering moeten gelijk zijn aan de mapnamen \
         (<jaar>/<organisatie>/); de `datum` van een vergadering aan de datum in de bestandsnaam. \
         Verplaats het bestand of corrigeer de kop.";
    E108 => "rapportagelijn gebroken: geen SBO, twee SBO's, een kringverwijzing, of een partij die het SBO niet bereikt",
        "Het stelsel heeft precies één SBO; elke andere partij bereikt het SBO via \
         `rapporteert_aan`, zonder kringen. Controleer `rapporteert_aan` van de genoemde partijen.";
    E201 => "negatief bedrag",
        "Bedragen zijn nooit negatief. Een lagere uitgave dan begroot blijkt uit het verschil \
         tussen begroting en realisatie; een opbrengst hoort niet in deze bestanden.";
    E202 => "verdeelsleutel telt niet op tot 100",
        "De percentages van een verdeelsleutel tellen precies op tot 100 (bij hoogstens vier \
         decimalen). Een financier die niet genoemd wordt, betaalt daar 0.";
    E203 => "begrotingsregel zonder jaar, of met een jaar buiten J..J+3",
        "`bedragen` van een begrotingsregel bevat minstens één jaar, en alleen jaren van het \
         cyclusjaar J tot en met J+3. Een regel die later begint, laat J weg.";
    E301 => "plan zonder begroting, of begroting zonder plan, voor een partij in jaar J",
        "Plan en begroting worden samen aangeleverd: wie het ene aanlevert, levert ook het andere. \
         Een ontbrekende realisatie wordt beoordeeld op haar termijn (E401).";
    E302 => "plan zonder doelen of zonder resultaten",
        "Een plan beantwoordt 'Wat willen we bereiken?' (doelen) en 'Wat gaan we daarvoor doen?' \
         (resultaten); beide lijsten hebben minstens één element.";
    E303 => "in een realisatie: een begrotingsregel van J zonder realisatieregel, of een realisatie van een onbekende regel",
        "Elke begrotingsregel van jaar J, ook een regel op 0, krijgt precies één realisatieregel. \
         Uitgaven zonder begrotingsregel krijgen eerst een regel op 0 in de begroting.";
    E304 => "afwijking boven beide normen zonder toelichting",
        "Wijkt de realisatie van een regel méér dan `afwijking_procent` procent én méér dan \
         `afwijking_bedrag` euro af van de begroting voor J, dan is een `toelichting` verplicht. \
         Bij een begroting van 0 overschrijdt elke realisatie die niet 0 is de procentnorm.";
    E305 => "partij met regels in een perspectief waarvan de begroting het taakstellend budget overschrijdt, biedt te weinig alternatieven",
        "Vraagt het stelsel samen voor een perspectief in jaar J meer dan het taakstellend budget, \
         dan biedt elke partij met regels in dat perspectief minstens `minimaal_alternatieven` \
         alternatieven op andere dienstverleningsniveaus, elk met zijn risico's. Deze controle \
         vraagt de hele boom en vervalt bij `--organisatie`.";
    E306 => "planresultaat zonder status in de realisatie",
        "Elk resultaat uit het plan van jaar J krijgt in de realisatie een status: gerealiseerd, \
         deels, niet of vervallen.";
    E307 => "besluitpunt met te weinig alternatieven, of een alternatief zonder risico",
        "Een agendapunt met `soort: besluit` heeft minstens `minimaal_alternatieven` alternatieven, \
         en elk alternatief noemt minstens één risico. Zo kan het beraad echt kiezen.";
    E308 => "voortgangsrapportage onvolledig: regel zonder voortgang, voortgang van een onbekende regel, of resultaat zonder status",
        "Een voortgangsrapportage (voortgang-q<k>.yaml) geeft precies één voortgangsregel voor elke \
         regel van de gewijzigde begroting van jaar J aan het eind van het kwartaal (de begroting plus \
         de nieuwe regels van wijzigingen die uiterlijk op de laatste dag van het kwartaal zijn \
         vastgesteld), en een status voor elk resultaat uit het plan. Een regel die later is \
         toegevoegd mag erin staan maar hoeft niet. Een regel of resultaat die ook op de peildatum \
         niet in de gewijzigde begroting staat is een fout, net als een regel van een wijziging die \
         nog niet is vastgesteld.";
    E401 => "document volgens de kalender vereist, niet aangeleverd, en de termijn is verstreken",
        "De kalender in stelsel.yaml bepaalt per rol wanneer plan en begroting, de \
         voortgangsrapportages en de realisatie binnen moeten zijn. Op de peildatum is het document er niet (of is het niet ontvangen, of \
         zonder ontvangst heeft het geen `ingediend_op`, op of vóór de peildatum) terwijl de termijn verstreken is.";
    W007 => "onverwacht bestand in de gegevensmap",
        "Onder de gegevensmap staat een bestand dat het contract niet kent. Het wordt niet \
         gelezen. Verplaats of verwijder het, of hernoem het naar de juiste bestandsnaam.";
    W008 => "aanvaarding in aanvaard.yaml die op de peildatum bij geen enkele bevinding past",
        "Een aanvaarding in aanvaard.yaml (code, en eventueel partij en jaar) past bij geen enkele \
         bevinding meer: het probleem is opgelost, of code, partij of jaar kloppen niet. Verwijder de \
         aanvaarding of corrigeer haar. Zo blijft aanvaard.yaml een lijst van bewuste besluiten, net als \
         `#[expect]` in Rust. Niet gemeld met --organisatie.";
    W009 => "aangeleverd bestand waarvan de inhoud bij geen van zijn ontvangsten in ontvangsten.yaml past",
        "Het bestand is ontvangen met `jaarcyclus ontvang`, maar is daarna gewijzigd: zijn SHA-256 is \
         gelijk aan die van geen enkele ontvangst van dat bestand in ontvangsten.yaml. Het telt dan als \
         aangeleverd op zijn eigen `ingediend_op`, niet op een ontvangstdatum. Lever het gewijzigde \
         bestand opnieuw aan met `jaarcyclus ontvang` (dan krijgt het een eigen ontvangst), of zet de \
         ontvangen versie terug.";
    W401 => "te laat aangeleverd (met het aantal dagen)",
        "Het document is aangeleverd na de termijn uit de kalender van stelsel.yaml. Een bestand met een \
         ontvangst in ontvangsten.yaml (jaarcyclus ontvang) telt als aangeleverd op de ontvangstdatum, \
         anders op zijn `ingediend_op`.";
    W402 => "vergaderstukken te kort voor de vergadering verzonden",
        "De stukken gingen minder dan `stukken_dagen_voor_vergadering` kalenderdagen voor de \
         vergadering uit (of, voor een komende vergadering zonder `stukken_verzonden_op`: de \
         peildatum ligt al te dicht bij de vergadering). Het beraad heeft dan geen tijd voor een \
         echte dialoog.";
    W403 => "besluitpunt vraagt vaststelling van een stuk dat op de peildatum nog concept is",
        "Een agendapunt met `soort: besluit` vraagt het beraad een stuk (`stuk`, `jaar`) vast te \
         stellen dat op de peildatum gemaakt wordt uit aanleveringen met `status: concept`: het stuk \
         draagt dan het merk CONCEPT en de cijfers kunnen nog wijzigen. De melding noemt de partijen \
         en hun bestanden. Laat die partijen hun aanlevering definitief maken, of agendeer het stuk \
         ter bespreking in plaats van ter besluitvorming.";
    W404 => "besluitpunt buiten het mandaat van het beraad",
        "Een agendapunt met `soort: besluit` gaat over een beleidsdoel dat volgens `beleidsdoelen` \
         in stelsel.yaml onder een ander beraad valt dan het beraad van de vergadering; of, zonder \
         `beleidsdoel`, het vraagt vaststelling van een stuk dat bedragen bevat van beleidsdoelen \
         van een ander beraad (de melding noemt ze). Leg het besluit voor aan het beraad dat erover \
         gaat, of beperk het agendapunt met `beleidsdoel` tot een beleidsdoel van dit beraad.";
    W501 => "TBO of OBO zonder overeenkomst die jaar J dekt",
        "Een TBO of OBO heeft voor jaar J geen getekende raamovereenkomst, meerjarenovereenkomst \
         of jaaropdracht die elke dag van J geldig is. Leg de opdracht vast in afspraken.yaml.";
    W502 => "raam- of meerjarenovereenkomst die J dekt, zonder financiële paragraaf",
        "De overeenkomst dekt jaar J maar heeft geen financiële paragraaf (`financiele_paragraaf` \
         ontbreekt of is false). Zonder financiële paragraaf is niet vastgelegd wat het mag kosten.";
    W503 => "TBO-rol niet geaccepteerd",
        "Er is geen `rolacceptatie` met `status: geaccepteerd` voor het TBO. De rol is dan niet \
         formeel aanvaard (de evaluatie noemt dit als knelpunt).";
    W504 => "partij rapporteert buiten de lijn van OBO via TBO naar SBO",
        "Een OBO rapporteert aan iets anders dan een TBO, of een TBO aan iets anders dan het SBO. \
         Dat mag, maar het wordt zichtbaar gemaakt in de documenten.";
    W505 => "TBO of OBO zonder dno, dap of dfa die J dekt (één melding per ontbrekende soort)",
        "Het afsprakenstelsel vraagt per partij een dienstverleningsovereenkomst (dno), \
         procesafspraken (dap) en financiële afspraken (dfa) die jaar J dekken.";
    W601 => "totale begroting boven het taakstellend budget voor een perspectief en jaar (met het bedrag)",
        "Alle partijen samen vragen voor een perspectief in jaar J meer dan het taakstellend \
         budget. De documenten tonen het verschil en de verdeling ervan over de financiers.";
    W602 => "gewijzigde begroting boven het taakstellend budget voor een perspectief en jaar (met het bedrag)",
        "Na de vastgestelde begrotingswijzigingen (wijziging-<n>.yaml) is de gewijzigde begroting \
         van alle partijen samen voor een perspectief in jaar J hoger dan het taakstellend budget. \
         W601 beoordeelt de oorspronkelijke begroting, W602 de gewijzigde; de melding volgt alleen \
         als de wijzigingen het totaal van dat perspectief veranderen.";
    W603 => "prognose in een voortgangsrapportage wijkt meer dan beide normen af van de gewijzigde begroting",
        "De prognose van een voortgangsregel wijkt meer dan `afwijking_procent` én meer dan \
         `afwijking_bedrag` af van de gewijzigde begroting van die regel aan het eind van het \
         kwartaal (een regel die toen nog niet bestond: op de peildatum). Het is een signaal voor het \
         beraad: het staat in de voortgangsrapportage, met de toelichting als die er is.";
}

impl Code {
    /// Errors start with `E`, warnings with `W`.
    pub fn severity(self) -> Severity {
        if self.as_str().starts_with('E') { Severity::Error } else { Severity::Warning }
    }

    /// The E0–E2 families make the numbers untrustworthy: `build` refuses on them.
    pub fn blocks_build(self) -> bool {
        matches!(self.as_str().as_bytes(), [b'E', b'0' | b'1' | b'2', ..])
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Code {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        let s = s.trim().to_ascii_uppercase();
        Code::ALL.iter().copied().find(|c| c.as_str() == s).ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_parse_back() {
        for (i, a) in Code::ALL.iter().enumerate() {
            assert_eq!(a.as_str().parse::<Code>(), Ok(*a));
            for b in &Code::ALL[i + 1..] {
                assert_ne!(a.as_str(), b.as_str());
            }
        }
    }

    #[test]
    fn families() {
        assert!(Code::E201.blocks_build());
        assert!(Code::E005.blocks_build());
        assert!(!Code::E304.blocks_build());
        assert!(!Code::W601.blocks_build());
        assert_eq!(Code::W601.severity(), Severity::Warning);
    }
}
