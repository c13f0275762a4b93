use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};

use crate::constants::PROTOCOL_SEED;
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::VerifierSlashed;
use crate::state::{Protocol, Verifier};
use crate::utils::token::burn_signed;
use pinfi_math::SafeMath;

/// A re-audited bundle that does not support its verdict: the admin (governance) burns part of the
/// verifier's stake. Reaches unbonding verifiers too; that is what unbonding waits for.
#[event_cpi]
#[derive(Accounts)]
pub struct SlashVerifier<'info> {
    pub admin: Signer<'info>,
    #[account(mut, seeds = [PROTOCOL_SEED], bump = protocol.bump, has_one = admin @ PinfiError::NotOwner)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut, has_one = vault @ PinfiError::WrongTokenAccount)]
    pub verifier: Account<'info, Verifier>,
    #[account(mut)]
    pub vault: Account<'info, TokenAccount>,
    #[account(mut, address = protocol.utility_mint @ PinfiError::WrongTokenAccount)]
    pub utility_mint: Account<'info, Mint>,
    pub token_program: Program<'info, Token>,
}

pub fn slash_verifier(ctx: Context<SlashVerifier>, amount: u64) -> Result<()> {
    require!(amount > 0, PinfiError::ZeroAmount);
    let verifier = &mut ctx.accounts.verifier;
    let burned = amount.min(verifier.staked);
    verifier.staked = verifier.staked.safe_sub(burned).pinfi()?;
    verifier.slashed = verifier.slashed.safe_add(burned).pinfi()?;
    let seeds = verifier.signer_seeds();
    burn_signed(&ctx.accounts.token_program, &ctx.accounts.vault, &ctx.accounts.utility_mint, &verifier.to_account_info(), &seeds, burned)?;
    let seq = ctx.accounts.protocol.next_seq();
    emit_cpi!(VerifierSlashed { seq, verifier: verifier.key(), burned, staked_after: verifier.staked });
    Ok(())
}
