//! Every state change emits one event (through `emit_cpi!`, so it survives log truncation).
//! Pool events carry the pool and its next `seq`: an indexer that sees a gap missed an event.
//! `hours_after` / `utility_after` are the pool's reserves right after the change.

use anchor_lang::prelude::*;

use crate::state::{ChallengeOutcome, EmissionParams, PoolParams, ProtocolParams, StakeKind, VerificationParams};

#[event]
pub struct ProtocolInitialized {
    pub seq: u64,
    pub admin: Pubkey,
    pub utility_mint: Pubkey,
    pub params: ProtocolParams,
}

#[event]
pub struct ProtocolUpdated {
    pub seq: u64,
    pub paused: bool,
    pub params: ProtocolParams,
}

#[event]
pub struct AdminProposed {
    pub seq: u64,
    pub admin: Pubkey,
    /// Default key: the proposal was withdrawn.
    pub pending_admin: Pubkey,
}

#[event]
pub struct AdminAccepted {
    pub seq: u64,
    pub previous: Pubkey,
    pub admin: Pubkey,
}

#[event]
pub struct PoolCreated {
    pub pool: Pubkey,
    pub seq: u64,
    pub gpu_class: [u8; 16],
    pub creator: Pubkey,
    pub params: PoolParams,
}

#[event]
pub struct DeviceRegistered {
    pub pool: Pubkey,
    pub seq: u64,
    pub device: Pubkey,
    pub owner: Pubkey,
    pub device_key: Pubkey,
}

#[event]
pub struct CertificateBurned {
    pub pool: Pubkey,
    pub seq: u64,
    pub certificate: Pubkey,
    pub owner: Pubkey,
    pub gpu_seconds: u64,
    pub burned: u64,
}

#[event]
pub struct StakeCreated {
    pub pool: Pubkey,
    pub seq: u64,
    pub stake: Pubkey,
    pub device: Pubkey,
    pub owner: Pubkey,
    pub kind: StakeKind,
    pub start: i64,
    pub end: i64,
    pub gpu_seconds: u64,
    pub maintenance_escrow: u64,
}

#[event]
pub struct LiquidityAdded {
    pub pool: Pubkey,
    pub seq: u64,
    pub stake: Pubkey,
    pub hours_in: u64,
    pub tokens_in: u64,
    pub shares: u64,
    pub hours_after: u64,
    pub utility_after: u64,
}

#[event]
pub struct HoursSold {
    pub pool: Pubkey,
    pub seq: u64,
    pub stake: Pubkey,
    pub hours_in: u64,
    pub gross_out: u64,
    pub fee_burned: u64,
    pub seller_out: u64,
    pub collateral: u64,
    pub hours_after: u64,
    pub utility_after: u64,
}

#[event]
pub struct HoursBought {
    pub pool: Pubkey,
    pub seq: u64,
    pub rental: Pubkey,
    pub buyer: Pubkey,
    pub tokens_in: u64,
    pub fee_burned: u64,
    pub hours_out: u64,
    pub rental_end: i64,
    pub hours_after: u64,
    pub utility_after: u64,
}

#[event]
pub struct RentalTerminated {
    pub pool: Pubkey,
    pub seq: u64,
    pub rental: Pubkey,
    pub hours_returned: u64,
    pub fee_burned: u64,
    pub buyer_out: u64,
    pub hours_after: u64,
    pub utility_after: u64,
}

#[event]
pub struct StakeSettled {
    pub pool: Pubkey,
    pub seq: u64,
    pub stake: Pubkey,
    pub kind: StakeKind,
    pub failed: bool,
    /// LP: `shares / L × U`; seller: collateral + fee refunded (0 when failed).
    pub paid_out: u64,
    /// Seller collateral and fee burned because the stake failed.
    pub burned: u64,
    /// Paid from a failed seller's collateral to the renter its device was serving.
    pub compensation: u64,
    pub utility_after: u64,
}


/// Why a stake failed.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailReason {
    /// The protocol admin (interim authority, kept for emergencies).
    Admin,
    /// An objective proof-of-compute failure.
    WrongProof,
    /// Strikes from several verifiers within the strike window.
    Strikes,
}

#[event]
pub struct StakeFailed {
    pub pool: Pubkey,
    pub seq: u64,
    pub stake: Pubkey,
    pub reason: FailReason,
}

#[event]
pub struct VerificationParamsUpdated {
    pub seq: u64,
    pub params: VerificationParams,
}

#[event]
pub struct DeviceEndpointSet {
    pub pool: Pubkey,
    pub seq: u64,
    pub device: Pubkey,
    pub endpoint: String,
}

