//! The capped budget (whole-tree checks, skipped when one party is checked on its own):
//! total request above the taakstellend budget (W601) and too few alternatives then (E305).

use super::cx::Ctx;
use crate::diag::msg;
use crate::model::*;
use crate::nl;

/// The total request of all parties for a perspective in year `y` of cycle year `y`.
pub fn request(tree: &Tree, y: Year, perspective: &str) -> Money {
    tree.years
        .get(&y)
        .into_iter()
        .flat_map(|m| m.values())
        .filter_map(|s| s.begroting.as_ref())
        .flat_map(|b| b.regels.iter())
        .filter(|r| r.beleidsdoel.value == perspective)
        .map(|r| r.amount(y))
        .sum()
}

/// W601 per perspective and cycle year over its cap; E305 for each party with lines there
/// that offers fewer alternatives than the norm.
pub fn rules(cx: &mut Ctx) {
    let Some(st) = cx.st else { return };
    if cx.scoped() {
        return;
    }
    for y in cx.years() {
        for t in &st.taakstellend {
            let Some(cap) = t.bedragen.get(&y) else { continue };
            let req = request(cx.tree, y, &t.beleidsdoel);
            if req <= cap.value {
                continue;
            }
            let excess = nl::eur(req.decimal() - cap.decimal());
            cx.out.push(
                msg::over_cap(&t.beleidsdoel, y, &nl::money(req), &nl::money(cap.value), &excess)
                    .at("stelsel.yaml", cap.pos),
            );
            for (org, sub) in cx.tree.years.get(&y).into_iter().flatten() {
                let Some(b) = &sub.begroting else { continue };
                if !b.regels.iter().any(|r| r.beleidsdoel.value == t.beleidsdoel.value) {
                    continue;
                }
                // Whole-total alternatives and those for this perspective (contract §5).
                let have = b
                    .alternatieven
                    .iter()
                    .filter(|a| a.beleidsdoel.as_ref().is_none_or(|p| p.value == t.beleidsdoel.value))
                    .count();
                if (have as u32) < st.normen.minimaal_alternatieven {
                    cx.out.push(
                        msg::too_few_alternatives(
                            org,
                            &t.beleidsdoel,
                            y,
                            &excess,
                            have,
                            st.normen.minimaal_alternatieven,
                        )
                        .at(&b.file, b.alternatieven_pos),
                    );
                }
            }
        }
    }
}
