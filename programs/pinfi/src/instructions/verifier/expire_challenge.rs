use anchor_lang::prelude::*;

use crate::constants::{PROTOCOL_SEED, VERIFIER_SEED};
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::ChallengeExpired;
use crate::state::{Challenge, ChallengeOutcome, Pool, Protocol, Verifier};
use pinfi_math::SafeMath;

/// Permissionless once the verdict window has passed with no verdict: the verifier gets a strike
/// (enough of them suspend it) and the miner is not blamed.
#[event_cpi]
#[derive(Accounts)]
pub struct ExpireChallenge<'info> {
    #[account(seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut, seeds = [VERIFIER_SEED, challenge.verifier.as_ref()], bump = verifier.bump)]
    pub verifier: Account<'info, Verifier>,
    #[account(mut, address = challenge.pool @ PinfiError::WrongPool)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut)]
    pub challenge: Account<'info, Challenge>,
}

pub fn expire_challenge(ctx: Context<ExpireChallenge>) -> Result<()> {
    let challenge = &mut ctx.accounts.challenge;
    require!(challenge.outcome == ChallengeOutcome::Pending, PinfiError::ChallengeDecided);
    require_gt!(Clock::get()?.slot, challenge.verdict_deadline_slot, PinfiError::VerdictWindowOpen);
    challenge.outcome = ChallengeOutcome::Expired;
    challenge.decided_at = Clock::get()?.unix_timestamp;
    let verifier = &mut ctx.accounts.verifier;
    verifier.pending = verifier.pending.safe_sub(1).pinfi()?;
    verifier.strikes = verifier.strikes.safe_add(1).pinfi()?;
    let pool = &mut ctx.accounts.pool;
    let seq = pool.next_seq();
    emit_cpi!(ChallengeExpired { pool: pool.key(), seq, challenge: challenge.key(), verifier: verifier.authority, verifier_strikes: verifier.strikes });
    Ok(())
}
