use anchor_lang::prelude::*;

use super::{StrikeRecord, STRIKE_LOG};

/// Why a stake was opened; fixed for its life.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub enum StakeKind {
    /// Adds all its hours plus equal-value tokens to the pool; maintenance fee waived.
    Lp,
    /// Sells hours into the pool; escrows the maintenance fee and locks collateral.
    Seller,
}

/// The st-token: non-transferable (a PDA, not a token), bound to one device and a window.
/// PDA `["stake", device, index]`. Its own hour balance decays linearly to zero at `end`:
/// `rate × (end − t)` GPU-seconds (rate Q32.32 devices; one device = 2^32).
#[account]
#[derive(InitSpace)]
pub struct Stake {
    pub version: u8,
    pub bump: u8,
    pub owner: Pubkey,
    pub pool: Pubkey,
    pub device: Pubkey,
    pub index: u64,
    pub kind: StakeKind,
    pub start: i64,
    /// A bucket boundary of the pool.
    pub end: i64,
    /// Rate of the hours still held by the stake (not yet pooled or sold).
    pub rate: u128,
    /// Maintenance fee escrowed in the vault (sellers), base units.
    pub maintenance_escrow: u64,
    /// Collateral locked in the vault (sellers), base units.
    pub collateral: u64,
    /// GPU-seconds moved into the pool (LP deposit or sales), as credited by the pool.
    pub hours_pooled: u64,
    /// Utility tokens: paid in by an LP, or received by a seller (after fee).
    pub tokens: u64,
    /// LP shares held (LP stakes).
    pub lp_shares: u64,
    /// Set when verification failed: collateral and fee are forfeited at settlement.
    pub failed: bool,
    /// When it failed (0 while it has not).
    pub failed_at: i64,
    /// Recent proof-of-compute strikes (lateness, missing answers).
    pub strike_log: [StrikeRecord; STRIKE_LOG],
    /// The device serves a rental until then…
    pub booked_until: i64,
    /// …this one.
    pub booked_by: Pubkey,
    /// Rewards are claimed up to this instant.
    pub rewards_cursor: i64,
    pub rewards_paid: u64,
    pub rewards_burned: u64,
    pub reserved: [u8; 32],
}
