//! The bevestiging (receipt) of `jaarcyclus ontvang` (contract §15) in words: per file its
//! SHA-256 and date of receipt, per document whether it is on time against the calendar, and
//! the findings in plain Dutch. Plain text, for a `.txt` and an unsent `.eml`.

use crate::diag::{Diagnostic, Names, Severity};
use crate::model::{Due, Stelsel};
use crate::nl::{self, wrap};
use crate::view::deliveries::judged;
use jiff::civil::Date;
use std::fmt::Write as _;

/// What became of one file of the delivery.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Uitkomst {
    /// Received: written into the data root (or already there with these bytes) and entered in
    /// the register.
    Ontvangen {
        /// Written (false: the data root held these bytes already).
        geschreven: bool,
    },
    /// These bytes were received before, on this date: no new entry.
    AlOntvangen(Date),
    /// Not received: the delivery has errors of E0–E2.
    NietOntvangen,
}

/// One file of the delivery.
#[derive(Clone, Debug)]
pub struct Bestand {
    /// Relative to the data root: `2027/geonovum/begroting.yaml`.
    pub bestand: String,
    /// SHA-256 of its bytes, lowercase hex.
    pub sha256: String,
    /// What became of it.
    pub uitkomst: Uitkomst,
    /// The calendar's judgment of its document after the receipt (`None`: no deadline).
    pub termijn: Option<Due>,
}

/// Everything the bevestiging says.
pub struct Bevestiging<'a> {
    /// The construct, for the parties' names (`None` when unreadable).
    pub stelsel: Option<&'a Stelsel>,
    /// The party.
    pub organisatie: &'a str,
    /// The cycle year.
    pub jaar: i32,
    /// The date of receipt (the reference date).
    pub ontvangen_op: Date,
    /// The real moment, UTC, as the register writes it.
    pub tijdstip: &'a str,
    /// The date of that moment (UTC): when it differs from the date of receipt, the receipt is
    /// "nagedateerd" (contract §15).
    pub geregistreerd: Date,
    /// Whether the delivery was received.
    pub ontvangen: bool,
    /// Its files.
    pub bestanden: &'a [Bestand],
    /// The findings of the check at receipt.
    pub bevindingen: &'a [Diagnostic],
}

struct ByName<'a>(Option<&'a Stelsel>);

impl Names for ByName<'_> {
    fn party(&self, id: &str) -> String {
        let o = self.0.and_then(|st| st.organisaties.iter().find(|o| o.id.value == id));
        o.map_or_else(|| id.to_string(), |o| o.naam.clone())
    }
    fn perspective(&self, id: &str) -> String {
        let b = self.0.and_then(|st| st.beleidsdoelen.iter().find(|b| b.id.value == id));
        b.map_or_else(|| id.to_string(), |b| b.naam.clone())
    }
}

