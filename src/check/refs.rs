//! References: unknown parties, perspectives, components, features, financiers (E101–E104),
//! dangling references inside a submission (E105), duplicate ids (E106), headers (E107),
//! the reporting line (E108, W504) and the verdeelsleutel and budget years (E202, E203).

use super::cx::{Ctx, duplicates};
use crate::diag::msg;
use crate::model::*;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

const STELSEL: &str = "stelsel.yaml";

/// Checks `stelsel.yaml` on its own and the afspraken register's parties.
pub fn stelsel(cx: &mut Ctx) {
    let Some(st) = cx.st else { return };
    let out = &mut cx.out;
    duplicates(out, STELSEL, "organisatie", st.organisaties.iter().map(|o| &o.id));
    duplicates(out, STELSEL, "financier", st.financiers.iter().map(|o| &o.id));
    duplicates(out, STELSEL, "beleidsdoel", st.beleidsdoelen.iter().map(|o| &o.id));
    duplicates(out, STELSEL, "component", st.componenten.iter().map(|o| &o.id));
    duplicates(out, STELSEL, "feature", st.features.iter().flatten().map(|o| &o.id));
    duplicates(out, STELSEL, "taakstellend budget voor beleidsdoel", st.taakstellend.iter().map(|t| &t.beleidsdoel));
    let comps: BTreeSet<&str> = st.componenten.iter().map(|c| c.id.as_str()).collect();
    for f in st.features.iter().flatten() {
        if let Some(c) = &f.component
            && !comps.contains(c.as_str())
        {
            out.push(msg::unknown_component(c).at(STELSEL, c.pos));
        }
    }
    let persp: BTreeSet<&str> = st.beleidsdoelen.iter().map(|b| b.id.as_str()).collect();
    let fins: BTreeSet<&str> = st.financiers.iter().map(|f| f.id.as_str()).collect();
    for t in &st.taakstellend {
        if !persp.contains(t.beleidsdoel.as_str()) {
            out.push(msg::unknown_perspective(&t.beleidsdoel).at(STELSEL, t.beleidsdoel.pos));
        }
        let mut seen = BTreeSet::new();
        for (f, _) in &t.verdeelsleutel {
            if !fins.contains(f.as_str()) {
                out.push(msg::unknown_financier(f).at(STELSEL, f.pos));
            }
            if !seen.insert(f.as_str()) {
                out.push(msg::duplicate_id("financier in de verdeelsleutel", f).at(STELSEL, f.pos));
            }
        }
        let sum: Decimal = t.verdeelsleutel.iter().map(|(_, p)| *p).sum();
        if sum != Decimal::from(100) {
            out.push(
                msg::key_not_hundred(&t.beleidsdoel, &sum.normalize().to_string()).at(STELSEL, t.verdeelsleutel_pos),
            );
        }
    }
    super::line::reporting_line(cx, st);
    let known: BTreeSet<&str> = st.organisaties.iter().map(|o| o.id.as_str()).collect();
    for a in &cx.tree.afspraken {
        if !known.contains(a.organisatie.as_str()) {
            cx.out.push(
                msg::unknown_party(&a.organisatie, "in het afsprakenregister")
                    .about(Some(&a.organisatie), None)
                    .at("afspraken.yaml", a.organisatie.pos),
            );
        }
    }
}

/// Checks every submission's references and headers.
pub fn submissions(cx: &mut Ctx) {
    let tree = cx.tree;
    let known: Option<Known> = cx.st.map(Known::of);
    for (&y, parties) in &tree.years {
        for (org, sub) in parties {
            if let Some(k) = &known
                && !k.parties.contains(org.as_str())
            {
                let folder = crate::layout::party_folder(y, org);
                cx.out.push(msg::unknown_party_folder(org).in_file(&folder));
            }
            if let Some(p) = &sub.plan {
                header(cx, &p.file, &p.header, y, org);
                plan(cx, p, known.as_ref());
            }
            if let Some(b) = &sub.begroting {
                header(cx, &b.file, &b.header, y, org);
                begroting(cx, b, sub.plan.as_ref(), known.as_ref(), y);
            }
            if let Some(r) = &sub.realisatie {
                header(cx, &r.file, &r.header, y, org);
            }
        }
    }
}

pub(super) fn header(cx: &mut Ctx, file: &str, h: &Header, y: Year, org: &str) {
    if h.organisatie.value != org {
        cx.out.push(msg::header_mismatch("organisatie", &h.organisatie, org, "de map").at(file, h.organisatie.pos));
    }
    if h.jaar.value != y {
        cx.out
            .push(msg::header_mismatch("jaar", &h.jaar.to_string(), &y.to_string(), "de jaarmap").at(file, h.jaar.pos));
    }
}

/// The stelsel's id sets.
pub(super) struct Known<'a> {
    parties: BTreeSet<&'a str>,
    perspectives: BTreeSet<&'a str>,
    components: BTreeSet<&'a str>,
    features: Option<BTreeSet<&'a str>>,
}

