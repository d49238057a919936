//! Every message a user reads about their data, in one place: one function per kind of
//! finding, returning the diagnostic without its place (callers add it with `at`).

use super::{Code, Diagnostic};
use crate::model::AmountError;

fn d(code: Code, message: String, hint: &str) -> Diagnostic {
    let d = Diagnostic::new(code, message);
    if hint.is_empty() { d } else { d.hint(hint) }
}

// ---- E001–E005: reading ----

/// E001.
pub fn syntax(detail: &str) -> Diagnostic {
    d(
        Code::E001,
        format!("YAML-syntaxfout: {detail}"),
        "controleer inspringing, dubbele punten en aanhalingstekens op deze plaats",
    )
}

/// E002.
pub fn unknown_field(field: &str, expected: &str) -> Diagnostic {
    d(Code::E002, format!("onbekend veld `{field}`"), &format!("bedoelt u een van: {expected}?"))
}

/// E003: a structural type mismatch reported by the parser.
pub fn wrong_type(detail: &str) -> Diagnostic {
    d(
        Code::E003,
        format!("verkeerd type: {detail}"),
        "vergelijk de vorm met het voorbeeld in het contract (lijst, mapping of enkele waarde)",
    )
}

/// E003.
pub fn missing_field(field: &str) -> Diagnostic {
    d(Code::E003, format!("verplicht veld `{field}` ontbreekt"), &format!("voeg `{field}:` toe"))
}

/// E003.
pub fn empty_value(field: &str) -> Diagnostic {
    d(Code::E003, format!("`{field}` is leeg"), &format!("vul `{field}` in"))
}

/// E003.
pub fn bad_enum(field: &str, value: &str, allowed: &[&str]) -> Diagnostic {
    d(
        Code::E003,
        format!("`{value}` is geen geldige waarde voor `{field}`"),
        &format!("kies uit: {} (precies zo gespeld)", allowed.join(", ")),
    )
}

/// E003.
pub fn bad_id(field: &str, value: &str, lowercase: bool) -> Diagnostic {
    let hint = if lowercase {
        "een id bestaat uit kleine letters, cijfers en koppeltekens en begint met een letter of cijfer, bijvoorbeeld `kadaster-obo`"
    } else {
        "een id is tekst zonder spaties, bijvoorbeeld `OL-BEHEER` of `R1`"
    };
    d(Code::E003, format!("`{value}` is geen geldige id voor `{field}`"), hint)
}

/// E003.
pub fn bad_date(field: &str, value: &str) -> Diagnostic {
    d(
        Code::E003,
        format!("`{value}` is geen geldige datum voor `{field}`"),
        "schrijf een datum precies als JJJJ-MM-DD, bijvoorbeeld 2025-09-01",
    )
}

/// E003.
pub fn bad_year(field: &str, value: i64, from: i64, to: i64) -> Diagnostic {
    d(
        Code::E003,
        format!("jaar {value} in `{field}` ligt buiten het bereik {from}–{to}"),
        &format!("gebruik een jaar van {from} tot en met {to}"),
    )
}

/// E003.
pub fn bad_number(field: &str, value: i64, from: i64, to: i64) -> Diagnostic {
    d(Code::E003, format!("`{field}` is {value}, maar moet liggen tussen {from} en {to}"), "")
}

/// E003.
pub fn bad_calendar_year(value: &str) -> Diagnostic {
    d(Code::E003, format!("`{value}` is geen geldige waarde voor `jaar` in de kalender"), "kies uit: Y-1, Y, Y+1")
}

