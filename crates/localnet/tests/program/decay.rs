//! The hour reserve against a moving clock: the identities of protocol-notes §9.4 on chain.

use crate::harness::*;
use pinfi::errors::PinfiError;
use pinfi::state::StakeKind;

/// Untraded cohort of length T: H(τ) = H0·(1 − τ/T), so P(τ) = P0 / (1 − τ/T).
#[tokio::test]
async fn untraded_cohort_price_rises_as_one_over_remaining_life() {
    let mut env = Env::with_pools(&["H100"], default_pool_params()).await;
    let pool = pool_pda(&class("H100"));
    let lp = env.user(1_000_000_000).await;
    let t = 8 * HOUR;
    let (_, s) = env.stake_new_device(&lp, pool, StakeKind::Lp, T0 + t).await;
    env.add_liquidity(&lp, pool, s, u64::MAX).await.unwrap();
    let p = env.pool(&pool).await;
    let (u, h0) = (p.utility_reserve as u128, 28_800u128);
    for tau in [0, 1, 1_800, HOUR, HOUR + 1, 4 * HOUR, 7 * HOUR + 3_599] {
        env.warp_to(T0 + tau).await;
        let p = env.pool(&pool).await;
        let h = p.core().hours_at(&p.slots, T0 + tau).unwrap() as u128;
        assert_eq!(h * t as u128, h0 * (t - tau) as u128, "H(τ) at τ={tau}");
        // P(τ)·(1 − τ/T) = P0  ⇔  U/H · (T−τ)/T = U/H0
        assert_eq!(u * (t - tau) as u128 * h0, u * h * t as u128, "P(τ) at τ={tau}");
    }
    // At the end every hour has decayed: nothing is left to sell to a buyer.
    env.warp_to(T0 + t).await;
    let p = env.pool(&pool).await;
    assert_eq!(p.core().hours_at(&p.slots, T0 + t).unwrap(), 0);
    let buyer = env.user(10_000_000).await;
    let r = env.buy_hours(&buyer, pool, 1, 1_000_000, T0 + t + HOUR, 0).await;
    assert_pinfi_err(r, PinfiError::EmptyReserve);
    assert_eq!(env.balance(&buyer.tokens).await, 10_000_000, "a refused buy loses nothing");
}

/// Lots with different ends: the reserve's slope changes at each end (a bucket boundary).
#[tokio::test]
async fn slope_changes_at_each_lot_end() {
    let mut env = Env::with_pools(&["A100"], default_pool_params()).await;
    let pool = pool_pda(&class("A100"));
    let lp = env.user(10_000_000_000).await;
    for hours in [2, 5, 9] {
        let (_, s) = env.stake_new_device(&lp, pool, StakeKind::Lp, T0 + hours * HOUR).await;
        env.add_liquidity(&lp, pool, s, u64::MAX).await.unwrap();
    }
    let naive = |tau: i64| -> u64 { [2, 5, 9].iter().map(|h| (h * HOUR - tau).max(0) as u64).sum() };
    for tau in [0, HOUR, 2 * HOUR - 1, 2 * HOUR, 3 * HOUR + 17, 5 * HOUR, 8 * HOUR, 9 * HOUR, 30 * HOUR] {
        env.warp_to(T0 + tau).await;
        let p = env.pool(&pool).await;
        assert_eq!(p.core().hours_at(&p.slots, T0 + tau).unwrap(), naive(tau), "τ={tau}");
    }
}

/// A fee-less buy of Δh moves the price by (H/(H−Δh))², exactly when no rounding occurs.
#[tokio::test]
async fn feeless_buy_moves_price_by_square_of_reserve_ratio() {
    let params = pinfi::state::PoolParams { swap_fee_bps: 0, ..default_pool_params() };
    let mut env = Env::with_pools(&["T4"], params).await;
    let pool = pool_pda(&class("T4"));
    let lp = env.user(1_000_000_000).await;
    let (_, s) = env.stake_new_device(&lp, pool, StakeKind::Lp, T0 + 24 * HOUR).await;
    env.add_liquidity(&lp, pool, s, u64::MAX).await.unwrap(); // U0 = 48e6, H0 = 86_400
    let buyer = env.user(100_000_000).await;
    // ΔU = U0/3 buys Δh = H0·ΔU/(U0+ΔU) = H0/4 = 21_600 with nothing to round.
    env.buy_hours(&buyer, pool, 9, 16_000_000, T0 + 4 * HOUR, 21_600).await.unwrap();
    let p = env.pool(&pool).await;
    let (u0, h0) = (48_000_000u128, 86_400u128);
    let (u1, h1) = (p.utility_reserve as u128, p.core().hours_at(&p.slots, T0).unwrap() as u128);
    assert_eq!((u1, h1), (64_000_000, 64_800));
    // (U1/H1)/(U0/H0) == (H0/H1)²  ⇔  U1·H0·H1² == U0·H1·H0²
    assert_eq!(u1 * h0 * h1 * h1, u0 * h1 * h0 * h0);
}

/// The `pool_snapshot` view returns the decayed reserve of this instant.
#[tokio::test]
async fn pool_snapshot_view_returns_the_decayed_reserve() {
    let mut env = Env::with_pools(&["L40S"], default_pool_params()).await;
    let pool = pool_pda(&class("L40S"));
    let lp = env.user(1_000_000_000).await;
    let (_, s) = env.stake_new_device(&lp, pool, StakeKind::Lp, T0 + 8 * HOUR).await;
    env.add_liquidity(&lp, pool, s, u64::MAX).await.unwrap();
    env.warp_to(T0 + 3 * HOUR + 17).await;
    let snap = env.pool_snapshot(pool).await;
    assert_eq!((snap.at, snap.hours), (T0 + 3 * HOUR + 17, (5 * HOUR - 17) as u64));
    let p = env.pool(&pool).await;
    assert_eq!((snap.utility_reserve, snap.lp_supply, snap.seq), (p.utility_reserve, p.lp_supply, p.seq));
}
