//! Proof-of-compute on chain: verifier stakes, challenges, verdicts and their effects, every
//! amount checked to the base unit and every account constraint shown to reject the wrong account.

use crate::harness::*;
use crate::poc_harness::*;
use pinfi::errors::PinfiError;
use pinfi::manager::lottery;
use pinfi::state::{Challenge, ChallengeOutcome, Device, LotteryParams, Stake, StakeKind, VerificationParams, Verifier};
use solana_sdk::{pubkey::Pubkey, signature::Keypair, signer::Signer, sysvar};

const STAKE: u64 = 5_000_000;

struct World {
    env: Env,
    pool: Pubkey,
    miner: User,
    device: Pubkey,
    stake: Pubkey,
    v1: User,
    v2: User,
}

/// H100 pool, one seller stake live for 12 h, two registered verifiers.
async fn world() -> World {
    let mut env = Env::with_pools(&["H100"], default_pool_params()).await;
    env.set_verification(VerificationParams { min_verifier_stake: STAKE, unbonding_secs: 3_600, ..VerificationParams::DEFAULT }).await.unwrap();
    let pool = pool_pda(&class("H100"));
    let miner = env.user(100_000_000).await;
    let (device, stake) = env.stake_new_device(&miner, pool, StakeKind::Seller, T0 + 12 * HOUR).await;
    let v1 = env.user(STAKE).await;
    let v2 = env.user(STAKE).await;
    env.register_verifier(&v1, STAKE).await.unwrap();
    env.register_verifier(&v2, STAKE).await.unwrap();
    World { env, pool, miner, device, stake, v1, v2 }
}

fn nonce(n: u8) -> [u8; 32] {
    [n; 32]
}

#[tokio::test]
async fn pass_records_the_slot_hash_commitment_and_speed() {
    let mut w = world().await;
    let env = &mut w.env;
    assert_eq!(env.balance(&verifier_vault_pda(&verifier_pda(&w.v1.key()))).await, STAKE);
    assert_eq!(env.balance(&w.v1.tokens).await, 0);
    env.advance_slots(3).await;
    let c = env.open_challenge(&w.v1, w.pool, w.device, w.stake, nonce(9)).await.unwrap();
    let ch: Challenge = env.account(&c).await;
    // The seed's on-chain half: the newest SlotHashes entry at open, and the nonce commitment.
    let hashes = env.ctx.banks_client.get_sysvar::<solana_sdk::slot_hashes::SlotHashes>().await.unwrap();
    assert_eq!(ch.slot_hash, hashes.first().unwrap().1.to_bytes());
    assert_ne!(ch.slot_hash, [0; 32]);
    assert_eq!(ch.nonce_commit, commit(&nonce(9)));
    assert_eq!((ch.outcome, ch.id, ch.verifier), (ChallengeOutcome::Pending, 0, w.v1.key()));
    assert_eq!(env.account::<Verifier>(&verifier_pda(&w.v1.key())).await.pending, 1);

    env.submit_verdict(&w.v1, c, verdict(ChallengeOutcome::Pass, nonce(9), 900, 1_000)).await.unwrap();
    let d: Device = env.account(&w.device).await;
    assert_eq!((d.passes, d.strikes, d.failures, d.perf_bps), (1, 0, 0, 8_888)); // 0.8 × 1000 / 900
    assert_eq!(d.challenge_count, 1);
    let ch: Challenge = env.account(&c).await;
    assert_eq!((ch.outcome, ch.nonce, ch.elapsed_ms), (ChallengeOutcome::Pass, nonce(9), 900));
    let v: Verifier = env.account(&verifier_pda(&w.v1.key())).await;
    assert_eq!((v.pending, v.verdicts, v.opened), (0, 1, 1));
    assert!(!env.account::<Stake>(&w.stake).await.failed);

    // A decided challenge takes no second verdict.
    let r = env.submit_verdict(&w.v1, c, verdict(ChallengeOutcome::Wrong, nonce(9), 0, 0)).await;
    assert_pinfi_err(r, PinfiError::ChallengeDecided);
}

