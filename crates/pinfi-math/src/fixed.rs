//! Wide multiply-divide with an explicit rounding direction in every name.

use crate::checked::{MathError, MathResult};

#[allow(clippy::manual_div_ceil, clippy::assign_op_pattern, clippy::ptr_offset_with_cast)]
mod wide {
    uint::construct_uint! {
        /// 256-bit unsigned integer for intermediate products of two u128 values.
        pub struct U256(4);
    }
}
pub use wide::U256;

/// `floor(a * b / d)`; errors on `d == 0` or a result wider than u128.
#[track_caller]
pub fn mul_div_floor(a: u128, b: u128, d: u128) -> MathResult<u128> {
    if d == 0 {
        return Err(MathError::here("mul_div_floor: div by zero"));
    }
    let q = U256::from(a) * U256::from(b) / U256::from(d);
    narrow(q)
}

/// `ceil(a * b / d)`; errors on `d == 0` or a result wider than u128.
#[track_caller]
pub fn mul_div_ceil(a: u128, b: u128, d: u128) -> MathResult<u128> {
    if d == 0 {
        return Err(MathError::here("mul_div_ceil: div by zero"));
    }
    let p = U256::from(a) * U256::from(b);
    let d = U256::from(d);
    let (q, r) = p.div_mod(d);
    narrow(if r.is_zero() { q } else { q + U256::one() })
}

/// `ceil(a / d)`.
#[track_caller]
pub fn div_ceil(a: u128, d: u128) -> MathResult<u128> {
    if d == 0 {
        return Err(MathError::here("div_ceil: div by zero"));
    }
    Ok(a / d + u128::from(a % d != 0))
}

#[track_caller]
fn narrow(v: U256) -> MathResult<u128> {
    if v.bits() > 128 {
        return Err(MathError::here("u256->u128"));
    }
    Ok(v.low_u128())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_directions() {
        assert_eq!(mul_div_floor(7, 3, 2).unwrap(), 10);
        assert_eq!(mul_div_ceil(7, 3, 2).unwrap(), 11);
        assert_eq!(mul_div_ceil(8, 3, 2).unwrap(), 12);
        assert_eq!(div_ceil(9, 4).unwrap(), 3);
        assert_eq!(div_ceil(8, 4).unwrap(), 2);
        assert!(mul_div_floor(1, 1, 0).is_err());
        assert!(mul_div_floor(u128::MAX, u128::MAX, 1).is_err());
        assert_eq!(mul_div_floor(u128::MAX, u128::MAX, u128::MAX).unwrap(), u128::MAX);
    }
}
