use anchor_lang::prelude::*;

use super::{EmissionParams, LotteryParams, VerificationParams};

/// The singleton: who administers, which SPL mint is the utility token, guard rails for pools.
/// PDA `["protocol"]`.
#[account]
#[derive(InitSpace)]
pub struct Protocol {
    pub version: u8,
    pub bump: u8,
    /// May pause the protocol and change the guard rails.
    pub admin: Pubkey,
    /// The utility token (a real SPL mint); every pool trades against it.
    pub utility_mint: Pubkey,
    /// When set, every user action that moves value in is refused; settlement still works.
    pub paused: bool,
    /// Highest swap fee a pool may set, basis points.
    pub max_swap_fee_bps: u16,
    /// Lowest certificate burn a pool may set, base units per GPU-hour (Sybil cost floor).
    pub min_burn_per_gpu_hour: u64,
    /// Lowest seller collateral multiple a pool may set, basis points (10_000 = 1×).
    pub min_collateral_bps: u32,
    /// Pools created so far.
    pub pool_count: u32,
    /// Sequence number of protocol-level events (pool events have their own per pool).
    pub seq: u64,
    /// Proof-of-compute rules.
    pub verification: VerificationParams,
    /// Verifiers registered so far.
    pub verifier_count: u32,
    /// Block rewards; unset until `configure_emission`.
    pub emission: EmissionParams,
    /// Everything minted by epochs so far, base units.
    pub emitted: u64,
    /// The next epoch to close; epochs close in order.
    pub next_epoch: u64,
    /// Σ of pool weights.
    pub total_weight: u64,
    pub rewards_vault_bump: u8,
    /// A rental not placed on devices within this many seconds may be refunded.
    pub rental_placement_secs: u32,
    /// Proposed by the admin; becomes admin only by signing `accept_admin` (default = none), so a
    /// mistyped key can never take the protocol out of reach.
    pub pending_admin: Pubkey,
    /// Verifier–device pairing; off by default (a young network has few verifiers).
    pub lottery: LotteryParams,
    /// Verifiers registered and not withdrawn: the lottery's denominator.
    pub active_verifiers: u32,
    pub reserved: [u8; 22],
}

/// Guard rails set at initialisation and by the admin.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProtocolParams {
    pub max_swap_fee_bps: u16,
    pub min_burn_per_gpu_hour: u64,
    pub min_collateral_bps: u32,
}

impl Protocol {
    pub fn signer_seeds(&self) -> [&[u8]; 2] {
        [crate::constants::PROTOCOL_SEED, core::slice::from_ref(&self.bump)]
    }

    pub fn next_seq(&mut self) -> u64 {
        self.seq = self.seq.wrapping_add(1);
        self.seq
    }
}
