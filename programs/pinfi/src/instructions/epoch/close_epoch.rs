use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};
use pinfi_math::emission::split;

use crate::constants::{ACCOUNT_VERSION, EPOCH_SEED, PROTOCOL_SEED, REWARDS_VAULT_SEED};
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::EpochClosed;
use crate::state::{Epoch, Protocol};
use crate::utils::token::mint_signed;
use crate::utils::validate::now;
use pinfi_math::SafeMath;

/// Permissionless once the epoch has ended: mints its emission (miners' share to the rewards
/// vault, foundation and team to theirs). The `Epoch` PDA can be created once only.
#[event_cpi]
#[derive(Accounts)]
#[instruction(index: u64)]
pub struct CloseEpoch<'info> {
    #[account(mut)]
    pub cranker: Signer<'info>,
    #[account(mut, seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(init, payer = cranker, space = 8 + Epoch::INIT_SPACE, seeds = [EPOCH_SEED, &index.to_le_bytes()], bump)]
    pub epoch: Account<'info, Epoch>,
    #[account(mut, address = protocol.utility_mint @ PinfiError::WrongTokenAccount)]
    pub utility_mint: Account<'info, Mint>,
    #[account(mut, seeds = [REWARDS_VAULT_SEED], bump = protocol.rewards_vault_bump)]
    pub rewards_vault: Account<'info, TokenAccount>,
    #[account(mut, address = protocol.emission.foundation @ PinfiError::WrongTokenAccount)]
    pub foundation: Account<'info, TokenAccount>,
    #[account(mut, address = protocol.emission.team @ PinfiError::WrongTokenAccount)]
    pub team: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

pub fn close_epoch(ctx: Context<CloseEpoch>, index: u64) -> Result<()> {
    let protocol = &mut ctx.accounts.protocol;
    let schedule = protocol.emission.schedule().ok_or(PinfiError::EmissionNotConfigured)?;
    require_eq!(index, protocol.next_epoch, PinfiError::WrongEpoch);
    let (start, end) = (schedule.epoch_start(index).pinfi()?, schedule.epoch_start(index.safe_add(1).pinfi()?).pinfi()?);
    require_gte!(now()?, end, PinfiError::EpochNotOver);

    let minted = schedule.epoch_emission(index, protocol.emitted).pinfi()?;
    let parts = split(minted, protocol.emission.miners_bps, protocol.emission.foundation_bps).pinfi()?;
    let (program, mint) = (&ctx.accounts.token_program, &ctx.accounts.utility_mint);
    let seeds = protocol.signer_seeds();
    let authority = protocol.to_account_info();
    mint_signed(program, mint, &ctx.accounts.rewards_vault, &authority, &seeds, parts.miners)?;
    mint_signed(program, mint, &ctx.accounts.foundation, &authority, &seeds, parts.foundation)?;
    mint_signed(program, mint, &ctx.accounts.team, &authority, &seeds, parts.team)?;

    protocol.emitted = protocol.emitted.safe_add(minted).pinfi()?;
    protocol.next_epoch = index.safe_add(1).pinfi()?;
    let epoch = &mut ctx.accounts.epoch;
    epoch.set_inner(Epoch {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.epoch,
        index,
        start,
        end,
        minted,
        miners: parts.miners,
        foundation: parts.foundation,
        team: parts.team,
        total_weight: protocol.total_weight,
        assigned: 0,
        pools_closed: 0,
        reserved: [0; 16],
    });
    let seq = protocol.next_seq();
    emit_cpi!(EpochClosed { seq, index, start, end, minted, miners: parts.miners, foundation: parts.foundation, team: parts.team, emitted_total: protocol.emitted });
    Ok(())
}
