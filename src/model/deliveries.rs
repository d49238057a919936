//! Deliveries (contract §3, §7, §15): for a party and a cycle year, every document the P&C
//! calendar asks of its role, with its deadline and its state at the reference date. The one
//! place that says what "delivered", "late" and "overdue" mean: the calendar check, the
//! documents, the meeting status, the progress report and the reminders all read it.
//!
//! Delivered = received (§15): a file with a receipt for its current content counts as
//! delivered on that receipt's `ontvangen_op`; otherwise (no receipts, or none for its content:
//! W009) on its own `ingediend_op`.

use super::at::{Pos, Year};
use super::enums::*;
use super::ontvangsten::{Receipt, hex};
use super::plan::Header;
use super::stelsel::{Stelsel, Termijn};
use super::tree::{Submission, Tree};
use jiff::civil::Date;
use std::collections::BTreeMap;

/// The state of one required document at the reference date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// Delivered on or before the deadline.
    OnTime(Date),
    /// Delivered after the deadline, by this many days.
    Late(Date, i64),
    /// Not delivered and the deadline has passed, by this many days.
    Overdue(i64),
    /// Not delivered, the deadline has not passed yet.
    NotYetDue,
    /// Present but unreadable; its state cannot be judged.
    Unknown,
}

/// One document the calendar asks of a party for a cycle year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    /// The calendar kind (plan and begroting come together).
    pub stuk: StukSoort,
    /// The file kind.
    pub kind: FileKind,
    /// The quarter of a progress report.
    pub kwartaal: Option<u8>,
    /// The document's name in Dutch: `plan`, `begroting`, `realisatie`, `voortgangsrapportage`.
    pub naam: &'static str,
    /// The cycle year.
    pub jaar: Year,
    /// The deadline.
    pub termijn: Date,
    /// Its state at the reference date.
    pub delivery: Delivery,
    /// The file, relative to the data root (where it is or would be).
    pub bestand: String,
    /// The file exists but has no `ingediend_op` (and no receipt for its content).
    pub zonder_datum: bool,
    /// Where the date of delivery comes from (`None`: not delivered at the reference date).
    pub bron: Option<Bron>,
}

/// Where a date of delivery comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bron {
    /// A receipt in ontvangsten.yaml for the file's current content.
    Ontvangst {
        /// Its `ontvangen_op` differs from the date of its `tijdstip`.
        nagedateerd: bool,
        /// Where its `ontvangen_op` stands in ontvangsten.yaml.
        pos: Pos,
    },
    /// The file's own `ingediend_op`.
    Bestand {
        /// The file has receipts, but none for its current content (W009).
        gewijzigd: bool,
    },
}

/// When a file counts as delivered, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Delivered {
    /// The date of delivery.
    pub op: Date,
    /// Where it comes from.
    pub bron: Bron,
}

impl Submission {
    /// When the document of this kind (of the quarter given) counts as delivered, at any
    /// reference date (contract §15): the earliest receipt for its current content, else its
    /// `ingediend_op`; `None` when absent, unreadable or without either.
    pub fn delivered(&self, kind: FileKind, kwartaal: Option<u8>) -> Option<Delivered> {
        let (h, file) = self.header(kind, kwartaal)?;
        self.delivered_file(file, h)
    }

    /// When the file `file` (relative to the data root) with header `h` counts as delivered,
    /// by the same rule as [`Submission::delivered`]; also for the wijzigingen.
    pub fn delivered_file(&self, file: &str, h: &Header) -> Option<Delivered> {
        match self.receipts.get(file) {
            Some(Receipt::Matched { ontvangen_op, nagedateerd, pos }) => {
                Some(Delivered { op: *ontvangen_op, bron: Bron::Ontvangst { nagedateerd: *nagedateerd, pos: *pos } })
            }
            r => h.ingediend_op.as_ref().map(|d| Delivered {
                op: d.value,
                bron: Bron::Bestand { gewijzigd: matches!(r, Some(Receipt::Changed { .. })) },
            }),
        }
    }
}

impl Due {
    /// The document in words: "plan", "realisatie", "voortgangsrapportage Q2".
    pub fn label(&self) -> String {
        match self.kwartaal {
            Some(k) => format!("{} Q{k}", self.naam),
            None => self.naam.to_string(),
        }
    }
}

impl StukSoort {
    /// The documents a calendar kind stands for, with their display names.
    pub fn documents(self) -> &'static [(FileKind, &'static str)] {
        match self {
            StukSoort::Plan => &[(FileKind::Plan, "plan"), (FileKind::Begroting, "begroting")],
            StukSoort::Realisatie => &[(FileKind::Realisatie, "realisatie")],
            StukSoort::Voortgang => &[(FileKind::Voortgang, "voortgangsrapportage")],
        }
    }
}

