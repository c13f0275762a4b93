use anchor_lang::prelude::*;

use crate::constants::{PROTOCOL_SEED, VERIFIER_SEED};
use crate::errors::PinfiError;
use crate::events::LotteryCommitted;
use crate::state::{LotteryCommitment, Protocol, Verifier};

/// Commits the verifier's round secrets (decisions.md §31). Only from a future slot, so no round's
/// slot hash exists yet, and only once the previous commitment has ended, so a verifier cannot
/// swap secrets to aim at devices.
#[event_cpi]
#[derive(Accounts)]
pub struct CommitLottery<'info> {
    pub authority: Signer<'info>,
    #[account(mut, seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut, seeds = [VERIFIER_SEED, authority.key().as_ref()], bump = verifier.bump, has_one = authority @ PinfiError::NotOwner)]
    pub verifier: Account<'info, Verifier>,
}

pub fn commit_lottery(ctx: Context<CommitLottery>, root: [u8; 32], start_slot: u64, rounds: u32) -> Result<()> {
    let lottery = ctx.accounts.protocol.lottery;
    let slot = Clock::get()?.slot;
    let verifier = &mut ctx.accounts.verifier;
    require!(lottery.on() && rounds >= 1, PinfiError::LotteryCommitRefused);
    require!(start_slot > slot && slot >= verifier.lottery.end_slot(), PinfiError::LotteryCommitRefused);
    verifier.lottery = LotteryCommitment { root, start_slot, rounds, round_slots: lottery.round_slots };
    let seq = ctx.accounts.protocol.next_seq();
    emit_cpi!(LotteryCommitted { seq, verifier: verifier.key(), root, start_slot, rounds, round_slots: lottery.round_slots });
    Ok(())
}
