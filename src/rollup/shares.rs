//! A difference from the sum of several capped budgets, allocated over the financiers:
//! first over the perspectives that have a cap for the year (in proportion to their caps), then
//! each part per that perspective's verdeelsleutel — both steps by `rollup::allocate`, so every
//! step is exact to the cent and the shares add up to the whole difference.

use super::allocate::allocate;
use super::caps::Cap;
use crate::model::Year;
use rust_decimal::Decimal;

/// One perspective's part of the capped budget of a year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapPart {
    /// The perspective id.
    pub beleidsdoel: String,
    /// Its cap for the year.
    pub cap: Decimal,
    /// Its verdeelsleutel, in the order written.
    pub key: Vec<(String, Decimal)>,
}

/// The perspectives with a cap (and a key) for `y`, in stelsel order.
pub fn cap_parts(caps: &[Cap], y: Year) -> Vec<CapPart> {
    caps.iter()
        .filter_map(|c| {
            let cap = c.jaren.iter().find(|j| j.jaar == y)?.cap?;
            Some(CapPart { beleidsdoel: c.beleidsdoel.clone(), cap: cap.decimal(), key: c.verdeelsleutel.clone()? })
        })
        .collect()
}

/// Splits `diff` over the parts in proportion to their caps (equally when every cap is 0),
/// largest remainder on whole cents, ties to the perspective listed first.
pub fn over_perspectives(diff: Decimal, parts: &[CapPart]) -> Vec<(String, Decimal)> {
    let all_zero = parts.iter().all(|p| p.cap.is_zero());
    let weights: Vec<(String, Decimal)> =
        parts.iter().map(|p| (p.beleidsdoel.clone(), if all_zero { Decimal::ONE } else { p.cap })).collect();
    let ids: Vec<String> = parts.iter().map(|p| p.beleidsdoel.clone()).collect();
    allocate(diff, &weights, &ids)
}

/// The difference over the financiers (stelsel order, then any other financier a key names):
/// per perspective by its key, summed per financier. Empty without parts.
pub fn over_financiers(diff: Decimal, parts: &[CapPart], financiers: &[String]) -> Vec<(String, Decimal)> {
    if parts.is_empty() {
        return Vec::new();
    }
    let mut total: Vec<(String, Decimal)> = financiers.iter().map(|f| (f.clone(), Decimal::ZERO)).collect();
    for ((_, share), part) in over_perspectives(diff, parts).iter().zip(parts) {
        for (f, amount) in allocate(*share, &part.key, financiers) {
            match total.iter_mut().find(|(t, _)| *t == f) {
                Some(slot) => slot.1 += amount,
                None => total.push((f, amount)),
            }
        }
    }
    for (_, d) in &mut total {
        d.rescale(2);
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn part(id: &str, cap: &str, key: &[(&str, &str)]) -> CapPart {
        CapPart { beleidsdoel: id.into(), cap: d(cap), key: key.iter().map(|(f, p)| (f.to_string(), d(p))).collect() }
    }

    fn fins() -> Vec<String> {
        ["rijk", "vng", "ipo", "uvw"].iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn one_perspective_uses_its_key() {
        let p = [part("beheer", "41500000", &[("rijk", "19"), ("vng", "70"), ("ipo", "6"), ("uvw", "5")])];
        let got = over_financiers(d("2500000"), &p, &fins());
        let want: Vec<(String, Decimal)> =
            [("rijk", "475000.00"), ("vng", "1750000.00"), ("ipo", "150000.00"), ("uvw", "125000.00")]
                .iter()
                .map(|(f, a)| (f.to_string(), d(a)))
                .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn several_perspectives_add_up_to_the_cent() {
        let p = [
            part("basis", "3000000", &[("rijk", "72.5"), ("vng", "20"), ("ipo", "4.5"), ("uvw", "3")]),
            part("beheer", "41500000", &[("rijk", "19"), ("vng", "70"), ("ipo", "6"), ("uvw", "5")]),
            part("uitbouw", "5000000", &[("rijk", "37.5"), ("vng", "50"), ("ipo", "7.5"), ("uvw", "5")]),
        ];
        for diff in ["6050000", "-1234567.89", "0.01", "10000000.03", "0"] {
            let per = over_perspectives(d(diff), &p);
            assert_eq!(per.iter().map(|(_, a)| *a).sum::<Decimal>(), d(diff));
            let fin = over_financiers(d(diff), &p, &fins());
            assert_eq!(fin.iter().map(|(_, a)| *a).sum::<Decimal>(), d(diff), "{diff}");
            assert_eq!(fin.len(), 4);
        }
    }

    #[test]
    fn zero_caps_split_equally_and_no_caps_allocate_nothing() {
        let p = [part("a", "0", &[("rijk", "100")]), part("b", "0", &[("vng", "100")])];
        let per = over_perspectives(d("1.01"), &p);
        assert_eq!(per, vec![("a".to_string(), d("0.51")), ("b".to_string(), d("0.50"))]);
        assert!(over_financiers(d("5"), &[], &fins()).is_empty());
    }
}
