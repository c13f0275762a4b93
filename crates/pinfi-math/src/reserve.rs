//! The pool's GPU-hour reserve: the sum of every pooled lot, each decaying linearly to zero at
//! its own end, evaluated in O(1) in the number of lots.
//!
//! A lot with rate `r` ending at `E` holds `r·(E − t)` at `t`. So the reserve is
//! `H(t) = s · Σ r_i·(E_i − t) = s · (Σ r_i·E_i − t · Σ r_i)`: two running sums and a scale `s`.
//! Lots end on bucket boundaries (multiples of `bucket_secs`); each ring slot keeps the total
//! unscaled rate ending at its boundary, so when time passes a boundary the slot's rate is taken
//! out of both sums (the scheduled slope change of Helium's fall rate and Curve's veCRV).
//! A buy removes hours pro rata from every live lot by lowering `s` alone; rates are stored
//! divided by `s`, so a lot added later is not affected by earlier buys.
//!
//! Work per instruction is bounded by the ring size (`BUCKETS`), never by the number of lots:
//! passing boundaries visits at most `BUCKETS` slots, and renormalising the scale is one pass.

use crate::checked::{to_u64, SafeMath};
use crate::error::{Error, Result};
use crate::fixed::{mul_div_ceil, mul_div_floor};
use crate::units::{GpuSeconds, UnixTs, RATE_SHIFT, SCALE_ONE, SCALE_RENORMALIZE_BELOW, SCALE_SHIFT};

/// Ring slots in a pool. A lot may end at most `BUCKETS − 1` boundaries after the current one.
pub const BUCKETS: usize = 256;

/// Denominator taking `scale × Σ rate·secs` back to GPU-seconds.
const UNITS: u128 = 1 << (RATE_SHIFT + SCALE_SHIFT);

/// Aggregate state of the reserve; the ring of slots lives beside it (`&mut [u128]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reserve {
    /// Σ over live lots of rate ÷ scale (Q32.32 devices, unscaled).
    pub rate_sum: u128,
    /// Σ over live lots of (rate ÷ scale) × end.
    pub rate_end_sum: u128,
    /// Pro-rata scale index, Q64.64; starts at 1.0 and only falls (buys), until renormalised.
    pub scale: u128,
    /// Last bucket boundary whose expiries are applied; every live lot ends after it.
    pub cursor: UnixTs,
    /// Bucket length in seconds (a pool parameter).
    pub bucket_secs: u32,
}

impl Reserve {
    pub fn new(bucket_secs: u32, now: UnixTs) -> Result<Self> {
        if bucket_secs == 0 {
            return Err(Error::BadLotEnd);
        }
        Ok(Self { rate_sum: 0, rate_end_sum: 0, scale: SCALE_ONE, cursor: align_down(now, bucket_secs), bucket_secs })
    }

    fn b(&self) -> i64 {
        self.bucket_secs as i64
    }

    /// The latest end a lot added at `now` may have: `BUCKETS − 1` boundaries ahead.
    pub fn max_end(&self, now: UnixTs) -> Result<UnixTs> {
        let span = self.b().safe_mul(BUCKETS as i64 - 1)?;
        Ok(align_down(now, self.bucket_secs).safe_add(span)?)
    }

    fn slot(&self, boundary: UnixTs) -> usize {
        (boundary.div_euclid(self.b()) as usize) % BUCKETS
    }

    /// Applies every expiry up to `now`. Visits at most `BUCKETS` slots however long the pool slept.
    pub fn advance(&mut self, slots: &mut [u128], now: UnixTs) -> Result<()> {
        let target = align_down(now, self.bucket_secs);
        if target <= self.cursor {
            return Ok(());
        }
        let crossed = ((target - self.cursor) / self.b()) as u64;
        if crossed >= BUCKETS as u64 {
            slots.iter_mut().for_each(|s| *s = 0);
            self.rate_sum = 0;
            self.rate_end_sum = 0;
        } else {
            let mut boundary = self.cursor;
            for _ in 0..crossed {
                boundary = boundary.safe_add(self.b())?;
                let i = self.slot(boundary);
                let r = core::mem::take(&mut slots[i]);
                self.rate_sum = self.rate_sum.safe_sub(r)?;
                self.rate_end_sum = self.rate_end_sum.safe_sub(r.safe_mul(boundary as u128)?)?;
            }
        }
        self.cursor = target;
        if self.rate_sum == 0 {
            if self.rate_end_sum != 0 {
                return Err(Error::Precision);
            }
            // Nothing is live: a fresh scale costs nothing and restores full precision.
            self.scale = SCALE_ONE;
        }
        Ok(())
    }