#[event]
pub struct VerifierRegistered {
    pub seq: u64,
    pub verifier: Pubkey,
    pub authority: Pubkey,
    pub staked: u64,
}

#[event]
pub struct VerifierEndpointSet {
    pub seq: u64,
    pub verifier: Pubkey,
    pub endpoint: String,
}

#[event]
pub struct LotteryCommitted {
    pub seq: u64,
    pub verifier: Pubkey,
    pub root: [u8; 32],
    pub start_slot: u64,
    pub rounds: u32,
    pub round_slots: u32,
}

#[event]
pub struct VerifierUnbonding {
    pub seq: u64,
    pub verifier: Pubkey,
    pub since: i64,
}

#[event]
pub struct VerifierWithdrawn {
    pub seq: u64,
    pub verifier: Pubkey,
    pub amount: u64,
}

#[event]
pub struct VerifierSlashed {
    pub seq: u64,
    pub verifier: Pubkey,
    pub burned: u64,
    pub staked_after: u64,
}

#[event]
pub struct ChallengeOpened {
    pub pool: Pubkey,
    pub seq: u64,
    pub challenge: Pubkey,
    pub id: u64,
    pub device: Pubkey,
    pub stake: Pubkey,
    pub verifier: Pubkey,
    pub params_id: u16,
    pub slot_hash: [u8; 32],
    pub nonce_commit: [u8; 32],
    pub verdict_deadline_slot: u64,
}

#[event]
pub struct VerdictPosted {
    pub pool: Pubkey,
    pub seq: u64,
    pub challenge: Pubkey,
    pub device: Pubkey,
    pub stake: Pubkey,
    pub outcome: ChallengeOutcome,
    pub elapsed_ms: u32,
    pub deadline_ms: u32,
    pub evidence_hash: [u8; 32],
    /// The stake failed through this verdict (objective failure, or the strike that tipped it).
    pub stake_failed: bool,
}

#[event]
pub struct ChallengeExpired {
    pub pool: Pubkey,
    pub seq: u64,
    pub challenge: Pubkey,
    pub verifier: Pubkey,
    pub verifier_strikes: u16,
}

#[event]
pub struct EmissionConfigured {
    pub seq: u64,
    pub params: EmissionParams,
    pub rewards_vault: Pubkey,
}

#[event]
pub struct PoolWeightSet {
    pub pool: Pubkey,
    pub seq: u64,
    pub weight: u64,
    pub total_weight: u64,
}

#[event]
pub struct EpochClosed {
    pub seq: u64,
    pub index: u64,
    pub start: i64,
    pub end: i64,
    pub minted: u64,
    pub miners: u64,
    pub foundation: u64,
    pub team: u64,
    pub emitted_total: u64,
}

#[event]
pub struct PoolEpochClosed {
    pub pool: Pubkey,
    pub seq: u64,
    pub index: u64,
    pub share: u64,
    pub device_seconds: u64,
    pub rho: u128,
    pub burned: u64,
}

#[event]
pub struct RewardsClaimed {
    pub pool: Pubkey,
    pub seq: u64,
    pub stake: Pubkey,
    pub from: i64,
    pub to: i64,
    pub standard: u64,
    /// PoT × PoL × PoW, Q32.32 (0 for a failed stake).
    pub multiplier: u64,
    pub paid: u64,
    pub burned: u64,
}

#[event]
pub struct RentalAssigned {
    pub pool: Pubkey,
    pub seq: u64,
    pub rental: Pubkey,
    /// Stakes booked by this call.
    pub added: u8,
    pub assigned: u8,
    pub devices: u8,
    pub placed: bool,
}

#[event]
pub struct RentalRefunded {
    pub pool: Pubkey,
    pub seq: u64,
    pub rental: Pubkey,
    pub hours_returned: u64,
    pub refund: u64,
    pub hours_after: u64,
    pub utility_after: u64,
}

/// One stake of a `settle_expired` sweep.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct SettledStake {
    pub stake: Pubkey,
    pub kind: StakeKind,
    pub failed: bool,
    pub paid_out: u64,
    pub burned: u64,
    /// Rewards claimed with the settlement (and burned by the multiplier or a failure).
    pub rewards_paid: u64,
    pub rewards_burned: u64,
}

/// A `settle_expired` sweep: every stake it settled, in order.
#[event]
pub struct StakesSettled {
    pub pool: Pubkey,
    pub seq: u64,
    pub settled: Vec<SettledStake>,
    pub utility_after: u64,
}
