//! Device-seconds staked in a pool, per epoch, without ever visiting the stakes (Helium's
//! decaying aggregates with scheduled slope changes): `active` devices, minus the stakes that end
//! at each bucket boundary (`ends`, the same ring as the hour reserve), integrated over time.
//! When the integral crosses an epoch boundary the finished epoch's total goes into a small ring,
//! where the epoch's close finds it later, however late the crank comes (up to `EPOCH_RING`).

use crate::checked::SafeMath;
use crate::emission::Schedule;
use crate::error::{Error, Result};
use crate::reserve::{align_down, BUCKETS};
use crate::units::UnixTs;

/// Finished epochs whose device-seconds stay readable.
pub const EPOCH_RING: usize = 32;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Census {
    /// Stakes live at `cursor`.
    pub active: u64,
    /// Device-seconds since the start of epoch `epoch` (0 before genesis).
    pub in_epoch: u64,
    /// Epoch containing `cursor`; meaningless before genesis.
    pub epoch: u64,
    pub cursor: UnixTs,
}

/// Where the census keeps its rings (stored in the pool account).
pub struct Rings<'a> {
    /// Stakes ending at each bucket boundary.
    pub ends: &'a mut [u32; BUCKETS],
    /// Device-seconds of finished epoch `e` at `e % EPOCH_RING`.
    pub epochs: &'a mut [u64; EPOCH_RING],
}

impl Census {
    pub fn new(now: UnixTs) -> Self {
        Self { cursor: now, ..Self::default() }
    }

    fn slot(boundary: UnixTs, bucket_secs: u32) -> usize {
        (boundary.div_euclid(bucket_secs as i64) as usize) % BUCKETS
    }

    /// Integrates up to `t`, retiring stakes at their end boundaries and closing epochs as their
    /// boundaries pass. `schedule` is `None` until emission is configured (nothing is counted).
    pub fn advance(&mut self, rings: &mut Rings, bucket_secs: u32, schedule: Option<&Schedule>, t: UnixTs) -> Result<()> {
        if bucket_secs == 0 {
            return Err(Error::BadLotEnd);
        }
        while self.cursor < t {
            let next_bucket = align_down(self.cursor, bucket_secs).safe_add(bucket_secs as i64)?;
            let next_epoch = match schedule {
                Some(s) if self.cursor < s.genesis => s.genesis,
                Some(s) => s.epoch_start(self.epoch.safe_add(1)?)?,
                None => i64::MAX,
            };
            if self.active == 0 {
                // Nothing ends and nothing accrues until the next epoch boundary (or `t`).
                let step = next_epoch.min(t);
                self.cursor = step;
                if step == next_epoch {
                    self.cross_epoch(rings, schedule, t)?;
                }
                continue;
            }
            let step = next_bucket.min(next_epoch).min(t);
            if schedule.is_some_and(|s| self.cursor >= s.genesis) {
                let secs = (step - self.cursor) as u64;
                self.in_epoch = self.in_epoch.safe_add(self.active.safe_mul(secs)?)?;
            }
            self.cursor = step;
            if step == next_bucket {
                let i = Self::slot(step, bucket_secs);
                let ending = core::mem::take(&mut rings.ends[i]) as u64;
                self.active = self.active.safe_sub(ending)?;
            }
            if step == next_epoch {
                self.cross_epoch(rings, schedule, t)?;
            }
        }
        Ok(())
    }

    /// At an epoch boundary (`cursor`): file the finished epoch, start the next. With nobody
    /// active the empty epochs up to `t` are filed at once (at most a ring's worth of writes).
    fn cross_epoch(&mut self, rings: &mut Rings, schedule: Option<&Schedule>, t: UnixTs) -> Result<()> {
        let s = schedule.expect("epoch boundaries exist only with a schedule");
        if self.cursor == s.genesis && self.in_epoch == 0 && self.epoch == 0 {
            // Genesis itself: epoch 0 starts; nothing before it counted.
        } else {
            rings.epochs[(self.epoch % EPOCH_RING as u64) as usize] = self.in_epoch;
            self.epoch = self.epoch.safe_add(1)?;
        }
        self.in_epoch = 0;
        if self.active == 0 {
            let now_epoch = s.epoch_at(t).unwrap_or(0);
            if now_epoch > self.epoch {
                // Only the newest ring's worth stays readable; older empty epochs need no write.
                let start = now_epoch.saturating_sub(EPOCH_RING as u64).max(self.epoch);
                for e in start..now_epoch {
                    rings.epochs[(e % EPOCH_RING as u64) as usize] = 0;
                }
                self.epoch = now_epoch;
                self.cursor = s.epoch_start(now_epoch)?.min(t);
            }
        }
        Ok(())
    }

