//! The life of a pool, every balance checked to the base unit. Expected values are worked out
//! by hand from the published formulas (docs/pool-math.md), not read back from the program.

use crate::harness::*;
use pinfi::state::StakeKind;

#[tokio::test]
async fn lp_seller_buyer_settlement_to_the_base_unit() {
    let params = default_pool_params();
    let mut env = Env::with_pools(&["H100", "A100", "RTX4090"], params).await;
    let pool = pool_pda(&class("H100"));
    assert_eq!(env.account::<pinfi::state::Protocol>(&protocol_pda()).await.pool_count, 3);

    // ── LP: 24 h stake, certificate burns 24 × 100_000 ─────────────────────────────────────────
    let lp = env.user(1_000_000_000).await;
    let supply0 = env.supply().await;
    let (device, lp_stake) = env.stake_new_device(&lp, pool, StakeKind::Lp, T0 + 24 * HOUR).await;
    assert_eq!(supply0 - env.supply().await, 2_400_000, "certificate burn");
    let lp_before = env.balance(&lp.tokens).await;
    env.add_liquidity(&lp, pool, lp_stake, 48_000_000).await.unwrap();
    // First LP prices at the reference price: 86_400 GPU-s × 2_000_000 / 3_600.
    assert_eq!(lp_before - env.balance(&lp.tokens).await, 48_000_000);
    let p = env.pool(&pool).await;
    assert_eq!((p.utility_reserve, p.lp_supply), (48_000_000, 48_000_000));
    assert_eq!(p.core().hours_at(&p.slots, T0).unwrap(), 86_400);
    env.assert_vault_books(&pool).await;

    // The device cannot stake again while its stake lives.
    let r = env.stake_device(&lp, pool, device, StakeKind::Lp, T0 + 30 * HOUR).await.map(|_| ());
    assert_pinfi_err(r, pinfi::errors::PinfiError::OverlappingStake);

    // ── six hours later the LP lot has decayed to 64_800 GPU-s; a seller sells a 6 h window ───
    env.warp_to(T0 + 6 * HOUR).await;
    let seller = env.user(100_000_000).await;
    let (_, sell_stake) = env.stake_new_device(&seller, pool, StakeKind::Seller, T0 + 12 * HOUR).await;
    let s0 = env.balance(&seller.tokens).await;
    assert_eq!(s0, 100_000_000 - 600_000 - 300_000, "burn 6 h × 100_000, escrow 6 h × 50_000");
    let supply1 = env.supply().await;
    env.sell_hours(&seller, pool, sell_stake, 21_600, 11_964_000).await.unwrap();
    // gross = 48e6 × 21_600 / (64_800 + 21_600) = 12e6; fee 0.3 % = 36_000; collateral 2 × gross.
    assert_eq!(env.balance(&seller.tokens).await, s0 + 11_964_000 - 24_000_000);
    assert_eq!(supply1 - env.supply().await, 36_000, "swap fee burned");
    let p = env.pool(&pool).await;
    assert_eq!(p.utility_reserve, 36_000_000);
    assert_eq!(p.core().hours_at(&p.slots, T0 + 6 * HOUR).unwrap(), 86_400);
    env.assert_vault_books(&pool).await;

    // ── a buyer pays 3e6 for a rental until T0+10h ──────────────────────────────────────────────
    let buyer = env.user(10_000_000).await;
    env.buy_hours(&buyer, pool, 1, 3_000_000, T0 + 10 * HOUR, 1).await.unwrap();
    let fee = 9_000u128; // ceil(3e6 × 30 / 10_000)
    let net = 3_000_000 - fee;
    let hours_out = (86_400u128 * net / (36_000_000 + net)) as u64;
    let rental_key = rental_pda(&pool, &buyer.key(), 1);
    let rental: pinfi::state::Rental = env.account(&rental_key).await;
    assert_eq!(rental.gpu_seconds, hours_out);
    assert_eq!(env.balance(&buyer.tokens).await, 7_000_000);
    let p = env.pool(&pool).await;
    assert_eq!(p.utility_reserve as u128, 36_000_000 + net);
    assert_eq!(p.core().hours_at(&p.slots, T0 + 6 * HOUR).unwrap(), 86_400 - hours_out);
    env.assert_vault_books(&pool).await;

    // ── extend to T0+12h (same devices, two more hours), then terminate at T0+8h ─────────────
    let quote = {
        let p = env.pool(&pool).await;
        let extra = pinfi_math::decay::balance_floor(rental.rate, T0 + 12 * HOUR, T0 + 6 * HOUR).unwrap()
            - pinfi_math::decay::balance_floor(rental.rate, T0 + 10 * HOUR, T0 + 6 * HOUR).unwrap();
        p.core().quote_buy_exact_out(&p.slots, &p.curve(), T0 + 6 * HOUR, extra).unwrap()
    };
    let r = env.extend_rental(&buyer, pool, rental_key, T0 + 12 * HOUR, quote - 1).await;
    assert_pinfi_err(r, pinfi::errors::PinfiError::SlippageExceeded);
    env.extend_rental(&buyer, pool, rental_key, T0 + 12 * HOUR, quote).await.unwrap();
    assert_eq!(env.balance(&buyer.tokens).await, 7_000_000 - quote);
    env.assert_vault_books(&pool).await;

    env.warp_to(T0 + 8 * HOUR).await;
    let rental: pinfi::state::Rental = env.account(&rental_key).await;
    let remaining = pinfi_math::decay::balance_floor(rental.rate, rental.end, T0 + 8 * HOUR).unwrap();
    assert!(remaining > 0 && remaining < rental.gpu_seconds);
    let before = env.balance(&buyer.tokens).await;
    env.terminate_rental(&buyer, pool, rental_key, 1).await.unwrap();
    assert!(!env.exists(&rental_key).await, "rental closed");
    assert!(env.balance(&buyer.tokens).await > before, "unused hours sold back");
    env.assert_vault_books(&pool).await;

    // ── settlement: seller at T0+12h gets collateral + escrow back; LP at T0+24h gets all of U ──
    let r = env.settle_stake(pool, sell_stake, seller.key(), seller.tokens).await;
    assert_pinfi_err(r, pinfi::errors::PinfiError::StakeNotEnded);
    env.warp_to(T0 + 12 * HOUR).await;
    let before = env.balance(&seller.tokens).await;
    env.settle_stake(pool, sell_stake, seller.key(), seller.tokens).await.unwrap();
    assert_eq!(env.balance(&seller.tokens).await - before, 24_000_000 + 300_000);
    assert!(!env.exists(&sell_stake).await, "stake closed");

    env.warp_to(T0 + 24 * HOUR).await;
    let u = env.pool(&pool).await.utility_reserve;
    let before = env.balance(&lp.tokens).await;
    env.settle_stake(pool, lp_stake, lp.key(), lp.tokens).await.unwrap();
    assert_eq!(env.balance(&lp.tokens).await - before, u, "sole LP receives all of U");
    let p = env.pool(&pool).await;
    assert_eq!((p.utility_reserve, p.lp_supply, p.escrow_total, p.collateral_total), (0, 0, 0, 0));
    assert_eq!(env.balance(&p.vault).await, 0);
    assert_eq!(p.core().hours_at(&p.slots, T0 + 24 * HOUR).unwrap(), 0);

    // The device is free again once its stake has ended.
    env.stake_device(&lp, pool, device, StakeKind::Lp, T0 + 30 * HOUR).await.unwrap();
}

