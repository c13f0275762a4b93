use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};

use crate::constants::{ACCOUNT_VERSION, PROTOCOL_SEED, VERIFIER_SEED, VERIFIER_VAULT_SEED};
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::VerifierRegistered;
use crate::state::{LotteryCommitment, Protocol, Verifier};
use crate::utils::token::transfer_in;
use crate::utils::validate::not_paused;
use pinfi_math::SafeMath;

/// Anyone may verify by staking at least the protocol minimum; the stake is what a slash takes.
#[event_cpi]
#[derive(Accounts)]
pub struct RegisterVerifier<'info> {
    #[account(mut)]
    pub authority: Signer<'info>,
    #[account(mut, seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(init, payer = authority, space = 8 + Verifier::INIT_SPACE, seeds = [VERIFIER_SEED, authority.key().as_ref()], bump)]
    pub verifier: Account<'info, Verifier>,
    #[account(
        init, payer = authority, seeds = [VERIFIER_VAULT_SEED, verifier.key().as_ref()], bump,
        token::mint = utility_mint, token::authority = verifier,
    )]
    pub vault: Account<'info, TokenAccount>,
    #[account(mut, constraint = authority_tokens.mint == protocol.utility_mint && authority_tokens.owner == authority.key() @ PinfiError::WrongTokenAccount)]
    pub authority_tokens: Account<'info, TokenAccount>,
    #[account(address = protocol.utility_mint @ PinfiError::WrongTokenAccount)]
    pub utility_mint: Account<'info, Mint>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

pub fn register_verifier(ctx: Context<RegisterVerifier>, amount: u64) -> Result<()> {
    let protocol = &mut ctx.accounts.protocol;
    not_paused(protocol)?;
    require_gte!(amount, protocol.verification.min_verifier_stake.max(1), PinfiError::VerifierStakeTooLow);
    transfer_in(&ctx.accounts.token_program, &ctx.accounts.authority_tokens, &ctx.accounts.vault, &ctx.accounts.authority, amount)?;
    let verifier = &mut ctx.accounts.verifier;
    verifier.set_inner(Verifier {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.verifier,
        vault_bump: ctx.bumps.vault,
        authority: ctx.accounts.authority.key(),
        vault: ctx.accounts.vault.key(),
        staked: amount,
        unbonding_since: 0,
        pending: 0,
        strikes: 0,
        opened: 0,
        verdicts: 0,
        slashed: 0,
        endpoint: String::new(),
        lottery: LotteryCommitment::default(),
        reserved: [0; 32],
    });
    protocol.verifier_count = protocol.verifier_count.safe_add(1).pinfi()?;
    protocol.active_verifiers = protocol.active_verifiers.safe_add(1).pinfi()?;
    let seq = protocol.next_seq();
    emit_cpi!(VerifierRegistered { seq, verifier: verifier.key(), authority: verifier.authority, staked: amount });
    Ok(())
}
