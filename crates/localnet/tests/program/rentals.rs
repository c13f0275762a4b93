//! Rental placement and refunds: rentals bound to concrete devices that live for the whole
//! window, each device booked once, and unplaceable rentals refunded at purchase value.

use crate::harness::*;
use pinfi::errors::PinfiError;
use pinfi::state::{Rental, RentalStatus, Stake, StakeKind};
use pinfi_math::decay::balance_floor;
use solana_sdk::pubkey::Pubkey;

struct World {
    env: Env,
    pool: Pubkey,
    buyer: User,
    /// LP stakes ending at T0+24h and T0+12h, a seller stake (hours sold) ending at T0+6h.
    lp_long: Pubkey,
    lp_short: Pubkey,
    seller: Pubkey,
    seller_owner: User,
    /// An LP stake that never added liquidity (nothing pooled).
    idle: Pubkey,
}

async fn world() -> World {
    let mut env = Env::with_pools(&["H100", "A100"], default_pool_params()).await;
    let pool = pool_pda(&class("H100"));
    let lp = env.user(1_000_000_000).await;
    let (_, lp_long) = env.stake_new_device(&lp, pool, StakeKind::Lp, T0 + 24 * HOUR).await;
    env.add_liquidity(&lp, pool, lp_long, u64::MAX).await.unwrap();
    let (_, lp_short) = env.stake_new_device(&lp, pool, StakeKind::Lp, T0 + 12 * HOUR).await;
    env.add_liquidity(&lp, pool, lp_short, u64::MAX).await.unwrap();
    let s = env.user(100_000_000).await;
    let (_, seller) = env.stake_new_device(&s, pool, StakeKind::Seller, T0 + 6 * HOUR).await;
    env.sell_hours(&s, pool, seller, 3_600, 1).await.unwrap();
    let (_, idle) = env.stake_new_device(&lp, pool, StakeKind::Lp, T0 + 24 * HOUR).await;
    let buyer = env.user(100_000_000).await;
    World { env, pool, buyer, lp_long, lp_short, seller, seller_owner: s, idle }
}

/// A one-device rental until `end` (a few GPU-seconds less than the window).
async fn rent(w: &mut World, id: u64, end: i64) -> Pubkey {
    w.env.buy_hours(&w.buyer, w.pool, id, 200_000, end, 1).await.unwrap();
    let key = rental_pda(&w.pool, &w.buyer.key(), id);
    let r: Rental = w.env.account(&key).await;
    assert_eq!((r.devices, r.status, r.assigned_count), (1, RentalStatus::Waiting, 0));
    key
}

#[tokio::test]
async fn rentals_are_placed_on_live_pooled_unbooked_devices() {
    let mut w = world().await;
    let r1 = rent(&mut w, 1, T0 + 2 * HOUR).await;
    // Nothing pooled on the idle stake: not a candidate.
    assert_pinfi_err(w.env.assign_rental(w.pool, r1, &[w.idle]).await, PinfiError::NoEligibleStake);
    w.env.assign_rental(w.pool, r1, &[w.idle, w.seller]).await.unwrap();
    let r: Rental = w.env.account(&r1).await;
    assert_eq!((r.status, r.assigned_count, r.assigned[0]), (RentalStatus::Placed, 1, w.seller));
    let s: Stake = w.env.account(&w.seller).await;
    assert_eq!((s.booked_until, s.booked_by), (T0 + 2 * HOUR, r1));
    assert_pinfi_err(w.env.assign_rental(w.pool, r1, &[w.lp_long]).await, PinfiError::RentalNotWaiting);

    // The seller's device is booked: the next rental skips it and takes the next expiry.
    let r2 = rent(&mut w, 2, T0 + 2 * HOUR).await;
    w.env.assign_rental(w.pool, r2, &[w.seller, w.lp_short]).await.unwrap();
    assert_eq!(w.env.account::<Rental>(&r2).await.assigned[0], w.lp_short);
    // A rental longer than a stake's life cannot use it.
    let r3 = rent(&mut w, 3, T0 + 13 * HOUR).await;
    assert_pinfi_err(w.env.assign_rental(w.pool, r3, &[w.lp_short]).await, PinfiError::NoEligibleStake);
    // Failed stakes and other pools' stakes are never candidates.
    let admin = w.env.admin.insecure_clone();
    w.env.mark_stake_failed(&admin, w.pool, w.lp_long).await.unwrap();
    assert_pinfi_err(w.env.assign_rental(w.pool, r3, &[w.lp_long]).await, PinfiError::NoEligibleStake);
    let a100 = pool_pda(&class("A100"));
    w.env.substitute_next(w.pool, a100);
    assert_pinfi_err(w.env.assign_rental(w.pool, r3, &[w.lp_long]).await, PinfiError::WrongPool);
    // Once the booking has passed, the device is free again.
    w.env.warp_to(T0 + 2 * HOUR).await;
    let r4 = rent(&mut w, 4, T0 + 4 * HOUR).await;
    w.env.assign_rental(w.pool, r4, &[w.seller]).await.unwrap();
}

#[tokio::test]
async fn an_extension_reopens_placement_and_keeps_its_own_devices_eligible() {
    let mut w = world().await;
    let r1 = rent(&mut w, 1, T0 + 2 * HOUR).await;
    w.env.assign_rental(w.pool, r1, &[w.lp_short]).await.unwrap();
    w.env.extend_rental(&w.buyer, w.pool, r1, T0 + 3 * HOUR, u64::MAX).await.unwrap();
    let r: Rental = w.env.account(&r1).await;
    assert_eq!((r.status, r.assigned_count), (RentalStatus::Waiting, 0));
    // Booked by this very rental until the old end: still a candidate for the new window.
    w.env.assign_rental(w.pool, r1, &[w.lp_short]).await.unwrap();
    assert_eq!(w.env.account::<Stake>(&w.lp_short).await.booked_until, T0 + 3 * HOUR);
}

