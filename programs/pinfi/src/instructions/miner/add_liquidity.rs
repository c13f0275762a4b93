use anchor_lang::prelude::*;
use anchor_spl::token::{Token, TokenAccount};
use pinfi_math::decay::{balance_floor, withdraw};

use crate::constants::PROTOCOL_SEED;
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::LiquidityAdded;
use crate::state::{Pool, Protocol, Stake, StakeKind};
use crate::utils::token::{check_vault, transfer_in};
use crate::utils::validate::{not_paused, now};

/// LP path: all of the stake's remaining hours plus equal-value tokens; shares paid out at `end`.
#[event_cpi]
#[derive(Accounts)]
pub struct AddLiquidity<'info> {
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
    pub token_program: Program<'info, Token>,
}

pub fn add_liquidity(ctx: Context<AddLiquidity>, max_tokens_in: u64) -> Result<()> {
    not_paused(&ctx.accounts.protocol)?;
    let now = now()?;
    let pool = &mut ctx.accounts.pool;
    let stake = &mut ctx.accounts.stake;
    require!(stake.kind == StakeKind::Lp, PinfiError::WrongStakeKind);
    require!(stake.lp_shares == 0, PinfiError::LiquidityAlreadyAdded);
    require!(now < stake.end, PinfiError::StakeExpired);

    let hours = balance_floor(stake.rate, stake.end, now).pinfi()?;
    stake.rate = withdraw(stake.rate, stake.end, now, hours).pinfi()?;
    let curve = pool.curve();
    let mut core = pool.core();
    let added = core.add_liquidity(&mut pool.slots, &curve, now, stake.end, hours).pinfi()?;
    require_gte!(max_tokens_in, added.tokens_in, PinfiError::SlippageExceeded);
    pool.store(&core);
    stake.hours_pooled = added.hours_credited;
    stake.tokens = added.tokens_in;
    stake.lp_shares = added.shares;

    transfer_in(&ctx.accounts.token_program, &ctx.accounts.owner_tokens, &ctx.accounts.vault, &ctx.accounts.owner, added.tokens_in)?;
    check_vault(&mut ctx.accounts.vault, pool)?;
    let seq = pool.next_seq();
    emit_cpi!(LiquidityAdded {
        pool: pool.key(), seq, stake: stake.key(), hours_in: added.hours_credited, tokens_in: added.tokens_in,
        shares: added.shares, hours_after: core.hours_at(&pool.slots, now).pinfi()?, utility_after: core.utility_reserve,
    });
    Ok(())
}
