//! Property tests of the pool math against a naive per-lot model, plus the exact identities of
//! the protocol notes (§9.4). One integration binary: `sequences` and `identities` below.

use pinfi_math::fixed::U256;
use pinfi_math::pool::{CurveParams, PoolCore};
use pinfi_math::reserve::{align_down, Reserve, BUCKETS};
use pinfi_math::units::{GpuSeconds, UnixTs, SECONDS_PER_HOUR};
use pinfi_math::Error;

const T0: UnixTs = 1_700_000_000;

fn config(cases: u32) -> proptest::test_runner::Config {
    proptest::test_runner::Config { cases, ..Default::default() }
}

fn new_pool(bucket_secs: u32, now: UnixTs) -> (PoolCore, Vec<u128>) {
    let reserve = Reserve::new(bucket_secs, now).unwrap();
    let core = PoolCore { utility_reserve: 0, lp_supply: 0, escrow_total: 0, collateral_total: 0, reserve };
    (core, vec![0u128; BUCKETS])
}

/// Runs a transition as a transaction: on an error the state is restored, as on chain (the
/// transitions may have changed it before failing).
fn transact<R>(core: &mut PoolCore, slots: &mut Vec<u128>, f: impl FnOnce(&mut PoolCore, &mut [u128]) -> Result<R, Error>) -> Result<R, Error> {
    let saved = (*core, slots.clone());
    let r = f(core, slots);
    if r.is_err() {
        (*core, *slots) = saved;
    }
    r
}

/// Errors a well-formed request may legitimately get; anything else is a bug in the math.
fn legitimate(e: &Error) -> bool {
    matches!(e, Error::ZeroAmount | Error::InsufficientHours | Error::EmptyReserve | Error::BadLotEnd)
}

/// The reserve recomputed from the ring alone: every non-zero slot is the unscaled rate of lots
/// ending at the one boundary of the live window `(cursor, cursor + BUCKETS·b)` with that index.
/// Also checks that the running sums are exactly the sums over the ring.
fn brute_force_hours(r: &Reserve, slots: &[u128], t: UnixTs) -> GpuSeconds {
    let b = r.bucket_secs as i64;
    assert_eq!(r.cursor.rem_euclid(b), 0, "cursor off a boundary");
    let c = r.cursor / b;
    let (mut rate, mut rate_end, mut weighted) = (0u128, 0u128, 0u128);
    for (i, &s) in slots.iter().enumerate() {
        if s == 0 {
            continue;
        }
        let ahead = (i as i64 - c).rem_euclid(BUCKETS as i64);
        assert_ne!(ahead, 0, "slot {i} of the cursor's own boundary still holds a rate");
        let boundary = (c + ahead) * b;
        rate += s;
        rate_end += s * boundary as u128;
        if boundary > t {
            weighted += s * (boundary - t) as u128;
        }
    }
    assert_eq!((rate, rate_end), (r.rate_sum, r.rate_end_sum), "running sums differ from the ring");
    let v = (U256::from(weighted) * U256::from(r.scale)) >> 96;
    assert!(v.bits() <= 64, "reserve beyond u64");
    v.low_u64()
}

mod sequences {
    use super::*;
    use proptest::prelude::*;
    use proptest::sample::Index;