/// E003 or E201 for an amount.
pub fn bad_amount(field: &str, value: &str, err: &AmountError) -> Diagnostic {
    let (code, msg, hint) = match err {
        AmountError::Negative => (
            Code::E201,
            format!("negatief bedrag {value} in `{field}`"),
            "bedragen zijn nooit negatief; een lagere uitgave blijkt uit het verschil met de begroting",
        ),
        AmountError::DutchNotation => (
            Code::E003,
            format!("bedrag `{value}` in `{field}` staat in Nederlandse notatie"),
            "schrijf bedragen zonder scheidingstekens voor duizendtallen en met een punt voor de centen: 1250000.00",
        ),
        AmountError::Exponent => (
            Code::E003,
            format!("bedrag `{value}` in `{field}` gebruikt een exponent"),
            "schrijf het bedrag voluit, bijvoorbeeld 1000000",
        ),
        AmountError::NonFinite => (
            Code::E003,
            format!("`{value}` in `{field}` is geen bedrag"),
            "schrijf een eindig bedrag in euro's, bijvoorbeeld 250000",
        ),
        AmountError::Underscore => (
            Code::E003,
            format!("bedrag `{value}` in `{field}` bevat een liggend streepje"),
            "schrijf het bedrag zonder scheidingstekens: 1000000",
        ),
        AmountError::TooManyDecimals(n) => (
            Code::E003,
            format!("bedrag `{value}` in `{field}` heeft {n} decimalen"),
            "een bedrag heeft hoogstens twee decimalen (centen)",
        ),
        AmountError::TooLarge => (
            Code::E003,
            format!("bedrag `{value}` in `{field}` is te groot om exact te rekenen"),
            "controleer het aantal cijfers",
        ),
        AmountError::NotANumber => (
            Code::E003,
            format!("`{value}` in `{field}` is geen bedrag"),
            "schrijf een bedrag in euro's als 1250000 of 1250000.50",
        ),
    };
    d(code, msg, hint)
}

/// E003 for a percentage.
pub fn bad_percentage(value: &str) -> Diagnostic {
    d(
        Code::E003,
        format!("`{value}` is geen geldig percentage"),
        "schrijf een percentage als getal met hoogstens vier decimalen, bijvoorbeeld 19 of 33.3333",
    )
}

/// E003 for a file that holds nothing.
pub fn empty_file() -> Diagnostic {
    d(Code::E003, "het bestand is leeg".into(), "vul het bestand volgens het contract")
}

/// E004.
pub fn duplicate_key(key: &str) -> Diagnostic {
    d(
        Code::E004,
        format!("sleutel `{key}` staat twee keer in deze mapping"),
        "verwijder of hernoem een van beide; jaarcyclus neemt nooit stilzwijgend de laatste",
    )
}

/// E005.
pub fn unreadable(reason: &str) -> Diagnostic {
    d(Code::E005, format!("bestand onleesbaar: {reason}"), "sla het op als gewone UTF-8-tekst binnen de gegevensmap")
}

/// W007.
pub fn unexpected_file(path: &str) -> Diagnostic {
    d(
        Code::W007,
        format!("onverwacht bestand `{path}` wordt niet gelezen"),
        "verplaats of verwijder het, of geef het de naam die het contract voorschrijft (plan.yaml, begroting.yaml, realisatie.yaml)",
    )
}

// ---- E1xx: references ----

/// E101.
pub fn unknown_party(id: &str, context: &str) -> Diagnostic {
    d(
        Code::E101,
        format!("onbekende organisatie `{id}` {context}"),
        "gebruik een id uit `organisaties` van stelsel.yaml, of voeg de partij daar toe",
    )
}

