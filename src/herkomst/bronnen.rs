//! The source lines of one party's own figure, by the rules the roll-up counts with: the
//! amended budget of `model::amended`, the first realisation line of each budget line, the
//! progress report delivered on the reference date (its missing prognoses standing in as the
//! amended budget).

use super::types::{Bron, Kolom, Soort, Stuk};
use crate::model::*;
use jiff::civil::Date;

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
                out.bronnen.push(Bron {
                    file: b.file.clone(),
                    pos: m.pos,
                    kolom: Kolom::Begroting,
                    soort: Soort::Begroting,
                    regel: r.id.value.clone(),
                    omschrijving: r.omschrijving.clone(),
                    bedrag: m.value.decimal(),
                    want: None,
                });
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
    if let (Some(r), Some(b)) = (l.regel, &sub.begroting)
        && let Some(m) = r.bedragen.get(&y)
    {
        out.bronnen.push(Bron {
            file: b.file.clone(),
            pos: m.pos,
            kolom: primitief,
            soort: Soort::Begroting,
            regel: l.id.to_string(),
            omschrijving: l.omschrijving.to_string(),
            bedrag: m.value.decimal(),
            want: want.map(str::to_string),
        });
    }
    for (w, m) in &l.bronnen {
        let Some(d) = &m.mutatie else { continue };
        out.bronnen.push(Bron {
            file: w.file.clone(),
            pos: d.pos,
            kolom: mutaties,
            soort: Soort::Wijziging {
                nummer: w.nummer.value,
                vastgesteld_op: w.vastgesteld_op.as_ref().map(|d| d.value),
            },
            regel: l.id.to_string(),
            omschrijving: l.omschrijving.to_string(),
            bedrag: d.value,
            want: want.map(str::to_string),
        });
    }
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
            Some(m) => out.bronnen.push(Bron {
                file: r.file.clone(),
                pos: m.pos,
                kolom: Kolom::Gerealiseerd,
                soort: Soort::Realisatie,
                regel: l.id.to_string(),
                omschrijving: l.omschrijving.to_string(),
                bedrag: m.value.decimal(),
                want: None,
            }),
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
    let report =
        sub.voortgang.get(&k).filter(|v| v.header.ingediend_op.as_ref().is_some_and(|d| d.value <= a.peildatum));
    let stand_in = format!("geen prognose over kwartaal {k}: de gewijzigde begroting telt");
    if report.is_none() {
        out.onbekend = true;
        out.opmerkingen.push(format!(
            "geen voortgangsrapportage over kwartaal {k} aangeleverd op de peildatum: besteed onbekend, prognose = gewijzigde begroting"
        ));
    }
    for l in sub.amended(a.jaar, a.peildatum).iter().filter(|l| l.beleidsdoel == a.beleidsdoel) {
        let written = report.and_then(|v| v.regels.iter().find(|r| r.regel.value == l.id));
        let file = || report.map(|v| v.file.clone()).unwrap_or_default();
        if let Some(m) = written.and_then(|r| r.tot_en_met.as_ref()) {
            out.bronnen.push(Bron {
                file: file(),
                pos: m.pos,
                kolom: Kolom::Besteed,
                soort: Soort::Voortgang { kwartaal: k },
                regel: l.id.to_string(),
                omschrijving: l.omschrijving.to_string(),
                bedrag: m.value.decimal(),
                want: None,
            });
        } else if report.is_some() {
            out.opmerkingen.push(format!("regel `{}` heeft geen besteed bedrag over kwartaal {k}", l.id));
        }
        match written.and_then(|r| r.prognose.as_ref()) {
            Some(m) => out.bronnen.push(Bron {
                file: file(),
                pos: m.pos,
                kolom: Kolom::Prognose,
                soort: Soort::Voortgang { kwartaal: k },
                regel: l.id.to_string(),
                omschrijving: l.omschrijving.to_string(),
                bedrag: m.value.decimal(),
                want: None,
            }),
            None => budget(sub, a.jaar, l, Kolom::Prognose, Kolom::Prognose, Some(&stand_in), out),
        }
    }
}
