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
        let [begroot, mutaties, gewijzigd, gerealiseerd, verschil] = sums(&rest);
        Overig {
            aantal: rest.len(),
            label: format!("{} andere begrotingsregels", nl::number(Decimal::from(rest.len() as u64), 0)),
            zin: b.zin,
            begroot,
            mutaties,
            gewijzigd,
            gerealiseerd,
            verschil,
        }
    });
    (idx, overig)
}

/// The sums of `lines` as the accounts' columns show them: begroting (primitief), mutaties,
/// amended budget, realisation and realisation − amended budget.
fn sums(lines: &[&Variance]) -> [String; 5] {
    [
        nl::money(lines.iter().map(|l| l.begroting).sum::<Money>()),
        nl::eur(lines.iter().map(|l| l.mutaties).sum::<Decimal>()),
        nl::money(lines.iter().map(|l| l.budget).sum::<Money>()),
        nl::money(lines.iter().filter_map(|l| l.realisation).sum::<Money>()),
        nl::eur(lines.iter().filter_map(|l| l.difference).sum::<Decimal>()),
    ]
}

/// In an abridged document (a large stelsel) the accounts show at most this many lines above
/// the norm over all parties together: those with the largest deviation in euros. The others
/// are added up in one row ([`BovenNorm`]); every line is in the table `verantwoording`.
/// Without this the jaarrekening of a thousand parties lists every party's exceptions (some
/// 130 pages).
pub const ABOVE_NORM_MAX: usize = 60;

/// The lines above the norm an abridged document's accounts leave out, added up: with the
/// lines shown they are all lines above the norm.
#[derive(Clone, Debug, Serialize)]
pub struct BovenNorm {
    /// Lines above the norm, over all parties.
    pub totaal: usize,
    /// How many of them are shown (at most [`ABOVE_NORM_MAX`]).
    pub getoond: usize,
    /// How many are left out.
    pub aantal: usize,
    /// The parties those belong to.
    pub partijen: usize,
    /// Their begroting (primitief).
    pub begroot: String,
    /// Their mutaties.
    pub mutaties: String,
    /// Their amended budget.
    pub gewijzigd: String,
    /// Their realisation.
    pub gerealiseerd: String,
    /// Realisation − amended budget, added up.
    pub verschil: String,
}

/// Of the lines above the norm `above` (per party: its position and its lines), the ones to
/// show: the [`ABOVE_NORM_MAX`] with the largest deviation in euros, ties broken by party and
/// then line id. Returns per party the positions (into its slice in `above`) kept, in their
/// order, and the others added up; `None` when all fit.
pub fn above_norm(above: &[Vec<&Variance>]) -> Option<(Vec<Vec<usize>>, BovenNorm)> {
    let totaal: usize = above.iter().map(Vec::len).sum();
    if totaal <= ABOVE_NORM_MAX {
        return None;
    }
    let mut all: Vec<(i128, usize, &str, usize)> = above
        .iter()
        .enumerate()
        .flat_map(|(p, ls)| {
            ls.iter().enumerate().map(move |(i, l)| (weight(l.difference.unwrap_or_default()), p, l.id.as_str(), i))
        })
        .collect();
    let by = |a: &(i128, usize, &str, usize), b: &(i128, usize, &str, usize)| {
        b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(b.2)).then(a.3.cmp(&b.3))
    };
    all.select_nth_unstable_by(ABOVE_NORM_MAX, by);
    let mut keep: Vec<Vec<usize>> = vec![Vec::new(); above.len()];
    for &(_, p, _, i) in &all[..ABOVE_NORM_MAX] {
        keep[p].push(i);
    }
    keep.iter_mut().for_each(|k| k.sort_unstable());
    let rest: Vec<&Variance> = all[ABOVE_NORM_MAX..].iter().map(|&(_, p, _, i)| above[p][i]).collect();
    let mut parties: Vec<usize> = all[ABOVE_NORM_MAX..].iter().map(|&(_, p, _, _)| p).collect();
    parties.sort_unstable();
    parties.dedup();
    let [begroot, mutaties, gewijzigd, gerealiseerd, verschil] = sums(&rest);
    let b = BovenNorm {
        totaal,
        getoond: ABOVE_NORM_MAX,
        aantal: rest.len(),
        partijen: parties.len(),
        begroot,
        mutaties,
        gewijzigd,
        gerealiseerd,
        verschil,
    };
    Some((keep, b))
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
    fn the_largest_lines_above_the_norm_over_all_parties_ties_by_party_then_id() {
        let line = |id: &str, d: i64| Variance {
            id: id.into(),
            omschrijving: None,
            beleidsdoel: None,
            begroting: Money::ZERO,
            mutaties: Decimal::ZERO,
            nieuw: None,
            budget: Money::ZERO,
            realisation: None,
            difference: Some(Decimal::from(d)),
            percent: None,
            above_norm: true,
            toelichting: None,
        };
        // Party 0: 40 lines of -1000 (b0..); party 1: 40 lines of 1000 (a0..) and one of 5.
        let p0: Vec<Variance> = (0..40).map(|i| line(&format!("b{i:02}"), -1000)).collect();
        let mut p1: Vec<Variance> = (0..40).map(|i| line(&format!("a{i:02}"), 1000)).collect();
        p1.push(line("z", 5));
        let above = vec![p0.iter().collect::<Vec<_>>(), p1.iter().collect()];
        let (keep, b) = above_norm(&above).expect("more than the maximum");
        // Equal deviations: party 0 first, then party 1 by id.
        assert_eq!(keep[0], (0..40).collect::<Vec<_>>());
        assert_eq!(keep[1], (0..ABOVE_NORM_MAX - 40).collect::<Vec<_>>());
        assert_eq!((b.totaal, b.getoond, b.aantal, b.partijen), (81, ABOVE_NORM_MAX, 21, 1));
        assert_eq!(b.verschil, nl::eur(Decimal::from(20 * 1000 + 5)));
        assert!(above_norm(&[p0.iter().collect()]).is_none());
    }

    #[test]
    fn below_the_threshold_nothing_changes() {
        let mut rows: Vec<(&str, bool, i128)> = (0..250).map(|i| ("a", false, i as i128)).collect();
        let spec = Spec { wat: "regels", aandacht: None, overige: "de eerste", tabel: "x" };
        let (b, left) = bound(&mut rows, |r| r.0.to_string(), |r| r.1, |r| r.2, &spec);
        assert!(b.is_empty() && left.is_empty() && rows.len() == 250);
    }
}
