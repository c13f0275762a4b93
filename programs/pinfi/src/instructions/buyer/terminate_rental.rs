use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};
use pinfi_math::decay::balance_floor;
use pinfi_math::pool::CurveParams;

use crate::constants::PROTOCOL_SEED;
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::RentalTerminated;
use crate::state::{Pool, Protocol, Rental};
use crate::utils::token::{burn_from_vault, check_vault, transfer_out};
use crate::utils::validate::{not_paused, now};

/// Early termination: the unused hours go back to the pool as a lot ending at the rental's end,
/// sold at this instant's price (fee burned, no collateral: the buyer owns no device), and the
/// rental closes.
#[event_cpi]
#[derive(Accounts)]
pub struct TerminateRental<'info> {
    #[account(mut)]
    pub buyer: Signer<'info>,
    #[account(seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, close = buyer, has_one = buyer @ PinfiError::NotOwner, has_one = pool @ PinfiError::WrongPool)]
    pub rental: Account<'info, Rental>,
    #[account(mut, constraint = buyer_tokens.mint == protocol.utility_mint && buyer_tokens.owner == buyer.key() @ PinfiError::WrongTokenAccount)]
    pub buyer_tokens: Account<'info, TokenAccount>,
    #[account(mut, address = pool.vault @ PinfiError::WrongTokenAccount)]
    pub vault: Account<'info, TokenAccount>,
    #[account(mut, address = protocol.utility_mint @ PinfiError::WrongTokenAccount)]
    pub utility_mint: Account<'info, Mint>,
    pub token_program: Program<'info, Token>,
}

pub fn terminate_rental(ctx: Context<TerminateRental>, min_tokens_out: u64) -> Result<()> {
    not_paused(&ctx.accounts.protocol)?;
    let now = now()?;
    let pool = &mut ctx.accounts.pool;
    let rental = &ctx.accounts.rental;
    require!(now < rental.end, PinfiError::RentalEnded);
    let remaining = balance_floor(rental.rate, rental.end, now).pinfi()?;
    require!(remaining > 0, PinfiError::ZeroAmount);

    let mut core = pool.core();
    let curve = CurveParams { collateral_bps: 0, ..pool.curve() };
    let sold = core.sell_hours(&mut pool.slots, &curve, now, rental.end, remaining).pinfi()?;
    require_gte!(sold.seller_out, min_tokens_out, PinfiError::SlippageExceeded);
    pool.store(&core);

    let (program, vault) = (&ctx.accounts.token_program, &ctx.accounts.vault);
    transfer_out(program, pool, vault, &ctx.accounts.buyer_tokens, sold.seller_out)?;
    burn_from_vault(program, pool, vault, &ctx.accounts.utility_mint, sold.fee)?;
    check_vault(&mut ctx.accounts.vault, pool)?;
    let seq = pool.next_seq();
    emit_cpi!(RentalTerminated {
        pool: pool.key(), seq, rental: rental.key(), hours_returned: sold.hours_credited, fee_burned: sold.fee,
        buyer_out: sold.seller_out, hours_after: core.hours_at(&pool.slots, now).pinfi()?, utility_after: core.utility_reserve,
    });
    Ok(())
}
