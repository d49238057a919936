//! Board meetings: the file name matches the header (E107), unique agenda numbers (E106),
//! decisions come with alternatives and risks (E307), documents sent out in time (W402), no
//! decision adopts a concept document (W403) or lies outside the board's mandate (W404).

use super::cx::Ctx;
use crate::diag::msg;
use crate::model::*;
use crate::nl;
use std::collections::BTreeSet;

/// The file name's `<beraad>` part for a board name: lowercase, spaces as dashes.
pub fn beraad_slug(beraad: &str) -> String {
    beraad.trim().to_lowercase().split_whitespace().collect::<Vec<_>>().join("-")
}

/// Runs the meeting rules (not in the scoped mode of one party).
pub fn rules(cx: &mut Ctx) {
    if cx.scoped() {
        return;
    }
    let normen = cx.st.map(|s| s.normen.clone()).unwrap_or_default();
    for v in &cx.tree.vergaderingen {
        let f = v.file.as_str();
        let (date_part, beraad_part) = (v.stem.get(..10).unwrap_or(""), v.stem.get(11..).unwrap_or(""));
        let datum = v.datum.value.to_string();
        if date_part != datum {
            cx.out.push(msg::header_mismatch("datum", &datum, date_part, "de bestandsnaam").at(f, v.datum.pos));
        }
        if beraad_part != beraad_slug(&v.beraad) {
            cx.out.push(
                msg::header_mismatch("beraad", &v.beraad, beraad_part, "de bestandsnaam")
                    .at(f, crate::diag::Pos::START),
            );
        }
        let mut ids = BTreeSet::new();
        for item in &v.agenda {
            if !ids.insert(item.id.value) {
                cx.out.push(msg::duplicate_id("agendapunt", &item.id.to_string()).at(f, item.id.pos));
            }
            if let (Some(b), Some(st)) = (&item.beleidsdoel, cx.st)
                && !st.beleidsdoelen.iter().any(|x| x.id.value == b.value)
            {
                cx.out.push(msg::unknown_perspective(b).at(f, b.pos));
            }
            if item.soort != AgendaSoort::Besluit {
                continue;
            }
            if (item.alternatieven.len() as u32) < normen.minimaal_alternatieven {
                cx.out.push(
                    msg::decision_too_few_alternatives(
                        item.id.value,
                        item.alternatieven.len(),
                        normen.minimaal_alternatieven,
                    )
                    .at(f, item.pos),
                );
            }
            for a in item.alternatieven.iter().filter(|a| a.risicos.is_empty()) {
                cx.out.push(msg::alternative_without_risk(&a.naam).at(f, a.pos));
            }
            decision(cx, v, item);
        }
        let sent = match &v.stukken_verzonden_op {
            Some(s) => Some((s.value, s.pos)),
            None if v.datum.value >= cx.peildatum => Some((cx.peildatum, v.datum.pos)),
            None => None,
        };
        if let Some((sent, pos)) = sent {
            let days = (v.datum.value - sent).get_days() as i64;
            if days < normen.stukken_dagen_voor_vergadering as i64 {
                cx.out.push(
                    msg::meeting_documents_late(
                        days,
                        normen.stukken_dagen_voor_vergadering,
                        &nl::date(sent),
                        &nl::date(v.datum.value),
                    )
                    .at(f, pos),
                );
            }
        }
    }
}

/// W403 and W404 of one decision item, at the item.
fn decision(cx: &mut Ctx, v: &Vergadering, item: &Agendapunt) {
    let Some(st) = cx.st else { return };
    let jaar = item.jaar.as_ref().map(|j| j.value);
    let adopted = item.stuk.and_then(|s| s.doc(item.kwartaal)).zip(jaar);
    let ours = |b: &str| beraad_slug(b) == beraad_slug(&v.beraad);
    let mut found = Vec::new();
    if let Some(b) = &item.beleidsdoel {
        let other = st.beleidsdoelen.iter().find(|p| p.id.value == b.value).filter(|p| !ours(&p.beraad));
        found.extend(other.map(|p| msg::decision_outside_mandate(item.id.value, &v.beraad, &b.value, &p.beraad)));
    } else if let Some((doc, y)) = adopted {
        let held = perspectives_with_amounts(cx.tree, doc, y);
        let others: Vec<(&str, &str)> = st
            .beleidsdoelen
            .iter()
            .filter(|p| !ours(&p.beraad) && held.contains(p.id.value.as_str()))
            .map(|p| (p.id.value.as_str(), p.beraad.as_str()))
            .collect();
        if !others.is_empty() {
            found.push(msg::document_outside_mandate(item.id.value, &v.beraad, &doc.title(y), &others));
        }
    }
    if let Some((doc, y)) = adopted {
        let files = concept_sources(cx.tree, doc, y);
        if !files.is_empty() {
            found.push(msg::decision_on_concept(item.id.value, &v.beraad, &doc.title(y), &files));
        }
    }
    cx.out.extend(found.into_iter().map(|d| d.about(None, jaar).at(&v.file, item.pos)));
}

/// The submission files with status concept that the document `doc` of cycle year `jaar` is
/// made from, in tree order: each submission's `Submission::concept_files` — the one rule for the
/// CONCEPT mark of a document a meeting adopts (W403 here, the note in the besluitnota).
pub fn concept_sources(tree: &Tree, doc: Doc, jaar: Year) -> Vec<&str> {
    tree.years.get(&jaar).into_iter().flat_map(|m| m.values()).flat_map(|sub| sub.concept_files(doc)).collect()
}

/// The perspectives that hold amounts in the document `doc` of cycle year `jaar` (W404): those
/// with a begroting line in that year folder whose amount in one of the document's years is not
/// zero — the meerjarenplan covers `jaar` to `jaar + 3`, every other document `jaar` alone. Kept
/// simple on purpose: the begrotingen as delivered, without amendments, realisations or
/// alternatives; a perspective the parties budget money for is one the document puts before the
/// board, while a line at 0 holds no money and does not pull a perspective into the decision.
fn perspectives_with_amounts(tree: &Tree, doc: Doc, jaar: Year) -> BTreeSet<&str> {
    let years = if doc == Doc::Cycle(CycleDoc::Meerjarenplan) { jaar..=jaar + 3 } else { jaar..=jaar };
    let subs = tree.years.get(&jaar).into_iter().flat_map(|m| m.values());
    subs.filter_map(|s| s.begroting.as_ref())
        .flat_map(|b| &b.regels)
        .filter(|r| years.clone().any(|y| r.amount(y) != Money::ZERO))
        .map(|r| r.beleidsdoel.value.as_str())
        .collect()
}
