use anchor_lang::prelude::*;

use super::ENDPOINT_LEN;

/// Proof-of-compute rules, set by the admin (`update_protocol`). Times in seconds unless named.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub struct VerificationParams {
    /// Utility tokens (base units) a verifier must keep staked to open challenges.
    pub min_verifier_stake: u64,
    /// Wait between `unbond_verifier` and `withdraw_verifier`, so a slash can still reach the stake.
    pub unbonding_secs: u32,
    /// Slots after `open_challenge` within which the verdict must land.
    pub verdict_window_slots: u32,
    /// Strikes older than this no longer count towards failing a stake.
    pub strike_window_secs: u32,
    /// Strikes within the window that fail a stake…
    pub strikes_to_fail: u8,
    /// …provided they come from at least this many distinct verifiers.
    pub distinct_verifiers_to_fail: u8,
    /// Missed verdicts after which a verifier may no longer open challenges.
    pub verifier_strikes_to_suspend: u16,
}

impl VerificationParams {
    /// proof-of-compute.md §2.3 (300 slots ≈ 2 min, 3 strikes from ≥ 2 verifiers).
    pub const DEFAULT: Self = Self {
        min_verifier_stake: 1,
        unbonding_secs: 7 * 86_400,
        verdict_window_slots: 300,
        strike_window_secs: 86_400,
        strikes_to_fail: 3,
        distinct_verifiers_to_fail: 2,
        verifier_strikes_to_suspend: 3,
    };
}

/// Verifier–device pairing (decisions.md §31), set by the admin. Off while `round_slots` is 0.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, Default, PartialEq, Eq, InitSpace)]
pub struct LotteryParams {
    /// Slots per round; at most `MAX_ROUND_SLOTS`, so a round's first slot hash is still in the
    /// SlotHashes sysvar (512 entries) until the round's grace ends.
    pub round_slots: u32,
    /// Verifiers that may challenge a device in a round, in expectation.
    pub draws: u16,
}

impl LotteryParams {
    pub const MAX_ROUND_SLOTS: u32 = 240;

    pub fn on(&self) -> bool {
        self.round_slots > 0
    }
}

/// A verifier's committed round secrets: the Merkle root over `leaf(secret_r)`, `r < rounds`,
/// round `r` covering slots `[start_slot + r·round_slots, start_slot + (r+1)·round_slots)`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, Default, PartialEq, Eq, InitSpace)]
pub struct LotteryCommitment {
    pub root: [u8; 32],
    pub start_slot: u64,
    pub rounds: u32,
    pub round_slots: u32,
}

impl LotteryCommitment {
    /// First slot after the last round (0 when nothing is committed).
    pub fn end_slot(&self) -> u64 {
        self.start_slot.saturating_add(self.rounds as u64 * self.round_slots as u64)
    }
}

/// What `open_challenge` carries under the lottery: the round, its secret, the secret's path.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct LotteryTicket {
    pub round: u64,
    pub secret: [u8; 32],
    pub path: Vec<[u8; 32]>,
}

/// A staked verifier. PDA `["verifier", authority]`; its stake sits in the token account PDA
/// `["verifier_vault", verifier]`, owned by this account.
#[account]
#[derive(InitSpace)]
pub struct Verifier {
    pub version: u8,
    pub bump: u8,
    pub vault_bump: u8,
    pub authority: Pubkey,
    pub vault: Pubkey,
    /// Base units staked (what the vault holds).
    pub staked: u64,
    /// When unbonding started; 0 while active.
    pub unbonding_since: i64,
    /// Challenges opened and not yet decided or expired; withdrawal waits for 0.
    pub pending: u32,
    /// Verdicts that never came (expired challenges).
    pub strikes: u16,
    pub opened: u64,
    pub verdicts: u64,
    /// Base units burned by slashes, in total.
    pub slashed: u64,
    /// Where anyone fetches this verifier's evidence bundles: `<endpoint>/evidence/<hash>.json`.
    #[max_len(ENDPOINT_LEN)]
    pub endpoint: String,
    /// Round secrets for the lottery (`commit_lottery`).
    pub lottery: LotteryCommitment,
    pub reserved: [u8; 32],
}

/// What a verifier found. `Pending` until the verdict; `Expired` when none came in time.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub enum ChallengeOutcome {
    Pending,
    /// Correct and within the deadline.
    Pass,
    /// Correct but after the deadline: a strike.
    Late,
    /// Objective failure (wrong value, bad Merkle path in device-signed openings): the stake
    /// fails. An unsigned or wrongly signed answer is not the device's: `NoResponse`.
    Wrong,
    /// Committed but did not answer the openings: a strike.
    NoOpen,
    /// Never answered: a strike.
    NoResponse,
    /// The verifier posted nothing within the window: a strike for the verifier.
    Expired,
}

/// One challenge of one device. PDA `["challenge", device, id]` with `id = device.challenge_count`.
#[account]
#[derive(InitSpace)]
pub struct Challenge {
    pub version: u8,
    pub bump: u8,
    pub id: u64,
    /// The verifier's authority (signer of open and verdict).
    pub verifier: Pubkey,
    pub pool: Pubkey,
    pub device: Pubkey,
    pub stake: Pubkey,
    /// Row of the parameter table (`@pinfi/verifier` params) the prover must use.
    pub params_id: u16,
    pub opened_at: i64,
    pub opened_slot: u64,
    /// Most recent SlotHashes entry when the challenge opened: unknown to both sides beforehand.
    pub slot_hash: [u8; 32],
    /// SHA-256 of the verifier's nonce, committed before the slot hash existed.
    pub nonce_commit: [u8; 32],
    /// Last slot at which the verdict is accepted.
    pub verdict_deadline_slot: u64,
    pub outcome: ChallengeOutcome,
    pub nonce: [u8; 32],
    pub elapsed_ms: u32,
    pub deadline_ms: u32,
    /// Transcript and walk Merkle roots the prover signed.
    pub root: [u8; 32],
    pub walk_root: [u8; 32],
    /// SHA-256 of the canonical evidence bundle kept by the verifier.
    pub evidence_hash: [u8; 32],
    pub decided_at: i64,
    pub reserved: [u8; 16],
}

/// One strike against a stake: by whom, when.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, Default, PartialEq, Eq, InitSpace)]
pub struct StrikeRecord {
    pub verifier: Pubkey,
    pub at: i64,
}

/// Strikes a stake remembers; older ones are overwritten (the window makes them moot anyway).
pub const STRIKE_LOG: usize = 4;

impl Verifier {
    pub fn signer_seeds(&self) -> [&[u8]; 3] {
        [crate::constants::VERIFIER_SEED, self.authority.as_ref(), core::slice::from_ref(&self.bump)]
    }

    /// May open challenges: staked enough, not unbonding, not suspended for missed verdicts.
    pub fn is_active(&self, p: &VerificationParams) -> bool {
        self.unbonding_since == 0 && self.staked >= p.min_verifier_stake && self.strikes < p.verifier_strikes_to_suspend
    }
}
