//! Messages: the year in execution, budget amendments and progress reports (contract §11).

use super::build::*;

/// E105: a wijziging names a line that is neither in the begroting nor a complete new line.
pub fn unknown_amended_line(id: &str, incomplete: bool) -> Diagnostic {
    let why = if incomplete {
        "; als nieuwe regel ontbreekt omschrijving, beleidsdoel, component of kostensoort"
    } else {
        " en wordt hier niet als nieuwe regel gegeven"
    };
    d(
        Code::E105,
        format!("regel `{id}` staat niet in de begroting of een eerdere wijziging{why}"),
        "gebruik de code van een begrotingsregel, of geef een nieuwe regel met omschrijving, beleidsdoel, component \
         en kostensoort",
    )
}

/// E106: a new line given again, or with the id of a begroting line.
pub fn new_line_again(id: &str, earlier: Option<u32>) -> Diagnostic {
    let what = match earlier {
        Some(n) => format!("nieuwe regel `{id}` is al gegeven in wijziging {n}"),
        None => format!("nieuwe regel `{id}` heeft de code van een begrotingsregel"),
    };
    d(
        Code::E106,
        what,
        "verander een bestaande regel alleen met regel, mutatie en toelichting, of geef de nieuwe regel een eigen code",
    )
}

/// E106: two wijzigingen with the same number.
pub fn wijziging_number_twice(n: u32) -> Diagnostic {
    d(Code::E106, format!("wijziging {n} komt meer dan eens voor"), "geef elke wijziging een eigen nummer")
}

/// E201: a mutatie that makes a line's amended budget negative.
pub fn amended_negative(id: &str, amended: &str, proposed: bool) -> Diagnostic {
    let how = if proposed { " (als de voorgestelde wijziging wordt vastgesteld)" } else { "" };
    d(
        Code::E201,
        format!("de mutatie maakt de gewijzigde begroting van regel `{id}` negatief: {amended}{how}"),
        "een regel kan hoogstens tot nul worden verlaagd",
    )
}

/// E308: a line of the amended budget without a progress line.
pub fn line_without_progress(id: &str, k: u8) -> Diagnostic {
    d(
        Code::E308,
        format!("regel `{id}` van de gewijzigde begroting aan het eind van kwartaal {k} heeft geen voortgangsregel"),
        "geef elke regel van de gewijzigde begroting precies één voortgangsregel, ook met bedrag 0",
    )
}

/// E308: a progress line of a line outside the amended budget.
pub fn progress_of_unknown_line(id: &str) -> Diagnostic {
    d(
        Code::E308,
        format!("voortgangsregel voor `{id}`, maar die regel staat niet in de gewijzigde begroting op de peildatum"),
        "gebruik de code van een begrotingsregel of van een nieuwe regel uit een vastgestelde wijziging",
    )
}

/// E308: a plan result without a status in a progress report.
pub fn result_without_progress(id: &str) -> Diagnostic {
    d(
        Code::E308,
        format!("resultaat `{id}` uit het plan heeft geen status in deze voortgangsrapportage"),
        "geef elk resultaat een status: op_schema, risico, achter, gerealiseerd of vervallen",
    )
}

/// E308: a status for a result the plan does not have.
pub fn progress_of_unknown_result(id: &str) -> Diagnostic {
    d(
        Code::E308,
        format!("status voor resultaat `{id}`, maar dat resultaat staat niet in het plan"),
        "controleer de code (hoofdlettergevoelig)",
    )
}

/// W602.
pub fn amended_over_cap(perspective: &str, y: i32, amended: &str, cap: &str, excess: &str) -> Diagnostic {
    dp(
        Code::W602,
        parts![
            "de gewijzigde begroting voor ",
            super::build::perspective(perspective),
            format!(" in {y} is {amended}, {excess} boven het taakstellend budget van {cap}"),
        ],
        "",
    )
    .about(None, Some(y))
}

/// W603; `how` is "boven" or "onder", `by` the absolute difference.
pub fn prognosis_off(id: &str, prognose: &str, amended: &str, by: &str, pct: &str, how: &str, k: u8) -> Diagnostic {
    d(
        Code::W603,
        format!(
            "de prognose van regel `{id}` na kwartaal {k} ({prognose}) ligt {by} ({pct}) {how} de gewijzigde \
             begroting ({amended})"
        ),
        "",
    )
}
