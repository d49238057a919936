//! Completeness: plan and begroting together (E301), goals and results (E302), a realisation
//! line per budget line (E303), explained variances (E304), a status per result (E306).

use super::cx::{Ctx, duplicates};
use crate::diag::{Pos, msg};
use crate::layout;
use crate::model::*;
use crate::nl;
use std::collections::{BTreeSet, HashMap, HashSet};

/// Runs the completeness rules over every submission in view.
pub fn rules(cx: &mut Ctx) {
    let normen = cx.st.map(|s| s.normen.clone()).unwrap_or_default();
    let years = cx.years();
    for (&y, parties) in &cx.tree.years {
        if !years.contains(&y) {
            continue;
        }
        for (org, sub) in parties {
            pair(cx, sub, org, y);
            if let Some(p) = &sub.plan {
                if p.doelen.is_empty() {
                    cx.out.push(msg::plan_without("doelen").at(&p.file, Pos::START));
                }
                if p.resultaten.is_empty() {
                    cx.out.push(msg::plan_without("resultaten").at(&p.file, Pos::START));
                }
            }
            if let Some(r) = &sub.realisatie {
                realisatie(cx, r, sub, y, &normen);
            }
        }
    }
}

/// E301: plan and begroting are delivered together.
fn pair(cx: &mut Ctx, sub: &Submission, org: &str, y: Year) {
    let (plan, begr) = (sub.exists(FileKind::Plan), sub.exists(FileKind::Begroting));
    if plan && !begr {
        let file = sub.plan.as_ref().map(|p| p.file.clone()).unwrap_or_else(|| layout::party_file(y, org, "plan.yaml"));
        cx.out.push(msg::plan_without_begroting(org, y).at(&file, Pos::START));
    }
    if begr && !plan {
        let file = sub
            .begroting
            .as_ref()
            .map(|p| p.file.clone())
            .unwrap_or_else(|| layout::party_file(y, org, "begroting.yaml"));
        cx.out.push(msg::begroting_without_plan(org, y).at(&file, Pos::START));
    }
}

fn realisatie(cx: &mut Ctx, r: &Realisatie, sub: &Submission, y: Year, normen: &Normen) {
    let f = r.file.as_str();
    duplicates(&mut cx.out, f, "realisatieregel voor", r.regels.iter().map(|l| &l.regel));
    duplicates(&mut cx.out, f, "status voor resultaat", r.resultaten.iter().map(|l| &l.resultaat));
    duplicates(&mut cx.out, f, "behaalde waarde voor doel", r.doelen.iter().map(|l| &l.doel));
    if let Some(p) = &sub.plan {
        let goals: BTreeSet<&str> = p.doelen.iter().map(|d| d.id.as_str()).collect();
        for w in r.doelen.iter().filter(|w| !goals.contains(w.doel.as_str())) {
            cx.out.push(msg::dangling("doel", &w.doel, "de doelen van het plan").at(f, w.doel.pos));
        }
    }
    if sub.begroting.is_some() {
        // The lines of the amended budget at the reference date (contract §11).
        let amended = sub.amended(y, cx.peildatum);
        let open = sub.unreadable.contains(&FileKind::Wijziging);
        let written: BTreeSet<&str> = r.regels.iter().map(|l| l.regel.as_str()).collect();
        for line in &amended {
            if !written.contains(line.id) {
                cx.out.push(msg::line_without_realisation(line.id).at(f, Pos::START));
            }
        }
        // By id, once: a budget of 8,000 lines must not look through all of them per line.
        let by_id: HashMap<&str, _> = amended.iter().rev().map(|x| (x.id, x)).collect();
        let invalid_ids: HashSet<&str> = sub
            .begroting
            .iter()
            .flat_map(|b| &b.regels)
            .filter(|x| x.bedragen_invalid)
            .map(|x| x.id.value.as_str())
            .collect();
        for l in &r.regels {
            let Some(&line) = by_id.get(l.regel.value.as_str()) else {
                // A line may stand in a wijziging that could not be read (already reported).
                if !open {
                    cx.out.push(msg::realisation_of_unknown_line(&l.regel).at(f, l.regel.pos));
                }
                continue;
            };
            let Some(real) = &l.bedrag else { continue };
            let invalid = invalid_ids.contains(line.id);
            let budget = line.amount();
            if l.toelichting.is_none() && !invalid && normen.needs_explanation(budget, real.value) {
                let diff = real.decimal() - budget.decimal();
                let pct = variance_percent(budget, real.value)
                    .map(|p| nl::percent(p.abs()))
                    .unwrap_or_else(|| "meer dan 100%".into());
                cx.out.push(
                    msg::variance_unexplained(
                        &l.regel,
                        !line.mutaties.is_zero() || line.nieuw.is_some(),
                        &nl::money(budget),
                        &nl::money(real.value),
                        &nl::eur(diff),
                        &pct,
                    )
                    .at(f, real.pos),
                );
            }
        }
    } else if !sub.exists(FileKind::Begroting) {
        // Without a begroting every realisation line refers to an unknown line.
        for l in &r.regels {
            cx.out.push(msg::realisation_of_unknown_line(&l.regel).at(f, l.regel.pos));
        }
    }
    if let Some(p) = &sub.plan {
        let with_status: BTreeSet<&str> = r.resultaten.iter().map(|s| s.resultaat.as_str()).collect();
        for res in &p.resultaten {
            if !with_status.contains(res.id.as_str()) {
                cx.out.push(msg::result_without_status(&res.id).at(f, Pos::START));
            }
        }
        let known: BTreeSet<&str> = p.resultaten.iter().map(|x| x.id.as_str()).collect();
        for s in &r.resultaten {
            if !known.contains(s.resultaat.as_str()) {
                cx.out.push(
                    msg::dangling("resultaat", &s.resultaat, "de resultaten van het plan").at(f, s.resultaat.pos),
                );
            }
        }
    }
}
