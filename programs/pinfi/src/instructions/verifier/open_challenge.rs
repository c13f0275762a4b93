use anchor_lang::prelude::*;
use anchor_lang::solana_program::sysvar::slot_hashes;

use crate::constants::{ACCOUNT_VERSION, CHALLENGE_SEED, PROTOCOL_SEED, VERIFIER_SEED};
use crate::errors::{IntoPinfi, PinfiError};
use crate::events::ChallengeOpened;
use crate::manager::lottery;
use crate::state::{Challenge, ChallengeOutcome, Device, LotteryTicket, Pool, Protocol, Stake, Verifier};
use crate::utils::validate::now;
use pinfi_math::SafeMath;

/// The verifier commits to `SHA-256(nonce)` while the program records the newest slot hash: the
/// seed needs both, so the miner cannot precompute and the verifier cannot grind.
#[event_cpi]
#[derive(Accounts)]
pub struct OpenChallenge<'info> {
    #[account(mut)]
    pub authority: Signer<'info>,
    #[account(seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut, seeds = [VERIFIER_SEED, authority.key().as_ref()], bump = verifier.bump, has_one = authority @ PinfiError::NotOwner)]
    pub verifier: Account<'info, Verifier>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, has_one = pool @ PinfiError::WrongPool)]
    pub device: Account<'info, Device>,
    #[account(has_one = device @ PinfiError::WrongDevice)]
    pub stake: Account<'info, Stake>,
    #[account(
        init, payer = authority, space = 8 + Challenge::INIT_SPACE,
        seeds = [CHALLENGE_SEED, device.key().as_ref(), &device.challenge_count.to_le_bytes()], bump,
    )]
    pub challenge: Account<'info, Challenge>,
    /// CHECK: the SlotHashes sysvar, read raw (its typed accessor is not available on chain).
    #[account(address = slot_hashes::ID)]
    pub slot_hashes: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

pub fn open_challenge(ctx: Context<OpenChallenge>, params_id: u16, nonce_commit: [u8; 32], ticket: Option<LotteryTicket>) -> Result<()> {
    let rules = ctx.accounts.protocol.verification;
    let verifier = &mut ctx.accounts.verifier;
    require!(verifier.is_active(&rules), PinfiError::VerifierInactive);
    let device = &mut ctx.accounts.device;
    require_keys_neq!(device.owner, verifier.authority, PinfiError::SelfChallenge);
    let stake = &ctx.accounts.stake;
    let clock = Clock::get()?;
    let now = now()?;
    require!(!stake.failed && stake.start <= now && now < stake.end, PinfiError::StakeNotLive);
    let (_, slot_hash) = newest_slot_hash(&ctx.accounts.slot_hashes)?;
    let lottery = ctx.accounts.protocol.lottery;
    if lottery.on() {
        let ticket = ticket.ok_or(PinfiError::LotteryTicketMissing)?;
        let sysvar = ctx.accounts.slot_hashes.try_borrow_data()?;
        check_ticket(&ticket, verifier, &device.key(), clock.slot, &sysvar, lottery.draws, ctx.accounts.protocol.active_verifiers)?;
    }

    let id = device.challenge_count;
    device.challenge_count = id.safe_add(1).pinfi()?;
    verifier.pending = verifier.pending.safe_add(1).pinfi()?;
    verifier.opened = verifier.opened.safe_add(1).pinfi()?;
    let verdict_deadline_slot = clock.slot.safe_add(rules.verdict_window_slots as u64).pinfi()?;
    let challenge = &mut ctx.accounts.challenge;
    challenge.set_inner(Challenge {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.challenge,
        id,
        verifier: verifier.authority,
        pool: device.pool,
        device: device.key(),
        stake: stake.key(),
        params_id,
        opened_at: now,
        opened_slot: clock.slot,
        slot_hash,
        nonce_commit,
        verdict_deadline_slot,
        outcome: ChallengeOutcome::Pending,
        nonce: [0; 32],
        elapsed_ms: 0,
        deadline_ms: 0,
        root: [0; 32],
        walk_root: [0; 32],
        evidence_hash: [0; 32],
        decided_at: 0,
        reserved: [0; 16],
    });
    let pool = &mut ctx.accounts.pool;
    let seq = pool.next_seq();
    emit_cpi!(ChallengeOpened {
        pool: pool.key(), seq, challenge: challenge.key(), id, device: device.key(), stake: stake.key(),
        verifier: verifier.authority, params_id, slot_hash, nonce_commit, verdict_deadline_slot,
    });
    Ok(())
}

/// The ticket names the current round of the verifier's commitment (or the one before), proves
/// its secret against the committed root, and wins the draw for this device.
fn check_ticket(t: &LotteryTicket, v: &Verifier, device: &Pubkey, slot: u64, slot_hashes: &[u8], draws: u16, verifiers: u32) -> Result<()> {
    let c = v.lottery;
    let now = lottery::round_at(slot, c.start_slot, c.round_slots, c.rounds).ok_or(PinfiError::LotteryRoundInvalid)?;
    require!(t.round <= now && now - t.round <= lottery::ROUND_GRACE, PinfiError::LotteryRoundInvalid);
    require!(t.path.len() <= lottery::MAX_PATH, PinfiError::LotteryBadProof);
    let root = lottery::root_from_path(lottery::leaf(&t.secret), t.round, c.rounds as u64, &t.path);
    require!(root == Some(c.root), PinfiError::LotteryBadProof);
    let round_start = c.start_slot + t.round * c.round_slots as u64;
    let hash = lottery::slot_hash_at(slot_hashes, round_start).ok_or(PinfiError::LotteryRoundInvalid)?;
    require!(lottery::wins(lottery::draw(&t.secret, &hash, device), draws, verifiers), PinfiError::LotteryNotDrawn);
    Ok(())
}

/// First entry of the SlotHashes sysvar: `u64` count, then `(u64 slot, [u8; 32] hash)` newest first.
fn newest_slot_hash(sysvar: &AccountInfo) -> Result<(u64, [u8; 32])> {
    let data = sysvar.try_borrow_data()?;
    require!(data.len() >= 48, PinfiError::SlotHashesUnavailable);
    let count = u64::from_le_bytes(data[0..8].try_into().unwrap());
    require!(count > 0, PinfiError::SlotHashesUnavailable);
    let slot = u64::from_le_bytes(data[8..16].try_into().unwrap());
    let mut hash = [0u8; 32];
    hash.copy_from_slice(&data[16..48]);
    Ok((slot, hash))
}