#[tokio::test]
async fn verdicts_are_checked_against_the_commitment_timings_and_signer() {
    let mut w = world().await;
    let env = &mut w.env;
    let c = env.open_challenge(&w.v1, w.pool, w.device, w.stake, nonce(1)).await.unwrap();
    let r = env.submit_verdict(&w.v1, c, verdict(ChallengeOutcome::Pass, nonce(2), 900, 1_000)).await;
    assert_pinfi_err(r, PinfiError::NonceMismatch);
    let r = env.submit_verdict(&w.v1, c, verdict(ChallengeOutcome::Pass, nonce(1), 1_001, 1_000)).await;
    assert_pinfi_err(r, PinfiError::InconsistentVerdict);
    let r = env.submit_verdict(&w.v1, c, verdict(ChallengeOutcome::Late, nonce(1), 1_000, 1_000)).await;
    assert_pinfi_err(r, PinfiError::InconsistentVerdict);
    let r = env.submit_verdict(&w.v1, c, verdict(ChallengeOutcome::Expired, nonce(1), 0, 1)).await;
    assert_pinfi_err(r, PinfiError::InconsistentVerdict);
    // Another staked verifier cannot post the verdict.
    let r = env.submit_verdict(&w.v2, c, verdict(ChallengeOutcome::Wrong, nonce(1), 0, 0)).await;
    assert_pinfi_err(r, PinfiError::WrongVerifier);
    // Accounts other than the challenge's own are refused.
    let (other_device, other_stake) = env.stake_new_device(&w.miner, w.pool, StakeKind::Lp, T0 + 12 * HOUR).await;
    env.substitute_next(w.device, other_device);
    assert_pinfi_err(env.submit_verdict(&w.v1, c, verdict(ChallengeOutcome::Pass, nonce(1), 1, 1)).await, PinfiError::WrongDevice);
    env.substitute_next(w.stake, other_stake);
    assert_pinfi_err(env.submit_verdict(&w.v1, c, verdict(ChallengeOutcome::Pass, nonce(1), 1, 1)).await, PinfiError::WrongDevice);
    let other_pool = {
        let creator = env.user(0).await;
        env.create_pool(&creator, class("A100"), default_pool_params()).await.unwrap();
        pool_pda(&class("A100"))
    };
    env.substitute_next(w.pool, other_pool);
    assert_pinfi_err(env.submit_verdict(&w.v1, c, verdict(ChallengeOutcome::Pass, nonce(1), 1, 1)).await, PinfiError::WrongPool);
    // After the window: too late to post, and now anyone may expire it.
    env.advance_slots(301).await;
    let r = env.submit_verdict(&w.v1, c, verdict(ChallengeOutcome::Pass, nonce(1), 900, 1_000)).await;
    assert_pinfi_err(r, PinfiError::VerdictWindowClosed);
}

#[tokio::test]
async fn objective_failure_forfeits_collateral_and_fee_exactly() {
    let mut w = world().await;
    let env = &mut w.env;
    // The seller sells 2 h; collateral 2 × gross and a 12 h maintenance escrow sit in the vault.
    let lp = env.user(1_000_000_000).await;
    let (_, lp_stake) = env.stake_new_device(&lp, w.pool, StakeKind::Lp, T0 + 24 * HOUR).await;
    env.add_liquidity(&lp, w.pool, lp_stake, u64::MAX).await.unwrap();
    env.sell_hours(&w.miner, w.pool, w.stake, 7_200, 1).await.unwrap();
    let s: Stake = env.account(&w.stake).await;
    let held = s.collateral + s.maintenance_escrow;
    assert_eq!(s.maintenance_escrow, 12 * 50_000);
    assert!(s.collateral > 0);

    let c = env.open_challenge(&w.v1, w.pool, w.device, w.stake, nonce(5)).await.unwrap();
    env.submit_verdict(&w.v1, c, verdict(ChallengeOutcome::Wrong, nonce(5), 400, 1_000)).await.unwrap();
    assert!(env.account::<Stake>(&w.stake).await.failed);
    assert_eq!(env.account::<Device>(&w.device).await.failures, 1);
    // A failed stake cannot be challenged again.
    let r = env.open_challenge(&w.v2, w.pool, w.device, w.stake, nonce(6)).await.map(|_| ());
    assert_pinfi_err(r, PinfiError::StakeNotLive);

    env.warp_to(T0 + 12 * HOUR).await;
    let (supply, miner_before) = (env.supply().await, env.balance(&w.miner.tokens).await);
    env.settle_stake(w.pool, w.stake, w.miner.key(), w.miner.tokens).await.unwrap();
    assert_eq!(env.balance(&w.miner.tokens).await, miner_before, "nothing refunded");
    assert_eq!(supply - env.supply().await, held, "collateral + fee burned");
    env.assert_vault_books(&w.pool).await;
}

