//! Generator, `plan.yaml`: goals per perspective, results per goal, an outlook for Y+1..Y+3,
//! risks, and now and then a management consequence of a development decision.

use super::begroting::header;
use super::portfolio::Portfolio;
use super::rng::Rng;
use super::spell::Niveau;
use super::tree::Party;
use super::words::{COMPONENTS, OUTLOOK_TEXTS, PERSPECTIVES, RISKS};
use super::yaml::{date, q, ymd};
use jiff::civil::Date;
use std::fmt::Write;

/// How one plan is delivered.
pub struct PlanMeta {
    /// The service level it is for.
    pub niveau: Niveau,
    /// Concept (gets a CONCEPT mark) or definitief.
    pub concept: bool,
    /// The delivery date.
    pub ingediend: Date,
}

/// `plan.yaml` of cycle year `y`.
pub fn plan(party: &Party, pf: &Portfolio, y: i32, meta: &PlanMeta, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(250 * (pf.goals.len() + pf.results.len()) + 2000);
    header(&mut out, "Jaarplan", party, y, meta.concept, meta.ingediend);
    let _ = writeln!(out, "dienstverleningsniveau: {}\n\ndoelen:", meta.niveau);
    for (i, g) in pf.goals.iter().enumerate() {
        let (omschrijving, indicator, streefwaarde) = g.text;
        let _ = write!(
            out,
            "  - id: D{}\n    beleidsdoel: {}\n    omschrijving: {}\n    indicator: {}\n    streefwaarde: {}\n",
            i + 1,
            PERSPECTIVES[g.perspective].id,
            q(omschrijving),
            q(indicator),
            q(streefwaarde)
        );
    }
    out.push_str("\nresultaten:\n");
    for (i, r) in pf.results.iter().enumerate() {
        let (m, d) = *rng.pick(&[(3, 31), (6, 30), (9, 30), (12, 31)]);
        let gereed = ymd(y, m, d);
        let _ = write!(
            out,
            "  - id: R{}\n    doel: D{}\n    component: {}\n    omschrijving: {}\n    gereed: {}\n",
            i + 1,
            r.goal + 1,
            COMPONENTS[r.component].id,
            q(r.text),
            date(gereed)
        );
    }
    out.push_str("\ndoorkijk:\n");
    for k in 1..=3 {
        let text = q(rng.phrase(OUTLOOK_TEXTS));
        let _ = writeln!(out, "  - jaar: {}", y + k);
        let _ = if rng.chance(60) {
            writeln!(out, "    doel: D{}", rng.below(pf.goals.len() as u64) + 1)
        } else {
            writeln!(out, "    beleidsdoel: beheer")
        };
        let _ = writeln!(out, "    omschrijving: {text}");
    }
    risks(&mut out, rng);
    if rng.chance(30) {
        let c = rng.pick(COMPONENTS);
        let _ = write!(
            out,
            "\nbeheerconsequenties:\n  - omschrijving: {}\n    component: {}\n    beleidsdoel: beheer\n    bedrag_per_jaar: {}\n    vanaf: {}\n    besluit: {}\n",
            q(&format!("Beheer nieuwe functionaliteit {}", c.naam)),
            c.id,
            rng.range(5, 60) * 10_000,
            y + 1,
            q(&format!("OGB-IWT {}: uitbreiding {}", y - 1, c.naam))
        );
    }
    out
}

fn risks(out: &mut String, rng: &mut Rng) {
    out.push_str("\nrisicos:\n");
    let n = rng.range(2, 4) as usize;
    let start = rng.below(RISKS.len() as u64) as usize;
    for i in 0..n {
        let (omschrijving, maatregel) = RISKS[(start + i) % RISKS.len()];
        let klasse = ["laag", "midden", "hoog"];
        let _ = write!(
            out,
            "  - id: RI{}\n    omschrijving: {}\n    kans: {}\n    impact: {}\n    maatregel: {}\n",
            i + 1,
            q(omschrijving),
            rng.pick(&klasse),
            rng.pick(&klasse),
            q(maatregel)
        );
        if rng.chance(60) {
            let _ = writeln!(out, "    bedrag: {}", rng.range(5, 150) * 10_000);
        }
    }
}
