use anchor_lang::prelude::*;
use pinfi_math::emission::Schedule;

/// Block-reward emission (protocol-notes §5), configured once by the admin. `epoch_secs == 0`
/// means not configured: no epochs, no rewards, settlement needs no claim.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, Default, PartialEq, Eq, InitSpace)]
pub struct EmissionParams {
    /// Start of epoch 0; not in the past when configured.
    pub genesis: i64,
    /// One day on mainnet, seconds in tests.
    pub epoch_secs: u32,
    /// Base units per day before the first halving (100,000 tokens).
    pub per_day: u64,
    /// 365 days.
    pub halving_secs: u64,
    /// Hard cap of everything ever emitted (73,000,000 tokens).
    pub max_supply: u64,
    /// 7_000: the miners' share, spread over pools by weight.
    pub miners_bps: u16,
    /// 2_000 to `foundation`; the team's 10 % is the rest.
    pub foundation_bps: u16,
    /// T0 of the PoT multiplier (30 days).
    pub pot_ramp_secs: u32,
    /// Token accounts (utility mint) receiving the foundation and team shares.
    pub foundation: Pubkey,
    pub team: Pubkey,
}

impl EmissionParams {
    pub fn configured(&self) -> bool {
        self.epoch_secs > 0
    }

    pub fn schedule(&self) -> Option<Schedule> {
        self.configured().then(|| Schedule {
            genesis: self.genesis,
            epoch_secs: self.epoch_secs,
            per_day: self.per_day,
            halving_secs: self.halving_secs,
            max_supply: self.max_supply,
        })
    }
}

/// A closed epoch: what was minted and how much of the miners' share pools have taken.
/// PDA `["epoch", index]`; its existence is the proof that the epoch closed once.
#[account]
#[derive(InitSpace)]
pub struct Epoch {
    pub version: u8,
    pub bump: u8,
    pub index: u64,
    pub start: i64,
    pub end: i64,
    pub minted: u64,
    pub miners: u64,
    pub foundation: u64,
    pub team: u64,
    /// Σ pool weights when the epoch closed; each pool's share is `miners × weight / total`.
    pub total_weight: u64,
    /// Miners' tokens assigned to pools so far (never more than `miners`).
    pub assigned: u64,
    pub pools_closed: u32,
    pub reserved: [u8; 16],
}

/// One pool's part of one epoch. `reward(t) = acc_start + rho × (t − start)` is the standard
/// reward per device-second accumulated since the pool's first epoch, Q64.64, wrapping (only
/// differences are used, Uniswap/Orca growth style). PDA `["pool_epoch", pool, index]`.
#[account]
#[derive(InitSpace)]
pub struct PoolEpoch {
    pub version: u8,
    pub bump: u8,
    pub pool: Pubkey,
    pub index: u64,
    pub start: i64,
    pub end: i64,
    /// Miners' tokens this pool received for the epoch.
    pub share: u64,
    /// Device-seconds staked in the pool during the epoch.
    pub device_seconds: u64,
    /// Q64.64 tokens per device-second.
    pub rho: u128,
    pub acc_start: u128,
    /// Share burned because nobody was staked (or the census ring no longer held the epoch).
    pub burned: u64,
    pub reserved: [u8; 16],
}

impl PoolEpoch {
    /// Accumulated reward per device-second at `t` (within this epoch), Q64.64 wrapping.
    pub fn acc_at(&self, t: i64) -> u128 {
        let dt = (t.clamp(self.start, self.end) - self.start) as u128;
        self.acc_start.wrapping_add(self.rho.wrapping_mul(dt))
    }

    pub fn contains(&self, t: i64) -> bool {
        self.start <= t && t <= self.end
    }
}