#[tokio::test]
async fn strikes_from_one_verifier_alone_never_fail_a_stake() {
    let mut w = world().await;
    let env = &mut w.env;
    for (i, outcome) in [ChallengeOutcome::Late, ChallengeOutcome::NoOpen, ChallengeOutcome::NoResponse, ChallengeOutcome::Late, ChallengeOutcome::Late].into_iter().enumerate() {
        let c = env.open_challenge(&w.v1, w.pool, w.device, w.stake, nonce(i as u8)).await.unwrap();
        env.submit_verdict(&w.v1, c, verdict(outcome, nonce(i as u8), 2_000, 1_000)).await.unwrap();
        env.warp_to(T0 + 60 * (i as i64 + 1)).await;
    }
    let d: Device = env.account(&w.device).await;
    assert_eq!((d.strikes, d.perf_bps), (5, 4_000)); // the last one was late: 0.8 × 1000 / 2000
    assert!(!env.account::<Stake>(&w.stake).await.failed, "one verifier alone");
    // A second verifier's strike inside the window tips it.
    let c = env.open_challenge(&w.v2, w.pool, w.device, w.stake, nonce(77)).await.unwrap();
    env.submit_verdict(&w.v2, c, verdict(ChallengeOutcome::NoResponse, nonce(77), 0, 1_000)).await.unwrap();
    assert!(env.account::<Stake>(&w.stake).await.failed);
}

#[tokio::test]
async fn a_verifier_that_posts_nothing_gets_struck_and_suspended() {
    let mut w = world().await;
    let env = &mut w.env;
    let mut last = None;
    for i in 0..3u8 {
        let c = env.open_challenge(&w.v1, w.pool, w.device, w.stake, nonce(i)).await.unwrap();
        assert_pinfi_err(env.expire_challenge(c).await, PinfiError::VerdictWindowOpen);
        env.advance_slots(301).await;
        env.expire_challenge(c).await.unwrap();
        assert_pinfi_err(env.expire_challenge(c).await, PinfiError::ChallengeDecided);
        assert_eq!(env.account::<Challenge>(&c).await.outcome, ChallengeOutcome::Expired);
        last = Some(c);
    }
    let v: Verifier = env.account(&verifier_pda(&w.v1.key())).await;
    assert_eq!((v.strikes, v.pending), (3, 0));
    // The miner is not blamed for the verifier's silence.
    assert_eq!(env.account::<Device>(&w.device).await.strikes, 0);
    assert!(last.is_some());
    let r = env.open_challenge(&w.v1, w.pool, w.device, w.stake, nonce(50)).await.map(|_| ());
    assert_pinfi_err(r, PinfiError::VerifierInactive);
}

