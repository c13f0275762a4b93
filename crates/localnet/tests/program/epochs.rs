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
