//! Token movements of program-owned token accounts (pool vaults, verifier vaults); the owning
//! PDA signs.

use anchor_lang::prelude::*;
use anchor_spl::token::{self, Burn, Mint, MintTo, Token, TokenAccount, Transfer};

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
    transfer_signed(token_program, vault, to, &pool.to_account_info(), &pool.signer_seeds(), amount)
}

/// Burns from the vault (swap fees, forfeited collateral), signed by the pool PDA.
pub fn burn_from_vault<'info>(
    token_program: &Program<'info, Token>,
    pool: &Account<'info, Pool>,
    vault: &Account<'info, TokenAccount>,
    mint: &Account<'info, Mint>,
    amount: u64,
) -> Result<()> {
    burn_signed(token_program, vault, mint, &pool.to_account_info(), &pool.signer_seeds(), amount)
}

/// Any PDA-owned token account → `to`, signed with the owner PDA's seeds.
pub fn transfer_signed<'info>(
    token_program: &Program<'info, Token>,
    from: &Account<'info, TokenAccount>,
    to: &Account<'info, TokenAccount>,
    authority: &AccountInfo<'info>,
    seeds: &[&[u8]],
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    token::transfer(
        CpiContext::new_with_signer(
            token_program.to_account_info(),
            Transfer { from: from.to_account_info(), to: to.to_account_info(), authority: authority.clone() },
            &[seeds],
        ),
        amount,
    )
}

/// Burns from a PDA-owned token account, signed with the owner PDA's seeds.
pub fn burn_signed<'info>(
    token_program: &Program<'info, Token>,
    from: &Account<'info, TokenAccount>,
    mint: &Account<'info, Mint>,
    authority: &AccountInfo<'info>,
    seeds: &[&[u8]],
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    token::burn(
        CpiContext::new_with_signer(
            token_program.to_account_info(),
            Burn { mint: mint.to_account_info(), from: from.to_account_info(), authority: authority.clone() },
            &[seeds],
        ),
        amount,
    )
}

/// Mints with a PDA mint authority (the protocol, for epoch emission).
pub fn mint_signed<'info>(
    token_program: &Program<'info, Token>,
    mint: &Account<'info, Mint>,
    to: &Account<'info, TokenAccount>,
    authority: &AccountInfo<'info>,
    seeds: &[&[u8]],
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    token::mint_to(
        CpiContext::new_with_signer(
            token_program.to_account_info(),
            MintTo { mint: mint.to_account_info(), to: to.to_account_info(), authority: authority.clone() },
            &[seeds],
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
