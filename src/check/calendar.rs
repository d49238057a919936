//! Timeliness against the P&C calendar (`model::deliveries`): delivered late (W401, at the
//! receipt in ontvangsten.yaml, or at the file's `ingediend_op`), not delivered after the
//! deadline (E401).

use super::cx::Ctx;
use crate::diag::{Pos, msg};
use crate::layout::ONTVANGSTEN;
use crate::model::*;
use crate::nl;

/// W401 and E401 for every party in view, every cycle year in view, every calendar entry.
pub fn rules(cx: &mut Ctx) {
    let Some(st) = cx.st else { return };
    for y in cx.years() {
        for o in cx.parties() {
            for due in cx.tree.due(st, &o.id, o.rol, y, None, cx.peildatum) {
                let deadline = nl::date(due.termijn);
                match due.delivery {
                    Delivery::Late(d, days) => {
                        let (label, on) = (due.label(), nl::date(d));
                        let finding = match due.bron {
                            Some(Bron::Ontvangst { pos, .. }) => {
                                msg::received_late(&label, &o.id, y, days, &deadline, &on).at(ONTVANGSTEN, pos)
                            }
                            _ => {
                                let sub = cx.tree.submission(y, &o.id).expect("late implies present");
                                let (h, file) = sub.header(due.kind, due.kwartaal).expect("late implies a header");
                                let p = h.ingediend_op.as_ref().map(|x| x.pos).unwrap_or(Pos::START);
                                msg::delivered_late(&label, &o.id, y, days, &deadline, &on).at(file, p)
                            }
                        };
                        cx.out.push(finding);
                    }
                    Delivery::Overdue(days) => {
                        let d = msg::not_delivered(&due.label(), &o.id, y, &deadline, days);
                        let present =
                            cx.tree.submission(y, &o.id).and_then(|s| s.header(due.kind, due.kwartaal)).is_some();
                        cx.out.push(if present { d.at(&due.bestand, Pos::START) } else { d.in_file(&due.bestand) });
                    }
                    _ => {}
                }
            }
        }
    }
}