    /// Hours in the pool at `now`, rounded down, without changing state (quotes at any future time).
    pub fn hours_at(&self, slots: &[u128], now: UnixTs) -> Result<GpuSeconds> {
        let target = align_down(now, self.bucket_secs);
        let (mut rate, mut rate_end) = (self.rate_sum, self.rate_end_sum);
        if target > self.cursor {
            let crossed = ((target - self.cursor) / self.b()) as u64;
            if crossed >= BUCKETS as u64 {
                return Ok(0);
            }
            let mut boundary = self.cursor;
            for _ in 0..crossed {
                boundary = boundary.safe_add(self.b())?;
                let r = slots[self.slot(boundary)];
                rate = rate.safe_sub(r)?;
                rate_end = rate_end.safe_sub(r.safe_mul(boundary as u128)?)?;
            }
        }
        self.value_floor(rate, rate_end, now)
    }

    fn value_floor(&self, rate: u128, rate_end: u128, now: UnixTs) -> Result<GpuSeconds> {
        let weighted = rate_end.safe_sub(rate.safe_mul(now.max(0) as u128)?)?;
        Ok(to_u64(mul_div_floor(weighted, self.scale, UNITS)?)?)
    }

    /// Adds a lot of `rate` (Q32.32 devices) ending at the boundary `end`; returns the GPU-seconds
    /// the pool was credited: the rise of the rounded-down reserve, never more than the lot holds.
    pub fn add_lot(&mut self, slots: &mut [u128], now: UnixTs, end: UnixTs, rate: u128) -> Result<GpuSeconds> {
        self.advance(slots, now)?;
        if end <= now || end.rem_euclid(self.b()) != 0 || end > self.max_end(now)? {
            return Err(Error::BadLotEnd);
        }
        let before = self.hours_at(slots, now)?;
        let unscaled = mul_div_floor(rate, SCALE_ONE, self.scale)?;
        let i = self.slot(end);
        slots[i] = slots[i].safe_add(unscaled)?;
        self.rate_sum = self.rate_sum.safe_add(unscaled)?;
        self.rate_end_sum = self.rate_end_sum.safe_add(unscaled.safe_mul(end as u128)?)?;
        let after = self.hours_at(slots, now)?;
        let credited = after.safe_sub(before)?;
        if credited == 0 {
            return Err(Error::ZeroAmount);
        }
        Ok(credited)
    }

    /// Removes `amount` GPU-seconds pro rata from every live lot (a buy). Afterwards the rounded-down
    /// reserve is exactly `before − amount`; the pool can never hand out more than it holds.
    pub fn remove_pro_rata(&mut self, slots: &mut [u128], now: UnixTs, amount: GpuSeconds) -> Result<GpuSeconds> {
        self.advance(slots, now)?;
        // Measured before renormalising: the caller priced `amount` on this value, and the
        // renormalisation's sub-second loss may lower the floor by one.
        let before = self.hours_at(slots, now)?;
        if self.scale < SCALE_RENORMALIZE_BELOW {
            self.renormalize(slots, now)?;
        }
        if amount == 0 {
            return Err(Error::ZeroAmount);
        }
        if amount >= before {
            return Err(Error::InsufficientHours);
        }
        let target = before - amount;
        let weighted = self.rate_end_sum.safe_sub(self.rate_sum.safe_mul(now.max(0) as u128)?)?;
        // Round the new scale up so the floor lands exactly on `target` (it is at most the old scale).
        self.scale = mul_div_ceil(target as u128, UNITS, weighted)?;
        if self.hours_at(slots, now)? != target {
            return Err(Error::Precision);
        }
        Ok(target)
    }

    /// Folds the scale into every slot and resets it to 1.0 (one pass over the ring). Rounds each
    /// slot down, so the reserve can only shrink, by far less than a GPU-second per slot.
    pub fn renormalize(&mut self, slots: &mut [u128], now: UnixTs) -> Result<()> {
        self.advance(slots, now)?;
        let (mut rate, mut rate_end) = (0u128, 0u128);
        let mut boundary = self.cursor;
        for _ in 1..BUCKETS {
            boundary = boundary.safe_add(self.b())?;
            let i = self.slot(boundary);
            let r = mul_div_floor(slots[i], self.scale, SCALE_ONE)?;
            slots[i] = r;
            rate = rate.safe_add(r)?;
            rate_end = rate_end.safe_add(r.safe_mul(boundary as u128)?)?;
        }
        self.rate_sum = rate;
        self.rate_end_sum = rate_end;
        self.scale = SCALE_ONE;
        Ok(())
    }
}

/// The bucket boundary at or before `t`.
pub fn align_down(t: UnixTs, bucket_secs: u32) -> UnixTs {
    t - t.rem_euclid(bucket_secs as i64)
}

/// The bucket boundary at or after `t`.
pub fn align_up(t: UnixTs, bucket_secs: u32) -> UnixTs {
    let d = align_down(t, bucket_secs);
    if d == t { t } else { d + bucket_secs as i64 }
}
