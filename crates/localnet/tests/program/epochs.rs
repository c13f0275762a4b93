//! Epochs and block rewards with the clock moved: emission minted and split once per epoch,
//! pools' shares by weight, stakes' shares by device-seconds, multipliers burning the rest, and
//! every base unit accounted for. Expected values come from the published rules, not the program.

use crate::epoch_harness::*;
use crate::harness::*;
use pinfi::errors::PinfiError;
use pinfi::state::{EmissionParams, Epoch, Pool, PoolEpoch, Stake, StakeKind};
use pinfi_math::pocps;
use solana_sdk::{pubkey::Pubkey, signature::Keypair, signer::Signer};

const G: i64 = T0 + HOUR;
/// 24e6 a day = 1e6 per one-hour epoch: 700k miners, 200k foundation, 100k team.
const PER_EPOCH: u64 = 1_000_000;

struct World {
    env: Env,
    h100: Pubkey,
    a100: Pubkey,
    lp: User,
    seller: User,
    foundation: Pubkey,
    team: Pubkey,
}

fn params(foundation: Pubkey, team: Pubkey, pot_ramp_secs: u32) -> EmissionParams {
    EmissionParams {
        genesis: G, epoch_secs: HOUR as u32, per_day: 24 * PER_EPOCH, halving_secs: 365 * 86_400, max_supply: 1 << 50,
        miners_bps: 7_000, foundation_bps: 2_000, pot_ramp_secs, foundation, team,
    }
}

async fn world(pot_ramp_secs: u32) -> World {
    let mut env = Env::with_pools(&["H100", "A100"], default_pool_params()).await;
    let (h100, a100) = (pool_pda(&class("H100")), pool_pda(&class("A100")));
    let lp = env.user(1_000_000_000).await;
    let seller = env.user(100_000_000).await;
    let mint = env.mint;
    let foundation = env.token_account(&mint, &Keypair::new().pubkey()).await;
    let team = env.token_account(&mint, &Keypair::new().pubkey()).await;
    env.mint_authority_to_protocol().await;
    let admin = env.admin.insecure_clone();
    env.configure_emission(&admin, params(foundation, team, pot_ramp_secs)).await.unwrap();
    env.set_pool_weight(&admin, h100, 3).await.unwrap();
    env.set_pool_weight(&admin, a100, 1).await.unwrap();
    World { env, h100, a100, lp, seller, foundation, team }
}

/// Q64.64 reward per device-second, as the notes define it: floor(share · 2^64 / device-seconds).
fn rho(share: u64, device_seconds: u64) -> u128 {
    ((share as u128) << 64) / device_seconds as u128
}

