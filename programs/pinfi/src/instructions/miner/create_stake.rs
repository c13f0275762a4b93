use anchor_lang::prelude::*;
use anchor_spl::token::{Token, TokenAccount};
use pinfi_math::curve::per_hour_charge_ceil;
use pinfi_math::units::RATE_ONE;

use crate::constants::{ACCOUNT_VERSION, PROTOCOL_SEED, STAKE_SEED};
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::StakeCreated;
use crate::state::{BurnCertificate, Device, Pool, Protocol, Stake, StakeKind};
use crate::utils::token::{check_vault, transfer_in};
use crate::utils::validate::{not_paused, now, window_end};
use pinfi_math::SafeMath;

/// Certificate (+ maintenance fee for sellers) → a stake of one device over `[now, end]`.
#[event_cpi]
#[derive(Accounts)]
pub struct CreateStake<'info> {
    #[account(mut)]
    pub owner: Signer<'info>,
    #[account(seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, has_one = owner @ PinfiError::NotOwner, has_one = pool @ PinfiError::WrongPool)]
    pub device: Account<'info, Device>,
    #[account(mut, close = owner, has_one = owner @ PinfiError::NotOwner, has_one = pool @ PinfiError::WrongPool)]
    pub certificate: Account<'info, BurnCertificate>,
    #[account(
        init, payer = owner, space = 8 + Stake::INIT_SPACE,
        seeds = [STAKE_SEED, device.key().as_ref(), &device.stake_count.to_le_bytes()], bump,
    )]
    pub stake: Account<'info, Stake>,
    #[account(mut, constraint = owner_tokens.mint == protocol.utility_mint && owner_tokens.owner == owner.key() @ PinfiError::WrongTokenAccount)]
    pub owner_tokens: Account<'info, TokenAccount>,
    #[account(mut, address = pool.vault @ PinfiError::WrongTokenAccount)]
    pub vault: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

pub fn create_stake(ctx: Context<CreateStake>, kind: StakeKind, end: i64) -> Result<()> {
    not_paused(&ctx.accounts.protocol)?;
    let now = now()?;
    let pool = &mut ctx.accounts.pool;
    let device = &mut ctx.accounts.device;
    require!(now >= device.locked_until, PinfiError::OverlappingStake);
    let secs = window_end(end, now, &pool.params, pool.params.min_stake_secs, pool.params.max_stake_secs)?;
    require!(ctx.accounts.certificate.gpu_seconds >= secs, PinfiError::CertificateTooSmall);

    let maintenance_escrow = match kind {
        StakeKind::Lp => 0,
        StakeKind::Seller => per_hour_charge_ceil(pool.params.maintenance_per_gpu_hour, secs).pinfi()?,
    };
    transfer_in(&ctx.accounts.token_program, &ctx.accounts.owner_tokens, &ctx.accounts.vault, &ctx.accounts.owner, maintenance_escrow)?;
    let mut core = pool.core();
    core.lock_escrow(maintenance_escrow).pinfi()?;
    pool.store(&core);
    pool.stake_count = pool.stake_count.safe_add(1).pinfi()?;
    let schedule = ctx.accounts.protocol.emission.schedule();
    pool.with_census(|c, rings, b| c.add(rings, b, schedule.as_ref(), now, end)).pinfi()?;

    let index = device.stake_count;
    device.stake_count = index.safe_add(1).pinfi()?;
    device.locked_until = end;
    let stake = &mut ctx.accounts.stake;
    stake.set_inner(Stake {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.stake,
        owner: ctx.accounts.owner.key(),
        pool: pool.key(),
        device: device.key(),
        index,
        kind,
        start: now,
        end,
        rate: RATE_ONE,
        maintenance_escrow,
        collateral: 0,
        hours_pooled: 0,
        tokens: 0,
        lp_shares: 0,
        failed: false,
        failed_at: 0,
        strike_log: Default::default(),
        booked_until: 0,
        booked_by: Pubkey::default(),
        rewards_cursor: now,
        rewards_paid: 0,
        rewards_burned: 0,
        reserved: [0; 32],
    });
    check_vault(&mut ctx.accounts.vault, pool)?;
    let seq = pool.next_seq();
    emit_cpi!(StakeCreated {
        pool: pool.key(), seq, stake: stake.key(), device: device.key(), owner: stake.owner,
        kind, start: now, end, gpu_seconds: secs, maintenance_escrow,
    });
    Ok(())
}
