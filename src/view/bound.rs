//! Bounded documents: a party with more than [`PER_PARTY_FROM`] rows in one table (budget
//! lines, results, goals, outlook, signals) shows only the rows that need attention (at most
//! [`ATTENTION_MAX`], the largest first) and the [`LARGEST`] largest of the others, and says
//! in a sentence how many rows it leaves out and which table next to the PDF has them all.
//! Without this a budget pasted from an ERP export gives a jaarrekening of hundreds of pages.

use crate::model::Money;
use crate::nl;
use crate::rollup::Variance;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// From this many rows of one party in one table on, the table shows that party by exception.
pub const PER_PARTY_FROM: usize = 250;

/// Rows that need attention (outside the norm, a signal, behind schedule) shown at most per
/// party and table, the largest first.
pub const ATTENTION_MAX: usize = 50;

/// The largest other rows shown per party and table (the first ones where rows have no amount).
pub const LARGEST: usize = 20;

/// One party's part of a bounded table: how many rows are shown, of how many, and a sentence
/// for the reader.
#[derive(Clone, Debug, Serialize)]
pub struct Begrenzing {
    /// The party.
    pub partij: String,
    /// Rows shown.
    pub getoond: usize,
    /// Rows the party has in this table.
    pub totaal: usize,
    /// "Van Kadaster staan 125 van de 2.667 resultaten in dit stuk: …; alle resultaten staan in …".
    pub zin: String,
}

/// How a table is bounded: what its rows are called, which rows need attention, and where the
/// full table is.
pub struct Spec<'a> {
    /// The rows, plural: "begrotingsregels", "resultaten".
    pub wat: &'a str,
    /// The rows that need attention, in words ("die buiten de norm"), or `None` when no row does.
    pub aandacht: Option<&'a str>,
    /// How the other rows are chosen: "de grootste" or "de eerste".
    pub overige: &'a str,
    /// The table (CSV and worksheet) with every row, in words.
    pub tabel: &'a str,
}

/// Where the detail is, in words (no file paths in documents): the CSV table of that name in
/// the folder `tabellen` next to the PDF, and the worksheet of the consolidation workbook.
pub fn waar(tabel: &str) -> String {
    format!(
        "in de tabel ‘{tabel}’ in de map tabellen naast dit stuk (als CSV-bestand en als werkblad van de consolidatiewerkmap)"
    )
}

/// Bounds `rows` in place: for every party (`party`) with more than [`PER_PARTY_FROM`] rows it
/// keeps the rows `attention` marks (at most [`ATTENTION_MAX`], by `weight` descending) and the
/// [`LARGEST`] other rows by `weight` (ties in their order), in their original order. Returns
/// per bounded party what was shown, and the indexes (into the original `rows`) left out.
pub fn bound<T>(
    rows: &mut Vec<T>,
    party: impl Fn(&T) -> String,
    attention: impl Fn(&T) -> bool,
    weight: impl Fn(&T) -> i128,
    spec: &Spec,
) -> (Vec<Begrenzing>, Vec<usize>) {
    let mut per_party: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        per_party.entry(party(r)).or_default().push(i);
    }
    if per_party.values().all(|v| v.len() <= PER_PARTY_FROM) {
        return (Vec::new(), Vec::new());
    }
    let mut keep = vec![true; rows.len()];
    let mut out: Vec<(usize, Begrenzing)> = Vec::new();
    for (name, idx) in &per_party {
        if idx.len() <= PER_PARTY_FROM {
            continue;
        }
        let (mut att, mut other): (Vec<usize>, Vec<usize>) = idx.iter().partition(|&&i| attention(&rows[i]));
        // Stable sorts: equal weights keep their order, so the choice is deterministic.
        att.sort_by_key(|&i| std::cmp::Reverse(weight(&rows[i])));
        other.sort_by_key(|&i| std::cmp::Reverse(weight(&rows[i])));
        let att_total = att.len();
        att.truncate(ATTENTION_MAX);
        other.truncate(LARGEST);
        for &i in idx {
            keep[i] = false;
        }
        for &i in att.iter().chain(&other) {
            keep[i] = true;
        }
        let shown = att.len() + other.len();
        let n = |k: usize| nl::number(Decimal::from(k as u64), 0);
        let which = match spec.aandacht {
            Some(a) if att_total > ATTENTION_MAX => {
                format!(
                    "{} {} {} {a} (van de {}) en {} {} andere",
                    spec.overige,
                    n(att.len()),
                    spec.wat,
                    n(att_total),
                    spec.overige,
                    n(other.len())
                )
            }
            Some(a) if att_total > 0 => {
                format!("alle {} {} {a} en {} {} andere", n(att_total), spec.wat, spec.overige, n(other.len()))
            }
            _ => format!("{} {}", spec.overige, n(other.len())),
        };
        let zin = format!(
            "Van {name} staan {} van de {} {} in dit stuk: {which}. De andere {} staan niet in dit stuk; alle {} staan {}.",
            n(shown),
            n(idx.len()),
            spec.wat,
            n(idx.len() - shown),
            spec.wat,
            waar(spec.tabel)
        );
        out.push((idx[0], Begrenzing { partij: name.to_string(), getoond: shown, totaal: idx.len(), zin }));
    }
    let left_out: Vec<usize> = (0..rows.len()).filter(|&i| !keep[i]).collect();
    let mut i = 0;
    rows.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    // In the order the parties first appear in the table.
    out.sort_by_key(|(first, _)| *first);
    (out.into_iter().map(|(_, b)| b).collect(), left_out)
}