#[tokio::test]
async fn an_epoch_mints_once_and_pays_by_device_seconds() {
    let mut w = world(1).await;
    let env = &mut w.env;
    // A: LP from T0 (before genesis) to T0+4h. B: seller from T0+1.5h to T0+3h.
    let (_, a) = env.stake_new_device(&w.lp, w.h100, StakeKind::Lp, T0 + 4 * HOUR).await;
    env.warp_to(T0 + 90 * 60).await;
    let (_, b) = env.stake_new_device(&w.seller, w.h100, StakeKind::Seller, T0 + 3 * HOUR).await;

    assert_pinfi_err(env.close_epoch(0).await, PinfiError::EpochNotOver);
    env.warp_to(T0 + 2 * HOUR).await;
    let supply = env.supply().await;
    env.close_epoch(0).await.unwrap();
    assert_eq!(env.supply().await - supply, PER_EPOCH);
    assert_eq!(env.balance(&w.foundation).await, 200_000);
    assert_eq!(env.balance(&w.team).await, 100_000);
    assert_eq!(env.balance(&rewards_vault_pda()).await, 700_000);
    // Once only: the same epoch again is refused and mints nothing; others are out of order.
    assert!(env.close_epoch(0).await.is_err());
    assert_eq!(env.supply().await - supply, PER_EPOCH);
    assert_pinfi_err(env.close_epoch(1).await, PinfiError::EpochNotOver);
    assert_pinfi_err(env.close_epoch(2).await, PinfiError::WrongEpoch);

    env.close_pool_epoch(w.h100, 0).await.unwrap();
    let pe: PoolEpoch = env.account(&pool_epoch_pda(&w.h100, 0)).await;
    assert_eq!((pe.share, pe.device_seconds, pe.burned), (525_000, 3_600 + 1_800, 0));
    assert_eq!(pe.rho, rho(525_000, 5_400));
    // Nobody staked in A100: its quarter is burned, not left for anyone.
    let supply = env.supply().await;
    env.close_pool_epoch(w.a100, 0).await.unwrap();
    assert_eq!(supply - env.supply().await, 175_000);
    assert!(env.close_pool_epoch(w.h100, 0).await.is_err(), "once per pool and epoch");
    assert_anchor_err(env.close_pool_epoch(w.h100, 1).await, anchor_lang::error::ErrorCode::AccountNotInitialized);
    let e: Epoch = env.account(&epoch_pda(0)).await;
    assert_eq!((e.assigned, e.pools_closed), (700_000, 2));

    // PoT ramp of 1 s, nothing sold, full speed: multiplier 1, standard paid in full.
    let before = env.balance(&w.lp.tokens).await;
    env.claim_rewards(w.h100, a, w.lp.tokens, 0, 0).await.unwrap();
    let paid_a = (rho(525_000, 5_400) * 3_600 >> 64) as u64;
    assert_eq!(env.balance(&w.lp.tokens).await - before, paid_a);
    env.claim_rewards(w.h100, a, w.lp.tokens, 0, 0).await.unwrap();
    assert_eq!(env.balance(&w.lp.tokens).await - before, paid_a, "a repeated claim pays nothing");
    let before = env.balance(&w.seller.tokens).await;
    env.claim_rewards(w.h100, b, w.seller.tokens, 0, 0).await.unwrap();
    let paid_b = (rho(525_000, 5_400) * 1_800 >> 64) as u64;
    assert_eq!(env.balance(&w.seller.tokens).await - before, paid_b);
    // Every base unit of the pool's share: paid, or still in the vault (rounding dust ≤ 2).
    assert_eq!(env.balance(&rewards_vault_pda()).await, 525_000 - paid_a - paid_b);
    assert!(525_000 - paid_a - paid_b <= 2);
    let s: Stake = env.account(&a).await;
    assert_eq!((s.rewards_cursor, s.rewards_paid), (T0 + 2 * HOUR, paid_a));
}

