use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};

use crate::constants::PROTOCOL_SEED;
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::StakeSettled;
use crate::manager::rentals::renter_compensation;
use crate::state::{Pool, Protocol, Rental, Stake, StakeKind};
use crate::utils::token::{burn_from_vault, check_vault, transfer_out};
use crate::utils::validate::now;
use pinfi_math::SafeMath;

/// Permissionless once the stake has ended (keepers crank it; works while paused so users can
/// always exit). LP: `shares / L × U`. Seller: collateral and maintenance fee back; if the stake
/// failed, the renter its device was serving is compensated from the collateral first and the
/// rest is burned. The stake closes and its rent returns to the owner.
///
/// Remaining accounts, only for a failed stake that was booked when it failed: the booking
/// rental (read-only; may have been closed since) and its buyer's token account (writable).
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

pub fn settle_stake<'info>(ctx: Context<'_, '_, 'info, 'info, SettleStake<'info>>) -> Result<()> {
    let pool = &mut ctx.accounts.pool;
    let stake = &ctx.accounts.stake;
    let (paid_out, burned) = book_settlement(&ctx.accounts.protocol, pool, stake, now()?)?;

    let (program, vault) = (&ctx.accounts.token_program, &ctx.accounts.vault);
    let compensated = compensate_renter(stake, ctx.remaining_accounts, &ctx.accounts.protocol)?;
    if let Some((renter_tokens, amount)) = &compensated {
        transfer_out(program, pool, vault, renter_tokens, *amount)?;
    }
    let compensation = compensated.as_ref().map_or(0, |c| c.1);
    let burned = burned.safe_sub(compensation).pinfi()?;
    transfer_out(program, pool, vault, &ctx.accounts.owner_tokens, paid_out)?;
    burn_from_vault(program, pool, vault, &ctx.accounts.utility_mint, burned)?;
    check_vault(&mut ctx.accounts.vault, pool)?;
    let seq = pool.next_seq();
    emit_cpi!(StakeSettled {
        pool: pool.key(), seq, stake: stake.key(), kind: stake.kind, failed: stake.failed, paid_out, burned, compensation,
        utility_after: pool.utility_reserve,
    });
    Ok(())
}

/// The renter owed compensation by a failed seller stake, if it was serving one when it failed.
fn compensate_renter<'info>(
    stake: &Stake,
    remaining: &'info [AccountInfo<'info>],
    protocol: &Protocol,
) -> Result<Option<(Account<'info, TokenAccount>, u64)>> {
    if !owes_renter(stake) {
        return Ok(None);
    }
    // Whoever settles must name the booking rental, so nobody can burn a renter's compensation.
    let [rental_info, tokens_info, ..] = remaining else { return err!(PinfiError::RenterAccountsMissing) };
    require_keys_eq!(*rental_info.key, stake.booked_by, PinfiError::RenterAccountsMissing);
    if rental_info.owner != &crate::ID || rental_info.data_is_empty() {
        return Ok(None); // the rental has closed since (refunded): nobody left to compensate
    }
    let rental = Account::<Rental>::try_from(rental_info)?;
    let tokens = Account::<TokenAccount>::try_from(tokens_info)?;
    require!(tokens.owner == rental.buyer && tokens.mint == protocol.utility_mint, PinfiError::WrongTokenAccount);
    let amount = renter_compensation(&rental, stake.booked_until, stake.failed_at, stake.collateral).pinfi()?;
    Ok(Some((tokens, amount)))
}

/// The pool's side of settling an ended stake: `(paid_out, burned)` before any renter
/// compensation. Rewards must have been claimed up to the end (LP rewards come with settlement).
pub fn book_settlement(protocol: &Protocol, pool: &mut Pool, stake: &Stake, now: i64) -> Result<(u64, u64)> {
    require!(now >= stake.end, PinfiError::StakeNotEnded);
    let emission = protocol.emission;
    require!(!emission.configured() || stake.end <= emission.genesis || stake.rewards_cursor >= stake.end, PinfiError::RewardsUnclaimed);
    let mut core = pool.core();
    let booked = match stake.kind {
        StakeKind::Lp => (core.remove_liquidity(stake.lp_shares).pinfi()?, 0),
        StakeKind::Seller => {
            core.release_seller(stake.maintenance_escrow, stake.collateral).pinfi()?;
            let held = stake.maintenance_escrow.safe_add(stake.collateral).pinfi()?;
            if stake.failed { (0, held) } else { (held, 0) }
        }
    };
    pool.store(&core);
    Ok(booked)
}

/// Whether settling this stake owes a renter compensation (and so needs the renter's accounts).
pub fn owes_renter(stake: &Stake) -> bool {
    stake.kind == StakeKind::Seller && stake.failed && stake.booked_by != Pubkey::default() && stake.booked_until > stake.failed_at
}
