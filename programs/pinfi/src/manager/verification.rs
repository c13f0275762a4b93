//! Verdict rules of proof-of-compute (docs/proof-of-compute.md).

use crate::state::{ChallengeOutcome, StrikeRecord, VerificationParams, STRIKE_LOG};
use anchor_lang::prelude::Pubkey;

/// Honest slack θ of proof-of-compute.md §2.5: the deadline is `T_ref / θ`, so a device running
/// at the reference speed takes `θ × deadline`. Performance is measured against that.
pub const THETA_BPS: u64 = 8_000;
pub const PERF_ONE_BPS: u16 = 10_000;

/// What a verdict does to the stake and the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    Pass { perf_bps: u16 },
    Strike,
    Fail,
}

/// `None` when the outcome contradicts the timings the verifier posted (or is not a verdict).
pub fn effect_of(outcome: ChallengeOutcome, elapsed_ms: u32, deadline_ms: u32) -> Option<Effect> {
    match outcome {
        ChallengeOutcome::Pass if elapsed_ms <= deadline_ms && deadline_ms > 0 => {
            Some(Effect::Pass { perf_bps: perf_bps(elapsed_ms, deadline_ms) })
        }
        ChallengeOutcome::Late if elapsed_ms > deadline_ms => Some(Effect::Strike),
        ChallengeOutcome::NoOpen | ChallengeOutcome::NoResponse => Some(Effect::Strike),
        ChallengeOutcome::Wrong => Some(Effect::Fail),
        _ => None,
    }
}

/// `W / W_benchmark` of the PoW multiplier in basis points, capped at 1: reference time
/// (`θ × deadline`) over measured time. Rounds down (against the miner, for the reward pool).
pub fn perf_bps(elapsed_ms: u32, deadline_ms: u32) -> u16 {
    let reference = deadline_ms as u64 * THETA_BPS;
    let perf = reference / (elapsed_ms.max(1) as u64);
    perf.min(PERF_ONE_BPS as u64) as u16
}

/// Adds a strike (overwriting the oldest) and says whether the stake now fails: enough strikes
/// inside the window, from enough distinct verifiers, so one verifier alone can never fail it.
pub fn record_strike(log: &mut [StrikeRecord; STRIKE_LOG], verifier: Pubkey, now: i64, p: &VerificationParams) -> bool {
    let oldest = (0..STRIKE_LOG).min_by_key(|&i| log[i].at).unwrap_or(0);
    log[oldest] = StrikeRecord { verifier, at: now };
    let since = now.saturating_sub(p.strike_window_secs as i64);
    let recent: Vec<&StrikeRecord> = log.iter().filter(|s| s.at > since && s.at != 0).collect();
    let mut distinct: Vec<Pubkey> = recent.iter().map(|s| s.verifier).collect();
    distinct.sort();
    distinct.dedup();
    recent.len() >= p.strikes_to_fail.max(1) as usize && distinct.len() >= p.distinct_verifiers_to_fail.max(2) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> VerificationParams {
        VerificationParams { strike_window_secs: 100, ..VerificationParams::DEFAULT }
    }

    #[test]
    fn one_verifier_alone_never_fails_a_stake() {
        let mut log = [StrikeRecord::default(); STRIKE_LOG];
        let v = Pubkey::new_unique();
        for t in 1..50 {
            assert!(!record_strike(&mut log, v, t, &params()));
        }
    }

    #[test]
    fn strikes_from_two_verifiers_in_window_fail() {
        let mut log = [StrikeRecord::default(); STRIKE_LOG];
        let (a, b) = (Pubkey::new_unique(), Pubkey::new_unique());
        assert!(!record_strike(&mut log, a, 10, &params()));
        assert!(!record_strike(&mut log, a, 20, &params()));
        assert!(record_strike(&mut log, b, 30, &params()));
    }

    #[test]
    fn strikes_outside_the_window_do_not_count() {
        let mut log = [StrikeRecord::default(); STRIKE_LOG];
        let (a, b) = (Pubkey::new_unique(), Pubkey::new_unique());
        record_strike(&mut log, a, 10, &params());
        record_strike(&mut log, b, 20, &params());
        // 10 and 20 are ≥ 100 s old at 130: only this one counts.
        assert!(!record_strike(&mut log, a, 130, &params()));
    }

    #[test]
    fn even_a_zero_distinct_setting_needs_two_verifiers() {
        let p = VerificationParams { distinct_verifiers_to_fail: 0, strikes_to_fail: 1, ..params() };
        let mut log = [StrikeRecord::default(); STRIKE_LOG];
        assert!(!record_strike(&mut log, Pubkey::new_unique(), 5, &p));
    }

    #[test]
    fn outcomes_must_agree_with_timings() {
        assert_eq!(effect_of(ChallengeOutcome::Pass, 900, 1000), Some(Effect::Pass { perf_bps: 8_888 }));
        assert_eq!(effect_of(ChallengeOutcome::Pass, 700, 1000), Some(Effect::Pass { perf_bps: 10_000 }));
        assert_eq!(effect_of(ChallengeOutcome::Pass, 1001, 1000), None);
        assert_eq!(effect_of(ChallengeOutcome::Late, 1000, 1000), None);
        assert_eq!(effect_of(ChallengeOutcome::Late, 1001, 1000), Some(Effect::Strike));
        assert_eq!(effect_of(ChallengeOutcome::Wrong, 0, 0), Some(Effect::Fail));
        assert_eq!(effect_of(ChallengeOutcome::Pending, 0, 1), None);
        assert_eq!(effect_of(ChallengeOutcome::Expired, 0, 1), None);
    }
}
