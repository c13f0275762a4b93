//! Pure integer math of the PinFi dissipative AMM. No Solana types: the program, the benchmarks
//! and off-chain tools share it, and the TypeScript SDK mirrors it bit for bit (golden vectors).
#![forbid(unsafe_code)]

pub mod census;
pub mod checked;
pub mod curve;
pub mod decay;
pub mod emission;
pub mod error;
pub mod fixed;
pub mod pocps;
pub mod pool;
pub mod reserve;
pub mod units;

pub use checked::{MathError, SafeMath};
pub use error::{Error, Result};
