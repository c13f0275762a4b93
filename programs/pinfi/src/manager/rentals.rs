//! Which stakes may serve a rental (docs/decisions.md, "Rental placement").

use anchor_lang::prelude::Pubkey;

use crate::state::{Rental, Stake};

/// A stake can carry the rental when its device is pooled in the same pool, live for the whole
/// rental window, not failed, not booked by another rental, and not already on this one.
pub fn can_serve(stake_key: &Pubkey, stake: &Stake, rental_key: &Pubkey, rental: &Rental, now: i64) -> bool {
    let already = rental.assigned[..rental.assigned_count as usize].contains(stake_key);
    stake.pool == rental.pool
        && !stake.failed
        && stake.hours_pooled > 0
        && stake.start <= now
        && stake.end >= rental.end
        && (stake.booked_until <= now || stake.booked_by == *rental_key)
        && !already
}

/// What the buyer gets back for an unplaced rental: the purchase price (net of the burned fees)
/// of the GPU-seconds it still holds, rounded down (for the pool).
pub fn refund_value(paid: u64, fees: u64, gpu_seconds: u64, remaining: u64) -> pinfi_math::Result<u64> {
    if gpu_seconds == 0 {
        return Ok(0);
    }
    let net = paid.saturating_sub(fees) as u128;
    Ok(pinfi_math::checked::to_u64(pinfi_math::fixed::mul_div_floor(net, remaining.min(gpu_seconds) as u128, gpu_seconds as u128)?)?)
}

/// What a renter is owed when the device serving it fails at `failed_at` while booked until
/// `booked_until`: the purchase value of the rental's GPU-seconds left on that device (one of its
/// `devices`), capped by the failed stake's collateral. Rounded down.
pub fn renter_compensation(rental: &Rental, booked_until: i64, failed_at: i64, collateral: u64) -> pinfi_math::Result<u64> {
    let until = booked_until.min(rental.end);
    if until <= failed_at {
        return Ok(0);
    }
    let remaining = pinfi_math::decay::balance_floor(rental.rate, until, failed_at)?;
    let value = refund_value(rental.paid, rental.fees, rental.gpu_seconds, remaining)?;
    Ok((value / rental.devices.max(1) as u64).min(collateral))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refund_is_pro_rata_of_what_is_left_net_of_fees() {
        assert_eq!(refund_value(1_000, 10, 3_600, 3_600).unwrap(), 990);
        assert_eq!(refund_value(1_000, 10, 3_600, 1_800).unwrap(), 495);
        assert_eq!(refund_value(1_000, 10, 3_600, 1).unwrap(), 0);
        assert_eq!(refund_value(1_000, 10, 0, 0).unwrap(), 0);
        assert_eq!(refund_value(1_000, 10, 3_600, 7_200).unwrap(), 990, "never more than was paid");
    }
}
