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
    /// Of which fees (burned).
    pub fees: u64,
    pub status: RentalStatus,
    /// Whole devices the rate needs: `ceil(rate)`.
    pub devices: u8,
    /// Stakes (one device each) booked for the rental's window, first `assigned_count` valid.
    pub assigned: [Pubkey; MAX_RENTAL_DEVICES],
    pub assigned_count: u8,
    /// Since when the rental waits for devices (purchase, or the extension that reopened it).
    pub waiting_since: i64,
    pub reserved: [u8; 32],
}

/// Most devices one rental can be placed on; larger orders are several rentals.
pub const MAX_RENTAL_DEVICES: usize = 8;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub enum RentalStatus {
    /// Bought (or extended) and not yet on enough devices.
    Waiting,
    /// On `devices` stakes that live for the whole window.
    Placed,
}

impl Rental {
    /// Whole devices a rate (Q32.32 devices) needs; more than `MAX_RENTAL_DEVICES` is refused.
    pub fn devices_for(rate: u128) -> Option<u8> {
        let n = rate.div_ceil(pinfi_math::units::RATE_ONE).max(1);
        (n <= MAX_RENTAL_DEVICES as u128).then_some(n as u8)
    }

    /// Back to waiting for devices (purchase, or an extension past the placed window).
    pub fn reopen(&mut self, now: i64) {
        self.status = RentalStatus::Waiting;
        self.assigned_count = 0;
        self.waiting_since = now;
    }
}
