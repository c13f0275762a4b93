use anchor_lang::prelude::*;

use crate::constants::PROTOCOL_SEED;
use crate::errors::PinfiError;
use crate::events::{FailReason, StakeFailed};
use crate::state::{Pool, Protocol, Stake};

/// Interim authority: the protocol admin marks a stake failed. The proof-of-compute work replaces
/// the admin with verifier verdicts; settlement already honours the flag.
#[event_cpi]
#[derive(Accounts)]
pub struct MarkStakeFailed<'info> {
    pub admin: Signer<'info>,
    #[account(seeds = [PROTOCOL_SEED], bump = protocol.bump, has_one = admin @ PinfiError::NotOwner)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, has_one = pool @ PinfiError::WrongPool)]
    pub stake: Account<'info, Stake>,
}

pub fn mark_stake_failed(ctx: Context<MarkStakeFailed>) -> Result<()> {
    let stake = &mut ctx.accounts.stake;
    require!(!stake.failed, PinfiError::AlreadyFailed);
    stake.failed = true;
    stake.failed_at = crate::utils::validate::now()?;
    let pool = &mut ctx.accounts.pool;
    let seq = pool.next_seq();
    emit_cpi!(StakeFailed { pool: pool.key(), seq, stake: stake.key(), reason: FailReason::Admin });
    Ok(())
}
