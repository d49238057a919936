//! The year in execution (contract §11): budget amendments (headers and numbers E107,
//! references E102/E103/E105/E106, an amended budget below zero E201, the amended budget above
//! the cap W602) and progress reports (E107, E106, coverage E308, prognoses off W603), each
//! report judged by its quarter's own yardstick (§14).

use super::cx::{Ctx, duplicates};
use super::refs::{Known, header};
use crate::diag::{Pos, msg};
use crate::model::*;
use crate::nl;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// Checks every wijziging and progress report in view.
pub fn rules(cx: &mut Ctx) {
    let tree = cx.tree;
    let known = cx.st.map(Known::of);
    let normen = cx.st.map(|s| s.normen.clone()).unwrap_or_default();
    let years = cx.years();
    for (&y, parties) in tree.years.iter().filter(|(y, _)| years.contains(y)) {
        for (org, sub) in parties {
            wijzigingen(cx, sub, y, org, known.as_ref());
            for (k, v) in &sub.voortgang {
                voortgang(cx, sub, v, *k, y, org, &normen);
            }
        }
    }
    over_cap(cx);
}

/// The number in a file name `wijziging-<n>.yaml` / `voortgang-q<k>.yaml`.
fn file_number(file: &str) -> Option<u32> {
    FileKind::numbered(crate::layout::file_name(file)).map(|(_, n)| n)
}

fn wijzigingen(cx: &mut Ctx, sub: &Submission, y: Year, org: &str, known: Option<&Known>) {
    let begroting: BTreeSet<&str> = sub.begroting.iter().flat_map(|b| &b.regels).map(|r| r.id.as_str()).collect();
    let results: Option<BTreeSet<&str>> =
        sub.plan.as_ref().map(|p| p.resultaten.iter().map(|r| r.id.as_str()).collect());
    // New lines by id, with the wijziging that gave them.
    let mut new: BTreeMap<&str, u32> = BTreeMap::new();
    let mut numbers = BTreeSet::new();
    for w in &sub.wijzigingen {
        let f = w.file.as_str();
        header(cx, f, &w.header, y, org);
        if let Some(n) = file_number(f)
            && n != w.nummer.value
        {
            let d = msg::header_mismatch("nummer", &w.nummer.to_string(), &n.to_string(), "de bestandsnaam");
            cx.out.push(d.at(f, w.nummer.pos));
        }
        if !numbers.insert(w.nummer.value) {
            cx.out.push(msg::wijziging_number_twice(w.nummer.value).at(f, w.nummer.pos));
        }
        for m in &w.regels {
            let id = m.regel.as_str();
            match &m.nieuw {
                Some(n) => {
                    if begroting.contains(id) {
                        cx.out.push(msg::new_line_again(id, None).at(f, m.regel.pos));
                    } else if let Some(earlier) = new.get(id) {
                        cx.out.push(msg::new_line_again(id, Some(*earlier)).at(f, m.regel.pos));
                    } else {
                        new.insert(id, w.nummer.value);
                    }
                    if let Some(k) = known {
                        k.perspective(&mut cx.out, f, &n.beleidsdoel);
                        k.component(&mut cx.out, f, &n.component);
                        if let Some(feat) = &n.feature {
                            k.feature(&mut cx.out, f, feat);
                        }
                    }
                    for r in n.resultaten.iter().filter(|r| results.as_ref().is_some_and(|s| !s.contains(r.as_str()))) {
                        cx.out.push(msg::dangling("resultaat", r, "de resultaten van het plan").at(f, r.pos));
                    }
                }
                None if !begroting.contains(id) && !new.contains_key(id) && sub.begroting.is_some() => {
                    cx.out.push(msg::unknown_amended_line(id, m.onvolledig).at(f, m.regel.pos));
                }
                None => {}
            }
        }
    }
    negative(cx, sub, y);
}

/// E201: taken in number order — those in effect first, then the proposed ones as if they came
/// into effect after them — no mutatie may bring a line's amended budget below zero.
fn negative(cx: &mut Ctx, sub: &Submission, y: Year) {
    let mut running: BTreeMap<&str, Decimal> =
        sub.begroting.iter().flat_map(|b| &b.regels).map(|r| (r.id.as_str(), r.amount(y).decimal())).collect();
    let (now, later): (Vec<&Wijziging>, Vec<&Wijziging>) =
        sub.wijzigingen.iter().partition(|w| w.in_effect(cx.peildatum));
    for (w, proposed) in now.into_iter().map(|w| (w, false)).chain(later.into_iter().map(|w| (w, true))) {
        for m in &w.regels {
            let Some(d) = &m.mutatie else { continue };
            let entry = match running.get_mut(m.regel.as_str()) {
                Some(e) => e,
                None if m.nieuw.is_some() => running.entry(m.regel.as_str()).or_default(),
                None => continue,
            };
            *entry += d.value;
            if *entry < Decimal::ZERO {
                let amended = nl::eur(*entry);
                cx.out.push(msg::amended_negative(&m.regel, &amended, proposed).at(&w.file, d.pos));
            }
        }
    }
}