impl Bevestiging<'_> {
    /// The subject line.
    pub fn onderwerp(&self) -> String {
        let naam = ByName(self.stelsel).party(self.organisatie);
        if self.ontvangen {
            format!("Ontvangstbevestiging: aanlevering {} van {naam}", self.jaar)
        } else {
            format!("Niet ontvangen: aanlevering {} van {naam}", self.jaar)
        }
    }

    /// The text, ending in a newline.
    pub fn tekst(&self) -> String {
        let names = ByName(self.stelsel);
        let naam = names.party(self.organisatie);
        let sbo = self.stelsel.and_then(|st| st.organisaties.iter().find(|o| o.rol == crate::model::Rol::Sbo));
        let afzender = sbo.map_or_else(|| "het SBO".to_string(), |o| o.naam.clone());
        let mut t = String::new();
        let _ = writeln!(t, "Aan:        {naam} ({})", self.organisatie);
        let _ = writeln!(t, "Van:        {afzender}");
        let _ = writeln!(t, "Datum:      {}", nl::date(self.ontvangen_op));
        let _ = writeln!(t, "Tijdstip:   {} (UTC)", self.tijdstip);
        let _ = writeln!(t, "Onderwerp:  {}\n", self.onderwerp());
        let mut body = String::from("Geachte heer, mevrouw,\n\n");
        let errors = self.bevindingen.iter().filter(|d| d.severity() == Severity::Error).count();
        let warnings = self.bevindingen.iter().filter(|d| d.severity() == Severity::Warning && d.aanvaard.is_none());
        let warnings = warnings.count();
        if self.ontvangen {
            let _ = writeln!(
                body,
                "Op {} hebben wij van {naam} de volgende bestanden voor het cyclusjaar {} ontvangen. Met de \
                 SHA-256 (een vingerafdruk van de inhoud) kunt u nagaan dat het ontvangen bestand gelijk is aan \
                 het uwe.\n",
                nl::date(self.ontvangen_op),
                self.jaar
            );
        } else {
            let _ = writeln!(
                body,
                "Uw aanlevering voor het cyclusjaar {} is NIET ontvangen: de controle vond fouten die de \
                 bedragen onbetrouwbaar maken (de fouten hieronder met een code E0, E1 of E2). Er is niets in \
                 de gegevens gezet en niets geregistreerd. Herstel de fouten en lever de bestanden opnieuw aan.\n",
                self.jaar
            );
        }
        for b in self.bestanden {
            let _ = writeln!(body, "  - {}", b.bestand);
            let _ = writeln!(body, "    SHA-256: {}", b.sha256);
            match &b.uitkomst {
                Uitkomst::Ontvangen { .. } if self.geregistreerd != self.ontvangen_op => {
                    let _ = writeln!(
                        body,
                        "    ontvangen op {} (nagedateerd: geregistreerd op {})",
                        nl::date(self.ontvangen_op),
                        nl::date(self.geregistreerd)
                    );
                }
                Uitkomst::Ontvangen { .. } => {
                    let _ = writeln!(body, "    ontvangen op {}", nl::date(self.ontvangen_op));
                }
                Uitkomst::AlOntvangen(d) => {
                    let _ = writeln!(
                        body,
                        "    al ontvangen op {}: dit bestand was al in ons bezit, er is geen nieuwe ontvangst \
                         geregistreerd",
                        nl::date(*d)
                    );
                }
                Uitkomst::NietOntvangen => {
                    let _ = writeln!(body, "    niet ontvangen");
                }
            }
            if let Some(due) = &b.termijn {
                let j = judged(due);
                let _ = writeln!(body, "    {}: termijn {}; {}", due.label(), nl::date(due.termijn), j.status);
            } else if self.ontvangen {
                let _ = writeln!(body, "    geen termijn in de P&C-kalender");
            }
        }
        let _ = writeln!(
            body,
            "\nBij de controle op het moment van ontvangst: {}, {}.",
            count(errors, "fout", "fouten"),
            count(warnings, "waarschuwing", "waarschuwingen")
        );
        for (i, d) in self.bevindingen.iter().enumerate() {
            let ernst = match (d.severity(), &d.aanvaard) {
                (Severity::Error, _) => "Fout",
                (Severity::Warning, None) => "Waarschuwing",
                (Severity::Warning, Some(_)) => "Aanvaarde waarschuwing",
            };
            let _ = writeln!(body, "\n  {}. {ernst} ({}){}:", i + 1, d.code, place(d));
            let _ = writeln!(body, "     {}", capital(&d.text.for_board(&names)));
            if let Some(h) = d.hint.as_deref().filter(|h| !h.is_empty()) {
                let _ = writeln!(body, "     Wat te doen: {h}");
            }
            if let Some(a) = &d.aanvaard {
                let _ = writeln!(body, "     Aanvaard: {}", a.reden);
            }
        }
        let _ = writeln!(
            body,
            "\nU kunt uw aanlevering vooraf zelf controleren met:\n\n    jaarcyclus check --organisatie {}\n\n\
             Met vriendelijke groet,\n\n{afzender}",
            self.organisatie
        );
        t.push_str(&wrap(&body, 78));
        if !t.ends_with('\n') {
            t.push('\n');
        }
        t
    }
}

/// Where a finding is: " in `file`, regel l, kolom c", or the cell of a workbook.
fn place(d: &Diagnostic) -> String {
    let Some(file) = &d.file else { return String::new() };
    match (&d.cel, d.pos) {
        (Some(cel), _) => format!(" in {file}, cel {cel}"),
        (None, Some(p)) => format!(" in {file}, regel {}, kolom {}", p.line, p.column),
        (None, None) => format!(" in {file}"),
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}
