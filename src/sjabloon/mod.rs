//! The next cycle scaffolded (`jaarcyclus sjabloon --format yaml`): from a party's plan and
//! begroting of Y−1, the plan and begroting of Y with status `concept` — goals, results, risks
//! and management consequences carried over, the estimates for Y..Y+2 as the starting amounts
//! (Y+3 repeats Y+2), the alternatives as a starting point — so that every autumn starts from
//! last year's estimates instead of copy-paste. Pure: returns the files; `pipeline` writes them.

pub mod yaml;

use crate::layout;
use crate::model::*;
use yaml::{amount, q};

/// One scaffolded file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    /// Path relative to the data root.
    pub rel: String,
    /// Its text.
    pub text: String,
}

/// The files of cycle year `y` for one party or all, from their files of `y - 1`; parties
/// without a plan or begroting in `y - 1` get nothing (their names are returned apart).
pub fn next_year(tree: &Tree, y: Year, organisatie: Option<&str>) -> (Vec<File>, Vec<String>) {
    let Some(st) = tree.stelsel.as_ref() else { return (Vec::new(), Vec::new()) };
    let (mut files, mut without) = (Vec::new(), Vec::new());
    for o in st.organisaties.iter().filter(|o| organisatie.is_none_or(|id| o.id.value == id)) {
        let id = o.id.value.as_str();
        let prev = tree.submission(y - 1, id);
        let (plan, begroting) = (prev.and_then(|s| s.plan.as_ref()), prev.and_then(|s| s.begroting.as_ref()));
        if plan.is_none() && begroting.is_none() {
            without.push(o.naam.clone());
            continue;
        }
        if let Some(p) = plan {
            files.push(File { rel: layout::party_file(y, id, "plan.yaml"), text: plan_text(p, id, &o.naam, y) });
        }
        if let Some(b) = begroting {
            files.push(File {
                rel: layout::party_file(y, id, "begroting.yaml"),
                text: begroting_text(b, id, &o.naam, y),
            });
        }
    }
    (files, without)
}

fn header(out: &mut String, title: &str, id: &str, y: Year) {
    out.push_str(&format!(
        "# {title}\n# Opgezet met `jaarcyclus sjabloon --format yaml` uit de stukken van {}: werk bij, zet\n\
         # status op definitief en vul ingediend_op in bij aanlevering (contract §4–§5).\n\n\
         organisatie: {id}\njaar: {y}\nstatus: concept\n",
        y - 1
    ));
}

fn opt(out: &mut String, key: &str, v: Option<&str>) {
    if let Some(v) = v {
        out.push_str(&format!("    {key}: {}\n", q(v)));
    }
}

fn plan_text(p: &Plan, id: &str, naam: &str, y: Year) -> String {
    let mut out = String::new();
    header(&mut out, &format!("Jaarplan {y} - {naam}"), id, y);
    out.push_str(&format!("dienstverleningsniveau: {}\n", p.dienstverleningsniveau.as_str()));
    out.push_str(&format!("\n# Doelen en resultaten overgenomen uit het plan {}.\ndoelen:\n", y - 1));
    for d in &p.doelen {
        out.push_str(&format!("  - id: {}\n    beleidsdoel: {}\n", q(&d.id), d.beleidsdoel.value));
        out.push_str(&format!("    omschrijving: {}\n", q(&d.omschrijving)));
        opt(&mut out, "indicator", d.indicator.as_deref());
        opt(&mut out, "streefwaarde", d.streefwaarde.as_deref());
    }
    if !p.resultaten.is_empty() {
        out.push_str("\n# Gereed-datums een jaar later gezet; controleer ze.\nresultaten:\n");
    }
    for r in &p.resultaten {
        out.push_str(&format!("  - id: {}\n    doel: {}\n", q(&r.id), q(&r.doel)));
        if let Some(c) = &r.component {
            out.push_str(&format!("    component: {}\n", c.value));
        }
        out.push_str(&format!("    omschrijving: {}\n", q(&r.omschrijving)));
        if let Some(d) = r.gereed.and_then(|d| d.checked_add(jiff::Span::new().years(1)).ok()) {
            out.push_str(&format!("    gereed: {d}\n"));
        }
    }
    let doorkijk: Vec<&Doorkijk> = p.doorkijk.iter().filter(|d| d.jaar.value > y).collect();
    if !doorkijk.is_empty() {
        out.push_str("\ndoorkijk:\n");
    }
    for d in doorkijk {
        out.push_str(&format!("  - jaar: {}\n", d.jaar.value));
        if let Some(x) = &d.doel {
            out.push_str(&format!("    doel: {}\n", q(x)));
        }
        if let Some(x) = &d.beleidsdoel {
            out.push_str(&format!("    beleidsdoel: {}\n", x.value));
        }
        out.push_str(&format!("    omschrijving: {}\n", q(&d.omschrijving)));
    }
    if !p.risicos.is_empty() {
        out.push_str("\nrisicos:\n");
    }
    for r in &p.risicos {
        out.push_str(&format!("  - id: {}\n    omschrijving: {}\n", q(&r.id), q(&r.omschrijving)));
        if let Some(b) = &r.beleidsdoel {
            out.push_str(&format!("    beleidsdoel: {}\n", b.value));
        }
        out.push_str(&format!("    kans: {}\n    impact: {}\n", r.kans.as_str(), r.impact.as_str()));
        opt(&mut out, "maatregel", r.maatregel.as_deref());
        if let Some(m) = r.bedrag {
            out.push_str(&format!("    bedrag: {}\n", amount(m.decimal())));
        }
    }
    let gevolgen: Vec<&Beheerconsequentie> =
        p.beheerconsequenties.iter().filter(|b| b.tot.as_ref().is_none_or(|t| t.value >= y)).collect();
    if !gevolgen.is_empty() {
        out.push_str("\nbeheerconsequenties:\n");
    }
    for b in gevolgen {
        out.push_str(&format!("  - omschrijving: {}\n", q(&b.omschrijving)));
        out.push_str(&format!(
            "    bedrag_per_jaar: {}\n    vanaf: {}\n",
            amount(b.bedrag_per_jaar.decimal()),
            b.vanaf.value
        ));
        if let Some(t) = &b.tot {
            out.push_str(&format!("    tot: {}\n", t.value));
        }
        if let Some(c) = &b.component {
            out.push_str(&format!("    component: {}\n", c.value));
        }
        if let Some(x) = &b.beleidsdoel {
            out.push_str(&format!("    beleidsdoel: {}\n", x.value));
        }
        opt(&mut out, "besluit", b.besluit.as_deref());
    }
    out
}

