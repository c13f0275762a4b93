//! Domain errors of the pure math. The program maps each to one named on-chain error.

use crate::checked::MathError;
use core::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// Checked arithmetic failed (overflow, underflow, division by zero) at a source location.
    Math(MathError),
    /// An amount that must be positive was zero, or rounded to zero.
    ZeroAmount,
    /// More GPU-seconds were asked for than the balance holds at this instant.
    InsufficientHours,
    /// The pool holds no hours (or no tokens) to trade against.
    EmptyReserve,
    /// A lot's end is not on a bucket boundary, is not in the future, or is beyond the ring.
    BadLotEnd,
    /// The constant product decreased through a trade.
    InvariantViolated,
    /// A rounding bound the reserve relies on did not hold (state too large for its precision).
    Precision,
}

impl From<MathError> for Error {
    fn from(e: MathError) -> Self {
        Error::Math(e)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

pub type Result<T> = core::result::Result<T, Error>;