#[tokio::test]
async fn an_unplaced_rental_is_refunded_at_purchase_value() {
    let mut w = world().await;
    let r1 = rent(&mut w, 1, T0 + 4 * HOUR).await;
    let buyer_tokens = w.buyer.tokens;
    assert_pinfi_err(w.env.refund_rental(w.pool, r1, buyer_tokens, &[]).await, PinfiError::PlacementWindowOpen);
    w.env.warp_to(T0 + 1_800).await;
    // Only the rental's own (here: no) stakes may be passed.
    assert_pinfi_err(w.env.refund_rental(w.pool, r1, buyer_tokens, &[w.seller]).await, PinfiError::WrongStakes);

    let r: Rental = w.env.account(&r1).await;
    let remaining = balance_floor(r.rate, r.end, T0 + 1_800).unwrap();
    let expected = ((r.paid - r.fees) as u128 * remaining as u128 / r.gpu_seconds as u128) as u64;
    let (before, p0) = (w.env.balance(&buyer_tokens).await, w.env.pool(&w.pool).await);
    w.env.refund_rental(w.pool, r1, buyer_tokens, &[]).await.unwrap();
    assert_eq!(w.env.balance(&buyer_tokens).await - before, expected);
    let p1 = w.env.pool(&w.pool).await;
    assert_eq!(p0.utility_reserve - p1.utility_reserve, expected);
    let hours = |p: &pinfi::state::Pool| p.core().hours_at(&p.slots, T0 + 1_800).unwrap();
    assert!(hours(&p1) >= hours(&p0) + remaining - 1, "hours back in the pool");
    assert!(!w.env.exists(&r1).await, "closed, rent back to the buyer");
    w.env.assert_vault_books(&w.pool).await;
}

#[tokio::test]
async fn a_partially_placed_rental_releases_its_bookings_when_refunded() {
    let mut w = world().await;
    // More than 8 devices' worth over one hour is refused; a few devices' worth is one rental.
    assert_pinfi_err(w.env.buy_hours(&w.buyer, w.pool, 9, 25_000_000, T0 + HOUR, 1).await, PinfiError::TooManyDevices);
    w.env.buy_hours(&w.buyer, w.pool, 9, 6_500_000, T0 + HOUR, 1).await.unwrap();
    let r9 = rental_pda(&w.pool, &w.buyer.key(), 9);
    let r: Rental = w.env.account(&r9).await;
    assert!(r.devices >= 2, "{}", r.devices);
    w.env.assign_rental(w.pool, r9, &[w.seller]).await.unwrap();
    assert_eq!(w.env.account::<Rental>(&r9).await.status, RentalStatus::Waiting);
    w.env.warp_to(T0 + 1_800).await;
    let buyer_tokens = w.buyer.tokens;
    w.env.refund_rental(w.pool, r9, buyer_tokens, &[w.seller]).await.unwrap();
    let s: Stake = w.env.account(&w.seller).await;
    assert_eq!((s.booked_until, s.booked_by), (0, Pubkey::default()));
}

#[tokio::test]
async fn a_failed_sellers_collateral_compensates_its_renter_first() {
    use solana_sdk::instruction::AccountMeta;
    let mut w = world().await;
    let r1 = rent(&mut w, 1, T0 + 4 * HOUR).await;
    w.env.assign_rental(w.pool, r1, &[w.seller]).await.unwrap();
    w.env.warp_to(T0 + HOUR).await;
    let admin = w.env.admin.insecure_clone();
    w.env.mark_stake_failed(&admin, w.pool, w.seller).await.unwrap();

    w.env.warp_to(T0 + 6 * HOUR).await;
    let s: Stake = w.env.account(&w.seller).await;
    let (owner, owner_tokens) = (w.seller_owner.key(), w.seller_owner.tokens);
    assert_eq!(owner, s.owner);
    // Settling without naming the renter (or naming another account) would burn its due: refused.
    let r = w.env.settle_stake(w.pool, w.seller, owner, owner_tokens).await;
    assert_pinfi_err(r, PinfiError::RenterAccountsMissing);
    let wrong = [AccountMeta::new_readonly(w.lp_long, false), AccountMeta::new(w.buyer.tokens, false)];
    assert_pinfi_err(w.env.settle_stake_with(w.pool, w.seller, owner, owner_tokens, &wrong).await, PinfiError::RenterAccountsMissing);

    // Owed: the purchase value of the 3 h the rental still had on the device at the failure.
    let r: Rental = w.env.account(&r1).await;
    let remaining = balance_floor(r.rate, T0 + 4 * HOUR, T0 + HOUR).unwrap();
    let owed = (((r.paid - r.fees) as u128 * remaining as u128 / r.gpu_seconds as u128) as u64).min(s.collateral);
    assert!(owed > 0);
    let (buyer0, supply0) = (w.env.balance(&w.buyer.tokens).await, w.env.supply().await);
    let right = [AccountMeta::new_readonly(r1, false), AccountMeta::new(w.buyer.tokens, false)];
    w.env.settle_stake_with(w.pool, w.seller, owner, owner_tokens, &right).await.unwrap();
    assert_eq!(w.env.balance(&w.buyer.tokens).await - buyer0, owed);
    assert_eq!(supply0 - w.env.supply().await, s.collateral + s.maintenance_escrow - owed, "the rest is burned");
    w.env.assert_vault_books(&w.pool).await;
}