#[tokio::test]
async fn unbonding_withdrawal_and_slashing_move_exact_amounts() {
    let mut w = world().await;
    let env = &mut w.env;
    let vkey = verifier_pda(&w.v1.key());
    assert_pinfi_err(env.withdraw_verifier(&w.v1).await, PinfiError::UnbondingNotOver);

    // Slash: only the admin, burns exactly what it says (capped at the stake).
    let outsider = Keypair::new();
    env.airdrop(&outsider.pubkey(), 1_000_000_000).await;
    assert_pinfi_err(env.slash_verifier(&outsider, &w.v1.key(), 1).await, PinfiError::NotOwner);
    let supply = env.supply().await;
    let admin = env.admin.insecure_clone();
    env.slash_verifier(&admin, &w.v1.key(), 1_000_000).await.unwrap();
    assert_eq!(supply - env.supply().await, 1_000_000);
    let v: Verifier = env.account(&vkey).await;
    assert_eq!((v.staked, v.slashed), (STAKE - 1_000_000, 1_000_000));
    // Below the minimum it may no longer open challenges.
    let r = env.open_challenge(&w.v1, w.pool, w.device, w.stake, nonce(1)).await.map(|_| ());
    assert_pinfi_err(r, PinfiError::VerifierInactive);

    // v2: a pending challenge holds the withdrawal.
    let c = env.open_challenge(&w.v2, w.pool, w.device, w.stake, nonce(2)).await.unwrap();
    env.unbond_verifier(&w.v2).await.unwrap();
    assert_pinfi_err(env.unbond_verifier(&w.v2).await, PinfiError::AlreadyUnbonding);
    let r = env.open_challenge(&w.v2, w.pool, w.device, w.stake, nonce(3)).await.map(|_| ());
    assert_pinfi_err(r, PinfiError::VerifierInactive);
    assert_pinfi_err(env.withdraw_verifier(&w.v2).await, PinfiError::UnbondingNotOver);
    env.warp_to(T0 + HOUR).await;
    assert_pinfi_err(env.withdraw_verifier(&w.v2).await, PinfiError::ChallengesPending);
    env.submit_verdict(&w.v2, c, verdict(ChallengeOutcome::Pass, nonce(2), 500, 1_000)).await.unwrap();
    let rent = env.ctx.banks_client.get_account(verifier_pda(&w.v2.key())).await.unwrap().unwrap().lamports;
    let lamports = env.ctx.banks_client.get_balance(w.v2.key()).await.unwrap();
    let active = env.account::<pinfi::state::Protocol>(&protocol_pda()).await.active_verifiers;
    env.withdraw_verifier(&w.v2).await.unwrap();
    assert_eq!(env.account::<pinfi::state::Protocol>(&protocol_pda()).await.active_verifiers, active - 1, "the lottery's denominator");
    assert_eq!(env.balance(&w.v2.tokens).await, STAKE);
    assert!(!env.exists(&verifier_pda(&w.v2.key())).await);
    assert!(!env.exists(&verifier_vault_pda(&verifier_pda(&w.v2.key()))).await);
    assert!(env.ctx.banks_client.get_balance(w.v2.key()).await.unwrap() > lamports + rent, "both rents back");
}

#[tokio::test]
async fn open_challenge_constraints() {
    let mut w = world().await;
    let env = &mut w.env;
    // Too small a stake to register.
    let poor = env.user(STAKE + 100_000_000).await;
    assert_pinfi_err(env.register_verifier(&poor, STAKE - 1).await, PinfiError::VerifierStakeTooLow);
    // A miner may not verify its own device.
    env.register_verifier(&poor, STAKE).await.unwrap();
    let (own_device, own_stake) = env.stake_new_device(&poor, w.pool, StakeKind::Lp, T0 + 12 * HOUR).await;
    let r = env.open_challenge(&poor, w.pool, own_device, own_stake, nonce(1)).await.map(|_| ());
    assert_pinfi_err(r, PinfiError::SelfChallenge);
    // The stake must belong to the device.
    let r = env.open_challenge(&w.v1, w.pool, w.device, own_stake, nonce(1)).await.map(|_| ());
    assert_pinfi_err(r, PinfiError::WrongDevice);
    // The device must belong to the pool.
    let creator = env.user(0).await;
    env.create_pool(&creator, class("A100"), default_pool_params()).await.unwrap();
    env.substitute_next(w.pool, pool_pda(&class("A100")));
    let r = env.open_challenge(&w.v1, w.pool, w.device, w.stake, nonce(1)).await.map(|_| ());
    assert_pinfi_err(r, PinfiError::WrongPool);
    // The slot hashes must come from the sysvar, not an account the verifier filled.
    env.substitute_next(sysvar::slot_hashes::ID, sysvar::clock::ID);
    let r = env.open_challenge(&w.v1, w.pool, w.device, w.stake, nonce(1)).await.map(|_| ());
    assert_anchor_err(r, anchor_lang::error::ErrorCode::ConstraintAddress);
    // Someone else's verifier account.
    env.substitute_next(verifier_pda(&w.v1.key()), verifier_pda(&w.v2.key()));
    let r = env.open_challenge(&w.v1, w.pool, w.device, w.stake, nonce(1)).await.map(|_| ());
    assert_anchor_err(r, anchor_lang::error::ErrorCode::ConstraintSeeds);
    // An ended stake is not challenged.
    env.warp_to(T0 + 12 * HOUR).await;
    let r = env.open_challenge(&w.v1, w.pool, w.device, w.stake, nonce(1)).await.map(|_| ());
    assert_pinfi_err(r, PinfiError::StakeNotLive);
}

