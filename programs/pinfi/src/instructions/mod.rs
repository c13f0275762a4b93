//! Instructions grouped by actor. Each file: the accounts it takes and a thin handler that loads,
//! calls one pure transition (`pinfi_math::pool`), moves tokens and emits one event.
pub mod admin;
pub mod buyer;
pub mod crank;
pub mod epoch;
pub mod miner;
pub mod pool;
pub mod verifier;
pub mod view;

pub use admin::*;
pub use buyer::*;
pub use crank::*;
pub use epoch::*;
pub use miner::*;
pub use pool::*;
pub use verifier::*;
pub use view::*;
