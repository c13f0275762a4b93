use anchor_lang::prelude::*;

use crate::errors::IntoPinfi;
use crate::state::Pool;
use crate::utils::validate::now;

/// What a pool holds at this instant, decay applied: a read-only view (`.view()` in Anchor
/// clients, return data on chain) so dApps need not reimplement the reserve to show a price.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolSnapshot {
    /// Unix time of the snapshot (the Clock sysvar).
    pub at: i64,
    /// `H(at)`: GPU-seconds in the pool, rounded down.
    pub hours: u64,
    /// `U`: utility tokens pricing those hours, base units.
    pub utility_reserve: u64,
    pub lp_supply: u64,
    /// Event sequence number of the pool's latest change.
    pub seq: u64,
}

#[derive(Accounts)]
pub struct ViewPool<'info> {
    pub pool: Box<Account<'info, Pool>>,
}

pub fn pool_snapshot(ctx: Context<ViewPool>) -> Result<PoolSnapshot> {
    let pool = &ctx.accounts.pool;
    let at = now()?;
    Ok(PoolSnapshot {
        at,
        hours: pool.core().hours_at(&pool.slots, at).pinfi()?,
        utility_reserve: pool.utility_reserve,
        lp_supply: pool.lp_supply,
        seq: pool.seq,
    })
}
