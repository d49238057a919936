//! Messages: The calendar, the register of agreements, the reporting line and the capped budget (E4xx, W4xx, W5xx, W6xx).

use super::build::*;

// ---- E4xx / W4xx: calendar ----

/// E401.
pub fn not_delivered(doc: &str, org: &str, y: i32, deadline: &str, days: i64) -> Diagnostic {
    dp(
        Code::E401,
        parts![
            format!("{doc} {y} van "),
            party(org),
            format!(" is niet aangeleverd; de termijn ({deadline}) is {} verstreken", count(days, "dag", "dagen")),
        ],
        "lever het document aan met `ingediend_op`, of stuur de partij een rappel",
    )
    .about(Some(org), Some(y))
}

/// W401.
pub fn delivered_late(doc: &str, org: &str, y: i32, days: i64, deadline: &str, delivered: &str) -> Diagnostic {
    dp(
        Code::W401,
        parts![
            format!("{doc} {y} van "),
            party(org),
            format!(" is {} te laat aangeleverd ({delivered}; termijn {deadline})", count(days, "dag", "dagen")),
        ],
        "",
    )
    .about(Some(org), Some(y))
}

/// W402.
pub fn meeting_documents_late(days: i64, need: u32, sent: &str, meeting: &str) -> Diagnostic {
    d(
        Code::W402,
        format!(
            "stukken verzonden op {sent}, {} voor de vergadering van {meeting} (minimaal {need})",
            count(days, "dag", "dagen")
        ),
        "verstuur de stukken eerder, zodat het beraad tijd heeft voor een echte dialoog",
    )
}

// ---- W0xx / W5xx / W6xx ----

/// W501.
pub fn no_covering_agreement(org: &str, y: i32) -> Diagnostic {
    dp(
        Code::W501,
        parts![party(org), format!(" heeft geen raamovereenkomst, meerjarenovereenkomst of jaaropdracht die {y} dekt")],
        "leg een getekende overeenkomst vast die elke dag van het jaar geldig is",
    )
    .about(Some(org), Some(y))
}

/// W502.
pub fn no_financial_paragraph(soort: &str, org: &str, y: i32) -> Diagnostic {
    dp(
        Code::W502,
        parts![format!("{soort} van "), party(org), format!(" dekt {y} maar heeft geen financiële paragraaf")],
        "neem een financiële paragraaf op (`financiele_paragraaf: true`)",
    )
    .about(Some(org), Some(y))
}

/// W503.
pub fn tbo_role_not_accepted(org: &str) -> Diagnostic {
    dp(
        Code::W503,
        parts!["de TBO-rol van ", party(org), " is niet geaccepteerd"],
        "leg een `rolacceptatie` met `status: geaccepteerd` vast",
    )
    .about(Some(org), None)
}

/// W504.
pub fn outside_line(org: &str, rol: &str, to: &str, to_rol: &str) -> Diagnostic {
    dp(
        Code::W504,
        parts![
            format!("{rol} "),
            party(org),
            format!(" rapporteert aan {to_rol} "),
            party(to),
            ", buiten de lijn van OBO via TBO naar SBO"
        ],
        "",
    )
    .about(Some(org), None)
}

/// W505.
pub fn missing_agreement_kind(org: &str, soort: &str, y: i32) -> Diagnostic {
    dp(
        Code::W505,
        parts![party(org), format!(" heeft geen {} die {y} dekt", soort.to_uppercase())],
        "leg de afspraak vast in afspraken.yaml",
    )
    .about(Some(org), Some(y))
}

/// W601.
pub fn over_cap(perspective: &str, y: i32, request: &str, cap: &str, excess: &str) -> Diagnostic {
    dp(
        Code::W601,
        parts![
            "de totale begroting voor ",
            super::build::perspective(perspective),
            format!(" in {y} is {request}, {excess} boven het taakstellend budget van {cap}"),
        ],
        "",
    )
    .about(None, Some(y))
}
