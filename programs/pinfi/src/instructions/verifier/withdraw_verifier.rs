use anchor_lang::prelude::*;
use anchor_spl::token::{self, CloseAccount, Token, TokenAccount};

use crate::constants::{PROTOCOL_SEED, VERIFIER_SEED};
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::VerifierWithdrawn;
use crate::state::{Protocol, Verifier};
use crate::utils::token::transfer_signed;
use crate::utils::validate::now;
use pinfi_math::SafeMath;

/// After unbonding, with no challenge left undecided: the stake goes back and both accounts close.
#[event_cpi]
#[derive(Accounts)]
pub struct WithdrawVerifier<'info> {
    #[account(mut)]
    pub authority: Signer<'info>,
    #[account(mut, seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut, close = authority, seeds = [VERIFIER_SEED, authority.key().as_ref()], bump = verifier.bump, has_one = authority @ PinfiError::NotOwner, has_one = vault @ PinfiError::WrongTokenAccount)]
    pub verifier: Account<'info, Verifier>,
    #[account(mut)]
    pub vault: Account<'info, TokenAccount>,
    #[account(mut, constraint = authority_tokens.mint == protocol.utility_mint && authority_tokens.owner == authority.key() @ PinfiError::WrongTokenAccount)]
    pub authority_tokens: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

pub fn withdraw_verifier(ctx: Context<WithdrawVerifier>) -> Result<()> {
    let v = &ctx.accounts.verifier;
    let unbonded_at = v.unbonding_since.safe_add(ctx.accounts.protocol.verification.unbonding_secs as i64).pinfi()?;
    require!(v.unbonding_since != 0 && now()? >= unbonded_at, PinfiError::UnbondingNotOver);
    require!(v.pending == 0, PinfiError::ChallengesPending);

    let seeds = v.signer_seeds();
    let info = v.to_account_info();
    let amount = ctx.accounts.vault.amount;
    let program = &ctx.accounts.token_program;
    transfer_signed(program, &ctx.accounts.vault, &ctx.accounts.authority_tokens, &info, &seeds, amount)?;
    token::close_account(CpiContext::new_with_signer(
        program.to_account_info(),
        CloseAccount {
            account: ctx.accounts.vault.to_account_info(),
            destination: ctx.accounts.authority.to_account_info(),
            authority: info,
        },
        &[&seeds],
    ))?;
    let protocol = &mut ctx.accounts.protocol;
    protocol.active_verifiers = protocol.active_verifiers.saturating_sub(1);
    let seq = protocol.next_seq();
    emit_cpi!(VerifierWithdrawn { seq, verifier: v.key(), amount });
    Ok(())
}