#[tokio::test]
async fn multipliers_burn_the_difference_and_settlement_waits_for_claims() {
    let mut w = world(30 * 86_400).await;
    let env = &mut w.env;
    let (device_a, a) = env.stake_new_device(&w.lp, w.h100, StakeKind::Lp, T0 + 4 * HOUR).await;
    env.warp_to(T0 + 2 * HOUR).await;
    let (_, b) = env.stake_new_device(&w.seller, w.h100, StakeKind::Seller, T0 + 3 * HOUR).await;
    env.warp_to(T0 + 4 * HOUR).await;
    assert_pinfi_err(env.settle_stake(w.h100, a, w.lp.key(), w.lp.tokens).await, PinfiError::RewardsUnclaimed);
    for e in 0..3 {
        env.close_epoch(e).await.unwrap();
        env.close_pool_epoch(w.h100, e).await.unwrap();
        env.close_pool_epoch(w.a100, e).await.unwrap();
    }
    // A: alone in epochs 0 and 2, with B in epoch 1.
    let standard_a = ((rho(525_000, 3_600) * 3_600 + rho(525_000, 7_200) * 3_600 + rho(525_000, 3_600) * 3_600) >> 64) as u64;
    // B failed: its rewards are withheld (burned) whatever the multiplier.
    let admin = env.admin.insecure_clone();
    env.mark_stake_failed(&admin, w.h100, b).await.unwrap();

    // Wrong pool epochs are refused.
    env.substitute_next(pool_epoch_pda(&w.h100, 2), pool_epoch_pda(&w.a100, 2));
    assert_pinfi_err(env.claim_rewards(w.h100, a, w.lp.tokens, 0, 2).await, PinfiError::WrongPool);
    assert_pinfi_err(env.claim_rewards(w.h100, a, w.lp.tokens, 1, 2).await, PinfiError::WrongPoolEpoch);
    assert_pinfi_err(env.claim_rewards(w.h100, a, w.seller.tokens, 0, 2).await, PinfiError::WrongTokenAccount);

    let (supply, before) = (env.supply().await, env.balance(&w.lp.tokens).await);
    env.claim_rewards(w.h100, a, w.lp.tokens, 0, 2).await.unwrap();
    // PoT at 4 h of a 30-day ramp ≈ 0.1; PoL and PoW are 1.
    let registered = T0;
    let pot = pocps::pot((T0 + 4 * HOUR - registered) as u64, 30 * 86_400).unwrap();
    let (paid_a, burned_a) = pocps::apply(standard_a, pocps::multiplier(pot, pocps::ONE, pocps::ONE).unwrap()).unwrap();
    assert!((paid_a as f64 / standard_a as f64 - 0.1).abs() < 0.002, "PoT ≈ 0.1");
    assert_eq!(env.balance(&w.lp.tokens).await - before, paid_a);
    assert_eq!(supply - env.supply().await, burned_a);
    assert_eq!(env.account::<pinfi::state::Device>(&device_a).await.rewards_earned, paid_a);

    let supply = env.supply().await;
    env.claim_rewards(w.h100, b, w.seller.tokens, 1, 1).await.unwrap();
    let standard_b = (rho(525_000, 7_200) * 3_600 >> 64) as u64;
    assert_eq!(supply - env.supply().await, standard_b, "failed: all burned");
    assert_eq!(env.account::<Stake>(&b).await.rewards_paid, 0);

    // Conservation over the three epochs: minted to miners = paid + burned (A100's empty shares,
    // multipliers, failure) + what is left in the vault.
    let p: Pool = env.pool(&w.h100).await;
    let q: Pool = env.pool(&w.a100).await;
    let vault = env.balance(&rewards_vault_pda()).await;
    assert_eq!(p.rewards_paid + p.rewards_burned + q.rewards_burned + vault, 3 * 700_000);
    assert!(vault <= 3, "only rounding dust stays: {vault}");

    env.settle_stake(w.h100, a, w.lp.key(), w.lp.tokens).await.unwrap();
    env.settle_stake(w.h100, b, w.seller.key(), w.seller.tokens).await.unwrap();
}

#[tokio::test]
async fn emission_configuration_and_weights_are_guarded() {
    let mut env = Env::with_pools(&["H100"], default_pool_params()).await;
    let h100 = pool_pda(&class("H100"));
    let mint = env.mint;
    let foundation = env.token_account(&mint, &Keypair::new().pubkey()).await;
    let team = env.token_account(&mint, &Keypair::new().pubkey()).await;
    let admin = env.admin.insecure_clone();
    // Before configuration there is no rewards vault, so no epoch can close.
    assert_anchor_err(env.close_epoch(0).await, anchor_lang::error::ErrorCode::AccountNotInitialized);
    let outsider = Keypair::new();
    env.airdrop(&outsider.pubkey(), 1_000_000_000).await;
    assert_pinfi_err(env.configure_emission(&outsider, params(foundation, team, 1)).await, PinfiError::NotOwner);
    assert_pinfi_err(env.configure_emission(&admin, params(foundation, team, 1)).await, PinfiError::MintAuthorityNotProtocol);
    env.mint_authority_to_protocol().await;
    let past = EmissionParams { genesis: T0 - 1, ..params(foundation, team, 1) };
    assert_pinfi_err(env.configure_emission(&admin, past).await, PinfiError::InvalidEmissionParams);
    let greedy = EmissionParams { miners_bps: 9_000, ..params(foundation, team, 1) };
    assert_pinfi_err(env.configure_emission(&admin, greedy).await, PinfiError::InvalidEmissionParams);
    env.configure_emission(&admin, params(foundation, team, 1)).await.unwrap();
    assert_pinfi_err(env.set_pool_weight(&outsider, h100, 5).await, PinfiError::NotOwner);
    env.set_pool_weight(&admin, h100, 5).await.unwrap();
    env.set_pool_weight(&admin, h100, 2).await.unwrap();
    assert_eq!(env.account::<pinfi::state::Protocol>(&protocol_pda()).await.total_weight, 2);
    // The foundation's share goes to the configured account only.
    env.warp_to(G + HOUR).await;
    env.substitute_next(foundation, team);
    assert_pinfi_err(env.close_epoch(0).await, PinfiError::WrongTokenAccount);
    env.close_epoch(0).await.unwrap();
}

