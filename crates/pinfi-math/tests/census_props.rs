//! The census against brute force: random stakes, random crank times, every finished epoch's
//! device-seconds equal to Σ over stakes of their overlap with it.

use pinfi_math::census::{Census, Rings, EPOCH_RING};
use pinfi_math::emission::Schedule;
use pinfi_math::reserve::BUCKETS;
use proptest::prelude::*;

const B: u32 = 60;

fn sched() -> Schedule {
    Schedule { genesis: 10_000, epoch_secs: 600, per_day: 1, halving_secs: 1 << 40, max_supply: u64::MAX }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..Default::default() })]
    #[test]
    fn census_equals_brute_force(ops in proptest::collection::vec((1i64..400, 1i64..100, any::<bool>()), 1..60)) {
        let s = sched();
        let (mut ends, mut epochs) = ([0u32; BUCKETS], [0u64; EPOCH_RING]);
        let mut c = Census::new(9_000);
        let mut now = 9_000i64;
        let mut stakes = vec![];
        for (dt, buckets, stake) in ops {
            now += dt;
            let mut r = Rings { ends: &mut ends, epochs: &mut epochs };
            if stake {
                let end = (now / B as i64 + buckets) * B as i64;
                c.add(&mut r, B, Some(&s), now, end).unwrap();
                stakes.push((now, end));
            } else {
                c.advance(&mut r, B, Some(&s), now).unwrap();
            }
        }
        let r = Rings { ends: &mut ends, epochs: &mut epochs };
        for e in 0..c.epoch {
            let (a, b) = (s.epoch_start(e).unwrap(), s.epoch_start(e + 1).unwrap());
            let brute: u64 = stakes.iter().map(|&(st, en): &(i64, i64)| (en.min(b) - st.max(a)).max(0) as u64).sum();
            match c.epoch_device_seconds(&r, e) {
                Some(ds) => prop_assert_eq!(ds, brute, "epoch {}", e),
                None => prop_assert!(c.epoch - e > EPOCH_RING as u64),
            }
        }
        let live = stakes.iter().filter(|&&(_, en)| en > now).count() as u64;
        prop_assert_eq!(c.active, live);
    }
}
