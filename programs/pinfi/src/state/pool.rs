use anchor_lang::prelude::*;
use pinfi_math::census::{Census, Rings, EPOCH_RING};
use pinfi_math::emission::Schedule;
use pinfi_math::pool::{CurveParams, PoolCore};
use pinfi_math::reserve::{Reserve, BUCKETS};

use crate::constants::{GPU_CLASS_LEN, POOL_SEED};

/// One pool per GPU class: hours (decaying lots) against utility tokens.
/// PDA `["pool", gpu_class]`. Its vault is the token account PDA `["vault", pool]`.
#[account]
#[derive(InitSpace)]
pub struct Pool {
    pub version: u8,
    pub bump: u8,
    pub vault_bump: u8,
    /// Zero-padded ASCII, e.g. `H100`.
    pub gpu_class: [u8; GPU_CLASS_LEN],
    pub creator: Pubkey,
    pub vault: Pubkey,
    pub params: PoolParams,
    /// `U`, base units. The vault holds `U + escrow_total + collateral_total` (or more: donations).
    pub utility_reserve: u64,
    /// `L`, LP shares outstanding.
    pub lp_supply: u64,
    /// Maintenance fees escrowed for seller stakes, base units.
    pub escrow_total: u64,
    /// Seller collateral locked until each stake's end, base units.
    pub collateral_total: u64,
    /// Aggregate of the decaying hour reserve (see `pinfi_math::reserve`).
    pub reserve: ReserveState,
    /// Per-pool event sequence number; every event of this pool carries the next one.
    pub seq: u64,
    /// Live stakes and rentals ever opened here (statistics for keepers).
    pub stake_count: u64,
    pub rental_count: u64,
    /// Share of the miners' emission, relative to the other pools; set by the admin. 0 (the
    /// default) earns nothing, so a permissionless pool cannot farm rewards until governed.
    pub weight: u64,
    /// The next epoch this pool closes (`close_pool_epoch`), in order.
    pub next_epoch: u64,
    /// Standard reward per device-second accumulated up to the end of the last closed epoch,
    /// Q64.64, wrapping (see `PoolEpoch`).
    pub acc_reward: u128,
    /// Devices staked over time (see `pinfi_math::census`).
    pub census: CensusState,
    /// Rewards paid to stakes and burned by multipliers or failures, base units.
    pub rewards_paid: u64,
    pub rewards_burned: u64,
    pub reserved: [u8; 64],
    /// Unscaled rate (Q32.32 devices ÷ scale) of the lots ending at each bucket boundary.
    pub slots: [u128; BUCKETS],
    /// Stakes ending at each bucket boundary (the census's scheduled decrements).
    pub stake_ends: [u32; BUCKETS],
    /// Device-seconds of recently finished epochs, at `epoch % EPOCH_RING`.
    pub epoch_device_seconds: [u64; EPOCH_RING],
}

/// Stored form of `pinfi_math::census::Census`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, Default, PartialEq, Eq, InitSpace)]
pub struct CensusState {
    pub active: u64,
    pub in_epoch: u64,
    pub epoch: u64,
    pub cursor: i64,
}

/// Pool parameters chosen at creation.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub struct PoolParams {
    /// Swap fee on buys and sells, basis points; burned.
    pub swap_fee_bps: u16,
    /// Shortest stake, seconds.
    pub min_stake_secs: u32,
    /// Longest stake, seconds; at most `(BUCKETS − 2) × bucket_secs`.
    pub max_stake_secs: u32,
    /// Bucket length, seconds. Stake and rental ends fall on multiples of it.
    pub bucket_secs: u32,
    /// Certificate burn, base units per GPU-hour.
    pub burn_per_gpu_hour: u64,
    /// Maintenance fee escrowed by sellers, base units per GPU-hour; waived for LPs.
    pub maintenance_per_gpu_hour: u64,
    /// Seller collateral, multiple of gross proceeds in basis points (10_000 = 1×).
    pub collateral_bps: u32,
    /// Price used while a side of the pool is empty, base units per GPU-hour.
    pub reference_price: u64,
}

/// Stored form of `pinfi_math::reserve::Reserve` (bucket length lives in `PoolParams`).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub struct ReserveState {
    pub rate_sum: u128,
    pub rate_end_sum: u128,
    pub scale: u128,
    pub cursor: i64,
}

impl Pool {
    pub fn next_seq(&mut self) -> u64 {
        self.seq = self.seq.wrapping_add(1);
        self.seq
    }

    pub fn curve(&self) -> CurveParams {
        CurveParams {
            fee_bps: self.params.swap_fee_bps,
            collateral_bps: self.params.collateral_bps,
            reference_price: self.params.reference_price,
        }
    }

    /// The pool's books as the pure state machine sees them.
    pub fn core(&self) -> PoolCore {
        let r = self.reserve;
        PoolCore {
            utility_reserve: self.utility_reserve,
            lp_supply: self.lp_supply,
            escrow_total: self.escrow_total,
            collateral_total: self.collateral_total,
            reserve: Reserve {
                rate_sum: r.rate_sum,
                rate_end_sum: r.rate_end_sum,
                scale: r.scale,
                cursor: r.cursor,
                bucket_secs: self.params.bucket_secs,
            },
        }
    }

    pub fn store(&mut self, core: &PoolCore) {
        self.utility_reserve = core.utility_reserve;
        self.lp_supply = core.lp_supply;
        self.escrow_total = core.escrow_total;
        self.collateral_total = core.collateral_total;
        let r = core.reserve;
        self.reserve = ReserveState { rate_sum: r.rate_sum, rate_end_sum: r.rate_end_sum, scale: r.scale, cursor: r.cursor };
    }

    /// Runs `f` on the census and its rings, then stores the census back.
    pub fn with_census<R>(&mut self, f: impl FnOnce(&mut Census, &mut Rings, u32) -> pinfi_math::Result<R>) -> pinfi_math::Result<R> {
        let c = self.census;
        let mut census = Census { active: c.active, in_epoch: c.in_epoch, epoch: c.epoch, cursor: c.cursor };
        let mut rings = Rings { ends: &mut self.stake_ends, epochs: &mut self.epoch_device_seconds };
        let r = f(&mut census, &mut rings, self.params.bucket_secs)?;
        self.census = CensusState { active: census.active, in_epoch: census.in_epoch, epoch: census.epoch, cursor: census.cursor };
        Ok(r)
    }

    /// Device-seconds of finished epoch `index` after bringing the census up to `now`; 0 once the
    /// ring has forgotten it.
    pub fn epoch_device_seconds_at(&mut self, schedule: &Schedule, index: u64, now: i64) -> pinfi_math::Result<u64> {
        self.with_census(|c, rings, b| {
            c.advance(rings, b, Some(schedule), now)?;
            Ok(c.epoch_device_seconds(rings, index).unwrap_or(0))
        })
    }

    pub fn signer_seeds(&self) -> [&[u8]; 3] {
        [POOL_SEED, &self.gpu_class, core::slice::from_ref(&self.bump)]
    }
}
