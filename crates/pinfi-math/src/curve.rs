//! Constant-product pricing at the instant of a trade, fees, LP shares and protocol charges.
//! Every name ends in the rounding direction; every direction favours the pool.
//! `U` = utility-token reserve (base units), `H` = hour reserve (GPU-seconds) at trade time.

use crate::checked::{to_u64, SafeMath};
use crate::error::{Error, Result};
use crate::fixed::{div_ceil, mul_div_ceil, mul_div_floor};
use crate::units::{GpuSeconds, TokenAmount, BPS_DENOM, SECONDS_PER_HOUR};

/// Fee on `amount` at `bps`, rounded up (the burned part is never short).
pub fn fee_ceil(amount: TokenAmount, bps: u16) -> Result<TokenAmount> {
    Ok(to_u64(mul_div_ceil(amount as u128, bps as u128, BPS_DENOM as u128)?)?)
}

/// Buy: hours out for `tokens_in` (after fee) — `H·ΔU / (U + ΔU)`, rounded down.
pub fn hours_out_floor(u: TokenAmount, h: GpuSeconds, tokens_in: TokenAmount) -> Result<GpuSeconds> {
    if u == 0 || h == 0 {
        return Err(Error::EmptyReserve);
    }
    let denom = (u as u128).safe_add(tokens_in as u128)?;
    Ok(to_u64(mul_div_floor(h as u128, tokens_in as u128, denom)?)?)
}

/// Buy exact out: tokens (after fee) needed for `hours_out` — `U·Δh / (H − Δh)`, rounded up.
pub fn tokens_in_for_hours_ceil(u: TokenAmount, h: GpuSeconds, hours_out: GpuSeconds) -> Result<TokenAmount> {
    if u == 0 || h == 0 {
        return Err(Error::EmptyReserve);
    }
    if hours_out >= h {
        return Err(Error::InsufficientHours);
    }
    Ok(to_u64(mul_div_ceil(u as u128, hours_out as u128, (h - hours_out) as u128)?)?)
}

/// Gross amount whose net after `fee_ceil` is at least `net`, rounded up.
pub fn gross_for_net_ceil(net: TokenAmount, bps: u16) -> Result<TokenAmount> {
    let keep = BPS_DENOM.safe_sub(bps as u64)?;
    if keep == 0 {
        return Err(Error::ZeroAmount);
    }
    Ok(to_u64(mul_div_ceil(net as u128, BPS_DENOM as u128, keep as u128)?)?)
}

/// Sell: tokens out for `hours_in` — `U·Δh / (H + Δh)`, rounded down (before the fee).
pub fn tokens_out_floor(u: TokenAmount, h: GpuSeconds, hours_in: GpuSeconds) -> Result<TokenAmount> {
    if u == 0 || h == 0 {
        return Err(Error::EmptyReserve);
    }
    let denom = (h as u128).safe_add(hours_in as u128)?;
    Ok(to_u64(mul_div_floor(u as u128, hours_in as u128, denom)?)?)
}

/// LP: tokens that match `hours_in` at the current price `U/H`, rounded up. An empty side has no
/// price, so the pool's reference price (base units per GPU-hour) is used instead.
pub fn equal_value_tokens_ceil(
    u: TokenAmount,
    h: GpuSeconds,
    hours_in: GpuSeconds,
    reference_price_per_hour: TokenAmount,
) -> Result<TokenAmount> {
    if u == 0 || h == 0 {
        return Ok(to_u64(mul_div_ceil(hours_in as u128, reference_price_per_hour as u128, SECONDS_PER_HOUR as u128)?)?);
    }
    Ok(to_u64(mul_div_ceil(u as u128, hours_in as u128, h as u128)?)?)
}

/// LP shares minted for a deposit of `tokens_in`, rounded down; the first LP gets one share per unit.
pub fn lp_shares_floor(lp_supply: u64, u: TokenAmount, tokens_in: TokenAmount) -> Result<u64> {
    if lp_supply == 0 || u == 0 {
        return Ok(tokens_in);
    }
    Ok(to_u64(mul_div_floor(lp_supply as u128, tokens_in as u128, u as u128)?)?)
}

/// LP settlement: `shares / L × U`, rounded down.
pub fn lp_payout_floor(shares: u64, lp_supply: u64, u: TokenAmount) -> Result<TokenAmount> {
    if shares > lp_supply {
        return Err(Error::InsufficientHours);
    }
    Ok(to_u64(mul_div_floor(shares as u128, u as u128, lp_supply as u128)?)?)
}

/// An amount charged per GPU-hour (burn, maintenance fee) for `secs` GPU-seconds, rounded up.
pub fn per_hour_charge_ceil(per_hour: TokenAmount, secs: GpuSeconds) -> Result<TokenAmount> {
    Ok(to_u64(div_ceil((per_hour as u128).safe_mul(secs as u128)?, SECONDS_PER_HOUR as u128)?)?)
}

/// Seller collateral: `multiple_bps / 10_000 × proceeds`, rounded up.
pub fn collateral_ceil(proceeds: TokenAmount, multiple_bps: u32) -> Result<TokenAmount> {
    Ok(to_u64(mul_div_ceil(proceeds as u128, multiple_bps as u128, BPS_DENOM as u128)?)?)
}

/// `k = U·H` must not fall through a trade (fees and rounding only ever raise it).
pub fn check_k_non_decreasing(u0: TokenAmount, h0: GpuSeconds, u1: TokenAmount, h1: GpuSeconds) -> Result<()> {
    if (u1 as u128) * (h1 as u128) < (u0 as u128) * (h0 as u128) {
        return Err(Error::InvariantViolated);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directions() {
        assert_eq!(fee_ceil(1, 30).unwrap(), 1);
        assert_eq!(fee_ceil(10_000, 30).unwrap(), 30);
        assert_eq!(hours_out_floor(1_000, 3_600, 1_000).unwrap(), 1_800);
        assert_eq!(tokens_in_for_hours_ceil(1_000, 3_600, 1_800).unwrap(), 1_000);
        assert_eq!(tokens_in_for_hours_ceil(1_000, 3_600, 1_801).unwrap(), 1_002);
        assert_eq!(tokens_out_floor(1_000, 3_600, 3_600).unwrap(), 500);
        assert_eq!(equal_value_tokens_ceil(1_000, 3_000, 1, 0).unwrap(), 1);
        assert_eq!(equal_value_tokens_ceil(0, 0, 7_200, 5).unwrap(), 10);
        assert_eq!(lp_payout_floor(1, 3, 10).unwrap(), 3);
        assert_eq!(per_hour_charge_ceil(10, 1).unwrap(), 1);
        assert_eq!(collateral_ceil(7, 1_000_000).unwrap(), 700);
        assert_eq!(gross_for_net_ceil(997, 30).unwrap(), 1_000);
        assert_eq!(hours_out_floor(0, 5, 5), Err(Error::EmptyReserve));
        assert_eq!(check_k_non_decreasing(10, 10, 11, 9), Err(Error::InvariantViolated));
    }
}
