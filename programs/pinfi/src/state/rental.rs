use anchor_lang::prelude::*;

/// GPU-seconds a buyer bought, consumed linearly over `[start, end]`: `rate × (end − t)` remain.
/// PDA `["rental", pool, buyer, id]`.
#[account]
#[derive(InitSpace)]
pub struct Rental {
    pub version: u8,
    pub bump: u8,
    pub buyer: Pubkey,
    pub pool: Pubkey,
    pub id: u64,
    pub start: i64,
    /// A bucket boundary of the pool.
    pub end: i64,
    /// Q32.32 devices.
    pub rate: u128,
    /// GPU-seconds bought in total (purchase and extensions), as handed out by the pool.
    pub gpu_seconds: u64,
    /// Base units paid in total, fees included.
    pub paid: u64,
    pub reserved: [u8; 32],
}
