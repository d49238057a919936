//! ontvangsten.yaml (contract §15): the parties its receipts name (E101), and every file read
//! whose content matches none of its receipts (W009).

use super::cx::Ctx;
use crate::diag::msg;
use crate::layout::ONTVANGSTEN;
use crate::model::Receipt;
use crate::nl;

/// E101 for a receipt naming a party the stelsel does not know; W009 per changed file.
pub fn rules(cx: &mut Ctx) {
    if let Some(st) = cx.st {
        for o in &cx.tree.ontvangsten {
            let id = &o.organisatie;
            if !st.organisaties.iter().any(|x| x.id.value == id.value) {
                let d = msg::unknown_party(&id.value, "in ontvangsten.yaml").about(Some(&id.value), Some(o.jaar.value));
                cx.out.push(d.at(ONTVANGSTEN, id.pos));
            }
        }
    }
    for (&y, parties) in &cx.tree.years {
        for (org, sub) in parties {
            for (file, r) in &sub.receipts {
                if let Receipt::Changed { laatst, count } = r {
                    let d = msg::changed_after_receipt(org, y, *count, &nl::date(*laatst));
                    cx.out.push(d.in_file(file));
                }
            }
        }
    }
}
