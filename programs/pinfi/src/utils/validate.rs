//! Checks shared by several instructions.

use anchor_lang::prelude::*;
use pinfi_math::reserve::BUCKETS;

use crate::constants::GPU_CLASS_LEN;
use crate::errors::PinfiError;
use crate::state::{PoolParams, Protocol};

pub fn now() -> Result<i64> {
    Ok(Clock::get()?.unix_timestamp)
}

pub fn not_paused(protocol: &Protocol) -> Result<()> {
    require!(!protocol.paused, PinfiError::ProtocolPaused);
    Ok(())
}

/// `H100` → 16 zero-padded bytes; only `[A-Za-z0-9_-]`, 1..=16 long.
pub fn gpu_class_bytes(name: &str) -> Result<[u8; GPU_CLASS_LEN]> {
    let b = name.as_bytes();
    require!(
        !b.is_empty() && b.len() <= GPU_CLASS_LEN && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_'),
        PinfiError::InvalidGpuClass
    );
    let mut out = [0u8; GPU_CLASS_LEN];
    out[..b.len()].copy_from_slice(b);
    Ok(out)
}

pub fn pool_params(p: &PoolParams, protocol: &Protocol) -> Result<()> {
    let ring_span = (p.bucket_secs as u64).checked_mul(BUCKETS as u64 - 2).ok_or(PinfiError::InvalidPoolParams)?;
    require!(
        p.swap_fee_bps <= protocol.max_swap_fee_bps
            && p.bucket_secs > 0
            && p.min_stake_secs > 0
            && p.min_stake_secs <= p.max_stake_secs
            && (p.max_stake_secs as u64) <= ring_span
            && p.burn_per_gpu_hour >= protocol.min_burn_per_gpu_hour
            && p.collateral_bps >= protocol.min_collateral_bps
            && p.reference_price > 0,
        PinfiError::InvalidPoolParams
    );
    Ok(())
}

/// A stake or rental end: a bucket boundary, in the future, at most `max_secs` away.
pub fn window_end(end: i64, now: i64, p: &PoolParams, min_secs: u32, max_secs: u32) -> Result<u64> {
    require!(end > now && end % p.bucket_secs as i64 == 0, PinfiError::InvalidEnd);
    let secs = (end - now) as u64;
    require!(secs >= min_secs as u64 && secs <= max_secs as u64, PinfiError::InvalidDuration);
    Ok(secs)
}
