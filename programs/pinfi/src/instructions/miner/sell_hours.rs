use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};
use pinfi_math::decay::withdraw;

use crate::constants::PROTOCOL_SEED;
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::HoursSold;
use crate::state::{Pool, Protocol, Stake, StakeKind};
use crate::utils::token::{burn_from_vault, check_vault, transfer_in, transfer_out};
use crate::utils::validate::{not_paused, now};
use pinfi_math::SafeMath;

/// Seller path: `hours` of the stake into the pool at this instant's constant product; the fee is
/// burned and `collateral_bps × gross` is locked until the stake's end.
#[event_cpi]
#[derive(Accounts)]
pub struct SellHours<'info> {
    pub owner: Signer<'info>,
    #[account(seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, has_one = owner @ PinfiError::NotOwner, has_one = pool @ PinfiError::WrongPool)]
    pub stake: Account<'info, Stake>,
    #[account(mut, constraint = owner_tokens.mint == protocol.utility_mint && owner_tokens.owner == owner.key() @ PinfiError::WrongTokenAccount)]
    pub owner_tokens: Account<'info, TokenAccount>,
    #[account(mut, address = pool.vault @ PinfiError::WrongTokenAccount)]
    pub vault: Account<'info, TokenAccount>,
    #[account(mut, address = protocol.utility_mint @ PinfiError::WrongTokenAccount)]
    pub utility_mint: Account<'info, Mint>,
    pub token_program: Program<'info, Token>,
}

pub fn sell_hours(ctx: Context<SellHours>, hours: u64, min_tokens_out: u64) -> Result<()> {
    not_paused(&ctx.accounts.protocol)?;
    let now = now()?;
    let pool = &mut ctx.accounts.pool;
    let stake = &mut ctx.accounts.stake;
    require!(stake.kind == StakeKind::Seller, PinfiError::WrongStakeKind);
    require!(now < stake.end, PinfiError::StakeExpired);
    require!(!stake.failed, PinfiError::AlreadyFailed);

    stake.rate = withdraw(stake.rate, stake.end, now, hours).pinfi()?;
    let curve = pool.curve();
    let mut core = pool.core();
    let sold = core.sell_hours(&mut pool.slots, &curve, now, stake.end, hours).pinfi()?;
    require_gte!(sold.seller_out, min_tokens_out, PinfiError::SlippageExceeded);
    pool.store(&core);
    stake.hours_pooled = stake.hours_pooled.safe_add(sold.hours_credited).pinfi()?;
    stake.tokens = stake.tokens.safe_add(sold.seller_out).pinfi()?;
    stake.collateral = stake.collateral.safe_add(sold.collateral).pinfi()?;

    let (program, vault, mine) = (&ctx.accounts.token_program, &ctx.accounts.vault, &ctx.accounts.owner_tokens);
    transfer_in(program, mine, vault, &ctx.accounts.owner, sold.collateral)?;
    transfer_out(program, pool, vault, mine, sold.seller_out)?;
    burn_from_vault(program, pool, vault, &ctx.accounts.utility_mint, sold.fee)?;
    check_vault(&mut ctx.accounts.vault, pool)?;
    let seq = pool.next_seq();
    emit_cpi!(HoursSold {
        pool: pool.key(), seq, stake: stake.key(), hours_in: sold.hours_credited, gross_out: sold.gross_out,
        fee_burned: sold.fee, seller_out: sold.seller_out, collateral: sold.collateral,
        hours_after: core.hours_at(&pool.slots, now).pinfi()?, utility_after: core.utility_reserve,
    });
    Ok(())
}
