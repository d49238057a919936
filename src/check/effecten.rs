//! Decision items as effects over a baseline (contract §13): effects given by all alternatives
//! or none, with the item's perspective and year, within the horizon; a named wijziging that
//! exists, and lines an alternative adopts that it has.

use super::cx::Ctx;
use crate::diag::msg;
use crate::model::Agendapunt;
use crate::rollup::latest_budget_year;

/// The rules over every meeting's decision items. The horizon and the wijziging need the whole
/// tree: with `--organisatie` or `--jaar` only the form of the items is judged.
pub fn rules(cx: &mut Ctx) {
    let whole = !cx.scoped() && cx.tree.scope.jaar.is_none();
    let last = latest_budget_year(cx.tree).map(|y| y + 3);
    for v in &cx.tree.vergaderingen {
        for item in &v.agenda {
            let mut out = Vec::new();
            item_rules(cx, item, last, whole, &mut out);
            cx.out.extend(out.into_iter().map(|(d, pos)| d.at(&v.file, pos)));
        }
    }
}

fn item_rules(
    cx: &Ctx,
    item: &Agendapunt,
    last: Option<i32>,
    whole: bool,
    out: &mut Vec<(crate::diag::Diagnostic, crate::model::Pos)>,
) {
    let with = item.alternatieven.iter().filter(|a| a.effecten.is_some()).count();
    if with > 0 && with < item.alternatieven.len() {
        out.push((msg::effects_mixed(), item.pos));
    }
    let what = match (with > 0, item.wijziging.is_some()) {
        (_, true) => "een wijziging",
        (true, false) => "effecten",
        (false, false) => return,
    };
    if item.beleidsdoel.is_none() {
        out.push((msg::effects_need("beleidsdoel", what), item.pos));
    }
    let Some(jaar) = item.jaar.as_ref().map(|j| j.value) else {
        out.push((msg::effects_need("jaar", what), item.pos));
        return;
    };
    if !whole {
        return;
    }
    for e in item.alternatieven.iter().flat_map(|a| a.effecten.iter().flatten()) {
        if e.jaar.value < jaar || last.is_some_and(|l| e.jaar.value > l) {
            out.push((msg::effect_outside(e.jaar.value, jaar, last), e.jaar.pos));
        }
    }
    if let Some(r) = &item.wijziging {
        let w = cx
            .tree
            .submission(jaar, &r.organisatie.value)
            .and_then(|s| s.wijzigingen.iter().find(|w| w.nummer.value == r.nummer.value));
        match w {
            None => out.push((msg::unknown_wijziging(&r.organisatie.value, r.nummer.value, jaar), r.pos)),
            Some(w) => {
                for id in item.alternatieven.iter().flat_map(|a| a.regels.iter().flatten()) {
                    if !w.regels.iter().any(|m| m.regel.value == id.value) {
                        out.push((msg::unknown_wijziging_line(&id.value, r.nummer.value), id.pos));
                    }
                }
            }
        }
    }
}
