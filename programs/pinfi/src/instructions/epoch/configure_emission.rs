use anchor_lang::prelude::*;
use anchor_lang::solana_program::program_option::COption;
use anchor_spl::token::{Mint, Token, TokenAccount};

use crate::constants::{PROTOCOL_SEED, REWARDS_VAULT_SEED};
use crate::errors::PinfiError;
use crate::events::EmissionConfigured;
use crate::state::{EmissionParams, Protocol};
use crate::utils::validate::now;

/// Once: the schedule is a promise to miners, so it cannot be changed afterwards. The utility
/// mint's authority must already be the protocol PDA (emission mints).
#[event_cpi]
#[derive(Accounts)]
pub struct ConfigureEmission<'info> {
    #[account(mut)]
    pub admin: Signer<'info>,
    #[account(mut, seeds = [PROTOCOL_SEED], bump = protocol.bump, has_one = admin @ PinfiError::NotOwner)]
    pub protocol: Account<'info, Protocol>,
    #[account(address = protocol.utility_mint @ PinfiError::WrongTokenAccount)]
    pub utility_mint: Account<'info, Mint>,
    #[account(
        init, payer = admin, seeds = [REWARDS_VAULT_SEED], bump,
        token::mint = utility_mint, token::authority = protocol,
    )]
    pub rewards_vault: Account<'info, TokenAccount>,
    #[account(constraint = foundation.mint == protocol.utility_mint @ PinfiError::WrongTokenAccount)]
    pub foundation: Account<'info, TokenAccount>,
    #[account(constraint = team.mint == protocol.utility_mint @ PinfiError::WrongTokenAccount)]
    pub team: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

pub fn configure_emission(ctx: Context<ConfigureEmission>, params: EmissionParams) -> Result<()> {
    let protocol = &mut ctx.accounts.protocol;
    require!(!protocol.emission.configured(), PinfiError::EmissionAlreadyConfigured);
    require!(
        params.epoch_secs > 0
            && params.genesis >= now()?
            && params.per_day > 0
            && params.halving_secs > 0
            && params.max_supply > 0
            && params.pot_ramp_secs > 0
            && params.miners_bps as u32 + params.foundation_bps as u32 <= 10_000
            && params.foundation == ctx.accounts.foundation.key()
            && params.team == ctx.accounts.team.key(),
        PinfiError::InvalidEmissionParams
    );
    require!(ctx.accounts.utility_mint.mint_authority == COption::Some(protocol.key()), PinfiError::MintAuthorityNotProtocol);
    protocol.emission = params;
    protocol.rewards_vault_bump = ctx.bumps.rewards_vault;
    let seq = protocol.next_seq();
    emit_cpi!(EmissionConfigured { seq, params, rewards_vault: ctx.accounts.rewards_vault.key() });
    Ok(())
}