    #[derive(Clone, Debug)]
    enum Op {
        /// LP lot: one device's whole balance until `k` boundaries after now's bucket.
        Lp { k: i64 },
        Sell { k: i64, ppm: u64 },
        /// Buy of `U · m · 10^e / 10^4` tokens: from dust to almost the whole reserve.
        Buy { m: u64, e: u32 },
        /// Buy of about `secs` GPU-seconds' worth: the rounding-sized trades.
        BuySecs { secs: u64 },
        /// Clock jump in thousandths of a bucket.
        Warp { milli_buckets: i64 },
        ExpireOne(Index),
        ExpireAll,
        Remove { ppm: u64 },
        Escrow { amount: u64 },
        Release { escrow_ppm: u64, collateral_ppm: u64 },
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (1i64..=255).prop_map(|k| Op::Lp { k }),
            4 => (1i64..=255, 1u64..=1_000_000).prop_map(|(k, ppm)| Op::Sell { k, ppm }),
            5 => (1u64..=9, 0u32..=10).prop_map(|(m, e)| Op::Buy { m, e }),
            2 => (1u64..=1_000).prop_map(|secs| Op::BuySecs { secs }),
            3 => (0i64..=2_000).prop_map(|milli_buckets| Op::Warp { milli_buckets }),
            2 => (0i64..=300_000).prop_map(|milli_buckets| Op::Warp { milli_buckets }),
            1 => (256_000i64..=2_000_000).prop_map(|milli_buckets| Op::Warp { milli_buckets }),
            1 => any::<Index>().prop_map(Op::ExpireOne),
            1 => Just(Op::ExpireAll),
            2 => (0u64..=1_000_000).prop_map(|ppm| Op::Remove { ppm }),
            1 => (0u64..=1_000_000).prop_map(|amount| Op::Escrow { amount }),
            1 => (0u64..=1_000_000, 0u64..=1_000_000)
                .prop_map(|(escrow_ppm, collateral_ppm)| Op::Release { escrow_ppm, collateral_ppm }),
        ]
    }

    /// One pooled lot in exact terms: `v · factor · (end − t) / (end − t0)`, `factor` being the
    /// product of every later buy's pro-rata `(N − out) / N`.
    struct Lot {
        v: f64,
        t0: UnixTs,
        end: UnixTs,
        factor: f64,
    }

    impl Lot {
        fn value(&self, t: UnixTs) -> f64 {
            if t >= self.end { 0.0 } else { self.v * self.factor * (self.end - t) as f64 / (self.end - self.t0) as f64 }
        }
    }

    /// Keeps `U` (and the collateral, ≤ 3× every sale) far from u64 overflow, so that a Math error
    /// is always a bug, never the test's doing.
    const U_CAP: u64 = 1 << 56;

    struct Sim {
        core: PoolCore,
        slots: Vec<u128>,
        p: CurveParams,
        now: UnixTs,
        lots: Vec<Lot>,
        lots_added: u32,
        buys: u32,
        /// Tokens the vault holds by the transfers alone: deposits in, payouts and burns out.
        vault: i128,
    }

    impl Sim {
        fn b(&self) -> i64 {
            self.core.reserve.bucket_secs as i64
        }

        fn hours(&self) -> GpuSeconds {
            self.core.hours_at(&self.slots, self.now).expect("hours_at failed")
        }

        fn naive(&self) -> f64 {
            self.lots.iter().map(|l| l.value(self.now)).sum()
        }

        fn lot_end(&self, k: i64) -> (UnixTs, GpuSeconds) {
            let end = align_down(self.now, self.core.reserve.bucket_secs) + k * self.b();
            (end, (end - self.now) as u64)
        }

        fn warp_to(&mut self, t: UnixTs) {
            self.now = self.now.max(t);
        }

        fn attempt<R>(&mut self, what: &str, f: impl FnOnce(&mut PoolCore, &mut [u128]) -> Result<R, Error>) -> Option<R> {
            match transact(&mut self.core, &mut self.slots, f) {
                Ok(r) => Some(r),
                Err(e) => {
                    assert!(legitimate(&e), "{what} at {} failed with {e:?}", self.now);
                    None
                }
            }
        }

        fn apply(&mut self, op: &Op) {
            let (p, now) = (self.p, self.now);
            let (u0, h0) = (self.core.utility_reserve, self.hours());
            match *op {
                Op::Lp { k } => {
                    let (end, hours) = self.lot_end(k);
                    // An LP who would owe more than the token cap cannot pay; not a math case.
                    if h0 > 0 && u0 as u128 * hours as u128 / h0 as u128 >= (U_CAP - u0.min(U_CAP)) as u128 {
                        return;
                    }
                    let Some(r) = self.attempt("add_liquidity", |c, s| c.add_liquidity(s, &p, now, end, hours)) else { return };
                    let (c, t) = (r.hours_credited as u128, r.tokens_in as u128);
                    assert!(r.hours_credited <= hours);
                    assert_eq!(self.hours(), h0 + r.hours_credited);
                    // Equal value at the pre-deposit price (or the reference price), rounded up.
                    let (num, den) = if u0 == 0 || h0 == 0 {
                        (c * p.reference_price as u128, SECONDS_PER_HOUR as u128)
                    } else {
                        (u0 as u128 * c, h0 as u128)
                    };
                    assert!(t * den >= num && (t - 1) * den < num, "LP tokens {t} for {c} s");
                    self.vault += r.tokens_in as i128;
                    self.lots.push(Lot { v: hours as f64, t0: now, end, factor: 1.0 });
                    self.lots_added += 1;
                }
                Op::Sell { k, ppm } => {
                    let (end, max) = self.lot_end(k);
                    let hours = (max * ppm / 1_000_000).max(1);
                    let Some(r) = self.attempt("sell_hours", |c, s| c.sell_hours(s, &p, now, end, hours)) else { return };
                    assert!(r.hours_credited <= hours);
                    let h1 = self.hours();
                    assert_eq!(h1, h0 + r.hours_credited);
                    assert_eq!(r.seller_out + r.fee, r.gross_out);
                    let (g, f) = (r.gross_out as u128, r.fee as u128);
                    assert!(f * 10_000 >= g * p.fee_bps as u128 && f * 10_000 < g * p.fee_bps as u128 + 10_000);
                    let col = r.collateral as u128;
                    assert!(col * 10_000 >= g * p.collateral_bps as u128);
                    assert!(col * 10_000 < g * p.collateral_bps as u128 + 10_000);
                    assert!(self.core.utility_reserve as u128 * h1 as u128 >= u0 as u128 * h0 as u128, "k fell in a sell");
                    self.vault += r.collateral as i128 - r.gross_out as i128;
                    self.lots.push(Lot { v: hours as f64, t0: now, end, factor: 1.0 });
                    self.lots_added += 1;
                }
                Op::Buy { .. } | Op::BuySecs { .. } => {
                    let want = match *op {
                        Op::Buy { m, e } => (u0 as u128 * m as u128 * 10u128.pow(e) / 10_000).max(1),
                        Op::BuySecs { secs } => u0 as u128 * secs as u128 / h0.max(1) as u128 + 1,
                        _ => unreachable!(),
                    };
                    let tokens = want.min((U_CAP - u0.min(U_CAP)) as u128) as u64;
                    if tokens == 0 {
                        return;
                    }
                    let naive = self.naive();
                    let Some(r) = self.attempt("buy_hours", |c, s| c.buy_hours(s, &p, now, tokens)) else { return };
                    assert!(r.hours_out < h0, "paid out {} of a reserve of {h0}", r.hours_out);
                    let h1 = self.hours();
                    assert_eq!(h1, h0 - r.hours_out, "the pool lost other hours than the buyer got");
                    assert!(self.core.utility_reserve as u128 * h1 as u128 >= u0 as u128 * h0 as u128, "k fell in a buy");
                    self.vault += (r.tokens_in - r.fee) as i128;
                    let keep = (naive - r.hours_out as f64) / naive;
                    self.lots.iter_mut().filter(|l| l.end > now).for_each(|l| l.factor *= keep);
                    self.buys += 1;
                }
                Op::Warp { milli_buckets } => self.warp_to(now + self.b() * milli_buckets / 1_000),
                Op::ExpireOne(i) => {
                    let live: Vec<UnixTs> = self.lots.iter().map(|l| l.end).filter(|&e| e > now).collect();
                    if !live.is_empty() {
                        self.warp_to(live[i.index(live.len())]);
                    }
                }
                Op::ExpireAll => {
                    let last = self.lots.iter().map(|l| l.end).max().unwrap_or(now);
                    self.warp_to(last);
                    assert_eq!(self.hours(), 0, "hours left after every lot's end");
                }
                Op::Remove { ppm } => {
                    let (l, shares) = (self.core.lp_supply, (self.core.lp_supply as u128 * ppm as u128 / 1_000_000) as u64);
                    if shares == 0 {
                        return;
                    }
                    let Some(out) = self.attempt("remove_liquidity", |c, _| c.remove_liquidity(shares)) else { return };
                    assert_eq!(out as u128, shares as u128 * u0 as u128 / l as u128);
                    self.vault -= out as i128;
                }
                Op::Escrow { amount } => {
                    self.attempt("lock_escrow", |c, _| c.lock_escrow(amount));
                    self.vault += amount as i128;
                }
                Op::Release { escrow_ppm, collateral_ppm } => {
                    let e = (self.core.escrow_total as u128 * escrow_ppm as u128 / 1_000_000) as u64;
                    let c = (self.core.collateral_total as u128 * collateral_ppm as u128 / 1_000_000) as u64;
                    self.attempt("release_seller", |core, _| core.release_seller(e, c));
                    self.vault -= (e + c) as i128;
                }
            }
        }

        fn check(&self, op: &Op) {
            let h = self.hours();
            assert_eq!(h, brute_force_hours(&self.core.reserve, &self.slots, self.now), "after {op:?}");
            let later = self.now + 37 * self.b() + 1;
            let quoted = self.core.hours_at(&self.slots, later).unwrap();
            assert_eq!(quoted, brute_force_hours(&self.core.reserve, &self.slots, later), "quote after {op:?}");

            // Every rounding is down, so the aggregate never exceeds the exact sum (f64 error is far
            // below the +1). Each lot's rate rounding, each buy's floor of the reserve and each
            // renormalised slot lose under one GPU-second apiece.
            let naive = self.naive();
            assert!(h as f64 <= naive + 1.0, "phantom hours: pool {h} > naive {naive} after {op:?}");
            let slack = (self.lots_added + self.buys + 2) as f64;
            assert!(naive - h as f64 <= slack, "pool {h} lost more than {slack} vs naive {naive} after {op:?}");
            if self.lots.iter().all(|l| l.end <= self.now) {
                assert_eq!(h, 0);
            }
            assert_eq!(self.vault, self.core.vault_expected().unwrap() as i128, "vault after {op:?}");
        }
    }

    fn params() -> impl Strategy<Value = CurveParams> {
        (prop_oneof![Just(0u16), 1u16..=1_000], 0u32..=30_000, 1u64..=1_000_000_000)
            .prop_map(|(fee_bps, collateral_bps, reference_price)| CurveParams { fee_bps, collateral_bps, reference_price })
    }

    proptest! {
        #![proptest_config(config(256))]

        #[test]
        fn pool_matches_naive_lots(
            bucket_secs in 60u32..=3_600,
            start in 0i64..1_000_000,
            p in params(),
            first_k in 1i64..=255,
            ops in prop::collection::vec(op(), 1..60),
        ) {
            let (core, slots) = new_pool(bucket_secs, T0 + start);
            let mut sim = Sim { core, slots, p, now: T0 + start, lots: vec![], lots_added: 0, buys: 0, vault: 0 };
            for op in std::iter::once(&Op::Lp { k: first_k }).chain(&ops) {
                sim.apply(op);
                sim.check(op);
            }
        }
    }
}