#[tokio::test]
async fn second_lp_pays_the_prevailing_price_and_shares_pro_rata() {
    let mut env = Env::with_pools(&["A100"], default_pool_params()).await;
    let pool = pool_pda(&class("A100"));
    let a = env.user(1_000_000_000).await;
    let b = env.user(1_000_000_000).await;
    let (_, sa) = env.stake_new_device(&a, pool, StakeKind::Lp, T0 + 8 * HOUR).await;
    env.add_liquidity(&a, pool, sa, u64::MAX).await.unwrap(); // 28_800 GPU-s, 16e6 tokens
    env.warp_to(T0 + 4 * HOUR).await; // A's lot: 14_400 left; price doubled
    let (_, sb) = env.stake_new_device(&b, pool, StakeKind::Lp, T0 + 8 * HOUR).await;
    let before = env.balance(&b.tokens).await;
    env.add_liquidity(&b, pool, sb, u64::MAX).await.unwrap();
    // B brings 14_400 GPU-s at 16e6 / 14_400 per GPU-s → 16e6; shares = 16e6 × 16e6 / 16e6.
    assert_eq!(before - env.balance(&b.tokens).await, 16_000_000);
    let p = env.pool(&pool).await;
    assert_eq!((p.utility_reserve, p.lp_supply), (32_000_000, 32_000_000));
    // Price unchanged by the injection: U/H = 16e6/14_400 before, 32e6/28_800 after.
    assert_eq!(p.core().hours_at(&p.slots, T0 + 4 * HOUR).unwrap(), 28_800);
    let stake_b: pinfi::state::Stake = env.account(&sb).await;
    assert_eq!(stake_b.lp_shares, 16_000_000);
    env.warp_to(T0 + 8 * HOUR).await;
    let before = env.balance(&b.tokens).await;
    env.settle_stake(pool, sb, b.key(), b.tokens).await.unwrap();
    assert_eq!(env.balance(&b.tokens).await - before, 16_000_000, "half of U for half the shares");
    env.assert_vault_books(&pool).await;
}