impl<'a> Known<'a> {
    pub(super) fn of(st: &'a Stelsel) -> Known<'a> {
        Known {
            parties: st.organisaties.iter().map(|o| o.id.as_str()).collect(),
            perspectives: st.beleidsdoelen.iter().map(|o| o.id.as_str()).collect(),
            components: st.componenten.iter().map(|o| o.id.as_str()).collect(),
            features: st.features.as_ref().map(|fs| fs.iter().map(|f| f.id.as_str()).collect()),
        }
    }

    pub(super) fn perspective(&self, out: &mut Vec<crate::diag::Diagnostic>, file: &str, id: &At<String>) {
        if !self.perspectives.contains(id.as_str()) {
            out.push(msg::unknown_perspective(id).at(file, id.pos));
        }
    }

    pub(super) fn component(&self, out: &mut Vec<crate::diag::Diagnostic>, file: &str, id: &At<String>) {
        if !self.components.contains(id.as_str()) {
            out.push(msg::unknown_component(id).at(file, id.pos));
        }
    }

    /// A feature must be in the register when there is one.
    pub(super) fn feature(&self, out: &mut Vec<crate::diag::Diagnostic>, file: &str, id: &At<String>) {
        if let Some(reg) = &self.features
            && !reg.contains(id.as_str())
        {
            out.push(msg::unknown_feature(id).at(file, id.pos));
        }
    }
}

fn plan(cx: &mut Ctx, p: &Plan, k: Option<&Known>) {
    let out = &mut cx.out;
    let f = p.file.as_str();
    duplicates(out, f, "doel", p.doelen.iter().map(|d| &d.id));
    duplicates(out, f, "resultaat", p.resultaten.iter().map(|d| &d.id));
    duplicates(out, f, "risico", p.risicos.iter().map(|d| &d.id));
    let doelen: BTreeSet<&str> = p.doelen.iter().map(|d| d.id.as_str()).collect();
    for r in &p.resultaten {
        if !doelen.contains(r.doel.as_str()) {
            out.push(msg::dangling("doel", &r.doel, "de doelen van dit plan").at(f, r.doel.pos));
        }
    }
    for d in &p.doorkijk {
        if let Some(doel) = &d.doel
            && !doelen.contains(doel.as_str())
        {
            out.push(msg::dangling("doel", doel, "de doelen van dit plan").at(f, doel.pos));
        }
    }
    let Some(k) = k else { return };
    for d in &p.doelen {
        k.perspective(out, f, &d.beleidsdoel);
    }
    for r in &p.resultaten {
        if let Some(c) = &r.component {
            k.component(out, f, c);
        }
    }
    for d in &p.doorkijk {
        if let Some(b) = &d.beleidsdoel {
            k.perspective(out, f, b);
        }
    }
    for r in &p.risicos {
        if let Some(b) = &r.beleidsdoel {
            k.perspective(out, f, b);
        }
    }
    for b in &p.beheerconsequenties {
        if let Some(c) = &b.component {
            k.component(out, f, c);
        }
        if let Some(bd) = &b.beleidsdoel {
            k.perspective(out, f, bd);
        }
    }
}

fn begroting(cx: &mut Ctx, b: &Begroting, plan: Option<&Plan>, k: Option<&Known>, y: Year) {
    let out = &mut cx.out;
    let f = b.file.as_str();
    duplicates(out, f, "begrotingsregel", b.regels.iter().map(|r| &r.id));
    let results: Option<BTreeSet<&str>> = plan.map(|p| p.resultaten.iter().map(|r| r.id.as_str()).collect());
    for r in &b.regels {
        if let Some(k) = k {
            k.perspective(out, f, &r.beleidsdoel);
            k.component(out, f, &r.component);
            if let (Some(feat), Some(reg)) = (&r.feature, &k.features)
                && !reg.contains(feat.as_str())
            {
                out.push(msg::unknown_feature(feat).at(f, feat.pos));
            }
        }
        if let Some(results) = &results {
            for res in &r.resultaten {
                if !results.contains(res.as_str()) {
                    out.push(msg::dangling("resultaat", res, "de resultaten van het plan").at(f, res.pos));
                }
            }
        }
        if r.bedragen.is_empty() && !r.bedragen_invalid {
            out.push(msg::line_without_year(&r.id).at(f, r.bedragen_pos));
        }
        for (year, at) in &r.jaren {
            if *year < y || *year > y + 3 {
                out.push(msg::line_year_out_of_range(&r.id, *year, y).at(f, *at));
            }
        }
    }
    // Each (level, perspective) pair once, never the plan's own level (contract §5).
    let mut levels = BTreeSet::new();
    let own = plan.map(|p| p.dienstverleningsniveau.value);
    for a in &b.alternatieven {
        let persp = a.beleidsdoel.as_ref().map(|p| p.value.as_str());
        if let (Some(k), Some(p)) = (k, &a.beleidsdoel) {
            k.perspective(out, f, p);
        }
        if !levels.insert((a.niveau.value, persp)) {
            out.push(msg::alternative_repeated(a.niveau.as_str(), persp).at(f, a.niveau.pos));
        } else if own == Some(a.niveau.value) {
            out.push(msg::alternative_own_level(a.niveau.as_str()).at(f, a.niveau.pos));
        }
    }
}
