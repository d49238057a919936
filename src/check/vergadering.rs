//! Board meetings: the file name matches the header (E107), unique agenda numbers (E106),
//! decisions come with alternatives and risks (E307), documents sent out in time (W402).

use super::cx::Ctx;
use crate::diag::msg;
use crate::model::*;
use crate::nl;
use std::collections::BTreeSet;

/// The file name's `<beraad>` part for a board name: lowercase, spaces as dashes.
pub fn beraad_slug(beraad: &str) -> String {
    beraad.trim().to_lowercase().split_whitespace().collect::<Vec<_>>().join("-")
}

/// Runs the meeting rules (not in the scoped mode of one party).
pub fn rules(cx: &mut Ctx) {
    if cx.scoped() {
        return;
    }
    let normen = cx.st.map(|s| s.normen.clone()).unwrap_or_default();
    for v in &cx.tree.vergaderingen {
        let f = v.file.as_str();
        let (date_part, beraad_part) = (v.stem.get(..10).unwrap_or(""), v.stem.get(11..).unwrap_or(""));
        let datum = v.datum.value.to_string();
        if date_part != datum {
            cx.out.push(msg::header_mismatch("datum", &datum, date_part, "de bestandsnaam").at(f, v.datum.pos));
        }
        if beraad_part != beraad_slug(&v.beraad) {
            cx.out.push(
                msg::header_mismatch("beraad", &v.beraad, beraad_part, "de bestandsnaam")
                    .at(f, crate::diag::Pos::START),
            );
        }
        let mut ids = BTreeSet::new();
        for item in &v.agenda {
            if !ids.insert(item.id.value) {
                cx.out.push(msg::duplicate_id("agendapunt", &item.id.to_string()).at(f, item.id.pos));
            }
            if let (Some(b), Some(st)) = (&item.beleidsdoel, cx.st)
                && !st.beleidsdoelen.iter().any(|x| x.id.value == b.value)
            {
                cx.out.push(msg::unknown_perspective(b).at(f, b.pos));
            }
            if item.soort != AgendaSoort::Besluit {
                continue;
            }
            if (item.alternatieven.len() as u32) < normen.minimaal_alternatieven {
                cx.out.push(
                    msg::decision_too_few_alternatives(
                        item.id.value,
                        item.alternatieven.len(),
                        normen.minimaal_alternatieven,
                    )
                    .at(f, item.pos),
                );
            }
            for a in item.alternatieven.iter().filter(|a| a.risicos.is_empty()) {
                cx.out.push(msg::alternative_without_risk(&a.naam).at(f, a.pos));
            }
        }
        let sent = match &v.stukken_verzonden_op {
            Some(s) => Some((s.value, s.pos)),
            None if v.datum.value >= cx.peildatum => Some((cx.peildatum, v.datum.pos)),
            None => None,
        };
        if let Some((sent, pos)) = sent {
            let days = (v.datum.value - sent).get_days() as i64;
            if days < normen.stukken_dagen_voor_vergadering as i64 {
                cx.out.push(
                    msg::meeting_documents_late(
                        days,
                        normen.stukken_dagen_voor_vergadering,
                        &nl::date(sent),
                        &nl::date(v.datum.value),
                    )
                    .at(f, pos),
                );
            }
        }
    }
}