/// 22 owners, half LPs with liquidity, half sellers that sold hours; all end at T0+3h.
async fn sweep_world() -> (Env, Pubkey, Vec<(User, Pubkey)>) {
    let mut env = Env::with_pools(&["H100", "A100"], default_pool_params()).await;
    let h100 = pool_pda(&class("H100"));
    let mut owners = vec![];
    for _ in 0..22 {
        owners.push(env.user(500_000_000).await);
    }
    let mint = env.mint;
    let foundation = env.token_account(&mint, &Keypair::new().pubkey()).await;
    let team = env.token_account(&mint, &Keypair::new().pubkey()).await;
    env.mint_authority_to_protocol().await;
    let admin = env.admin.insecure_clone();
    env.configure_emission(&admin, params(foundation, team, 1)).await.unwrap();
    env.set_pool_weight(&admin, h100, 1).await.unwrap();
    let mut stakes = vec![];
    for (i, u) in owners.into_iter().enumerate() {
        let kind = if i % 2 == 0 { StakeKind::Lp } else { StakeKind::Seller };
        let (_, s) = env.stake_new_device(&u, h100, kind, T0 + 3 * HOUR).await;
        match kind {
            StakeKind::Lp => env.add_liquidity(&u, h100, s, u64::MAX).await.unwrap(),
            StakeKind::Seller => env.sell_hours(&u, h100, s, 1_800, 1).await.unwrap(),
        }
        stakes.push((u, s));
    }
    env.warp_to(T0 + 3 * HOUR).await;
    for e in 0..2 {
        env.close_epoch(e).await.unwrap();
        env.close_pool_epoch(h100, e).await.unwrap();
    }
    (env, h100, stakes)
}

