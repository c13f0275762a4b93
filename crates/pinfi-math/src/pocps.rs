//! PoCPS reward multipliers (protocol-notes §6.2), in integers so the program, the SDK and the
//! simulator agree to the last bit:
//!
//! ```text
//! PoT = exp(−2.303 · max(0, T0 − t) / T0)                 t: device's time in the protocol
//! PoL = exp(−7.324 · max(0, minted − held) / minted)      tokens held vs rewards earned
//! PoW = exp(−7.324 · max(0, 1 − W / W_benchmark))         measured speed (proof-of-compute)
//! actual = standard × PoT × PoL × PoW,   burned = standard − actual
//! ```
//! PoP (privacy) has no published metric and is 1. Values are Q32.32 (`ONE` = 2^32). Every
//! exponent is rounded up and every product down, so rounding always burns, never mints.

use crate::checked::{to_u64, SafeMath};
use crate::error::Result;

pub const ONE: u64 = 1 << 32;
const ONE64: u128 = 1 << 64;
/// ln 2 · 2^64, floored.
const LN2_Q64: u128 = 12_786_308_645_202_655_659;
/// The published coefficients as exact rationals (per mille).
pub const ALPHA_PERMILLE: u128 = 2_303;
pub const BETA_PERMILLE: u128 = 7_324;
pub const PERF_ONE_BPS: u64 = 10_000;

/// `exp(−x)` for `x` in Q32.32, floored, in Q32.32.
pub fn exp_neg(x: u128) -> Result<u64> {
    let x64 = x.checked_shl(32).filter(|v| v >> 32 == x).unwrap_or(u128::MAX);
    let k = x64 / LN2_Q64;
    if k >= 32 {
        return Ok(0);
    }
    let r = x64 - k * LN2_Q64; // in [0, ln 2)
    // Taylor series of exp(−r) in Q64; terms shrink by r/n < 0.7/n, 24 of them reach 2^−64.
    let (mut sum, mut term) = (ONE64 as i128, ONE64);
    for n in 1..=24u128 {
        term = term.safe_mul(r)? >> 64;
        term /= n;
        if n % 2 == 1 { sum -= term as i128 } else { sum += term as i128 }
    }
    Ok(to_u64((sum.max(0) as u128) >> (32 + k))?)
}

/// `coef_permille / 1000 · num / den` in Q32.32, rounded up (a larger exponent burns more).
fn exponent_ceil(coef_permille: u128, num: u128, den: u128) -> Result<u128> {
    let n = coef_permille.safe_mul(num)?.safe_mul(ONE as u128)?;
    let d = 1_000u128.safe_mul(den)?;
    Ok(n.safe_add(d - 1)? / d)
}

/// Proof of time: ramps from 0.1 at registration to 1 after `ramp_secs` (T0 = 30 days).
pub fn pot(age_secs: u64, ramp_secs: u64) -> Result<u64> {
    if age_secs >= ramp_secs {
        return Ok(ONE);
    }
    exp_neg(exponent_ceil(ALPHA_PERMILLE, (ramp_secs - age_secs) as u128, ramp_secs as u128)?)
}

/// Proof of loyalty: 1 while the miner holds at least what it has earned.
pub fn pol(held: u64, minted: u64) -> Result<u64> {
    if minted == 0 || held >= minted {
        return Ok(ONE);
    }
    exp_neg(exponent_ceil(BETA_PERMILLE, (minted - held) as u128, minted as u128)?)
}

/// Proof of work: 1 at or above the class benchmark speed.
pub fn pow(perf_bps: u64) -> Result<u64> {
    if perf_bps >= PERF_ONE_BPS {
        return Ok(ONE);
    }
    exp_neg(exponent_ceil(BETA_PERMILLE, (PERF_ONE_BPS - perf_bps) as u128, PERF_ONE_BPS as u128)?)
}

/// `PoT × PoL × PoW`, floored after each product.
pub fn multiplier(pot: u64, pol: u64, pow: u64) -> Result<u64> {
    let a = (pot as u128).safe_mul(pol as u128)? >> 32;
    Ok(to_u64(a.safe_mul(pow as u128)? >> 32)?)
}

/// `(actual, burned)` of a standard reward under a multiplier; they sum to `standard`.
pub fn apply(standard: u64, multiplier: u64) -> Result<(u64, u64)> {
    let actual = to_u64((standard as u128).safe_mul(multiplier.min(ONE) as u128)? >> 32)?;
    Ok((actual, standard.safe_sub(actual)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(q: u64) -> f64 {
        q as f64 / ONE as f64
    }

    #[test]
    fn exp_matches_f64_to_a_few_ulp() {
        for i in 0..2_000u64 {
            let x = i as f64 / 80.0;
            let q = (x * ONE as f64) as u128;
            let want = (-(q as f64) / ONE as f64).exp() * ONE as f64;
            let got = exp_neg(q).unwrap() as f64;
            assert!((got - want).abs() <= 2.0, "x={x} got {got} want {want}");
            assert!(got <= want + 1e-6, "floored");
        }
        assert_eq!(exp_neg(0).unwrap(), ONE);
        assert_eq!(exp_neg(u128::MAX).unwrap(), 0);
    }

    #[test]
    fn published_reference_values() {
        let day = 86_400;
        // protocol-notes §6.2: PoT(0) = 0.100, PoT(15 d) = 0.316, PoT(≥ 30 d) = 1.
        assert!((f(pot(0, 30 * day).unwrap()) - 0.100).abs() < 5e-4);
        assert!((f(pot(15 * day, 30 * day).unwrap()) - 0.316).abs() < 5e-4);
        assert_eq!(pot(30 * day, 30 * day).unwrap(), ONE);
        // PoL after selling 10 % / 31.4 % / 50 % / 100 % of what was minted.
        assert!((f(pol(900, 1_000).unwrap()) - 0.481).abs() < 5e-4);
        assert!((f(pol(686, 1_000).unwrap()) - 0.100).abs() < 5e-4);
        assert!((f(pol(500, 1_000).unwrap()) - 0.0257).abs() < 5e-5);
        assert!((f(pol(0, 1_000).unwrap()) - 0.00066).abs() < 5e-6);
        assert_eq!(pol(5, 0).unwrap(), ONE);
        // PoW at 10 % under the benchmark.
        assert!((f(pow(9_000).unwrap()) - 0.481).abs() < 5e-4);
        assert_eq!(pow(12_000).unwrap(), ONE);
    }

    #[test]
    fn apply_burns_what_it_does_not_pay() {
        let m = multiplier(pot(0, 100).unwrap(), ONE, pow(9_000).unwrap()).unwrap();
        for standard in [0u64, 1, 7, 1_000_000, u64::MAX] {
            let (a, b) = apply(standard, m).unwrap();
            assert_eq!(a + b, standard);
            assert!(a as f64 <= standard as f64 * f(m) + 1.0);
        }
        assert_eq!(apply(123, ONE).unwrap(), (123, 0));
    }
}
