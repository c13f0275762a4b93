use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};
use pinfi_math::decay::rate_floor;

use crate::constants::{ACCOUNT_VERSION, PROTOCOL_SEED, RENTAL_SEED};
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::HoursBought;
use crate::state::{Pool, Protocol, Rental, RentalStatus, MAX_RENTAL_DEVICES};
use crate::utils::token::{burn_from_vault, check_vault, transfer_in};
use crate::utils::validate::{not_paused, now, window_end};
use pinfi_math::SafeMath;

/// Buyer path: `tokens_in` (fee included, fee burned) buys hours drawn pro rata from every live
/// lot, held in a new rental used over `[now, end]`.
#[event_cpi]
#[derive(Accounts)]
#[instruction(rental_id: u64)]
pub struct BuyHours<'info> {
    #[account(mut)]
    pub buyer: Signer<'info>,
    #[account(seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(
        init, payer = buyer, space = 8 + Rental::INIT_SPACE,
        seeds = [RENTAL_SEED, pool.key().as_ref(), buyer.key().as_ref(), &rental_id.to_le_bytes()], bump,
    )]
    pub rental: Account<'info, Rental>,
    #[account(mut, constraint = buyer_tokens.mint == protocol.utility_mint && buyer_tokens.owner == buyer.key() @ PinfiError::WrongTokenAccount)]
    pub buyer_tokens: Account<'info, TokenAccount>,
    #[account(mut, address = pool.vault @ PinfiError::WrongTokenAccount)]
    pub vault: Account<'info, TokenAccount>,
    #[account(mut, address = protocol.utility_mint @ PinfiError::WrongTokenAccount)]
    pub utility_mint: Account<'info, Mint>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

pub fn buy_hours(ctx: Context<BuyHours>, rental_id: u64, tokens_in: u64, end: i64, min_hours_out: u64) -> Result<()> {
    not_paused(&ctx.accounts.protocol)?;
    let now = now()?;
    let pool = &mut ctx.accounts.pool;
    window_end(end, now, &pool.params, 1, pool.params.max_stake_secs)?;
    require!(tokens_in > 0, PinfiError::ZeroAmount);

    let curve = pool.curve();
    let mut core = pool.core();
    let bought = core.buy_hours(&mut pool.slots, &curve, now, tokens_in).pinfi()?;
    require_gte!(bought.hours_out, min_hours_out, PinfiError::SlippageExceeded);
    pool.store(&core);
    pool.rental_count = pool.rental_count.safe_add(1).pinfi()?;

    let rate = rate_floor(bought.hours_out, end, now).pinfi()?;
    let devices = Rental::devices_for(rate).ok_or(PinfiError::TooManyDevices)?;
    let rental = &mut ctx.accounts.rental;
    rental.set_inner(Rental {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.rental,
        buyer: ctx.accounts.buyer.key(),
        pool: pool.key(),
        id: rental_id,
        start: now,
        end,
        rate,
        gpu_seconds: bought.hours_out,
        paid: tokens_in,
        fees: bought.fee,
        status: RentalStatus::Waiting,
        devices,
        assigned: [Pubkey::default(); MAX_RENTAL_DEVICES],
        assigned_count: 0,
        waiting_since: now,
        reserved: [0; 32],
    });

    let (program, vault) = (&ctx.accounts.token_program, &ctx.accounts.vault);
    transfer_in(program, &ctx.accounts.buyer_tokens, vault, &ctx.accounts.buyer, tokens_in)?;
    burn_from_vault(program, pool, vault, &ctx.accounts.utility_mint, bought.fee)?;
    check_vault(&mut ctx.accounts.vault, pool)?;
    let seq = pool.next_seq();
    emit_cpi!(HoursBought {
        pool: pool.key(), seq, rental: rental.key(), buyer: rental.buyer, tokens_in, fee_burned: bought.fee,
        hours_out: bought.hours_out, rental_end: end, hours_after: core.hours_at(&pool.slots, now).pinfi()?,
        utility_after: core.utility_reserve,
    });
    Ok(())
}