#[tokio::test]
async fn failed_seller_forfeits_collateral_and_fee() {
    let mut env = Env::with_pools(&["RTX4090"], default_pool_params()).await;
    let pool = pool_pda(&class("RTX4090"));
    let lp = env.user(1_000_000_000).await;
    let (_, ls) = env.stake_new_device(&lp, pool, StakeKind::Lp, T0 + 8 * HOUR).await;
    env.add_liquidity(&lp, pool, ls, u64::MAX).await.unwrap();
    let seller = env.user(100_000_000).await;
    let (_, ss) = env.stake_new_device(&seller, pool, StakeKind::Seller, T0 + 4 * HOUR).await;
    env.sell_hours(&seller, pool, ss, 3_600, 1).await.unwrap();
    let stake: pinfi::state::Stake = env.account(&ss).await;
    let held = stake.collateral + stake.maintenance_escrow;
    assert!(stake.collateral > 0 && stake.maintenance_escrow == 200_000);

    let r = env.mark_stake_failed(&seller.kp, pool, ss).await;
    assert_pinfi_err(r, pinfi::errors::PinfiError::NotOwner);
    let admin = env.admin.insecure_clone();
    env.mark_stake_failed(&admin, pool, ss).await.unwrap();
    assert_pinfi_err(env.mark_stake_failed(&admin, pool, ss).await, pinfi::errors::PinfiError::AlreadyFailed);
    assert_pinfi_err(env.sell_hours(&seller, pool, ss, 60, 0).await, pinfi::errors::PinfiError::AlreadyFailed);

    env.warp_to(T0 + 4 * HOUR).await;
    let (bal, supply) = (env.balance(&seller.tokens).await, env.supply().await);
    env.settle_stake(pool, ss, seller.key(), seller.tokens).await.unwrap();
    assert_eq!(env.balance(&seller.tokens).await, bal, "nothing refunded");
    assert_eq!(supply - env.supply().await, held, "collateral and fee burned");
    env.assert_vault_books(&pool).await;
}