#[tokio::test]
async fn endpoints_are_their_owners_to_set() {
    let mut w = world().await;
    let env = &mut w.env;
    env.set_device_endpoint(&w.miner, w.pool, w.device, "http://10.0.0.7:7070").await.unwrap();
    assert_eq!(env.account::<Device>(&w.device).await.endpoint, "http://10.0.0.7:7070");
    assert_pinfi_err(env.set_device_endpoint(&w.v1, w.pool, w.device, "http://evil").await, PinfiError::NotOwner);
    let long = "x".repeat(129);
    assert_pinfi_err(env.set_device_endpoint(&w.miner, w.pool, w.device, &long).await, PinfiError::EndpointTooLong);
    // A verifier publishes where its evidence is; only its authority can, within the same bound.
    let v1 = w.v1.key();
    env.set_verifier_endpoint(&w.v1, &v1, "https://v1.example/pinfi").await.unwrap();
    assert_eq!(env.account::<Verifier>(&verifier_pda(&v1)).await.endpoint, "https://v1.example/pinfi");
    let r = env.set_verifier_endpoint(&w.v2, &v1, "http://evil").await;
    assert_anchor_err(r, anchor_lang::error::ErrorCode::ConstraintSeeds);
    assert_pinfi_err(env.set_verifier_endpoint(&w.v1, &v1, &long).await, PinfiError::EndpointTooLong);
    env.set_verifier_endpoint(&w.v1, &v1, &long[..128]).await.unwrap();
    assert_eq!(env.account::<Verifier>(&verifier_pda(&v1)).await.endpoint.len(), 128);
    // Bad verification parameters are refused.
    let r = env.set_verification(VerificationParams { distinct_verifiers_to_fail: 1, ..VerificationParams::DEFAULT }).await;
    assert_pinfi_err(r, PinfiError::InvalidVerificationParams);
}

