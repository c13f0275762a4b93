use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};
use pinfi_math::reserve::Reserve;

use crate::constants::{ACCOUNT_VERSION, GPU_CLASS_LEN, POOL_SEED, PROTOCOL_SEED, VAULT_SEED};
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::PoolCreated;
use crate::state::{CensusState, Pool, PoolParams, Protocol, ReserveState};
use crate::utils::validate::{gpu_class_bytes, not_paused, now, pool_params};
use pinfi_math::SafeMath;

/// Permissionless: anyone may open the pool of a GPU class that has none yet.
#[event_cpi]
#[derive(Accounts)]
#[instruction(gpu_class: [u8; GPU_CLASS_LEN])]
pub struct CreatePool<'info> {
    #[account(mut)]
    pub creator: Signer<'info>,
    #[account(mut, seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(init, payer = creator, space = 8 + Pool::INIT_SPACE, seeds = [POOL_SEED, gpu_class.as_ref()], bump)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(
        init, payer = creator, seeds = [VAULT_SEED, pool.key().as_ref()], bump,
        token::mint = utility_mint, token::authority = pool,
    )]
    pub vault: Box<Account<'info, TokenAccount>>,
    #[account(address = protocol.utility_mint @ PinfiError::WrongTokenAccount)]
    pub utility_mint: Account<'info, Mint>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

pub fn create_pool(ctx: Context<CreatePool>, gpu_class: [u8; GPU_CLASS_LEN], params: PoolParams) -> Result<()> {
    let protocol = &mut ctx.accounts.protocol;
    not_paused(protocol)?;
    let len = gpu_class.iter().position(|b| *b == 0).unwrap_or(GPU_CLASS_LEN);
    require!(gpu_class[len..].iter().all(|b| *b == 0), PinfiError::InvalidGpuClass);
    let name = core::str::from_utf8(&gpu_class[..len]).map_err(|_| PinfiError::InvalidGpuClass)?;
    gpu_class_bytes(name)?;
    pool_params(&params, protocol)?;
    protocol.pool_count = protocol.pool_count.safe_add(1).pinfi()?;

    let reserve = Reserve::new(params.bucket_secs, now()?).pinfi()?;
    let pool = &mut ctx.accounts.pool;
    // Field by field: the 4 KiB slot ring is already zeroed by `init` and must not be built on
    // the SBF stack.
    pool.version = ACCOUNT_VERSION;
    pool.bump = ctx.bumps.pool;
    pool.vault_bump = ctx.bumps.vault;
    pool.gpu_class = gpu_class;
    pool.creator = ctx.accounts.creator.key();
    pool.vault = ctx.accounts.vault.key();
    pool.params = params;
    pool.reserve = ReserveState { rate_sum: 0, rate_end_sum: 0, scale: reserve.scale, cursor: reserve.cursor };
    // Rewards start with the epoch the pool is born in (all epochs, if before genesis).
    let now = now()?;
    pool.next_epoch = protocol.emission.schedule().and_then(|s| s.epoch_at(now)).unwrap_or(0);
    pool.census = CensusState { cursor: now, epoch: pool.next_epoch, ..CensusState::default() };
    let seq = pool.next_seq();
    emit_cpi!(PoolCreated { pool: pool.key(), seq, gpu_class, creator: pool.creator, params });
    Ok(())
}
