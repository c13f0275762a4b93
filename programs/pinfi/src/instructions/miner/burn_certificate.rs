use anchor_lang::prelude::*;
use anchor_spl::token::{self, Burn, Mint, Token, TokenAccount};
use pinfi_math::curve::per_hour_charge_ceil;

use crate::constants::{ACCOUNT_VERSION, CERTIFICATE_SEED, PROTOCOL_SEED};
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::CertificateBurned;
use crate::state::{BurnCertificate, Pool, Protocol};
use crate::utils::validate::{not_paused, now};

#[event_cpi]
#[derive(Accounts)]
#[instruction(nonce: u64)]
pub struct BurnForCertificate<'info> {
    #[account(mut)]
    pub owner: Signer<'info>,
    #[account(seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, address = protocol.utility_mint @ PinfiError::WrongTokenAccount)]
    pub utility_mint: Account<'info, Mint>,
    #[account(mut, constraint = owner_tokens.mint == protocol.utility_mint && owner_tokens.owner == owner.key() @ PinfiError::WrongTokenAccount)]
    pub owner_tokens: Account<'info, TokenAccount>,
    #[account(
        init, payer = owner, space = 8 + BurnCertificate::INIT_SPACE,
        seeds = [CERTIFICATE_SEED, owner.key().as_ref(), pool.key().as_ref(), &nonce.to_le_bytes()], bump,
    )]
    pub certificate: Account<'info, BurnCertificate>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

pub fn burn_for_certificate(ctx: Context<BurnForCertificate>, nonce: u64, gpu_seconds: u64) -> Result<()> {
    not_paused(&ctx.accounts.protocol)?;
    let pool = &mut ctx.accounts.pool;
    require!(gpu_seconds > 0, PinfiError::ZeroAmount);
    require!(gpu_seconds <= pool.params.max_stake_secs as u64, PinfiError::InvalidDuration);
    let burned = per_hour_charge_ceil(pool.params.burn_per_gpu_hour, gpu_seconds).pinfi()?;
    token::burn(
        CpiContext::new(
            ctx.accounts.token_program.to_account_info(),
            Burn {
                mint: ctx.accounts.utility_mint.to_account_info(),
                from: ctx.accounts.owner_tokens.to_account_info(),
                authority: ctx.accounts.owner.to_account_info(),
            },
        ),
        burned,
    )?;
    let certificate = &mut ctx.accounts.certificate;
    certificate.set_inner(BurnCertificate {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.certificate,
        owner: ctx.accounts.owner.key(),
        pool: pool.key(),
        nonce,
        gpu_seconds,
        burned,
        created_at: now()?,
    });
    let seq = pool.next_seq();
    emit_cpi!(CertificateBurned { pool: pool.key(), seq, certificate: certificate.key(), owner: certificate.owner, gpu_seconds, burned });
    Ok(())
}