/// E101 for a folder of a party the stelsel does not know.
pub fn unknown_party_folder(id: &str) -> Diagnostic {
    d(
        Code::E101,
        format!("map `{id}` hoort bij geen organisatie uit stelsel.yaml"),
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
pub fn alternative_repeated(niveau: &str) -> Diagnostic {
    d(
        Code::E106,
        format!("alternatief op niveau `{niveau}` staat er meer dan eens"),
        "elk dienstverleningsniveau komt hoogstens één keer voor als alternatief",
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
    d(Code::E108, format!("`{id}` is een tweede SBO naast `{first}`"), "het stelsel heeft precies één SBO")
}

/// E108.
pub fn reporting_cycle(id: &str, path: &str) -> Diagnostic {
    d(
        Code::E108,
        format!("rapportagelijn van `{id}` is een kring: {path}"),
        "laat de lijn via `rapporteert_aan` eindigen bij de SBO",
    )
}

/// E108.
pub fn not_reaching_sbo(id: &str, path: &str) -> Diagnostic {
    d(
        Code::E108,
        format!("`{id}` bereikt de SBO niet: {path}"),
        "laat de lijn via `rapporteert_aan` eindigen bij de SBO",
    )
}

// ---- E2xx: amounts ----

/// E202.
pub fn key_not_hundred(beleidsdoel: &str, sum: &str) -> Diagnostic {
    d(
        Code::E202,
        format!("verdeelsleutel van `{beleidsdoel}` telt op tot {sum} in plaats van 100"),
        "pas de percentages aan zodat ze samen precies 100 zijn",
    )
}

/// E203.
pub fn line_without_year(id: &str) -> Diagnostic {
    d(
        Code::E203,
        format!("begrotingsregel `{id}` heeft geen enkel jaar in `bedragen`"),
        "geef minstens één bedrag voor een jaar van J tot en met J+3",
    )
}

/// E203.
pub fn line_year_out_of_range(id: &str, year: i32, y: i32) -> Diagnostic {
    d(
        Code::E203,
        format!("begrotingsregel `{id}` heeft een bedrag voor {year}, buiten {y}–{}", y + 3),
        &format!("een begroting voor {y} bevat alleen de jaren {y} tot en met {}", y + 3),
    )
}

// ---- E3xx: completeness ----

/// E301.
pub fn plan_without_begroting(org: &str, y: i32) -> Diagnostic {
    d(
        Code::E301,
        format!("`{org}` heeft voor {y} een plan maar geen begroting"),
        "plan en begroting worden samen aangeleverd; voeg begroting.yaml toe",
    )
}

/// E301.
pub fn begroting_without_plan(org: &str, y: i32) -> Diagnostic {
    d(
        Code::E301,
        format!("`{org}` heeft voor {y} een begroting maar geen plan"),
        "plan en begroting worden samen aangeleverd; voeg plan.yaml toe",
    )
}

/// E302.
pub fn plan_without(what: &str) -> Diagnostic {
    d(
        Code::E302,
        format!("het plan heeft geen {what}"),
        "een plan beantwoordt 'Wat willen we bereiken?' (doelen) en 'Wat gaan we daarvoor doen?' (resultaten)",
    )
}

/// E303.
pub fn line_without_realisation(id: &str) -> Diagnostic {
    d(
        Code::E303,
        format!("begrotingsregel `{id}` heeft geen realisatieregel"),
        &format!("voeg `- regel: {id}` met het gerealiseerde `bedrag` toe (ook als dat 0 is)"),
    )
}

/// E303.
pub fn realisation_of_unknown_line(id: &str) -> Diagnostic {
    d(
        Code::E303,
        format!("realisatie van onbekende begrotingsregel `{id}`"),
        "uitgaven zonder begrotingsregel krijgen eerst een regel op 0 in de begroting",
    )
}

/// E304.
pub fn variance_unexplained(id: &str, budget: &str, real: &str, diff: &str, pct: &str) -> Diagnostic {
    d(
        Code::E304,
        format!("regel `{id}` wijkt {pct} ({diff}) af van de begroting ({real} tegen {budget}) zonder toelichting"),
        "voeg een `toelichting` toe die de afwijking verklaart",
    )
}

/// E305.
pub fn too_few_alternatives(org: &str, perspective: &str, y: i32, excess: &str, have: usize, need: u32) -> Diagnostic {
    d(
        Code::E305,
        format!(
            "de aanvraag voor `{perspective}` in {y} ligt {excess} boven het taakstellend budget, en `{org}` biedt {have} alternatief/alternatieven (minimaal {need})"
        ),
        "voeg onder `alternatieven` begrotingstotalen op andere dienstverleningsniveaus toe, elk met zijn risico's",
    )
}

/// E306.
pub fn result_without_status(id: &str) -> Diagnostic {
    d(
        Code::E306,
        format!("planresultaat `{id}` heeft geen status in de realisatie"),
        &format!("voeg `- resultaat: {id}` met een `status` toe (gerealiseerd, deels, niet of vervallen)"),
    )
}

/// E307.
pub fn decision_too_few_alternatives(id: i64, have: usize, need: u32) -> Diagnostic {
    d(
        Code::E307,
        format!("besluitpunt {id} heeft {have} alternatief/alternatieven (minimaal {need})"),
        "geef het beraad echte keuzes: voeg alternatieven toe met bedrag of niveau en risico's",
    )
}

/// E307.
pub fn alternative_without_risk(naam: &str) -> Diagnostic {
    d(
        Code::E307,
        format!("alternatief `{naam}` noemt geen enkel risico"),
        "voeg onder `risicos` minstens één risico toe",
    )
}

// ---- E4xx / W4xx: calendar ----

/// E401.
pub fn not_delivered(doc: &str, org: &str, y: i32, deadline: &str, days: i64) -> Diagnostic {
    d(
        Code::E401,
        format!("{doc} {y} van `{org}` is niet aangeleverd; de termijn ({deadline}) is {days} dag(en) verstreken"),
        "lever het document aan met `ingediend_op`, of stuur de partij een rappel",
    )
}

/// W401.
pub fn delivered_late(doc: &str, days: i64, deadline: &str, delivered: &str) -> Diagnostic {
    d(Code::W401, format!("{doc} is {days} dag(en) te laat aangeleverd ({delivered}; termijn {deadline})"), "")
}

/// W402.
pub fn meeting_documents_late(days: i64, need: u32, sent: &str, meeting: &str) -> Diagnostic {
    d(
        Code::W402,
        format!("stukken verzonden op {sent}, {days} dag(en) voor de vergadering van {meeting} (minimaal {need})"),
        "verstuur de stukken eerder, zodat het beraad tijd heeft voor een echte dialoog",
    )
}

// ---- W0xx / W5xx / W6xx ----

/// W501.
pub fn no_covering_agreement(org: &str, y: i32) -> Diagnostic {
    d(
        Code::W501,
        format!("`{org}` heeft geen raamovereenkomst, meerjarenovereenkomst of jaaropdracht die {y} dekt"),
        "leg een getekende overeenkomst vast die elke dag van het jaar geldig is",
    )
}

/// W502.
pub fn no_financial_paragraph(soort: &str, org: &str, y: i32) -> Diagnostic {
    d(
        Code::W502,
        format!("{soort} van `{org}` dekt {y} maar heeft geen financiële paragraaf"),
        "neem een financiële paragraaf op (`financiele_paragraaf: true`)",
    )
}

/// W503.
pub fn tbo_role_not_accepted(org: &str) -> Diagnostic {
    d(
        Code::W503,
        format!("de TBO-rol van `{org}` is niet geaccepteerd"),
        "leg een `rolacceptatie` met `status: geaccepteerd` vast",
    )
}

/// W504.
pub fn outside_line(org: &str, rol: &str, to: &str, to_rol: &str) -> Diagnostic {
    d(Code::W504, format!("{rol} `{org}` rapporteert aan {to_rol} `{to}`, buiten de lijn OBO → TBO → SBO"), "")
}

/// W505.
pub fn missing_agreement_kind(org: &str, soort: &str, y: i32) -> Diagnostic {
    d(Code::W505, format!("`{org}` heeft geen {soort} die {y} dekt"), "leg de afspraak vast in afspraken.yaml")
}

/// W601.
pub fn over_cap(perspective: &str, y: i32, request: &str, cap: &str, excess: &str) -> Diagnostic {
    d(
        Code::W601,
        format!(
            "de totale aanvraag voor `{perspective}` in {y} is {request}, {excess} boven het taakstellend budget van {cap}"
        ),
        "",
    )
}
