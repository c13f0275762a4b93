use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};

use crate::constants::{ACCOUNT_VERSION, EPOCH_SEED, POOL_EPOCH_SEED, PROTOCOL_SEED, REWARDS_VAULT_SEED};
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::PoolEpochClosed;
use crate::state::{Epoch, Pool, PoolEpoch, Protocol};
use crate::utils::token::burn_signed;
use crate::utils::validate::now;
use pinfi_math::fixed::mul_div_floor;
use pinfi_math::SafeMath;

/// Permissionless, one pool and one epoch per call, in order: the pool takes its weighted share
/// of the epoch's miners' tokens and fixes the reward per device-second `rho` from its census.
/// No stake is visited. A share nobody could earn (no device staked) is burned.
#[event_cpi]
#[derive(Accounts)]
#[instruction(index: u64)]
pub struct ClosePoolEpoch<'info> {
    #[account(mut)]
    pub cranker: Signer<'info>,
    #[account(seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut, seeds = [EPOCH_SEED, &index.to_le_bytes()], bump = epoch.bump)]
    pub epoch: Account<'info, Epoch>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(
        init, payer = cranker, space = 8 + PoolEpoch::INIT_SPACE,
        seeds = [POOL_EPOCH_SEED, pool.key().as_ref(), &index.to_le_bytes()], bump,
    )]
    pub pool_epoch: Account<'info, PoolEpoch>,
    #[account(mut, address = protocol.utility_mint @ PinfiError::WrongTokenAccount)]
    pub utility_mint: Account<'info, Mint>,
    #[account(mut, seeds = [REWARDS_VAULT_SEED], bump = protocol.rewards_vault_bump)]
    pub rewards_vault: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

pub fn close_pool_epoch(ctx: Context<ClosePoolEpoch>, index: u64) -> Result<()> {
    let protocol = &ctx.accounts.protocol;
    let schedule = protocol.emission.schedule().ok_or(PinfiError::EmissionNotConfigured)?;
    let pool = &mut ctx.accounts.pool;
    require_eq!(index, pool.next_epoch, PinfiError::WrongEpoch);
    let epoch = &mut ctx.accounts.epoch;

    let device_seconds = pool.epoch_device_seconds_at(&schedule, index, now()?).pinfi()?;
    let weighted = if epoch.total_weight == 0 { 0 } else { mul_div_floor(epoch.miners as u128, pool.weight as u128, epoch.total_weight as u128).pinfi()? };
    // A weight raised after the epoch closed must not take more than is left.
    let share = (weighted as u64).min(epoch.miners.safe_sub(epoch.assigned).pinfi()?);
    let (rho, burned) = if device_seconds == 0 { (0u128, share) } else { (((share as u128) << 64) / device_seconds as u128, 0) };
    burn_signed(&ctx.accounts.token_program, &ctx.accounts.rewards_vault, &ctx.accounts.utility_mint, &protocol.to_account_info(), &protocol.signer_seeds(), burned)?;

    let acc_start = pool.acc_reward;
    let span = (epoch.end - epoch.start) as u128;
    // Wrapping on purpose: only differences of the accumulator are ever used.
    pool.acc_reward = acc_start.wrapping_add(rho.wrapping_mul(span));
    pool.next_epoch = index.safe_add(1).pinfi()?;
    pool.rewards_burned = pool.rewards_burned.safe_add(burned).pinfi()?;
    epoch.assigned = epoch.assigned.safe_add(share).pinfi()?;
    epoch.pools_closed = epoch.pools_closed.safe_add(1).pinfi()?;
    let pool_epoch = &mut ctx.accounts.pool_epoch;
    pool_epoch.set_inner(PoolEpoch {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.pool_epoch,
        pool: pool.key(),
        index,
        start: epoch.start,
        end: epoch.end,
        share,
        device_seconds,
        rho,
        acc_start,
        burned,
        reserved: [0; 16],
    });
    let seq = pool.next_seq();
    emit_cpi!(PoolEpochClosed { pool: pool.key(), seq, index, share, device_seconds, rho, burned });
    Ok(())
}
