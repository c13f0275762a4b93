//! Epochs and block rewards: emission minted per epoch, split over pools by weight, and within a
//! pool over stakes by device-seconds through an O(1) accumulator; PoCPS multipliers burn the
//! difference at claim. Every crank names the epoch it closes, so a repeat is refused, never paid.
pub mod claim_rewards;
pub mod close_epoch;
pub mod close_pool_epoch;
pub mod configure_emission;
pub mod set_pool_weight;

pub use claim_rewards::*;
pub use close_epoch::*;
pub use close_pool_epoch::*;
pub use configure_emission::*;
pub use set_pool_weight::*;
