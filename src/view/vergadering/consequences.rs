//! The management consequences (beheerconsequenties) behind a decision item, from the plans of
//! its cycle year: all of them for a decision on a whole cycle document; otherwise those of
//! the components the item names (by id or name, in its subject, proposal or alternatives).

use super::cx::Cx;
use crate::model::{Agendapunt, Stelsel};
use crate::rollup::{Beheerconsequentie, Rollup};
use crate::view::consequences::{Beheerconsequenties, table};
use crate::view::text::join;

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
pub fn gevolgen(cx: &Cx, r: &Rollup, item: &Agendapunt) -> Beheerconsequenties {
    let st = cx.st;
    let comps = named_components(st, item);
    let whole = item.stuk.is_some();
    let concerns = |c: &Beheerconsequentie| {
        let own = format!("{} {}", c.omschrijving, c.besluit.as_deref().unwrap_or("")).to_lowercase();
        whole
            || c.component.as_ref().is_some_and(|k| comps.contains(k))
            || comps.iter().any(|k| mentions(&own, k) || mentions(&own, &cx.component(k)))
    };
    let chosen: Vec<&Beheerconsequentie> = r.consequences.iter().filter(|c| concerns(c)).collect();
    let names: Vec<String> = comps.iter().map(|k| cx.component(k)).collect();
    let toelichting = if whole {
        format!("Alle beheerconsequenties die de partijen in hun plannen {} melden.", r.jaar)
    } else if names.is_empty() {
        "Het besluitpunt noemt geen component; er zijn daarom geen beheerconsequenties aan gekoppeld.".to_string()
    } else {
        format!("De beheerconsequenties in de plannen {} voor {}.", r.jaar, join(&names))
    };
    table(cx, r, &chosen, Some(toelichting))
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
