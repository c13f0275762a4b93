use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};

use crate::constants::{PROTOCOL_SEED, REWARDS_VAULT_SEED};
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::{SettledStake, StakesSettled};
use crate::instructions::crank::settle_stake::{book_settlement, owes_renter};
use crate::instructions::epoch::claim_rewards::book_claim;
use crate::state::{Device, Pool, PoolEpoch, Protocol, Stake};
use crate::utils::token::{burn_from_vault, burn_signed, check_vault, transfer_out, transfer_signed};
use crate::utils::validate::now;
use pinfi_math::SafeMath;

/// Accounts per stake in the remaining accounts of `settle_expired`.
pub const ACCOUNTS_PER_STAKE: usize = 6;

/// Permissionless sweep: claims (when due) and settles many ended stakes of one pool in one
/// instruction, so a transaction carries ≥ 20 of them (one instruction, two transfers per stake,
/// two burns and one event in all — `claim_rewards` + `settle_stake` pairs stop at 9 under the
/// 64-entry instruction trace). Remaining accounts, per stake: `stake` (w), `device` (w), `owner`
/// (w, rent), `owner_tokens` (w), `from_epoch`, `to_epoch` (any account when no claim is due).
/// Failed stakes that owe a renter are refused here: they settle alone through `settle_stake`.
#[event_cpi]
#[derive(Accounts)]
pub struct SettleExpired<'info> {
    #[account(seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, address = pool.vault @ PinfiError::WrongTokenAccount)]
    pub vault: Account<'info, TokenAccount>,
    /// Absent (the program id) while emission is not configured.
    #[account(mut, seeds = [REWARDS_VAULT_SEED], bump = protocol.rewards_vault_bump)]
    pub rewards_vault: Option<Account<'info, TokenAccount>>,
    #[account(mut, address = protocol.utility_mint @ PinfiError::WrongTokenAccount)]
    pub utility_mint: Account<'info, Mint>,
    pub token_program: Program<'info, Token>,
}

pub fn settle_expired<'info>(ctx: Context<'_, '_, 'info, 'info, SettleExpired<'info>>) -> Result<()> {
    let now = now()?;
    let accounts = ctx.remaining_accounts;
    require!(!accounts.is_empty() && accounts.len() % ACCOUNTS_PER_STAKE == 0, PinfiError::WrongStakes);
    let protocol = &ctx.accounts.protocol;
    let (program, vault, mint) = (&ctx.accounts.token_program, &ctx.accounts.vault, &ctx.accounts.utility_mint);
    let (pool_key, protocol_info, seeds) = (ctx.accounts.pool.key(), protocol.to_account_info(), protocol.signer_seeds());
    let (mut pool_burn, mut reward_burn) = (0u64, 0u64);
    let mut settled = Vec::with_capacity(accounts.len() / ACCOUNTS_PER_STAKE);

    for chunk in accounts.chunks(ACCOUNTS_PER_STAKE) {
        let [stake_info, device_info, owner_info, tokens_info, from_info, to_info] = chunk else { unreachable!() };
        let mut stake = Account::<Stake>::try_from(stake_info)?;
        require_keys_eq!(stake.pool, pool_key, PinfiError::WrongPool);
        let mut device = Account::<Device>::try_from(device_info)?;
        require_keys_eq!(device.key(), stake.device, PinfiError::WrongDevice);
        require_keys_eq!(*owner_info.key, stake.owner, PinfiError::NotOwner);
        let owner_tokens = Account::<TokenAccount>::try_from(tokens_info)?;
        require!(owner_tokens.mint == protocol.utility_mint && owner_tokens.owner == stake.owner, PinfiError::WrongTokenAccount);
        require!(!owes_renter(&stake), PinfiError::RenterAccountsMissing);

        let emission = protocol.emission;
        let claim_due = emission.configured() && stake.end > emission.genesis && stake.rewards_cursor < stake.end;
        let claim = if claim_due {
            let (from, to) = (Account::<PoolEpoch>::try_from(from_info)?, Account::<PoolEpoch>::try_from(to_info)?);
            require!(from.pool == pool_key && to.pool == pool_key, PinfiError::WrongPool);
            book_claim(protocol, &mut ctx.accounts.pool, &mut device, &mut stake, owner_tokens.amount, &from, &to, now)?
        } else {
            None
        };
        let (paid_out, burned) = book_settlement(protocol, &mut ctx.accounts.pool, &stake, now)?;

        let (rewards_paid, rewards_burned) = claim.as_ref().map_or((0, 0), |c| (c.paid, c.burned));
        if rewards_paid > 0 {
            let rewards_vault = ctx.accounts.rewards_vault.as_ref().ok_or(PinfiError::EmissionNotConfigured)?;
            transfer_signed(program, rewards_vault, &owner_tokens, &protocol_info, &seeds, rewards_paid)?;
        }
        transfer_out(program, &ctx.accounts.pool, vault, &owner_tokens, paid_out)?;
        pool_burn = pool_burn.safe_add(burned).pinfi()?;
        reward_burn = reward_burn.safe_add(rewards_burned).pinfi()?;
        settled.push(SettledStake {
            stake: stake.key(), kind: stake.kind, failed: stake.failed, paid_out, burned, rewards_paid, rewards_burned,
        });
        device.exit(&crate::ID)?;
        stake.close(owner_info.clone())?;
    }

    burn_from_vault(program, &ctx.accounts.pool, vault, mint, pool_burn)?;
    if reward_burn > 0 {
        let rewards_vault = ctx.accounts.rewards_vault.as_ref().ok_or(PinfiError::EmissionNotConfigured)?;
        burn_signed(program, rewards_vault, mint, &protocol_info, &seeds, reward_burn)?;
    }
    let pool = &mut ctx.accounts.pool;
    check_vault(&mut ctx.accounts.vault, pool)?;
    let seq = pool.next_seq();
    emit_cpi!(StakesSettled { pool: pool_key, seq, settled, utility_after: pool.utility_reserve });
    Ok(())
}
