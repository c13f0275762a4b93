use anchor_lang::prelude::*;
use anchor_lang::solana_program::hash::hash;

use crate::constants::{PROTOCOL_SEED, VERIFIER_SEED};
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::{FailReason, StakeFailed, VerdictPosted};
use crate::manager::verification::{effect_of, record_strike, Effect};
use crate::state::{Challenge, ChallengeOutcome, Device, Pool, Protocol, Stake, Verifier};
use crate::utils::validate::now;
use pinfi_math::SafeMath;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug)]
pub struct VerdictArgs {
    pub outcome: ChallengeOutcome,
    /// The nonce whose SHA-256 was committed at open.
    pub nonce: [u8; 32],
    /// Release of the seed → signed commitment, as the verifier measured it (RTT allowance included).
    pub elapsed_ms: u32,
    pub deadline_ms: u32,
    pub root: [u8; 32],
    pub walk_root: [u8; 32],
    pub evidence_hash: [u8; 32],
}

/// The challenge's verifier posts what it found inside the verdict window. Effects: a pass records
/// speed (PoW input); lateness and missing answers are strikes; an objective failure fails the stake.
#[event_cpi]
#[derive(Accounts)]
pub struct SubmitVerdict<'info> {
    pub authority: Signer<'info>,
    #[account(seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut, seeds = [VERIFIER_SEED, authority.key().as_ref()], bump = verifier.bump, has_one = authority @ PinfiError::NotOwner)]
    pub verifier: Account<'info, Verifier>,
    #[account(mut, address = challenge.pool @ PinfiError::WrongPool)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, address = challenge.device @ PinfiError::WrongDevice)]
    pub device: Account<'info, Device>,
    #[account(mut, address = challenge.stake @ PinfiError::WrongDevice)]
    pub stake: Account<'info, Stake>,
    #[account(mut, constraint = challenge.verifier == authority.key() @ PinfiError::WrongVerifier)]
    pub challenge: Account<'info, Challenge>,
}

pub fn submit_verdict(ctx: Context<SubmitVerdict>, args: VerdictArgs) -> Result<()> {
    let challenge = &mut ctx.accounts.challenge;
    require!(challenge.outcome == ChallengeOutcome::Pending, PinfiError::ChallengeDecided);
    require_gte!(challenge.verdict_deadline_slot, Clock::get()?.slot, PinfiError::VerdictWindowClosed);
    require!(hash(&args.nonce).to_bytes() == challenge.nonce_commit, PinfiError::NonceMismatch);
    let effect = effect_of(args.outcome, args.elapsed_ms, args.deadline_ms).ok_or(PinfiError::InconsistentVerdict)?;

    let now = now()?;
    let verifier = &mut ctx.accounts.verifier;
    verifier.pending = verifier.pending.safe_sub(1).pinfi()?;
    verifier.verdicts = verifier.verdicts.safe_add(1).pinfi()?;
    challenge.outcome = args.outcome;
    challenge.nonce = args.nonce;
    challenge.elapsed_ms = args.elapsed_ms;
    challenge.deadline_ms = args.deadline_ms;
    challenge.root = args.root;
    challenge.walk_root = args.walk_root;
    challenge.evidence_hash = args.evidence_hash;
    challenge.decided_at = now;

    let device = &mut ctx.accounts.device;
    let stake = &mut ctx.accounts.stake;
    device.last_verdict_at = now;
    let fail = match effect {
        Effect::Pass { perf_bps } => {
            device.passes = device.passes.safe_add(1).pinfi()?;
            device.perf_bps = perf_bps;
            None
        }
        Effect::Strike => {
            device.strikes = device.strikes.safe_add(1).pinfi()?;
            if args.outcome == ChallengeOutcome::Late {
                device.perf_bps = crate::manager::verification::perf_bps(args.elapsed_ms, args.deadline_ms);
            }
            let rules = &ctx.accounts.protocol.verification;
            record_strike(&mut stake.strike_log, verifier.authority, now, rules).then_some(FailReason::Strikes)
        }
        Effect::Fail => {
            device.failures = device.failures.safe_add(1).pinfi()?;
            Some(FailReason::WrongProof)
        }
    };
    // A stake fails once; later verdicts still count on the device.
    let fail = fail.filter(|_| !stake.failed);
    let pool = &mut ctx.accounts.pool;
    if let Some(reason) = fail {
        stake.failed = true;
        stake.failed_at = now;
        let seq = pool.next_seq();
        emit_cpi!(StakeFailed { pool: pool.key(), seq, stake: stake.key(), reason });
    }
    let seq = pool.next_seq();
    emit_cpi!(VerdictPosted {
        pool: pool.key(), seq, challenge: challenge.key(), device: device.key(), stake: stake.key(),
        outcome: args.outcome, elapsed_ms: args.elapsed_ms, deadline_ms: args.deadline_ms,
        evidence_hash: args.evidence_hash, stake_failed: fail.is_some(),
    });
    Ok(())
}
