// Port of crates/pinfi-math/src/pocps.rs: PoCPS reward multipliers (protocol-notes §6.2) in
// integers, bit-exact with the program:
//
//   PoT = exp(−2.303 · max(0, T0 − t) / T0)                 t: device's time in the protocol
//   PoL = exp(−7.324 · max(0, minted − held) / minted)      tokens held vs rewards earned
//   PoW = exp(−7.324 · max(0, 1 − W / W_benchmark))         measured speed (proof-of-compute)
//   actual = standard × PoT × PoL × PoW,   burned = standard − actual
//
// Values are Q32.32 (`POCPS_ONE` = 2^32). Every exponent is rounded up and every product down.
import { add, arg, div, mul, sub, toU64 } from "./checked";
import { MathError } from "./errors";
import { U128_MAX } from "./units";

export const POCPS_ONE = 1n << 32n;
const ONE64 = 1n << 64n;
/** ln 2 · 2^64, floored. */
const LN2_Q64 = 12_786_308_645_202_655_659n;
/** The published coefficients as exact rationals (per mille). */
export const ALPHA_PERMILLE = 2_303n;
export const BETA_PERMILLE = 7_324n;
export const PERF_ONE_BPS = 10_000n;
const I128_MIN = -(1n << 127n);
const I128_MAX = (1n << 127n) - 1n;

/** `exp(−x)` for `x` in Q32.32 (u128), floored, in Q32.32 (u64). */
export function expNeg(x: bigint): bigint {
  arg(x, "u128", "x");
  const shifted = (x << 32n) & U128_MAX;
  const x64 = shifted >> 32n === x ? shifted : U128_MAX;
  const k = x64 / LN2_Q64;
  if (k >= 32n) return 0n;
  const r = x64 - k * LN2_Q64; // in [0, ln 2)
  let sum = ONE64; // i128 in Rust
  let term = ONE64;
  for (let n = 1n; n <= 24n; n++) {
    term = mul(term, r, "u128") >> 64n;
    term /= n;
    sum = n % 2n === 1n ? sum - term : sum + term;
    if (sum < I128_MIN || sum > I128_MAX) throw new MathError("i128"); // cannot happen: |sum| ≤ 2^65
  }
  return toU64((sum < 0n ? 0n : sum) >> (32n + k));
}

/** `coef/1000 · num/den` in Q32.32, rounded up (a larger exponent burns more). */
function exponentCeil(coefPermille: bigint, num: bigint, den: bigint): bigint {
  const n = mul(mul(coefPermille, num, "u128"), POCPS_ONE, "u128");
  const d = mul(1_000n, den, "u128");
  return div(add(n, sub(d, 1n, "u128"), "u128"), d, "u128");
}

/** Proof of time: 0.1 at registration, 1 after `rampSecs` (T0 = 30 days). */
export function pot(ageSecs: bigint, rampSecs: bigint): bigint {
  arg(ageSecs, "u64", "ageSecs");
  arg(rampSecs, "u64", "rampSecs");
  if (ageSecs >= rampSecs) return POCPS_ONE;
  return expNeg(exponentCeil(ALPHA_PERMILLE, rampSecs - ageSecs, rampSecs));
}

/** Proof of loyalty: 1 while the miner holds at least what it has earned. */
export function pol(held: bigint, minted: bigint): bigint {
  arg(held, "u64", "held");
  arg(minted, "u64", "minted");
  if (minted === 0n || held >= minted) return POCPS_ONE;
  return expNeg(exponentCeil(BETA_PERMILLE, minted - held, minted));
}

/** Proof of work: 1 at or above the class benchmark speed (`perfBps` = 10_000). */
export function pow(perfBps: bigint): bigint {
  arg(perfBps, "u64", "perfBps");
  if (perfBps >= PERF_ONE_BPS) return POCPS_ONE;
  return expNeg(exponentCeil(BETA_PERMILLE, PERF_ONE_BPS - perfBps, PERF_ONE_BPS));
}

/** `PoT × PoL × PoW`, floored after each product. */
export function multiplier(pot: bigint, pol: bigint, pow: bigint): bigint {
  for (const [v, n] of [[pot, "pot"], [pol, "pol"], [pow, "pow"]] as const) arg(v, "u64", n);
  const a = mul(pot, pol, "u128") >> 32n;
  return toU64(mul(a, pow, "u128") >> 32n);
}

/** `[actual, burned]` of a standard reward under a multiplier; they sum to `standard`. */
export function applyMultiplier(standard: bigint, multiplier: bigint): [bigint, bigint] {
  arg(standard, "u64", "standard");
  arg(multiplier, "u64", "multiplier");
  const actual = toU64(mul(standard, multiplier < POCPS_ONE ? multiplier : POCPS_ONE, "u128") >> 32n);
  return [actual, sub(standard, actual, "u64")];
}