fn voortgang(cx: &mut Ctx, sub: &Submission, v: &Voortgang, k: u8, y: Year, org: &str, normen: &Normen) {
    let f = v.file.as_str();
    header(cx, f, &v.header, y, org);
    if v.kwartaal.value != k {
        let d = msg::header_mismatch("kwartaal", &v.kwartaal.to_string(), &k.to_string(), "de bestandsnaam");
        cx.out.push(d.at(f, v.kwartaal.pos));
    }
    duplicates(&mut cx.out, f, "voortgangsregel voor", v.regels.iter().map(|l| &l.regel));
    duplicates(&mut cx.out, f, "status voor resultaat", v.resultaten.iter().map(|l| &l.resultaat));
    if sub.begroting.is_some() {
        // §14: the report lists the amended budget at the end of its quarter; a line may come
        // from the amended budget at the reference date; each is judged by the quarter's own
        // yardstick, a line that did not exist then by the reference date's.
        let amended = sub.amended(y, cx.peildatum);
        let now: BTreeMap<&str, &AmendedLine> = amended.iter().map(|l| (l.id, l)).collect();
        let at_end = sub.amended_at_quarter_end(y, k, cx.peildatum);
        let then: BTreeMap<&str, &AmendedLine> = at_end.iter().map(|l| (l.id, l)).collect();
        let open = sub.unreadable.contains(&FileKind::Wijziging);
        let written: BTreeSet<&str> = v.regels.iter().map(|l| l.regel.as_str()).collect();
        for line in at_end.iter().filter(|l| !written.contains(l.id)) {
            cx.out.push(msg::line_without_progress(line.id, k).at(f, Pos::START));
        }
        for l in &v.regels {
            let Some(line) = now.get(l.regel.as_str()) else {
                if !open {
                    cx.out.push(msg::progress_of_unknown_line(&l.regel).at(f, l.regel.pos));
                }
                continue;
            };
            let Some(p) = &l.prognose else { continue };
            let budget = then.get(l.regel.as_str()).unwrap_or(line).amount();
            if normen.needs_explanation(budget, p.value) {
                let diff = p.decimal() - budget.decimal();
                let pct = variance_percent(budget, p.value)
                    .map(|x| nl::percent(x.abs()))
                    .unwrap_or_else(|| "meer dan 100%".into());
                let (how, by) = if diff.is_sign_negative() { ("onder", -diff) } else { ("boven", diff) };
                let d =
                    msg::prognosis_off(&l.regel, &nl::money(p.value), &nl::money(budget), &nl::eur(by), &pct, how, k);
                cx.out.push(d.at(f, p.pos));
            }
        }
    } else if !sub.exists(FileKind::Begroting) {
        for l in &v.regels {
            cx.out.push(msg::progress_of_unknown_line(&l.regel).at(f, l.regel.pos));
        }
    }
    if let Some(p) = &sub.plan {
        let with_status: BTreeSet<&str> = v.resultaten.iter().map(|s| s.resultaat.as_str()).collect();
        for r in p.resultaten.iter().filter(|r| !with_status.contains(r.id.as_str())) {
            cx.out.push(msg::result_without_progress(&r.id).at(f, Pos::START));
        }
        let known: BTreeSet<&str> = p.resultaten.iter().map(|x| x.id.as_str()).collect();
        for s in v.resultaten.iter().filter(|s| !known.contains(s.resultaat.as_str())) {
            cx.out.push(msg::progress_of_unknown_result(&s.resultaat).at(f, s.resultaat.pos));
        }
    }
}

/// The amended budget of all parties for a perspective in cycle year `y`.
pub fn amended_total(tree: &Tree, y: Year, perspective: &str, peildatum: jiff::civil::Date) -> Money {
    tree.years
        .get(&y)
        .into_iter()
        .flat_map(|m| m.values())
        .flat_map(|s| s.amended(y, peildatum))
        .filter(|l| l.beleidsdoel == perspective)
        .map(|l| l.amount())
        .sum()
}

/// W602 per perspective and cycle year whose amended budget (changed by the wijzigingen in
/// effect) is above its cap; a whole-tree check.
fn over_cap(cx: &mut Ctx) {
    let Some(st) = cx.st else { return };
    if cx.scoped() {
        return;
    }
    for y in cx.years() {
        for t in &st.taakstellend {
            let Some(cap) = t.bedragen.get(&y) else { continue };
            let amended = amended_total(cx.tree, y, &t.beleidsdoel, cx.peildatum);
            let original = super::budget::request(cx.tree, y, &t.beleidsdoel);
            if amended == original || amended <= cap.value {
                continue;
            }
            let excess = nl::eur(amended.decimal() - cap.decimal());
            let d = msg::amended_over_cap(&t.beleidsdoel, y, &nl::money(amended), &nl::money(cap.value), &excess);
            cx.out.push(d.at("stelsel.yaml", cap.pos));
        }
    }
}
