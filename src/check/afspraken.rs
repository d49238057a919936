//! The afsprakenstelsel register per party and cycle year: a covering agreement (W501), its
//! financial paragraph (W502), the TBO's role acceptance (W503), dno/dap/dfa (W505).

use super::cx::Ctx;
use crate::diag::msg;
use crate::model::*;

const FILE: &str = "afspraken.yaml";

/// Runs the register rules for every TBO and OBO in view (the SBO needs none).
pub fn rules(cx: &mut Ctx) {
    let years = cx.years();
    let parties: Vec<&Organisatie> = cx.parties().into_iter().filter(|o| o.rol != Rol::Sbo).collect();
    let all = &cx.tree.afspraken;
    for o in parties {
        let own: Vec<&Afspraak> = all.iter().filter(|a| a.organisatie.value == o.id.value).collect();
        if o.rol == Rol::Tbo {
            let accepted = own
                .iter()
                .any(|a| a.soort == AfspraakSoort::Rolacceptatie && a.status == Some(AfspraakStatus::Geaccepteerd));
            if !accepted {
                let d = msg::tbo_role_not_accepted(&o.id);
                let open = own.iter().find(|a| a.soort == AfspraakSoort::Rolacceptatie);
                cx.out.push(match open {
                    Some(a) => d.at(FILE, a.pos),
                    None => d.in_file(FILE),
                });
            }
        }
        for &y in &years {
            let main =
                [AfspraakSoort::Raamovereenkomst, AfspraakSoort::Meerjarenovereenkomst, AfspraakSoort::Jaaropdracht];
            if !own.iter().any(|a| main.contains(&a.soort) && a.covers(y)) {
                cx.out.push(msg::no_covering_agreement(&o.id, y).in_file(FILE));
            }
            for a in own.iter().filter(|a| {
                matches!(a.soort, AfspraakSoort::Raamovereenkomst | AfspraakSoort::Meerjarenovereenkomst) && a.covers(y)
            }) {
                if a.financiele_paragraaf != Some(true) {
                    cx.out.push(msg::no_financial_paragraph(a.soort.as_str(), &o.id, y).at(FILE, a.pos));
                }
            }
            for kind in [AfspraakSoort::Dno, AfspraakSoort::Dap, AfspraakSoort::Dfa] {
                if !own.iter().any(|a| a.soort == kind && a.covers(y)) {
                    cx.out.push(msg::missing_agreement_kind(&o.id, kind.as_str(), y).in_file(FILE));
                }
            }
        }
    }
}
