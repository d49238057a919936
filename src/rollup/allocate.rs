//! Allocation of an amount over the financiers per verdeelsleutel: largest remainder on whole
//! cents, ties to the financier listed first, the shares summing exactly to the whole.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// Splits `total` (euros; rounded to whole cents first) over `financiers` per `key`
/// (percentages). Every financier gets a share in cents, floored from its exact proportion,
/// and the cents left over go one each to the largest remainders, ties to the financier listed
/// first in the key. A negative total is split symmetrically (the shares of its absolute value,
/// negated). The result lists every financier in `financiers` order (absent from the key: 0),
/// then any financier of the key missing from `financiers`, so that the shares always add up
/// to the whole; only a key without any positive percentage leaves everything unallocated.
pub fn allocate(total: Decimal, key: &[(String, Decimal)], financiers: &[String]) -> Vec<(String, Decimal)> {
    let cents = cents_of(total);
    let shares = split_cents(cents.unsigned_abs(), key);
    let mut out: Vec<(String, Decimal)> = financiers.iter().map(|f| (f.clone(), Decimal::ZERO)).collect();
    for (f, _) in key {
        if !out.iter().any(|(o, _)| o == f) {
            out.push((f.clone(), Decimal::ZERO));
        }
    }
    for ((f, _), share) in key.iter().zip(shares) {
        let signed = if cents < 0 { -(share as i128) } else { share as i128 };
        let slot = out.iter_mut().find(|(o, _)| o == f).expect("every key financier is listed");
        // Duplicate key entries (E004 upstream) add up rather than overwrite.
        slot.1 = slot.1.checked_add(Decimal::from_i128_with_scale(signed, 2)).expect("share within range");
    }
    for (_, d) in &mut out {
        d.rescale(2);
    }
    out
}

/// Whole cents of an amount in euros (half a cent rounds away from zero).
fn cents_of(total: Decimal) -> i128 {
    let c = total.checked_mul(Decimal::ONE_HUNDRED).expect("amount within range");
    c.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .to_i128()
        .expect("whole cents fit i128")
}

/// The percentage as an integer number of ten-thousandths of a percent (at most 4 decimals in
/// a verdeelsleutel; anything finer is rounded, negative counts as 0).
fn weight(p: Decimal) -> u128 {
    let w = p.checked_mul(Decimal::from(10_000)).unwrap_or(Decimal::ZERO).round();
    w.to_u128().unwrap_or(0)
}

/// Largest remainder over the key entries, in key order; exact in integers.
fn split_cents(cents: u128, key: &[(String, Decimal)]) -> Vec<u128> {
    let weights: Vec<u128> = key.iter().map(|(_, p)| weight(*p)).collect();
    let sum: u128 = weights.iter().sum();
    if sum == 0 {
        return vec![0; key.len()];
    }
    let mut shares = Vec::with_capacity(key.len());
    let mut remainders = Vec::with_capacity(key.len());
    for (i, w) in weights.iter().enumerate() {
        let exact = cents.checked_mul(*w).expect("cents × weight within u128");
        shares.push(exact / sum);
        remainders.push((exact % sum, i));
    }
    let left = cents - shares.iter().sum::<u128>();
    // Largest remainder first; equal remainders keep key order (the first listed wins).
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders.iter().take(left as usize) {
        shares[i] += 1;
    }
    shares
}
