pub mod assign_rental;
pub mod refund_rental;
pub mod settle_expired;
pub mod settle_stake;

pub use assign_rental::*;
pub use refund_rental::*;
pub use settle_expired::*;
pub use settle_stake::*;
