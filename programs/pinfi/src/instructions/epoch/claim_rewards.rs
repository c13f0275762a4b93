use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};
use pinfi_math::checked::to_u64;
use pinfi_math::pocps;

use crate::constants::{PROTOCOL_SEED, REWARDS_VAULT_SEED};
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::RewardsClaimed;
use crate::state::{Device, Pool, PoolEpoch, Protocol, Stake};
use crate::utils::token::{burn_signed, transfer_signed};
use crate::utils::validate::now;
use pinfi_math::SafeMath;

/// Permissionless (keepers claim for owners; tokens only ever go to the owner). Pays the stake's
/// standard reward from its claim cursor up to `min(end, to_epoch.end)` times the PoCPS
/// multiplier, burns the rest. `from_epoch` / `to_epoch` are the pool epochs containing the two
/// ends of that window, so the cost is O(1) however many epochs it spans.
#[event_cpi]
#[derive(Accounts)]
pub struct ClaimRewards<'info> {
    #[account(seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, address = stake.device @ PinfiError::WrongDevice)]
    pub device: Account<'info, Device>,
    #[account(mut, has_one = pool @ PinfiError::WrongPool)]
    pub stake: Account<'info, Stake>,
    #[account(mut, constraint = owner_tokens.mint == protocol.utility_mint && owner_tokens.owner == stake.owner @ PinfiError::WrongTokenAccount)]
    pub owner_tokens: Account<'info, TokenAccount>,
    #[account(has_one = pool @ PinfiError::WrongPool)]
    pub from_epoch: Account<'info, PoolEpoch>,
    #[account(has_one = pool @ PinfiError::WrongPool)]
    pub to_epoch: Account<'info, PoolEpoch>,
    #[account(mut, seeds = [REWARDS_VAULT_SEED], bump = protocol.rewards_vault_bump)]
    pub rewards_vault: Account<'info, TokenAccount>,
    #[account(mut, address = protocol.utility_mint @ PinfiError::WrongTokenAccount)]
    pub utility_mint: Account<'info, Mint>,
    pub token_program: Program<'info, Token>,
}

pub fn claim_rewards(ctx: Context<ClaimRewards>) -> Result<()> {
    let a = &mut *ctx.accounts;
    let held = a.owner_tokens.amount;
    let Some(c) = book_claim(&a.protocol, &mut a.pool, &mut a.device, &mut a.stake, held, &a.from_epoch, &a.to_epoch, now()?)? else {
        // Already claimed this far: a repeated crank pays nothing.
        return Ok(());
    };
    let protocol = &ctx.accounts.protocol;
    let (program, vault) = (&ctx.accounts.token_program, &ctx.accounts.rewards_vault);
    let (authority, seeds) = (protocol.to_account_info(), protocol.signer_seeds());
    transfer_signed(program, vault, &ctx.accounts.owner_tokens, &authority, &seeds, c.paid)?;
    burn_signed(program, vault, &ctx.accounts.utility_mint, &authority, &seeds, c.burned)?;
    let pool = &mut ctx.accounts.pool;
    let seq = pool.next_seq();
    emit_cpi!(RewardsClaimed {
        pool: pool.key(), seq, stake: ctx.accounts.stake.key(), from: c.from, to: c.to, standard: c.standard,
        multiplier: c.multiplier, paid: c.paid, burned: c.burned,
    });
    Ok(())
}

/// One claim as booked: the window, the standard reward, the multiplier and the split.
pub struct Claim {
    pub from: i64,
    pub to: i64,
    pub standard: u64,
    pub multiplier: u64,
    pub paid: u64,
    pub burned: u64,
}

/// Books a stake's claim up to `min(end, to_epoch.end)` — cursor, counters — and returns what to
/// pay and burn (the caller moves the tokens); `None` when nothing is left to claim. `held` is the
/// owner's token balance (PoL).
#[allow(clippy::too_many_arguments)]
pub fn book_claim(
    protocol: &Protocol,
    pool: &mut Pool,
    device: &mut Device,
    stake: &mut Stake,
    held: u64,
    from_epoch: &PoolEpoch,
    to_epoch: &PoolEpoch,
    now: i64,
) -> Result<Option<Claim>> {
    let emission = protocol.emission;
    require!(emission.configured(), PinfiError::EmissionNotConfigured);
    let from = stake.rewards_cursor.max(emission.genesis);
    let to = stake.end.min(to_epoch.end);
    if to <= from {
        return Ok(None);
    }
    require!(from_epoch.contains(from) && to_epoch.contains(to), PinfiError::WrongPoolEpoch);
    let standard = to_u64(to_epoch.acc_at(to).wrapping_sub(from_epoch.acc_at(from)) >> 64).pinfi()?;
    let multiplier = if stake.failed {
        0 // a failed stake's rewards are withheld (burned)
    } else {
        let age = now.saturating_sub(device.registered_at).max(0) as u64;
        let pot = pocps::pot(age, emission.pot_ramp_secs as u64).pinfi()?;
        let pol = pocps::pol(held, device.rewards_earned).pinfi()?;
        let pow = pocps::pow(device.perf_bps as u64).pinfi()?;
        pocps::multiplier(pot, pol, pow).pinfi()?
    };
    let (paid, burned) = pocps::apply(standard, multiplier).pinfi()?;
    stake.rewards_cursor = to;
    stake.rewards_paid = stake.rewards_paid.safe_add(paid).pinfi()?;
    stake.rewards_burned = stake.rewards_burned.safe_add(burned).pinfi()?;
    device.rewards_earned = device.rewards_earned.safe_add(paid).pinfi()?;
    pool.rewards_paid = pool.rewards_paid.safe_add(paid).pinfi()?;
    pool.rewards_burned = pool.rewards_burned.safe_add(burned).pinfi()?;
    Ok(Some(Claim { from, to, standard, multiplier, paid, burned }))
}
