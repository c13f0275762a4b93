//! One checked-arithmetic trait for the whole protocol. Every failure carries the operation and
//! the caller's source location, so an on-chain `MathOverflow` log says *where* it overflowed.

use core::fmt;
use core::panic::Location;

/// A checked-arithmetic failure: which operation, and where in our source it was called.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct MathError {
    pub op: &'static str,
    pub file: &'static str,
    pub line: u32,
}

impl MathError {
    #[track_caller]
    pub fn here(op: &'static str) -> Self {
        let loc = Location::caller();
        Self { op, file: loc.file(), line: loc.line() }
    }
}

impl fmt::Debug for MathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "math {} failed at {}:{}", self.op, self.file, self.line)
    }
}

impl fmt::Display for MathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

pub type MathResult<T> = Result<T, MathError>;

/// Checked arithmetic that reports the call site (Meteora's `SafeMath`, with locations).
pub trait SafeMath: Sized {
    fn safe_add(self, rhs: Self) -> MathResult<Self>;
    fn safe_sub(self, rhs: Self) -> MathResult<Self>;
    fn safe_mul(self, rhs: Self) -> MathResult<Self>;
    /// Division rounding toward zero; division by zero is an error.
    fn safe_div(self, rhs: Self) -> MathResult<Self>;
}

macro_rules! impl_safe_math {
    ($($t:ty),*) => {$(
        impl SafeMath for $t {
            #[track_caller]
            fn safe_add(self, rhs: Self) -> MathResult<Self> {
                match self.checked_add(rhs) { Some(v) => Ok(v), None => Err(MathError::here("add")) }
            }
            #[track_caller]
            fn safe_sub(self, rhs: Self) -> MathResult<Self> {
                match self.checked_sub(rhs) { Some(v) => Ok(v), None => Err(MathError::here("sub")) }
            }
            #[track_caller]
            fn safe_mul(self, rhs: Self) -> MathResult<Self> {
                match self.checked_mul(rhs) { Some(v) => Ok(v), None => Err(MathError::here("mul")) }
            }
            #[track_caller]
            fn safe_div(self, rhs: Self) -> MathResult<Self> {
                match self.checked_div(rhs) { Some(v) => Ok(v), None => Err(MathError::here("div")) }
            }
        }
    )*};
}
impl_safe_math!(u16, u32, u64, u128, i64, i128);

/// Narrowing conversion that reports where it failed.
#[track_caller]
pub fn to_u64(v: u128) -> MathResult<u64> {
    match u64::try_from(v) { Ok(v) => Ok(v), Err(_) => Err(MathError::here("u128->u64")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_operation_and_line() {
        let err = u64::MAX.safe_add(1).unwrap_err();
        assert_eq!(err.op, "add");
        assert!(err.file.ends_with("checked.rs"));
        assert_eq!(err.line, line!() - 3);
        assert_eq!(7u64.safe_div(0).unwrap_err().op, "div");
        assert_eq!(3u64.safe_sub(4).unwrap_err().op, "sub");
        assert_eq!(5u64.safe_mul(3).unwrap(), 15);
    }
}
