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
/// a verdeelsleutel; anything finer is rounded, negative counts as 0). A weight too large to
/// scale (beyond 10^24, which input never reaches) keeps its whole part rather than becoming 0.
fn weight(p: Decimal) -> u128 {
    if p.is_sign_negative() {
        return 0;
    }
    match p.checked_mul(Decimal::from(10_000)) {
        Some(w) => w.round().to_u128().unwrap_or(0),
        None => p.trunc().to_u128().unwrap_or(u128::MAX).saturating_mul(10_000),
    }
}

/// `a × b / d` and `a × b mod d`, exact for any `a`, `b` with `b ≤ d` (so the quotient fits):
/// the 128-bit product first, a 256-bit one only when that overflows (capped budgets used as
/// weights can reach 10^24, times up to 10^26 cents).
fn mul_div_rem(a: u128, b: u128, d: u128) -> (u128, u128) {
    debug_assert!(b <= d && d > 0);
    if let Some(p) = a.checked_mul(b) {
        return (p / d, p % d);
    }
    let (hi, lo) = mul_wide(a, b);
    // Restoring long division of hi:lo by d; hi < d because the quotient fits in 128 bits.
    let (mut rem, mut q) = (hi, 0u128);
    for i in (0..128).rev() {
        let carry = rem >> 127;
        rem = (rem << 1) | ((lo >> i) & 1);
        q <<= 1;
        if carry == 1 || rem >= d {
            rem = rem.wrapping_sub(d);
            q |= 1;
        }
    }
    (q, rem)
}

/// The full 256-bit product of two u128 values, as (high, low) halves.
fn mul_wide(a: u128, b: u128) -> (u128, u128) {
    const M: u128 = u64::MAX as u128;
    let (a1, a0) = (a >> 64, a & M);
    let (b1, b0) = (b >> 64, b & M);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    let mid = (p00 >> 64) + (p01 & M) + (p10 & M);
    let lo = (p00 & M) | (mid << 64);
    let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (hi, lo)
}

/// Largest remainder over the key entries, in key order; exact in integers.
fn split_cents(cents: u128, key: &[(String, Decimal)]) -> Vec<u128> {
    let mut weights: Vec<u128> = key.iter().map(|(_, p)| weight(*p)).collect();
    // Weights summing beyond u128 (never from real input) are halved together until they fit.
    let sum = loop {
        match weights.iter().try_fold(0u128, |acc, w| acc.checked_add(*w)) {
            Some(s) => break s,
            None => weights.iter_mut().for_each(|w| *w /= 2),
        }
    };
    if sum == 0 {
        return vec![0; key.len()];
    }
    let mut shares = Vec::with_capacity(key.len());
    let mut remainders = Vec::with_capacity(key.len());
    for (i, w) in weights.iter().enumerate() {
        let (share, rem) = mul_div_rem(cents, *w, sum);
        shares.push(share);
        remainders.push((rem, i));
    }
    let left = cents - shares.iter().sum::<u128>();
    // Largest remainder first; equal remainders keep key order (the first listed wins).
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders.iter().take(left as usize) {
        shares[i] += 1;
    }
    shares
}

#[cfg(test)]
mod wide_tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    /// hi:lo + r as 256 bits (the test never lets this carry beyond).
    fn add_wide((hi, lo): (u128, u128), r: u128) -> (u128, u128) {
        let (lo, c) = lo.overflowing_add(r);
        (hi + u128::from(c), lo)
    }

    #[test]
    fn wide_product_of_the_largest_values() {
        // (2^128 − 1)² = 2^256 − 2^129 + 1
        assert_eq!(mul_wide(u128::MAX, u128::MAX), (u128::MAX - 1, 1));
        assert_eq!(mul_wide(1 << 64, 1 << 64), (1, 0));
    }

    #[test]
    fn twenty_digit_caps_split_exactly() {
        // Two capped perspectives of 99999999999999999999.99 and 1, a difference of 10^24 cents.
        let big = Decimal::from_str("99999999999999999999.99").unwrap();
        let key = vec![("a".to_string(), big), ("b".to_string(), Decimal::ONE)];
        let total = Decimal::from_str("10000000000000000000000.00").unwrap();
        let got = allocate(total, &key, &["a".into(), "b".into()]);
        assert_eq!(got.iter().map(|(_, d)| *d).sum::<Decimal>(), total);
        // b's exact share is 10^22 / (10^20 + 1 − 0.01) ≈ 99.99999999999999999901 → 100.00 after the remainder.
        assert_eq!(got[1].1, Decimal::from_str("100.00").unwrap());
    }

    proptest! {
        #[test]
        fn mul_div_rem_is_exact(a in any::<u128>(), b in any::<u128>(), extra in any::<u128>()) {
            let d = b.saturating_add(extra).max(1);
            let b = b.min(d);
            let (q, r) = mul_div_rem(a, b, d);
            prop_assert!(r < d);
            prop_assert_eq!(add_wide(mul_wide(q, d), r), mul_wide(a, b));
        }
    }
}
