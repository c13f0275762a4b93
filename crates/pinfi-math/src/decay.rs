//! A balance that decays linearly to zero at `end`, stored as (rate, end): stakes, rentals and
//! pooled lots all use it. Balance at `t` is `rate × (end − t)`; nothing is stored per second.

use crate::checked::{SafeMath, to_u64};
use crate::error::{Error, Result};
use crate::fixed::{mul_div_ceil, mul_div_floor};
use crate::units::{GpuSeconds, UnixTs, RATE_ONE};

/// Seconds from `now` to `end`, zero once `end` has passed.
pub fn remaining_secs(end: UnixTs, now: UnixTs) -> u64 {
    if now >= end { 0 } else { (end - now) as u64 }
}

/// GPU-seconds held at `now`, rounded down (the holder never owns a fraction).
pub fn balance_floor(rate: u128, end: UnixTs, now: UnixTs) -> Result<GpuSeconds> {
    let secs = remaining_secs(end, now);
    Ok(to_u64(mul_div_floor(rate, secs as u128, RATE_ONE)?)?)
}

/// Rate that holds `amount` GPU-seconds from `now` until `end`, rounded down: what a receiver gets.
pub fn rate_floor(amount: GpuSeconds, end: UnixTs, now: UnixTs) -> Result<u128> {
    let secs = remaining_secs(end, now);
    if secs == 0 {
        return Err(Error::BadLotEnd);
    }
    Ok(mul_div_floor(amount as u128, RATE_ONE, secs as u128)?)
}

/// Rate that holds `amount` GPU-seconds from `now` until `end`, rounded up: what a giver pays.
pub fn rate_ceil(amount: GpuSeconds, end: UnixTs, now: UnixTs) -> Result<u128> {
    let secs = remaining_secs(end, now);
    if secs == 0 {
        return Err(Error::BadLotEnd);
    }
    Ok(mul_div_ceil(amount as u128, RATE_ONE, secs as u128)?)
}

/// Takes `amount` GPU-seconds out of a decaying balance at `now` and returns the new rate.
/// The giver's rate drops by the rate rounded up, so what stays plus what left never exceeds
/// what was there.
pub fn withdraw(rate: u128, end: UnixTs, now: UnixTs, amount: GpuSeconds) -> Result<u128> {
    if amount == 0 {
        return Err(Error::ZeroAmount);
    }
    if amount > balance_floor(rate, end, now)? {
        return Err(Error::InsufficientHours);
    }
    Ok(rate.safe_sub(rate_ceil(amount, end, now)?)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_device_decays_one_second_per_second() {
        let end = 10_000;
        assert_eq!(balance_floor(RATE_ONE, end, 0).unwrap(), 10_000);
        assert_eq!(balance_floor(RATE_ONE, end, 9_999).unwrap(), 1);
        assert_eq!(balance_floor(RATE_ONE, end, 10_000).unwrap(), 0);
        assert_eq!(balance_floor(RATE_ONE, end, 20_000).unwrap(), 0);
    }

    #[test]
    fn withdraw_never_creates_hours() {
        let (end, now) = (7_200, 1_234);
        let rate = RATE_ONE;
        let before = balance_floor(rate, end, now).unwrap();
        let left = withdraw(rate, end, now, 1_000).unwrap();
        assert!(balance_floor(left, end, now).unwrap() + 1_000 <= before);
        let all = withdraw(rate, end, now, before).unwrap();
        assert_eq!(balance_floor(all, end, now).unwrap(), 0);
        assert_eq!(withdraw(rate, end, now, before + 1), Err(Error::InsufficientHours));
        assert_eq!(withdraw(rate, end, now, 0), Err(Error::ZeroAmount));
        assert_eq!(rate_floor(5, end, end), Err(Error::BadLotEnd));
    }
}