    /// A stake of one device from `now` to `end` (a bucket boundary).
    pub fn add(&mut self, rings: &mut Rings, bucket_secs: u32, schedule: Option<&Schedule>, now: UnixTs, end: UnixTs) -> Result<()> {
        self.advance(rings, bucket_secs, schedule, now)?;
        if end <= now || end.rem_euclid(bucket_secs as i64) != 0 {
            return Err(Error::BadLotEnd);
        }
        let i = Self::slot(end, bucket_secs);
        rings.ends[i] = rings.ends[i].safe_add(1)?;
        self.active = self.active.safe_add(1)?;
        Ok(())
    }

    /// Device-seconds of finished epoch `e`, while the ring still holds it.
    pub fn epoch_device_seconds(&self, rings: &Rings, e: u64) -> Option<u64> {
        (e < self.epoch && self.epoch - e <= EPOCH_RING as u64).then(|| rings.epochs[(e % EPOCH_RING as u64) as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const B: u32 = 100;

    fn sched() -> Schedule {
        Schedule { genesis: 1_000, epoch_secs: 250, per_day: 1, halving_secs: 1 << 40, max_supply: u64::MAX }
    }

    struct World {
        c: Census,
        ends: [u32; BUCKETS],
        epochs: [u64; EPOCH_RING],
    }

    impl World {
        fn new(now: i64) -> Self {
            Self { c: Census::new(now), ends: [0; BUCKETS], epochs: [0; EPOCH_RING] }
        }
        fn add(&mut self, now: i64, end: i64) {
            let mut r = Rings { ends: &mut self.ends, epochs: &mut self.epochs };
            self.c.add(&mut r, B, Some(&sched()), now, end).unwrap();
        }
        fn advance(&mut self, t: i64) {
            let mut r = Rings { ends: &mut self.ends, epochs: &mut self.epochs };
            self.c.advance(&mut r, B, Some(&sched()), t).unwrap();
        }
        fn ds(&mut self, e: u64) -> Option<u64> {
            let r = Rings { ends: &mut self.ends, epochs: &mut self.epochs };
            self.c.epoch_device_seconds(&r, e)
        }
    }

    /// The brute-force answer: Σ over stakes of their overlap with each epoch.
    fn brute(stakes: &[(i64, i64)], e: u64) -> u64 {
        let s = sched();
        let (a, b) = (s.epoch_start(e).unwrap(), s.epoch_start(e + 1).unwrap());
        stakes.iter().map(|&(st, en)| (en.min(b) - st.max(a)).max(0) as u64).sum()
    }

    #[test]
    fn matches_brute_force_across_buckets_and_epochs() {
        let mut w = World::new(900);
        let stakes = [(900, 1_300), (950, 1_200), (1_010, 1_700), (1_240, 1_500), (1_260, 2_000), (1_799, 1_800)];
        for &(st, en) in &stakes {
            w.advance(st);
            w.add(st, en);
        }
        w.advance(2_600);
        for e in 0..6 {
            assert_eq!(w.ds(e), Some(brute(&stakes, e)), "epoch {e}");
        }
        assert_eq!(w.ds(6), None, "epoch 6 is still running");
        assert_eq!(w.c.active, 0);
    }

    #[test]
    fn long_idle_gaps_file_empty_epochs_and_forget_old_ones() {
        let mut w = World::new(1_000);
        w.add(1_000, 1_200);
        w.advance(1_000 + 250 * 100);
        assert_eq!(w.c.epoch, 100);
        assert_eq!(w.ds(0), None, "fell out of the ring");
        assert_eq!(w.ds(99), Some(0));
        assert_eq!(w.ds(68), Some(0));
        assert_eq!(w.ds(67), None);
        // The census keeps counting correctly afterwards.
        w.add(1_000 + 250 * 100, 1_000 + 250 * 100 + 100);
        w.advance(1_000 + 250 * 102);
        assert_eq!(w.ds(100), Some(100));
        assert_eq!(w.ds(101), Some(0));
    }

    #[test]
    fn unconfigured_emission_counts_nothing_but_retires_stakes() {
        let (mut ends, mut epochs) = ([0u32; BUCKETS], [0u64; EPOCH_RING]);
        let mut c = Census::new(0);
        let mut r = Rings { ends: &mut ends, epochs: &mut epochs };
        c.add(&mut r, B, None, 0, 300).unwrap();
        c.advance(&mut r, B, None, 1_000).unwrap();
        assert_eq!((c.active, c.in_epoch, c.cursor), (0, 0, 1_000));
    }
}
