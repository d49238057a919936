//! Messages: Amounts and completeness (E2xx, E3xx).

use super::build::*;

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
    dp(
        Code::E301,
        parts![party(org), format!(" heeft voor {y} een plan maar geen begroting")],
        "plan en begroting worden samen aangeleverd; voeg begroting.yaml toe",
    )
}

/// E301.
pub fn begroting_without_plan(org: &str, y: i32) -> Diagnostic {
    dp(
        Code::E301,
        parts![party(org), format!(" heeft voor {y} een begroting maar geen plan")],
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
/// `amended`: against the amended budget (contract §11).
pub fn variance_unexplained(id: &str, amended: bool, budget: &str, real: &str, diff: &str, pct: &str) -> Diagnostic {
    let of = if amended { "de gewijzigde begroting" } else { "de begroting" };
    d(
        Code::E304,
        format!("regel `{id}` wijkt {pct} ({diff}) af van {of} ({real} tegen {budget}) zonder toelichting"),
        "voeg een `toelichting` toe die de afwijking verklaart",
    )
}

/// E305.
pub fn too_few_alternatives(org: &str, perspective: &str, y: i32, excess: &str, have: usize, need: u32) -> Diagnostic {
    dp(
        Code::E305,
        parts![
            "de begroting voor ",
            super::build::perspective(perspective),
            format!(" in {y} ligt {excess} boven het taakstellend budget, en "),
            party(org),
            format!(" biedt {} (minimaal {need})", count(have as i64, "alternatief", "alternatieven")),
        ],
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
        format!("besluitpunt {id} heeft {} (minimaal {need})", count(have as i64, "alternatief", "alternatieven")),
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