#[tokio::test]
async fn sweeps_claim_and_settle_many_stakes_exactly() {
    let (mut env, h100, stakes) = sweep_world().await;
    let pool0: Pool = env.pool(&h100).await;
    let (pe0, pe1): (PoolEpoch, PoolEpoch) = (env.account(&pool_epoch_pda(&h100, 0)).await, env.account(&pool_epoch_pda(&h100, 1)).await);
    // Everyone staked the same window: the same standard reward, paid in full (multiplier 1).
    let standard = ((pe1.acc_at(pe1.end).wrapping_sub(pe0.acc_at(G))) >> 64) as u64;
    assert!(standard > 0);
    // Expected payouts: the pool's own transitions applied in sweep order to a copy of its books.
    let mut core = pool0.core();
    let mut expected = vec![];
    for (_, s) in &stakes {
        let st: Stake = env.account(s).await;
        expected.push(match st.kind {
            StakeKind::Lp => core.remove_liquidity(st.lp_shares).unwrap(),
            StakeKind::Seller => {
                core.release_seller(st.maintenance_escrow, st.collateral).unwrap();
                st.maintenance_escrow + st.collateral
            }
        });
    }
    let mut before = vec![];
    for (u, _) in &stakes {
        before.push(env.balance(&u.tokens).await);
    }
    let mut items = vec![];
    for (u, s) in &stakes {
        items.push(env.sweep_item(h100, *s, u.tokens, 0, 1).await);
    }
    // Legacy transactions (this harness) fit four stakes; v0 transactions with a lookup table
    // carry 20 and more (measured through the keeper on the localnet, BENCHMARKS.md).
    for chunk in items.chunks(4) {
        env.settle_expired_items(h100, chunk).await.unwrap();
    }

    let events = env.stakes_settled();
    assert_eq!(events.len(), 6);
    let settled: Vec<_> = events.iter().flat_map(|e| e.settled.iter().copied()).collect();
    assert_eq!(settled.len(), 22);
    for (i, (u, s)) in stakes.iter().enumerate() {
        let e = settled[i];
        assert_eq!((e.stake, e.paid_out, e.rewards_paid, e.rewards_burned), (*s, expected[i], standard, 0));
        assert_eq!(env.balance(&u.tokens).await - before[i], expected[i] + standard);
        assert!(!env.exists(s).await, "closed");
    }
    assert_eq!(env.pool(&h100).await.utility_reserve, core.utility_reserve);
    env.assert_vault_books(&h100).await;
    // Conservation: the miners' emission of both epochs is paid, or dust in the vault.
    let vault = env.balance(&rewards_vault_pda()).await;
    assert_eq!(22 * standard + vault, 2 * 700_000);
    // A second sweep over the same stakes finds them gone, and pays nothing.
    let supply = env.supply().await;
    assert_anchor_err(env.settle_expired_items(h100, &items[..2]).await, anchor_lang::error::ErrorCode::AccountNotInitialized);
    assert_eq!(env.supply().await, supply);
    assert_eq!(env.balance(&rewards_vault_pda()).await, vault);
}

#[tokio::test]
async fn sweep_constraints() {
    let (mut env, h100, stakes) = sweep_world().await;
    let (u0, s0) = (&stakes[0].0, stakes[0].1);
    let (u1, s1) = (&stakes[1].0, stakes[1].1);
    // Another owner's token account.
    assert_pinfi_err(env.settle_expired(h100, &[(s0, u1.tokens, 0, 1)]).await, PinfiError::WrongTokenAccount);
    // The wrong device, the wrong owner.
    let d1 = env.account::<Stake>(&s1).await.device;
    let d0 = env.account::<Stake>(&s0).await.device;
    env.substitute_next(d0, d1);
    assert_pinfi_err(env.settle_expired(h100, &[(s0, u0.tokens, 0, 1)]).await, PinfiError::WrongDevice);
    env.substitute_next(u0.key(), u1.key());
    assert_pinfi_err(env.settle_expired(h100, &[(s0, u0.tokens, 0, 1)]).await, PinfiError::NotOwner);
    // Another pool's epochs, another pool.
    let a100 = pool_pda(&class("A100"));
    env.close_pool_epoch(a100, 0).await.unwrap();
    env.close_pool_epoch(a100, 1).await.unwrap();
    env.substitute_next(pool_epoch_pda(&h100, 0), pool_epoch_pda(&a100, 0));
    assert_pinfi_err(env.settle_expired(h100, &[(s0, u0.tokens, 0, 1)]).await, PinfiError::WrongPool);
    assert_pinfi_err(env.settle_expired(a100, &[(s0, u0.tokens, 0, 1)]).await, PinfiError::WrongPool);
    // Epochs that do not reach the end leave rewards unclaimed: no settlement.
    assert_pinfi_err(env.settle_expired(h100, &[(s0, u0.tokens, 0, 0)]).await, PinfiError::RewardsUnclaimed);
    // A stake that has not ended.
    let (_, live) = env.stake_new_device(u0, h100, StakeKind::Lp, T0 + 5 * HOUR).await;
    assert_pinfi_err(env.settle_expired(h100, &[(live, u0.tokens, 0, 1)]).await, PinfiError::StakeNotEnded);
    // Nothing changed by the refusals: the real sweep still settles both.
    env.settle_expired(h100, &[(s0, u0.tokens, 0, 1), (s1, u1.tokens, 0, 1)]).await.unwrap();
}
