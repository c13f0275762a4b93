// Units of every quantity (crates/pinfi-math/src/units.rs). Hours are GPU-seconds (u64), money is
// utility-token base units (u64), time is unix seconds (i64); decaying balances are a rate in
// devices, Q32.32, plus the time they reach zero; the pool's scale index is Q64.64.

export const RATE_SHIFT = 32n;
/** One device: a balance decaying by one GPU-second per second. */
export const RATE_ONE = 1n << RATE_SHIFT;
export const SCALE_SHIFT = 64n;
/** Scale index 1.0. */
export const SCALE_ONE = 1n << SCALE_SHIFT;
/** Below this the reserve folds its scale into the slots to keep precision. */
export const SCALE_RENORMALIZE_BELOW = 1n << 48n;
export const BPS_DENOM = 10_000n;
export const SECONDS_PER_HOUR = 3_600n;
/** Ring slots in a pool. */
export const BUCKETS = 256;

export const U16_MAX = (1n << 16n) - 1n;
export const U32_MAX = (1n << 32n) - 1n;
export const U64_MAX = (1n << 64n) - 1n;
export const U128_MAX = (1n << 128n) - 1n;
export const I64_MIN = -(1n << 63n);
export const I64_MAX = (1n << 63n) - 1n;
