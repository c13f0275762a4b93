use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};

use crate::constants::PROTOCOL_SEED;
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::StakeSettled;
use crate::state::{Pool, Protocol, Stake, StakeKind};
use crate::utils::token::{burn_from_vault, check_vault, transfer_out};
use crate::utils::validate::now;
use pinfi_math::SafeMath;

/// Permissionless once the stake has ended (keepers crank it; works while paused so users can
/// always exit). LP: `shares / L × U`. Seller: collateral and maintenance fee back, or burned if
/// the stake failed. The stake closes and its rent returns to the owner.
#[event_cpi]
#[derive(Accounts)]
pub struct SettleStake<'info> {
    #[account(seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, close = owner, has_one = owner @ PinfiError::NotOwner, has_one = pool @ PinfiError::WrongPool)]
    pub stake: Account<'info, Stake>,
    /// CHECK: receives the stake's rent; must be the stake's owner (`has_one` above).
    #[account(mut)]
    pub owner: UncheckedAccount<'info>,
    #[account(mut, constraint = owner_tokens.mint == protocol.utility_mint && owner_tokens.owner == stake.owner @ PinfiError::WrongTokenAccount)]
    pub owner_tokens: Account<'info, TokenAccount>,
    #[account(mut, address = pool.vault @ PinfiError::WrongTokenAccount)]
    pub vault: Account<'info, TokenAccount>,
    #[account(mut, address = protocol.utility_mint @ PinfiError::WrongTokenAccount)]
    pub utility_mint: Account<'info, Mint>,
    pub token_program: Program<'info, Token>,
}

pub fn settle_stake(ctx: Context<SettleStake>) -> Result<()> {
    let now = now()?;
    let pool = &mut ctx.accounts.pool;
    let stake = &ctx.accounts.stake;
    require!(now >= stake.end, PinfiError::StakeNotEnded);
    // Rewards first (LP rewards are paid at settlement: keepers put both in one transaction).
    let emission = ctx.accounts.protocol.emission;
    require!(!emission.configured() || stake.end <= emission.genesis || stake.rewards_cursor >= stake.end, PinfiError::RewardsUnclaimed);

    let mut core = pool.core();
    let (paid_out, burned) = match stake.kind {
        StakeKind::Lp => (core.remove_liquidity(stake.lp_shares).pinfi()?, 0),
        StakeKind::Seller => {
            core.release_seller(stake.maintenance_escrow, stake.collateral).pinfi()?;
            let held = stake.maintenance_escrow.safe_add(stake.collateral).pinfi()?;
            if stake.failed { (0, held) } else { (held, 0) }
        }
    };
    pool.store(&core);

    let (program, vault) = (&ctx.accounts.token_program, &ctx.accounts.vault);
    transfer_out(program, pool, vault, &ctx.accounts.owner_tokens, paid_out)?;
    burn_from_vault(program, pool, vault, &ctx.accounts.utility_mint, burned)?;
    check_vault(&mut ctx.accounts.vault, pool)?;
    let seq = pool.next_seq();
    emit_cpi!(StakeSettled {
        pool: pool.key(), seq, stake: stake.key(), kind: stake.kind, failed: stake.failed, paid_out, burned,
        utility_after: core.utility_reserve,
    });
    Ok(())
}