mod identities {
    use super::*;
    use proptest::prelude::*;

    fn params(fee_bps: u16, reference_price: u64) -> CurveParams {
        CurveParams { fee_bps, collateral_bps: 10_000, reference_price }
    }

    /// A pool holding one device from `start` (a boundary) for `n` buckets, priced at `per_hour`.
    fn one_device(b: u32, start: UnixTs, n: i64, per_hour: u64, fee_bps: u16) -> (PoolCore, Vec<u128>, CurveParams) {
        let (mut core, mut slots) = new_pool(b, start);
        let p = params(fee_bps, per_hour);
        let t = n * b as i64;
        let r = core.add_liquidity(&mut slots, &p, start, start + t, t as u64).unwrap();
        assert_eq!(r.hours_credited, t as u64);
        (core, slots, p)
    }

    proptest! {
        #![proptest_config(config(64))]

        /// Untraded cohort: H(τ) = H0·(1 − τ/T) and P(τ) = P0 / (1 − τ/T), exactly.
        #[test]
        fn untraded_cohort_decays_linearly(
            b in 60u32..=3_600,
            start in 0i64..100_000,
            n in 1i64..=255,
            per_hour in 1u64..=1_000_000_000,
            between in prop::collection::vec(0.0f64..1.0, 1..8),
        ) {
            let start = align_down(T0 + start, b);
            let (mut core, mut slots, _) = one_device(b, start, n, per_hour, 30);
            let (t, u) = (n * b as i64, core.utility_reserve as u128);
            let h0 = core.hours_at(&slots, start).unwrap() as u128;
            prop_assert_eq!(h0, t as u128);
            let mut taus: Vec<i64> = (0..=n).map(|j| j * b as i64).collect();
            taus.extend(between.iter().map(|x| (x * t as f64) as i64));
            taus.sort();
            for tau in taus {
                let rest = (t - tau) as u128;
                // Quoted from the initial state, then with every expiry up to τ applied.
                let quoted = core.hours_at(&slots, start + tau).unwrap() as u128;
                core.reserve.advance(&mut slots, start + tau).unwrap();
                let h = core.hours_at(&slots, start + tau).unwrap() as u128;
                prop_assert_eq!(quoted, h);
                prop_assert_eq!(h * t as u128, h0 * rest, "H({}) = {}", tau, h);
                if rest > 0 {
                    // U/H(τ) == (U/H0) · T/(T − τ)
                    prop_assert_eq!(u * h0 * rest, u * t as u128 * h);
                }
            }
        }

        /// Equal-value injection where U·h/H is whole leaves the price exactly unchanged.
        #[test]
        fn exact_injection_keeps_price(
            b in 60u32..=3_600, n in 1i64..=255, n2 in 1i64..=255, per_second in 1u64..=100_000,
        ) {
            let start = align_down(T0, b);
            let (mut core, mut slots, p) = one_device(b, start, n, per_second * SECONDS_PER_HOUR, 30);
            let (u, h) = (core.utility_reserve as u128, core.hours_at(&slots, start).unwrap() as u128);
            prop_assert_eq!(u, per_second as u128 * h);
            let hours = (n2 * b as i64) as u64;
            let r = core.add_liquidity(&mut slots, &p, start, start + n2 * b as i64, hours).unwrap();
            prop_assert_eq!(r.hours_credited, hours);
            let (u1, h1) = (core.utility_reserve as u128, core.hours_at(&slots, start).unwrap() as u128);
            prop_assert_eq!(u1 * h, u * h1);
        }

        /// Any injection: the price never falls and rises by less than one token unit's worth:
        /// 0 ≤ U'·H − U·H' < H.
        #[test]
        fn injection_moves_price_by_under_one_unit(
            b in 60u32..=3_600, start in 0i64..100_000, n in 1i64..=255, per_hour in 1u64..=1_000_000_000,
            sell_k in 1i64..=255, sell_ppm in 1u64..=1_000_000, buy_ppm in 1u64..=900_000,
            warp in 0i64..100_000, k in 1i64..=255, devices in 1u64..=64,
        ) {
            let start = align_down(T0 + start, b);
            let (mut core, mut slots, p) = one_device(b, start, n, per_hour, 30);
            let mut now = start + 17;
            let end = align_down(now, b) + sell_k * b as i64;
            let hours = ((end - now) as u64 * sell_ppm / 1_000_000).max(1);
            let _ = transact(&mut core, &mut slots, |c, s| c.sell_hours(s, &p, now, end, hours));
            let tokens = (core.utility_reserve as u128 * buy_ppm as u128 / 1_000_000) as u64;
            let _ = transact(&mut core, &mut slots, |c, s| c.buy_hours(s, &p, now, tokens));
            now += warp;
            core.reserve.advance(&mut slots, now).unwrap();
            let (u, h) = (core.utility_reserve as u128, core.hours_at(&slots, now).unwrap() as u128);
            prop_assume!(u > 0 && h > 0);
            let end = align_down(now, b) + k * b as i64;
            let r = match core.add_liquidity(&mut slots, &p, now, end, (end - now) as u64 * devices) {
                Ok(r) => r,
                Err(e) => { prop_assert!(legitimate(&e), "{:?}", e); return Ok(()); }
            };
            let (u1, h1) = (core.utility_reserve as u128, core.hours_at(&slots, now).unwrap() as u128);
            prop_assert_eq!(h1, h + r.hours_credited as u128);
            prop_assert!(u1 * h >= u * h1, "price fell");
            prop_assert!(u1 * h - u * h1 < h, "LP overpaid by a whole unit");
        }

        /// Fee-less buy of Δh with everything whole: P'/P == (H/(H − Δh))².
        #[test]
        fn exact_feeless_buy_squares_the_ratio(
            b in 60u32..=3_600, n in 1i64..=255, per_second in 1u64..=1_000, pick in any::<prop::sample::Index>(),
        ) {
            let start = align_down(T0, b);
            let (mut core, mut slots, p) = one_device(b, start, n, per_second * SECONDS_PER_HOUR, 0);
            let t = (n * b as i64) as u64;
            let divisors: Vec<u64> = (1..t).filter(|d| t.is_multiple_of(*d)).collect();
            let d = divisors[pick.index(divisors.len())];
            let (u, h) = (core.utility_reserve as u128, t as u128);
            let dh = (t - d) as u128;
            let tokens = u * dh / d as u128;
            prop_assert_eq!(tokens * d as u128, u * dh);
            let r = core.buy_hours(&mut slots, &p, start, tokens as u64).unwrap();
            prop_assert_eq!(r.hours_out as u128, dh);
            let (u1, h1) = (core.utility_reserve as u128, core.hours_at(&slots, start).unwrap() as u128);
            prop_assert_eq!(h1, h - dh);
            // (U'/H') / (U/H) == (H/H')²
            prop_assert_eq!(u1 * h * h1 * h1, u * h * h * h1);
        }

        /// Any fee-less buy: (H/H')² ≤ P'/P < (H/H')² · H'/(H' − 1) — exact but for the floor of
        /// one GPU-second on the hours out; paying the exact-out price instead overpays by < 1 unit.
        #[test]
        fn feeless_buy_squares_the_ratio_up_to_rounding(
            b in 60u32..=3_600, start in 0i64..100_000, per_hour in 1u64..=1_000_000_000,
            lots in prop::collection::vec((1i64..=255, 1u64..=64), 1..6), warp in 0i64..100_000,
            m in 1u64..=9, e in 0u32..=8,
        ) {
            let start = T0 + start;
            let (mut core, mut slots) = new_pool(b, start);
            let p = params(0, per_hour);
            for (k, devices) in lots {
                let end = align_down(start, b) + k * b as i64;
                let _ = transact(&mut core, &mut slots, |c, s| c.add_liquidity(s, &p, start, end, (end - start) as u64 * devices));
            }
            let now = start + warp;
            core.reserve.advance(&mut slots, now).unwrap();
            let (u, h) = (core.utility_reserve as u128, core.hours_at(&slots, now).unwrap() as u128);
            prop_assume!(u > 0 && h > 0);
            let tokens = (u * m as u128 * 10u128.pow(e) / 10_000).max(1) as u64;
            let before = (core, slots.clone());
            let r = match core.buy_hours(&mut slots, &p, now, tokens) {
                Ok(r) => r,
                Err(e) => { prop_assert!(legitimate(&e), "{:?}", e); return Ok(()); }
            };
            let dh = r.hours_out as u128;
            let (u1, h1) = (core.utility_reserve as u128, core.hours_at(&slots, now).unwrap() as u128);
            prop_assert_eq!(h1, h - dh);
            prop_assert!(u1 * h1 >= u * h, "P'/P below (H/H')²");
            prop_assert!(u1 * (h1 - 1) < u * h, "P'/P beyond one GPU-second of rounding");

            let exact_out = (u * dh).div_ceil(h1) as u64;
            let (mut core, mut slots) = before;
            let r = core.buy_hours(&mut slots, &p, now, exact_out).unwrap();
            prop_assert_eq!(r.hours_out as u128, dh);
            let u1 = core.utility_reserve as u128;
            prop_assert!(u1 * h1 >= u * h && u1 * h1 - u * h < h1, "exact-out overpaid by a whole unit");
        }
    }
}

