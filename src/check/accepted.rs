//! aanvaard.yaml (contract §12): the references of its entries (E101), and — after every other
//! rule has run — the matching of warnings to active entries and the stale entries (W008).

use super::cx::Ctx;
use crate::diag::{Accepted, Diagnostics, Severity, msg};
use crate::model::Tree;
use jiff::civil::Date;

/// The file, relative to the data root.
pub const FILE: &str = "aanvaard.yaml";

/// E101 for an entry naming a party the stelsel does not know.
pub fn rules(cx: &mut Ctx) {
    let Some(st) = cx.st else { return };
    for a in &cx.tree.aanvaard {
        let Some(o) = &a.organisatie else { continue };
        if !st.organisaties.iter().any(|x| x.id.value == o.value) {
            let d = msg::unknown_party(&o.value, "in aanvaard.yaml")
                .about(Some(&o.value), a.jaar.as_ref().map(|j| j.value));
            cx.out.push(d.at(FILE, o.pos));
        }
    }
}

/// Marks every warning an active entry matches as accepted (the first matching entry gives the
/// reason), then reports each active entry that matched nothing (W008) — not with
/// `--organisatie`, where most findings of the tree are never made. Call after every rule.
pub fn accept(tree: &Tree, diags: &mut Diagnostics, peildatum: Date) {
    let active: Vec<_> = tree.aanvaard.iter().filter(|a| a.active(peildatum)).collect();
    if active.is_empty() {
        return;
    }
    let mut used = vec![false; active.len()];
    for d in diags.items_mut().iter_mut().filter(|d| d.severity() == Severity::Warning) {
        if let Some(i) = active.iter().position(|a| a.matches(d.code, d.organisatie.as_deref(), d.jaar)) {
            used[i] = true;
            d.aanvaard = Some(Accepted { reden: active[i].reden.clone(), line: active[i].pos.line });
        }
    }
    if tree.scope.organisatie.is_some() {
        return;
    }
    let known = |id: &str| tree.stelsel.as_ref().is_some_and(|st| st.organisaties.iter().any(|o| o.id.value == id));
    for (a, _) in active.iter().zip(&used).filter(|(_, u)| !**u) {
        let org = a.organisatie.as_ref().map(|o| o.value.as_str());
        // An entry about an unknown party is already E101.
        if org.is_some_and(|o| !known(o)) {
            continue;
        }
        let jaar = a.jaar.as_ref().map(|j| j.value);
        diags.push(msg::stale_acceptance(a.code.as_str(), org, jaar).about(org, jaar).at(FILE, a.pos));
    }
}