/// The lines of one party a bounded table leaves out, as one row: with the rows shown it adds
/// up to the party's total.
#[derive(Clone, Debug, Serialize)]
pub struct Overig {
    /// How many lines.
    pub aantal: usize,
    /// The row's label: "2.375 andere regels".
    pub label: String,
    /// What is shown and where every line is, in a sentence.
    pub zin: String,
    /// Their begroting (primitief).
    pub begroot: String,
    /// Their mutaties.
    pub mutaties: String,
    /// Their amended budget.
    pub gewijzigd: String,
    /// Their realisation.
    pub gerealiseerd: String,
    /// Realisation − amended budget.
    pub verschil: String,
}

/// The lines of one party's verantwoording to show (indexes into `lines`, in order) and, when
/// the table is bounded, the others added up: lines above the norm rank by their deviation, the
/// others by their amended budget.
pub fn lines(name: &str, lines: &[Variance]) -> (Vec<usize>, Option<Overig>) {
    let mut idx: Vec<usize> = (0..lines.len()).collect();
    let spec = Spec {
        wat: "begrotingsregels",
        aandacht: Some("buiten de norm"),
        overige: "de grootste",
        tabel: "verantwoording",
    };
    let rank = |&i: &usize| {
        let l = &lines[i];
        if l.above_norm { weight(l.difference.unwrap_or_default()) } else { weight(l.budget.decimal()) }
    };
    let (b, left) = bound(&mut idx, |_| name.to_string(), |&i| lines[i].above_norm, rank, &spec);
    let overig = b.into_iter().next().map(|b| {
        let rest: Vec<&Variance> = left.iter().map(|&i| &lines[i]).collect();
        Overig {
            aantal: rest.len(),
            label: format!("{} andere begrotingsregels", nl::number(Decimal::from(rest.len() as u64), 0)),
            zin: b.zin,
            begroot: nl::money(rest.iter().map(|l| l.begroting).sum::<Money>()),
            mutaties: nl::eur(rest.iter().map(|l| l.mutaties).sum::<Decimal>()),
            gewijzigd: nl::money(rest.iter().map(|l| l.budget).sum::<Money>()),
            gerealiseerd: nl::money(rest.iter().filter_map(|l| l.realisation).sum::<Money>()),
            verschil: nl::eur(rest.iter().filter_map(|l| l.difference).sum::<Decimal>()),
        }
    });
    (idx, overig)
}

/// The size of an amount for ranking rows: its absolute value in cents.
pub fn weight(d: Decimal) -> i128 {
    let mut x = d.abs();
    x.rescale(2);
    x.mantissa()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_party_over_the_threshold_keeps_attention_and_the_largest_in_order() {
        // Party a: 300 rows, weights 0..300, every tenth needs attention; party b: 10 rows.
        let mut rows: Vec<(&str, bool, i128)> = (0..300).map(|i| ("a", i % 10 == 0, i as i128)).collect();
        rows.extend((0..10).map(|i| ("b", false, i as i128)));
        let spec = Spec { wat: "regels", aandacht: Some("buiten de norm"), overige: "de grootste", tabel: "x" };
        let (b, left) = bound(&mut rows, |r| r.0.to_string(), |r| r.1, |r| r.2, &spec);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].totaal, 300);
        assert_eq!(b[0].getoond, 30 + LARGEST);
        assert_eq!(rows.len(), 30 + LARGEST + 10);
        assert_eq!(left.len(), 300 - 30 - LARGEST);
        // Original order kept; the largest non-attention rows are the last ones.
        assert!(rows.windows(2).filter(|w| w[0].0 == w[1].0).all(|w| w[0].2 < w[1].2));
        assert!(b[0].zin.contains("alle 30 regels buiten de norm en de grootste 20 andere"), "{}", b[0].zin);
    }

    #[test]
    fn below_the_threshold_nothing_changes() {
        let mut rows: Vec<(&str, bool, i128)> = (0..250).map(|i| ("a", false, i as i128)).collect();
        let spec = Spec { wat: "regels", aandacht: None, overige: "de eerste", tabel: "x" };
        let (b, left) = bound(&mut rows, |r| r.0.to_string(), |r| r.1, |r| r.2, &spec);
        assert!(b.is_empty() && left.is_empty() && rows.len() == 250);
    }
}