#[tokio::test]
async fn the_lottery_decides_which_verifier_may_challenge_which_device() {
    let mut w = world().await;
    let env = &mut w.env;
    // Bad parameters; then rounds of 10 slots, one draw per device among the 2 verifiers (½ each).
    for bad in [LotteryParams { round_slots: 241, draws: 1 }, LotteryParams { round_slots: 10, draws: 0 }] {
        assert_pinfi_err(env.set_lottery(bad).await, PinfiError::InvalidLotteryParams);
    }
    let secrets = RoundSecrets::new(1, 64);
    let slot = env.slot().await;
    assert_pinfi_err(env.commit_lottery(&w.v1, secrets.root(), slot + 1, 64).await, PinfiError::LotteryCommitRefused);
    env.set_lottery(LotteryParams { round_slots: 10, draws: 1 }).await.unwrap();
    assert_eq!(env.account::<pinfi::state::Protocol>(&protocol_pda()).await.active_verifiers, 2);
    // Without a ticket nothing opens; secrets must be committed for a future slot, once.
    assert_pinfi_err(env.open_challenge(&w.v1, w.pool, w.device, w.stake, nonce(40)).await.map(|_| ()), PinfiError::LotteryTicketMissing);
    let slot = env.slot().await;
    assert_pinfi_err(env.commit_lottery(&w.v1, secrets.root(), slot, 64).await, PinfiError::LotteryCommitRefused);
    let start = slot + 5;
    env.commit_lottery(&w.v1, secrets.root(), start, 64).await.unwrap();
    assert_pinfi_err(env.commit_lottery(&w.v1, secrets.root(), start + 1_000, 64).await, PinfiError::LotteryCommitRefused);
    let committed = env.account::<Verifier>(&verifier_pda(&w.v1.key())).await.lottery;
    assert_eq!((committed.root, committed.start_slot, committed.rounds, committed.round_slots), (secrets.root(), start, 64, 10));
    let r = env.open_challenge_with(&w.v1, w.pool, w.device, w.stake, nonce(41), Some(secrets.ticket(0))).await.map(|_| ());
    assert_pinfi_err(r, PinfiError::LotteryRoundInvalid); // before its first round

    // Round by round: the program's verdict on the ticket is exactly the draw computed here.
    let (mut won, mut lost) = (0, 0);
    for round in 0..40u64 {
        let at = start + round * 10 + 1;
        let now = env.slot().await;
        if at > now {
            env.advance_slots(at - now).await;
        }
        let hash = lottery::slot_hash_at(&env.slot_hashes_data().await, start + round * 10).unwrap();
        let wins = lottery::wins(lottery::draw(&secrets.secrets[round as usize], &hash, &w.device), 1, 2);
        let r = env.open_challenge_with(&w.v1, w.pool, w.device, w.stake, nonce(50 + round as u8), Some(secrets.ticket(round))).await.map(|_| ());
        if wins {
            r.unwrap();
            won += 1;
        } else {
            assert_pinfi_err(r, PinfiError::LotteryNotDrawn);
            lost += 1;
        }
        if won >= 2 && lost >= 2 {
            // Forged tickets: another round's secret, a bent path, a round two back or ahead.
            let mut t = secrets.ticket(round);
            t.secret = secrets.secrets[round as usize + 1];
            assert_pinfi_err(env.open_challenge_with(&w.v1, w.pool, w.device, w.stake, nonce(90), Some(t)).await.map(|_| ()), PinfiError::LotteryBadProof);
            let mut t = secrets.ticket(round);
            t.path[0][0] ^= 1;
            assert_pinfi_err(env.open_challenge_with(&w.v1, w.pool, w.device, w.stake, nonce(91), Some(t)).await.map(|_| ()), PinfiError::LotteryBadProof);
            for other in [round - 2, round + 1] {
                let r = env.open_challenge_with(&w.v1, w.pool, w.device, w.stake, nonce(92), Some(secrets.ticket(other))).await.map(|_| ());
                assert_pinfi_err(r, PinfiError::LotteryRoundInvalid);
            }
            // v2 committed nothing: no round is valid for it.
            let r = env.open_challenge_with(&w.v2, w.pool, w.device, w.stake, nonce(93), Some(secrets.ticket(round))).await.map(|_| ());
            assert_pinfi_err(r, PinfiError::LotteryRoundInvalid);
            // As many draws as verifiers: every ticket of a committed round wins.
            env.set_lottery(LotteryParams { round_slots: 10, draws: 2 }).await.unwrap();
            env.open_challenge_with(&w.v1, w.pool, w.device, w.stake, nonce(94), Some(secrets.ticket(round))).await.unwrap();
            // Off again: no ticket needed.
            env.set_lottery(LotteryParams::default()).await.unwrap();
            env.open_challenge(&w.v1, w.pool, w.device, w.stake, nonce(95)).await.unwrap();
            return;
        }
    }
    panic!("40 rounds at ½ gave {won} wins and {lost} losses");
}
