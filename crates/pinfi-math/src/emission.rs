//! Block-reward emission (protocol-notes §5): a daily amount minted from genesis, halving every
//! `halving_secs`, capped at `max_supply`, split miners / foundation / team.
//!
//! Units: base units of the utility token; times in unix seconds. Rounding: each halving era's
//! share of an epoch is floored, so the sum over epochs never exceeds the schedule, and the cap
//! trims the last epoch exactly to `max_supply`.

use crate::checked::{to_u64, SafeMath};
use crate::error::Result;
use crate::units::UnixTs;

pub const DAY_SECS: u64 = 86_400;
pub const BPS_ONE: u64 = 10_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// Start of epoch 0.
    pub genesis: UnixTs,
    pub epoch_secs: u32,
    /// Base units per day before the first halving.
    pub per_day: u64,
    pub halving_secs: u64,
    pub max_supply: u64,
}

/// One epoch's mint, split three ways; the parts always sum to `total`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Split {
    pub total: u64,
    pub miners: u64,
    pub foundation: u64,
    pub team: u64,
}

impl Schedule {
    pub fn epoch_start(&self, index: u64) -> Result<UnixTs> {
        let offset = (index as i128).safe_mul(self.epoch_secs as i128)?;
        Ok(i64::try_from((self.genesis as i128).safe_add(offset)?).map_err(|_| crate::checked::MathError::here("i128->i64"))?)
    }

    /// Index of the epoch that contains `t` (`None` before genesis).
    pub fn epoch_at(&self, t: UnixTs) -> Option<u64> {
        (t >= self.genesis && self.epoch_secs > 0).then(|| ((t - self.genesis) as u64) / self.epoch_secs as u64)
    }

    /// Scheduled emission over `[a, b)` (both ≥ genesis), floored per halving era.
    pub fn scheduled_between(&self, a: UnixTs, b: UnixTs) -> Result<u64> {
        let (mut total, mut t) = (0u64, a.max(self.genesis));
        while t < b {
            let era = ((t - self.genesis) as u64) / self.halving_secs.max(1);
            if era >= 64 {
                break;
            }
            let era_end = (self.genesis as i128 + ((era + 1) as i128) * self.halving_secs.max(1) as i128).min(b as i128) as i64;
            let secs = (era_end - t) as u128;
            let amount = (self.per_day as u128).safe_mul(secs)?.safe_div((DAY_SECS as u128) << era)?;
            total = total.safe_add(to_u64(amount)?)?;
            t = era_end;
        }
        Ok(total)
    }

    /// What closing epoch `index` mints, given what has been minted before: the schedule, trimmed
    /// so the total never passes the cap.
    pub fn epoch_emission(&self, index: u64, emitted_before: u64) -> Result<u64> {
        let (a, b) = (self.epoch_start(index)?, self.epoch_start(index.safe_add(1)?)?);
        let scheduled = self.scheduled_between(a, b)?;
        Ok(scheduled.min(self.max_supply.saturating_sub(emitted_before)))
    }
}

/// `miners_bps` and `foundation_bps` of `total`, floored; the team takes the remainder (≤ 2 base
/// units of rounding), so nothing is minted that is not assigned.
pub fn split(total: u64, miners_bps: u16, foundation_bps: u16) -> Result<Split> {
    let part = |bps: u16| -> Result<u64> { Ok(to_u64((total as u128).safe_mul(bps as u128)? / BPS_ONE as u128)?) };
    let (miners, foundation) = (part(miners_bps)?, part(foundation_bps)?);
    let team = total.safe_sub(miners)?.safe_sub(foundation)?;
    Ok(Split { total, miners, foundation, team })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: u64 = 1_000_000; // 6 decimals

    fn loopin(epoch_secs: u32) -> Schedule {
        Schedule { genesis: 1_712_620_800, epoch_secs, per_day: 100_000 * TOKEN, halving_secs: 365 * DAY_SECS, max_supply: 73_000_000 * TOKEN }
    }

    #[test]
    fn daily_epochs_follow_the_published_schedule() {
        let s = loopin(DAY_SECS as u32);
        assert_eq!(s.epoch_emission(0, 0).unwrap(), 100_000 * TOKEN);
        assert_eq!(s.epoch_emission(364, 0).unwrap(), 100_000 * TOKEN);
        assert_eq!(s.epoch_emission(365, 0).unwrap(), 50_000 * TOKEN);
        assert_eq!(s.epoch_emission(730, 0).unwrap(), 25_000 * TOKEN);
    }

    #[test]
    fn an_epoch_across_a_halving_is_split_by_era() {
        let s = Schedule { halving_secs: DAY_SECS + DAY_SECS / 2, ..loopin(DAY_SECS as u32) };
        // Epoch 1 = [1 d, 2 d): half a day at full rate, half at half rate.
        assert_eq!(s.epoch_emission(1, 0).unwrap(), 50_000 * TOKEN + 25_000 * TOKEN);
    }

    #[test]
    fn the_schedule_converges_under_the_cap_and_the_cap_trims() {
        let s = loopin(DAY_SECS as u32);
        let mut total = 0u64;
        for e in 0..(365 * 40) {
            total += s.epoch_emission(e, total).unwrap();
        }
        assert!(total <= s.max_supply);
        // 100k × 365 × 2 = 73M, reached to within the floors of ~40 eras.
        assert!(s.max_supply - total < 365 * 41, "{}", s.max_supply - total);
        let tight = Schedule { max_supply: 150_000 * TOKEN, ..s };
        assert_eq!(tight.epoch_emission(1, 100_000 * TOKEN).unwrap(), 50_000 * TOKEN);
        assert_eq!(tight.epoch_emission(2, 150_000 * TOKEN).unwrap(), 0);
    }

    #[test]
    fn short_test_epochs_emit_pro_rata() {
        let s = loopin(60);
        assert_eq!(s.epoch_emission(0, 0).unwrap(), 100_000 * TOKEN * 60 / DAY_SECS);
        assert_eq!(s.epoch_at(s.genesis + 119), Some(1));
        assert_eq!(s.epoch_at(s.genesis - 1), None);
    }

    #[test]
    fn split_assigns_every_base_unit() {
        for total in [0u64, 1, 2, 3, 9, 10, 99_999, 100_000 * TOKEN, u64::MAX / 10_001] {
            let s = split(total, 7_000, 2_000).unwrap();
            assert_eq!(s.miners + s.foundation + s.team, total);
            assert!(s.team >= total / 10 && s.team <= total / 10 + 2);
        }
        assert_eq!(split(100_000, 7_000, 2_000).unwrap(), Split { total: 100_000, miners: 70_000, foundation: 20_000, team: 10_000 });
    }
}
