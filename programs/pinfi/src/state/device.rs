use anchor_lang::prelude::*;

/// Longest endpoint URL (a device's miner agent, a verifier's evidence), bytes.
pub const ENDPOINT_LEN: usize = 128;

/// A physical GPU registered to one pool. PDA `["device", device_key]`: one account per key.
#[account]
#[derive(InitSpace)]
pub struct Device {
    pub version: u8,
    pub bump: u8,
    /// Miner who controls the device's stakes.
    pub owner: Pubkey,
    pub pool: Pubkey,
    /// Key held on the machine; signs challenge responses (proof-of-compute).
    pub device_key: Pubkey,
    /// Hash of the claimed hardware specs (model, VRAM, driver), checked by verifiers.
    pub specs_hash: [u8; 32],
    pub registered_at: i64,
    /// End of the device's latest stake; a new stake may only start at or after it.
    pub locked_until: i64,
    /// Stakes ever opened; the next stake's PDA index.
    pub stake_count: u64,
    /// Where the miner agent answers challenges (HTTP URL); empty until set.
    #[max_len(ENDPOINT_LEN)]
    pub endpoint: String,
    /// Challenges ever opened; the next challenge's PDA index.
    pub challenge_count: u64,
    pub passes: u32,
    pub strikes: u32,
    pub failures: u32,
    /// Measured speed vs the class reference of the last pass or late verdict, basis points
    /// (10_000 = reference or faster): `W / W_benchmark` of the PoW multiplier.
    pub perf_bps: u16,
    pub last_verdict_at: i64,
    /// Block rewards ever paid to the device's stakes (`C_minted` of the PoL multiplier).
    pub rewards_earned: u64,
    pub reserved: [u8; 32],
}
