//! Every state change emits one event (through `emit_cpi!`, so it survives log truncation).
//! Pool events carry the pool and its next `seq`: an indexer that sees a gap missed an event.
//! `hours_after` / `utility_after` are the pool's reserves right after the change.

use anchor_lang::prelude::*;

use crate::state::{PoolParams, ProtocolParams, StakeKind};

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
    pub utility_after: u64,
}

#[event]
pub struct StakeMarkedFailed {
    pub pool: Pubkey,
    pub seq: u64,
    pub stake: Pubkey,
}
