//! Timeliness against the P&C calendar: delivered late (W401), not delivered after the
//! deadline (E401). "Delivered" means the file exists with `ingediend_op` on or before the
//! reference date (contract §7).

use super::Ctx;
use crate::diag::{Pos, msg};
use crate::model::*;
use crate::nl;
use jiff::civil::Date;

/// The state of one required document at the reference date.
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// The documents a calendar kind stands for, with their display names.
pub fn docs_of(stuk: StukSoort) -> &'static [(FileKind, &'static str)] {
    match stuk {
        StukSoort::Plan => &[(FileKind::Plan, "plan"), (FileKind::Begroting, "begroting")],
        StukSoort::Realisatie => &[(FileKind::Realisatie, "realisatie")],
    }
}

fn header_of(sub: &Submission, kind: FileKind) -> Option<(&Header, &str)> {
    match kind {
        FileKind::Plan => sub.plan.as_ref().map(|p| (&p.header, p.file.as_str())),
        FileKind::Begroting => sub.begroting.as_ref().map(|p| (&p.header, p.file.as_str())),
        FileKind::Realisatie => sub.realisatie.as_ref().map(|p| (&p.header, p.file.as_str())),
        _ => None,
    }
}

/// Judges one document of a party for cycle year `y` against `deadline` at `peildatum`.
pub fn delivery(sub: Option<&Submission>, kind: FileKind, deadline: Date, peildatum: Date) -> Delivery {
    let delivered = sub
        .and_then(|s| header_of(s, kind))
        .and_then(|(h, _)| h.ingediend_op.as_ref())
        .map(|d| d.value)
        .filter(|d| *d <= peildatum);
    match delivered {
        Some(d) if d > deadline => Delivery::Late(d, (d - deadline).get_days() as i64),
        Some(d) => Delivery::OnTime(d),
        None if sub.is_some_and(|s| s.unreadable.contains(&kind)) => Delivery::Unknown,
        None if peildatum > deadline => Delivery::Overdue((peildatum - deadline).get_days() as i64),
        None => Delivery::NotYetDue,
    }
}

/// W401 and E401 for every party in view, every cycle year in view, every calendar entry.
pub fn check(cx: &mut Ctx) {
    let Some(st) = cx.st else { return };
    for y in cx.years() {
        for o in cx.parties() {
            let sub = cx.tree.submission(y, &o.id);
            for t in st.kalender.iter().filter(|t| t.rol == o.rol) {
                let deadline = t.deadline(y);
                for (kind, name) in docs_of(t.stuk) {
                    let rel = format!("{y}/{}/{}.yaml", o.id.value, kind.as_str());
                    match delivery(sub, *kind, deadline, cx.peildatum) {
                        Delivery::Late(d, days) => {
                            let (h, file) =
                                header_of(sub.expect("late implies present"), *kind).expect("late implies a header");
                            let p = h.ingediend_op.as_ref().map(|x| x.pos).unwrap_or(Pos::START);
                            cx.out.push(
                                msg::delivered_late(
                                    &format!("{name} {y} van `{}`", o.id.value),
                                    days,
                                    &nl::date(deadline),
                                    &nl::date(d),
                                )
                                .at(file, p),
                            );
                        }
                        Delivery::Overdue(days) => {
                            let d = msg::not_delivered(name, &o.id, y, &nl::date(deadline), days);
                            cx.out.push(match sub.and_then(|s| header_of(s, *kind)) {
                                Some((_, file)) => d.at(file, Pos::START),
                                None => d.in_file(&rel),
                            });
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}
