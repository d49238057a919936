//! The management consequences (beheerconsequenties) behind a decision item, from the plans of
//! its cycle year: all of them for a decision on a whole cycle document; otherwise those of
//! the components the item names (by id or name, in its subject, proposal or alternatives).

use super::view::Bedragen;
use crate::model::{Agendapunt, Stelsel, Year};
use crate::nl;
use crate::rollup::{Consequence, Rollup};
use serde::Serialize;

/// The consequences table of a decision note.
#[derive(Clone, Debug, Serialize)]
pub struct Gevolgen {
    /// What the selection is, in a sentence.
    pub toelichting: String,
    /// The year columns.
    pub kop: Vec<String>,
    /// One row per consequence.
    pub rijen: Vec<GevolgRij>,
    /// The column totals (`null` without rows).
    pub totaal: Option<Bedragen>,
}

/// One management consequence.
#[derive(Clone, Debug, Serialize)]
pub struct GevolgRij {
    /// The party reporting it.
    pub partij: String,
    /// What comes into management.
    pub omschrijving: String,
    /// Component and the decision that caused it, in words.
    pub detail: Option<String>,
    /// First year.
    pub vanaf: Year,
    /// Yearly cost.
    pub per_jaar: String,
    /// Per year column.
    pub bedragen: Vec<String>,
}

/// The components an item names: their ids, in stelsel order.
pub fn named_components(st: &Stelsel, item: &Agendapunt) -> Vec<String> {
    let mut text = format!("{} {}", item.onderwerp, item.voorstel.as_deref().unwrap_or(""));
    for a in &item.alternatieven {
        text.push(' ');
        text.push_str(&a.naam);
    }
    let text = text.to_lowercase();
    st.componenten
        .iter()
        .filter(|c| mentions(&text, &c.id.value) || mentions(&text, &c.naam))
        .map(|c| c.id.value.clone())
        .collect()
}

/// Whether `needle` occurs in `hay` (both compared in lowercase) as a whole word or phrase.
fn mentions(hay: &str, needle: &str) -> bool {
    let needle = needle.to_lowercase();
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(&needle).any(|(i, m)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The consequences of `r` (the plans of its year) that concern `item`.
pub fn gevolgen(st: &Stelsel, r: &Rollup, item: &Agendapunt) -> Gevolgen {
    let comps = named_components(st, item);
    let comp_name = |id: &str| {
        st.componenten.iter().find(|c| c.id.value == id).map(|c| c.naam.clone()).unwrap_or_else(|| id.to_string())
    };
    let whole = item.stuk.is_some();
    let concerns = |c: &Consequence| {
        let own = format!("{} {}", c.omschrijving, c.besluit.as_deref().unwrap_or("")).to_lowercase();
        whole
            || c.component.as_ref().is_some_and(|k| comps.contains(k))
            || comps.iter().any(|k| mentions(&own, k) || mentions(&own, &comp_name(k)))
    };
    let chosen: Vec<&Consequence> = r.consequences.iter().filter(|c| concerns(c)).collect();
    let names: Vec<String> = comps.iter().map(|k| comp_name(k)).collect();
    let toelichting = if whole {
        format!("Alle beheerconsequenties die de partijen in hun plannen {} melden.", r.jaar)
    } else if names.is_empty() {
        "Het besluitpunt noemt geen component; er zijn daarom geen beheerconsequenties aan gekoppeld.".to_string()
    } else {
        format!("De beheerconsequenties in de plannen {} voor {}.", r.jaar, super::view::join(&names))
    };
    let rijen: Vec<GevolgRij> = chosen
        .iter()
        .map(|c| {
            let mut detail = Vec::new();
            detail.extend(c.component.as_deref().map(comp_name));
            detail.extend(c.besluit.as_ref().map(|b| format!("besluit: {b}")));
            GevolgRij {
                partij: r.org.naam(&c.party).to_string(),
                omschrijving: c.omschrijving.clone(),
                detail: (!detail.is_empty()).then(|| detail.join(" · ")),
                vanaf: c.vanaf,
                per_jaar: nl::money(c.bedrag_per_jaar),
                bedragen: r.jaren.iter().map(|j| nl::money(c.bedragen.get(j).copied().unwrap_or_default())).collect(),
            }
        })
        .collect();
    let totaal = (!chosen.is_empty()).then(|| {
        let sums: Vec<crate::model::Money> = r
            .jaren
            .iter()
            .map(|j| chosen.iter().map(|c| c.bedragen.get(j).copied().unwrap_or_default()).sum())
            .collect();
        Bedragen { bedragen: sums.iter().map(|m| nl::money(*m)).collect(), totaal: nl::money(sums.into_iter().sum()) }
    });
    Gevolgen { toelichting, kop: r.jaren.iter().map(|j| j.to_string()).collect(), rijen, totaal }
}

#[cfg(test)]
mod tests {
    use super::mentions;

    #[test]
    fn whole_words_only() {
        assert!(mentions("nieuwe dso-viewer (besluit)", "DSO-viewer"));
        assert!(mentions("de iplo-helpdesk", "iplo"));
        assert!(!mentions("ozonlaag", "ozon"));
        assert!(!mentions("x", ""));
    }
}
