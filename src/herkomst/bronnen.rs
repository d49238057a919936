//! The source lines of one party's own figure, by the rules the roll-up counts with: the
//! amended budget of `model::amended`, the first realisation line of each budget line, the
//! progress report delivered on the reference date (its missing prognoses standing in as the
//! amended budget).

use super::types::{Bron, Kolom, Soort, Stuk};
use crate::model::*;
use jiff::civil::Date;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// The question, as every party is asked it.
pub struct Ask<'a> {
    /// The cycle year.
    pub jaar: Year,
    /// The year of the amounts.
    pub jaarschijf: Year,
    /// The perspective.
    pub beleidsdoel: &'a str,
    /// The reference date.
    pub peildatum: Date,
    /// The quarter (progress).
    pub kwartaal: Option<u8>,
}

/// One party's own figure: its source lines, what is missing, whether it is incomplete.
#[derive(Default)]
pub struct Own {
    /// The source lines.
    pub bronnen: Vec<Bron>,
    /// Notes.
    pub opmerkingen: Vec<String>,
    /// Incomplete.
    pub onbekend: bool,
}

/// A source line: an amount at its place in a file, counted in `kolom`.
fn bron<T>(file: &str, at: &At<T>, bedrag: Decimal, kolom: Kolom, soort: Soort, l: (&str, &str)) -> Bron {
    Bron {
        file: file.to_string(),
        pos: at.pos,
        kolom,
        soort,
        regel: l.0.to_string(),
        omschrijving: l.1.to_string(),
        bedrag,
        want: None,
    }
}

/// The own figure of a party with this submission (`None`: no folder for the year).
pub fn own(sub: Option<&Submission>, stuk: Stuk, a: &Ask) -> Own {
    let mut out = Own::default();
    let Some(sub) = sub else {
        // The realisation counts every party of the tree; progress only those with a begroting.
        out.onbekend = stuk == Stuk::Realisatie;
        out.opmerkingen.push(format!("geen aanlevering voor {}", a.jaar));
        return out;
    };
    match stuk {
        Stuk::Begroting => begroting(sub, a, &mut out),
        Stuk::Realisatie => realisatie(sub, a, &mut out),
        Stuk::Voortgang => voortgang(sub, a, &mut out),
    }
    out
}

fn begroting(sub: &Submission, a: &Ask, out: &mut Own) {
    if sub.begroting.is_none() {
        out.opmerkingen.push(format!("geen begroting {}", a.jaar));
    }
    if a.jaarschijf != a.jaar {
        // Wijzigingen change Y only; a later year slice is the begroting as delivered.
        let Some(b) = &sub.begroting else { return };
        for r in b.regels.iter().filter(|r| r.beleidsdoel.value == a.beleidsdoel) {
            if let Some(m) = r.bedragen.get(&a.jaarschijf) {
                let line = (r.id.value.as_str(), r.omschrijving.as_str());
                out.bronnen.push(bron(&b.file, m, m.value.decimal(), Kolom::Begroting, Soort::Begroting, line));
            }
        }
        return;
    }
    for l in sub.amended(a.jaar, a.peildatum).iter().filter(|l| l.beleidsdoel == a.beleidsdoel) {
        budget(sub, a.jaar, l, Kolom::Begroting, Kolom::Mutaties, None, out);
    }
}

/// The source lines of one line of the amended budget: its begroting amount for Y into
/// `primitief`, each mutatie in effect into `mutaties`.
fn budget(
    sub: &Submission,
    y: Year,
    l: &AmendedLine,
    primitief: Kolom,
    mutaties: Kolom,
    want: Option<&str>,
    out: &mut Own,
) {
    let line = (l.id, l.omschrijving);
    let mut found = Vec::new();
    if let (Some(r), Some(b)) = (l.regel, &sub.begroting)
        && let Some(m) = r.bedragen.get(&y)
    {
        found.push(bron(&b.file, m, m.value.decimal(), primitief, Soort::Begroting, line));
    }
    for (w, m) in &l.bronnen {
        let Some(d) = &m.mutatie else { continue };
        let soort =
            Soort::Wijziging { nummer: w.nummer.value, vastgesteld_op: w.vastgesteld_op.as_ref().map(|d| d.value) };
        found.push(bron(&w.file, d, d.value, mutaties, soort, line));
    }
    out.bronnen.extend(found.into_iter().map(|b| Bron { want: want.map(str::to_string), ..b }));
}

fn realisatie(sub: &Submission, a: &Ask, out: &mut Own) {
    let Some(r) = &sub.realisatie else {
        out.onbekend = true;
        out.opmerkingen.push(format!("geen realisatie {}: niet meegeteld", a.jaar));
        return;
    };
    for l in sub.amended(a.jaar, a.peildatum).iter().filter(|l| l.beleidsdoel == a.beleidsdoel) {
        let found = r.regels.iter().find(|x| x.regel.value == l.id);
        match found.and_then(|x| x.bedrag.as_ref()) {
            Some(m) => {
                let line = (l.id, l.omschrijving);
                out.bronnen.push(bron(&r.file, m, m.value.decimal(), Kolom::Gerealiseerd, Soort::Realisatie, line))
            }
            None => out.opmerkingen.push(format!("regel `{}` heeft geen realisatie: niet meegeteld", l.id)),
        }
    }
}

fn voortgang(sub: &Submission, a: &Ask, out: &mut Own) {
    let k = a.kwartaal.unwrap_or(1);
    if sub.begroting.is_none() {
        // The voortgangsrapportage counts the parties with a begroting for Y.
        out.opmerkingen.push(format!("geen begroting {}: niet meegeteld", a.jaar));
        return;
    }
    let report = sub.voortgang_delivered(k, a.peildatum);
    let stand_in = format!("geen prognose over kwartaal {k}: de gewijzigde begroting telt");
    if report.is_none() {
        out.onbekend = true;
        out.opmerkingen.push(format!(
            "geen voortgangsrapportage over kwartaal {k} aangeleverd op de peildatum: besteed onbekend, prognose = gewijzigde begroting"
        ));
    }
    // §14: a line that entered the amended budget after the quarter need not be listed.
    let then: BTreeSet<&str> = sub.amended_at_quarter_end(a.jaar, k, a.peildatum).iter().map(|l| l.id).collect();
    for l in sub.amended(a.jaar, a.peildatum).iter().filter(|l| l.beleidsdoel == a.beleidsdoel) {
        let written = report.and_then(|v| v.regels.iter().find(|r| r.regel.value == l.id));
        let file = report.map_or("", |v| v.file.as_str());
        let (line, soort) = ((l.id, l.omschrijving), Soort::Voortgang { kwartaal: k });
        if let Some(m) = written.and_then(|r| r.tot_en_met.as_ref()) {
            out.bronnen.push(bron(file, m, m.value.decimal(), Kolom::Besteed, soort.clone(), line));
        } else if report.is_some() && written.is_none() && !then.contains(l.id) {
            out.opmerkingen.push(format!(
                "regel `{}` kwam na kwartaal {k} in de gewijzigde begroting en staat niet in de rapportage: besteed 0, prognose = gewijzigde begroting",
                l.id
            ));
        } else if report.is_some() {
            out.opmerkingen.push(format!("regel `{}` heeft geen besteed bedrag over kwartaal {k}", l.id));
        }
        match written.and_then(|r| r.prognose.as_ref()) {
            Some(m) => out.bronnen.push(bron(file, m, m.value.decimal(), Kolom::Prognose, soort, line)),
            None => budget(sub, a.jaar, l, Kolom::Prognose, Kolom::Prognose, Some(&stand_in), out),
        }
    }
}