/// Every state change of a pool emits one event, numbered 1, 2, 3… per pool with no gap.
#[tokio::test]
async fn pool_events_are_numbered_without_gaps() {
    let mut env = Env::with_pools(&["H100", "A100"], default_pool_params()).await;
    let (h100, a100) = (pool_pda(&class("H100")), pool_pda(&class("A100")));
    let lp = env.user(1_000_000_000).await;
    let (_, s) = env.stake_new_device(&lp, h100, StakeKind::Lp, T0 + 8 * HOUR).await; // register, burn, stake
    env.add_liquidity(&lp, h100, s, u64::MAX).await.unwrap();
    let (_, s2) = env.stake_new_device(&lp, a100, StakeKind::Seller, T0 + 8 * HOUR).await;
    let buyer = env.user(10_000_000).await;
    env.buy_hours(&buyer, h100, 1, 1_000_000, T0 + 2 * HOUR, 1).await.unwrap();
    env.terminate_rental(&buyer, h100, rental_pda(&h100, &buyer.key(), 1), 0).await.unwrap();
    let failed = env.buy_hours(&buyer, h100, 2, 1_000_000, T0 + 2 * HOUR, u64::MAX).await;
    assert!(failed.is_err(), "a failed transaction emits nothing");
    env.warp_to(T0 + 8 * HOUR).await;
    env.settle_stake(h100, s, lp.key(), lp.tokens).await.unwrap();
    env.settle_stake(a100, s2, lp.key(), lp.tokens).await.unwrap();

    let seqs = env.pool_event_seqs();
    for (pool, expected) in [(h100, 8u64), (a100, 5)] {
        let got: Vec<u64> = seqs.iter().filter(|(p, _)| *p == pool).map(|(_, s)| *s).collect();
        assert_eq!(got, (1..=expected).collect::<Vec<_>>(), "pool {pool}");
        assert_eq!(env.pool(&pool).await.seq, expected);
    }
}

/// An LP stake that never added liquidity (and a seller that never sold) settle to nothing.
#[tokio::test]
async fn idle_stakes_settle_without_payout() {
    let mut env = Env::with_pools(&["A100"], default_pool_params()).await;
    let pool = pool_pda(&class("A100"));
    let miner = env.user(1_000_000_000).await;
    let (_, lp) = env.stake_new_device(&miner, pool, StakeKind::Lp, T0 + 2 * HOUR).await;
    let (_, seller) = env.stake_new_device(&miner, pool, StakeKind::Seller, T0 + 2 * HOUR).await;
    env.warp_to(T0 + 2 * HOUR).await;
    let before = env.balance(&miner.tokens).await;
    env.settle_stake(pool, lp, miner.key(), miner.tokens).await.unwrap();
    assert_eq!(env.balance(&miner.tokens).await, before, "no shares, no payout");
    env.settle_stake(pool, seller, miner.key(), miner.tokens).await.unwrap();
    assert_eq!(env.balance(&miner.tokens).await, before + 100_000, "maintenance fee (2 h × 50_000) refunded");
    assert!(!env.exists(&lp).await && !env.exists(&seller).await);
    env.assert_vault_books(&pool).await;
}

/// Program logs reach the transaction (not stdout): Anchor's error line names the error, which is
/// what clients translate into typed errors.
#[tokio::test]
async fn errors_are_logged_with_name_and_number() {
    let mut env = Env::with_pools(&["H100"], default_pool_params()).await;
    let pool = pool_pda(&class("H100"));
    let lp = env.user(1_000_000_000).await;
    let (_, s) = env.stake_new_device(&lp, pool, StakeKind::Lp, T0 + 2 * HOUR).await;
    let r = env.add_liquidity(&lp, pool, s, 1).await;
    let logs = logs(&r);
    assert!(logs.iter().any(|l| l == "Program log: Instruction: AddLiquidity"), "{logs:#?}");
    assert!(
        logs.iter().any(|l| l.starts_with("Program log: AnchorError") && l.contains("Error Code: SlippageExceeded. Error Number: 6011.")),
        "{logs:#?}"
    );
}
