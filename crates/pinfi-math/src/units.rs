//! Units of every quantity in PinFi. Integers only; each function names its rounding direction.
//!
//! * Hours are **GPU-seconds** (`GpuSeconds`): one device for one second. They are program-internal
//!   balances, never an SPL mint, because they decay.
//! * Money is **utility-token base units** (`TokenAmount`): the SPL amount of the protocol mint.
//! * Time is unix seconds (`UnixTs`) from the Clock sysvar.
//! * A decaying balance is a **rate** in devices, Q32.32 (`RATE_ONE` = one device = one GPU-second
//!   per second), together with the time it reaches zero. Its balance at `t` is `rate × (end − t)`.
//! * The pool's pro-rata **scale index** is Q64.64 (`SCALE_ONE` = 1.0).
//! * Fees and multiples are basis points (`BPS_DENOM` = 100 %).

pub type GpuSeconds = u64;
pub type TokenAmount = u64;
pub type UnixTs = i64;

pub const RATE_SHIFT: u32 = 32;
/// One device: a balance decaying by one GPU-second per second.
pub const RATE_ONE: u128 = 1 << RATE_SHIFT;
pub const SCALE_SHIFT: u32 = 64;
/// Scale index 1.0.
pub const SCALE_ONE: u128 = 1 << SCALE_SHIFT;
/// Below this the reserve's stored rates are folded into the buckets (a bounded O(buckets) pass)
/// so that new lots keep 32 fractional bits of precision.
pub const SCALE_RENORMALIZE_BELOW: u128 = 1 << 48;
pub const BPS_DENOM: u64 = 10_000;
pub const SECONDS_PER_HOUR: u64 = 3_600;