fn begroting_text(b: &Begroting, id: &str, naam: &str, y: Year) -> String {
    let mut out = String::new();
    header(&mut out, &format!("Jaarbegroting {y} - {naam}"), id, y);
    out.push_str(&format!(
        "\n# Bedragen: de ramingen voor {y}-{} uit de begroting {}; {} herhaalt {} (bijwerken).\nregels:\n",
        y + 2,
        y - 1,
        y + 3,
        y + 2
    ));
    for r in &b.regels {
        let mut years: Vec<(Year, Money)> =
            (y..=y + 2).filter_map(|j| r.bedragen.get(&j).map(|m| (j, m.value))).collect();
        if years.is_empty() {
            continue; // the line ends before Y
        }
        if let Some(last) = r.bedragen.get(&(y + 2)) {
            years.push((y + 3, last.value));
        }
        out.push_str(&format!("  - id: {}\n    omschrijving: {}\n", q(&r.id), q(&r.omschrijving)));
        out.push_str(&format!("    beleidsdoel: {}\n    component: {}\n", r.beleidsdoel.value, r.component.value));
        out.push_str(&format!("    kostensoort: {}\n", r.kostensoort.as_str()));
        if let Some(f) = &r.feature {
            out.push_str(&format!("    feature: {}\n", f.value));
        }
        if !r.resultaten.is_empty() {
            let ids: Vec<String> = r.resultaten.iter().map(|x| q(x)).collect();
            out.push_str(&format!("    resultaten: [{}]\n", ids.join(", ")));
        }
        if r.aard == Aard::Incidenteel {
            out.push_str("    aard: incidenteel\n");
        }
        let amounts: Vec<String> = years.iter().map(|(j, m)| format!("{j}: {}", amount(m.decimal()))).collect();
        out.push_str(&format!("    bedragen: {{{}}}\n", amounts.join(", ")));
    }
    if !b.alternatieven.is_empty() {
        out.push_str(&format!(
            "\n# Alternatieven uit de begroting {}: bedragen en risico's bijwerken.\nalternatieven:\n",
            y - 1
        ));
    }
    for a in &b.alternatieven {
        out.push_str(&format!("  - niveau: {}\n", a.niveau.as_str()));
        if let Some(p) = &a.beleidsdoel {
            out.push_str(&format!("    beleidsdoel: {}\n", p.value));
        }
        out.push_str(&format!(
            "    totaal: {}\n    omschrijving: {}\n",
            amount(a.totaal.decimal()),
            q(&a.omschrijving)
        ));
        if !a.risicos.is_empty() {
            out.push_str("    risicos:\n");
            for r in &a.risicos {
                out.push_str(&format!("      - {}\n", q(r)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
