use anchor_lang::prelude::*;

/// Proof that `burned` utility tokens were destroyed to cover `gpu_seconds` of staking in one pool.
/// PDA `["certificate", owner, pool, nonce]`; consumed (closed) by `create_stake`.
#[account]
#[derive(InitSpace)]
pub struct BurnCertificate {
    pub version: u8,
    pub bump: u8,
    pub owner: Pubkey,
    pub pool: Pubkey,
    pub nonce: u64,
    /// GPU-seconds of stake this certificate covers.
    pub gpu_seconds: u64,
    /// Base units burned (`burn_per_gpu_hour × gpu_seconds / 3600`, rounded up).
    pub burned: u64,
    pub created_at: i64,
}
