use anchor_lang::prelude::*;
use anchor_spl::token::{Token, TokenAccount};
use pinfi_math::decay::balance_floor;

use crate::constants::PROTOCOL_SEED;
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::RentalRefunded;
use crate::manager::rentals::refund_value;
use crate::state::{Pool, Protocol, Rental, RentalStatus, Stake};
use crate::utils::token::{check_vault, transfer_out};
use crate::utils::validate::now;
use pinfi_math::SafeMath;

/// Permissionless once a rental has waited longer than the placement window: its remaining hours
/// go back to the pool, the buyer gets their purchase value back, any partial bookings (the
/// rental's assigned stakes, in order, as remaining accounts) are released and the account closes.
#[event_cpi]
#[derive(Accounts)]
pub struct RefundRental<'info> {
    #[account(seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, close = buyer, has_one = pool @ PinfiError::WrongPool, has_one = buyer @ PinfiError::NotOwner)]
    pub rental: Account<'info, Rental>,
    /// CHECK: receives the rental's rent; must be its buyer (`has_one` above).
    #[account(mut)]
    pub buyer: UncheckedAccount<'info>,
    #[account(mut, constraint = buyer_tokens.mint == protocol.utility_mint && buyer_tokens.owner == rental.buyer @ PinfiError::WrongTokenAccount)]
    pub buyer_tokens: Account<'info, TokenAccount>,
    #[account(mut, address = pool.vault @ PinfiError::WrongTokenAccount)]
    pub vault: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

pub fn refund_rental<'info>(ctx: Context<'_, '_, 'info, 'info, RefundRental<'info>>) -> Result<()> {
    let now = now()?;
    let rental_key = ctx.accounts.rental.key();
    let rental = &ctx.accounts.rental;
    require!(rental.status == RentalStatus::Waiting, PinfiError::RentalNotWaiting);
    let window = ctx.accounts.protocol.rental_placement_secs as i64;
    require_gte!(now, rental.waiting_since.safe_add(window).pinfi()?, PinfiError::PlacementWindowOpen);

    let assigned = &rental.assigned[..rental.assigned_count as usize];
    require!(ctx.remaining_accounts.len() == assigned.len(), PinfiError::WrongStakes);
    for (info, key) in ctx.remaining_accounts.iter().zip(assigned) {
        require_keys_eq!(*info.key, *key, PinfiError::WrongStakes);
        let mut stake = Account::<Stake>::try_from(info)?;
        if stake.booked_by == rental_key {
            stake.booked_until = 0;
            stake.booked_by = Pubkey::default();
            stake.exit(&crate::ID)?;
        }
    }

    let remaining = if now < rental.end { balance_floor(rental.rate, rental.end, now).pinfi()? } else { 0 };
    let refund = refund_value(rental.paid, rental.fees, rental.gpu_seconds, remaining).pinfi()?;
    let pool = &mut ctx.accounts.pool;
    let mut core = pool.core();
    let hours_returned = core.refund_rental(&mut pool.slots, now, rental.end, rental.rate, refund).pinfi()?;
    pool.store(&core);
    transfer_out(&ctx.accounts.token_program, pool, &ctx.accounts.vault, &ctx.accounts.buyer_tokens, refund)?;
    check_vault(&mut ctx.accounts.vault, pool)?;
    let seq = pool.next_seq();
    emit_cpi!(RentalRefunded {
        pool: pool.key(), seq, rental: rental_key, hours_returned, refund,
        hours_after: core.hours_at(&pool.slots, now).pinfi()?, utility_after: core.utility_reserve,
    });
    Ok(())
}
