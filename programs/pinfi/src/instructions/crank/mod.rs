pub mod settle_stake;
pub use settle_stake::*;