/// Judges one document of a party against `deadline` at `peildatum` (contract §7, §15:
/// delivered is a file received, or without receipts dated by `ingediend_op`, on or before the
/// reference date).
pub fn judge(
    sub: Option<&Submission>,
    kind: FileKind,
    kwartaal: Option<u8>,
    deadline: Date,
    peildatum: Date,
) -> Delivery {
    let delivered = sub.and_then(|s| s.delivered(kind, kwartaal)).map(|d| d.op).filter(|d| *d <= peildatum);
    match delivered {
        Some(d) if d > deadline => Delivery::Late(d, (d - deadline).get_days() as i64),
        Some(d) => Delivery::OnTime(d),
        None if sub.is_some_and(|s| s.is_unreadable(kind, kwartaal)) => Delivery::Unknown,
        None if peildatum > deadline => Delivery::Overdue((peildatum - deadline).get_days() as i64),
        None => Delivery::NotYetDue,
    }
}

impl Stelsel {
    /// The calendar entries for a role and, when given, a calendar kind.
    pub fn termijnen(&self, rol: Rol, stuk: Option<StukSoort>) -> impl Iterator<Item = &Termijn> {
        self.kalender.iter().filter(move |t| t.rol == rol && stuk.is_none_or(|s| s == t.stuk))
    }
}

impl Tree {
    /// Every document the calendar asks of party `org` (role `rol`) for cycle year `y`, in
    /// calendar order, judged at `peildatum`; only calendar kind `stuk` when given.
    pub fn due(
        &self,
        st: &Stelsel,
        org: &str,
        rol: Rol,
        y: Year,
        stuk: Option<StukSoort>,
        peildatum: Date,
    ) -> Vec<Due> {
        let sub = self.submission(y, org);
        let mut out = Vec::new();
        for t in st.termijnen(rol, stuk) {
            let termijn = t.deadline(y);
            for (kind, naam) in t.stuk.documents() {
                let k = t.kwartaal;
                let header = sub.and_then(|s| s.header(*kind, k));
                let delivered = sub.and_then(|s| s.delivered(*kind, k)).filter(|d| d.op <= peildatum);
                let name = match k {
                    Some(k) => format!("voortgang-q{k}"),
                    None => kind.as_str().to_string(),
                };
                out.push(Due {
                    stuk: t.stuk,
                    kind: *kind,
                    kwartaal: k,
                    naam,
                    jaar: y,
                    termijn,
                    delivery: judge(sub, *kind, k, termijn, peildatum),
                    bestand: header.map_or_else(
                        || crate::layout::party_file(y, org, &format!("{name}.yaml")),
                        |(_, f)| f.to_string(),
                    ),
                    zonder_datum: header.is_some()
                        && sub.and_then(|s| s.delivered(*kind, k)).is_none()
                        && !sub.is_some_and(|s| s.is_unreadable(*kind, k)),
                    bron: delivered.map(|d| d.bron),
                });
            }
        }
        out
    }
}

impl Tree {
    /// Matches the receipt register to the files read (contract §15), once, after loading: per
    /// file with receipts, the earliest whose SHA-256 equals its content, or that none does. A
    /// receipt for a file that was not read (absent, or outside the scope) is ignored.
    pub fn match_receipts(&mut self) {
        let mut by_file: BTreeMap<&str, Vec<&super::ontvangsten::Ontvangst>> = BTreeMap::new();
        for r in &self.ontvangsten {
            by_file.entry(r.bestand.value.as_str()).or_default().push(r);
        }
        let mut found = Vec::new();
        for (file, rs) in by_file {
            let Some((digest, _)) = self.inputs.get(file) else { continue };
            let Some((y, org)) = crate::layout::party_of(file) else { continue };
            let sha = hex(digest);
            let matched = rs.iter().filter(|r| r.sha256 == sha).min_by_key(|r| (r.ontvangen_op.value, r.pos));
            let receipt = match matched {
                Some(r) => Receipt::Matched {
                    ontvangen_op: r.ontvangen_op.value,
                    nagedateerd: r.nagedateerd(),
                    pos: r.ontvangen_op.pos,
                },
                None => Receipt::Changed {
                    laatst: rs.iter().map(|r| r.ontvangen_op.value).max().unwrap_or_default(),
                    count: rs.len(),
                },
            };
            found.push((y, org.to_string(), file.to_string(), receipt));
        }
        for (y, org, file, receipt) in found {
            if let Some(sub) = self.years.get_mut(&y).and_then(|m| m.get_mut(&org)) {
                sub.receipts.insert(file, receipt);
            }
        }
    }
}

/// The last day of quarter `k` (1–3) of `y`: 31 March, 30 June, 30 September. The one rule
/// for a quarter's end: the progress report's "stand", the spreadsheet route's quarter that is
/// due, and (contract §14) a quarter's own yardstick all read it.
pub fn quarter_end(y: Year, k: u8) -> Date {
    let (m, d) = match k {
        1 => (3, 31),
        2 => (6, 30),
        _ => (9, 30),
    };
    Date::new(y as i16, m, d).unwrap_or(Date::constant(2000, 1, 1))
}

/// Whether quarter `k` of `y` has ended at `peildatum` (the reference date lies after its last day).
pub fn quarter_ended(y: Year, k: u8, peildatum: Date) -> bool {
    quarter_end(y, k) < peildatum
}