/// Regression: a buy that renormalised the scale first (scale < 2^48) priced `hours_out` on the
/// reserve before the renormalisation but removed it from the one after, which can be one
/// GPU-second lower, so the buy failed with `InvariantViolated` (fixed in `remove_pro_rata`).
#[test]
fn buy_after_deep_buys_renormalises_without_losing_a_second() {
    let (b, now) = (1_580u32, T0);
    let (mut core, mut slots) = new_pool(b, now);
    let p = CurveParams { fee_bps: 0, collateral_bps: 0, reference_price: 3_600 };
    for k in [30, 1, 7, 100] {
        let end = align_down(now, b) + k * b as i64;
        core.add_liquidity(&mut slots, &p, now, end, (end - now) as u64).unwrap();
    }
    while core.reserve.scale >= 1 << 48 {
        let u = core.utility_reserve;
        core.buy_hours(&mut slots, &p, now, u * 9).unwrap();
    }
    let (u0, h0) = (core.utility_reserve, core.hours_at(&slots, now).unwrap());
    let mut renormalised = (core.reserve, slots.clone());
    renormalised.0.renormalize(&mut renormalised.1, now).unwrap();
    assert_eq!(renormalised.0.hours_at(&renormalised.1, now).unwrap(), h0 - 1, "scenario no longer loses a second");
    let r = core.buy_hours(&mut slots, &p, now, u0 / 2).unwrap();
    assert_eq!(core.hours_at(&slots, now).unwrap(), h0 - r.hours_out);
}
