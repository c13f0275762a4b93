//! Token movements of the pool vault. The pool PDA signs for the vault.

use anchor_lang::prelude::*;
use anchor_spl::token::{self, Burn, Mint, Token, TokenAccount, Transfer};

use crate::errors::{IntoPinfi, PinfiError};
use crate::state::Pool;

/// User → vault (or any account the user's signer owns).
pub fn transfer_in<'info>(
    token_program: &Program<'info, Token>,
    from: &Account<'info, TokenAccount>,
    to: &Account<'info, TokenAccount>,
    authority: &Signer<'info>,
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    token::transfer(
        CpiContext::new(
            token_program.to_account_info(),
            Transfer { from: from.to_account_info(), to: to.to_account_info(), authority: authority.to_account_info() },
        ),
        amount,
    )
}

/// Vault → user, signed by the pool PDA.
pub fn transfer_out<'info>(
    token_program: &Program<'info, Token>,
    pool: &Account<'info, Pool>,
    vault: &Account<'info, TokenAccount>,
    to: &Account<'info, TokenAccount>,
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    let seeds = pool.signer_seeds();
    token::transfer(
        CpiContext::new_with_signer(
            token_program.to_account_info(),
            Transfer { from: vault.to_account_info(), to: to.to_account_info(), authority: pool.to_account_info() },
            &[&seeds],
        ),
        amount,
    )
}

/// Burns from the vault (swap fees, forfeited collateral), signed by the pool PDA.
pub fn burn_from_vault<'info>(
    token_program: &Program<'info, Token>,
    pool: &Account<'info, Pool>,
    vault: &Account<'info, TokenAccount>,
    mint: &Account<'info, Mint>,
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    let seeds = pool.signer_seeds();
    token::burn(
        CpiContext::new_with_signer(
            token_program.to_account_info(),
            Burn { mint: mint.to_account_info(), from: vault.to_account_info(), authority: pool.to_account_info() },
            &[&seeds],
        ),
        amount,
    )
}

/// The vault must hold at least what the pool's books say (donations may only add).
pub fn check_vault(vault: &mut Account<'_, TokenAccount>, pool: &Pool) -> Result<()> {
    vault.reload()?;
    let expected = pool.core().vault_expected().pinfi()?;
    require_gte!(vault.amount, expected, PinfiError::VaultMismatch);
    Ok(())
}
