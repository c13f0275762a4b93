use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};
use pinfi_math::decay::{balance_floor, rate_floor};

use crate::constants::PROTOCOL_SEED;
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::HoursBought;
use crate::state::{Pool, Protocol, Rental};
use crate::utils::token::{burn_from_vault, check_vault, transfer_in};
use crate::utils::validate::{not_paused, now, window_end};
use pinfi_math::SafeMath;

/// Keeps the same devices until `new_end`: buys the missing hours at this instant's price
/// (exact-out quote, fee included) and spreads the rental's balance over the longer window.
#[event_cpi]
#[derive(Accounts)]
pub struct ExtendRental<'info> {
    pub buyer: Signer<'info>,
    #[account(seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, has_one = buyer @ PinfiError::NotOwner, has_one = pool @ PinfiError::WrongPool)]
    pub rental: Account<'info, Rental>,
    #[account(mut, constraint = buyer_tokens.mint == protocol.utility_mint && buyer_tokens.owner == buyer.key() @ PinfiError::WrongTokenAccount)]
    pub buyer_tokens: Account<'info, TokenAccount>,
    #[account(mut, address = pool.vault @ PinfiError::WrongTokenAccount)]
    pub vault: Account<'info, TokenAccount>,
    #[account(mut, address = protocol.utility_mint @ PinfiError::WrongTokenAccount)]
    pub utility_mint: Account<'info, Mint>,
    pub token_program: Program<'info, Token>,
}

pub fn extend_rental(ctx: Context<ExtendRental>, new_end: i64, max_tokens_in: u64) -> Result<()> {
    not_paused(&ctx.accounts.protocol)?;
    let now = now()?;
    let pool = &mut ctx.accounts.pool;
    let rental = &mut ctx.accounts.rental;
    require!(now < rental.end, PinfiError::RentalEnded);
    require!(new_end > rental.end, PinfiError::InvalidEnd);
    window_end(new_end, now, &pool.params, 1, pool.params.max_stake_secs)?;

    let held = balance_floor(rental.rate, rental.end, now).pinfi()?;
    let needed = balance_floor(rental.rate, new_end, now).pinfi()?.safe_sub(held).pinfi()?;
    require!(needed > 0, PinfiError::ZeroAmount);
    let curve = pool.curve();
    let mut core = pool.core();
    let tokens_in = core.quote_buy_exact_out(&pool.slots, &curve, now, needed).pinfi()?;
    require_gte!(max_tokens_in, tokens_in, PinfiError::SlippageExceeded);
    let bought = core.buy_hours(&mut pool.slots, &curve, now, tokens_in).pinfi()?;
    pool.store(&core);

    let total = held.safe_add(bought.hours_out).pinfi()?;
    rental.rate = rate_floor(total, new_end, now).pinfi()?;
    rental.end = new_end;
    rental.gpu_seconds = rental.gpu_seconds.safe_add(bought.hours_out).pinfi()?;
    rental.paid = rental.paid.safe_add(tokens_in).pinfi()?;
    rental.fees = rental.fees.safe_add(bought.fee).pinfi()?;
    rental.devices = Rental::devices_for(rental.rate).ok_or(PinfiError::TooManyDevices)?;
    // The devices were booked for the old window: place the rental again (its own devices stay
    // eligible, see `assign_rental`).
    rental.reopen(now);

    let (program, vault) = (&ctx.accounts.token_program, &ctx.accounts.vault);
    transfer_in(program, &ctx.accounts.buyer_tokens, vault, &ctx.accounts.buyer, tokens_in)?;
    burn_from_vault(program, pool, vault, &ctx.accounts.utility_mint, bought.fee)?;
    check_vault(&mut ctx.accounts.vault, pool)?;
    let seq = pool.next_seq();
    emit_cpi!(HoursBought {
        pool: pool.key(), seq, rental: rental.key(), buyer: rental.buyer, tokens_in, fee_burned: bought.fee,
        hours_out: bought.hours_out, rental_end: new_end, hours_after: core.hours_at(&pool.slots, now).pinfi()?,
        utility_after: core.utility_reserve,
    });
    Ok(())
}
