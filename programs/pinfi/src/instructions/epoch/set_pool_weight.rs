use anchor_lang::prelude::*;

use crate::constants::PROTOCOL_SEED;
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::PoolWeightSet;
use crate::state::{Pool, Protocol};
use pinfi_math::SafeMath;

/// Governance decides which pools earn and how much (pools are permissionless; rewards are not).
/// Takes effect at the next epoch close of each pool.
#[event_cpi]
#[derive(Accounts)]
pub struct SetPoolWeight<'info> {
    pub admin: Signer<'info>,
    #[account(mut, seeds = [PROTOCOL_SEED], bump = protocol.bump, has_one = admin @ PinfiError::NotOwner)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
}

pub fn set_pool_weight(ctx: Context<SetPoolWeight>, weight: u64) -> Result<()> {
    let protocol = &mut ctx.accounts.protocol;
    let pool = &mut ctx.accounts.pool;
    protocol.total_weight = protocol.total_weight.safe_sub(pool.weight).pinfi()?.safe_add(weight).pinfi()?;
    pool.weight = weight;
    let seq = pool.next_seq();
    emit_cpi!(PoolWeightSet { pool: pool.key(), seq, weight, total_weight: protocol.total_weight });
    Ok(())
}
