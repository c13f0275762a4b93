use anchor_lang::prelude::*;
use anchor_spl::token::{self, Mint, Token, TokenAccount, Transfer};

declare_id!("PinFiSmKf6acCrWwuLhvZM8gWGUfWYX1iwQFePLmj3x");

#[program]
pub mod pinfi {
    use super::*;
    pub fn spike_init(ctx: Context<SpikeInit>, v: u64) -> Result<()> {
        ctx.accounts.state.v = v;
        ctx.accounts.state.ts = Clock::get()?.unix_timestamp;
        require!(v != 13, SpikeError::Unlucky);
        Ok(())
    }
    pub fn spike_transfer(ctx: Context<SpikeTransfer>, amount: u64) -> Result<()> {
        token::transfer(CpiContext::new(ctx.accounts.token_program.to_account_info(), Transfer {
            from: ctx.accounts.from.to_account_info(), to: ctx.accounts.to.to_account_info(),
            authority: ctx.accounts.authority.to_account_info() }), amount)
    }
}

#[account]
pub struct SpikeState { pub v: u64, pub ts: i64 }

#[derive(Accounts)]
pub struct SpikeInit<'info> {
    #[account(init, payer = payer, space = 8 + 16)]
    pub state: Account<'info, SpikeState>,
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

#[derive(Accounts)]
pub struct SpikeTransfer<'info> {
    #[account(mut)] pub from: Account<'info, TokenAccount>,
    #[account(mut)] pub to: Account<'info, TokenAccount>,
    pub mint: Account<'info, Mint>,
    pub authority: Signer<'info>,
    pub token_program: Program<'info, Token>,
}

#[error_code]
pub enum SpikeError { #[msg("unlucky")] Unlucky }
