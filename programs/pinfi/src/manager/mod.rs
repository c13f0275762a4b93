//! Pure state transitions of the program's non-pool rules (Orca's `manager/`): no accounts, no
//! CPIs, unit-tested directly. Pool math lives in `pinfi_math`.
pub mod lottery;
pub mod rentals;
pub mod verification;
