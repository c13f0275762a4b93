// Constant-product pricing, fees, LP shares and charges (crates/pinfi-math/src/curve.rs). Each
// name ends in its rounding direction; every direction favours the pool. `u` = utility reserve
// (base units), `h` = hour reserve (GPU-seconds) at trade time.
import { add, arg, sub, toU64, mul } from "./checked";
import { fail } from "./errors";
import { divCeil, mulDivCeil, mulDivFloor } from "./fixed";
import { BPS_DENOM, SECONDS_PER_HOUR } from "./units";

/** Fee on `amount` at `bps`, rounded up. */
export function feeCeil(amount: bigint, bps: bigint): bigint {
  arg(amount, "u64", "amount"), arg(bps, "u16", "bps");
  return toU64(mulDivCeil(amount, bps, BPS_DENOM));
}

/** Buy: `H·ΔU / (U + ΔU)` hours for `tokensIn` (after fee), rounded down. */
export function hoursOutFloor(u: bigint, h: bigint, tokensIn: bigint): bigint {
  arg(u, "u64", "u"), arg(h, "u64", "h"), arg(tokensIn, "u64", "tokensIn");
  if (u === 0n || h === 0n) fail("EmptyReserve");
  return toU64(mulDivFloor(h, tokensIn, add(u, tokensIn, "u128")));
}

/** Buy exact out: `U·Δh / (H − Δh)` tokens (after fee), rounded up. */
export function tokensInForHoursCeil(u: bigint, h: bigint, hoursOut: bigint): bigint {
  arg(u, "u64", "u"), arg(h, "u64", "h"), arg(hoursOut, "u64", "hoursOut");
  if (u === 0n || h === 0n) fail("EmptyReserve");
  if (hoursOut >= h) fail("InsufficientHours");
  return toU64(mulDivCeil(u, hoursOut, h - hoursOut));
}

/** Gross amount whose net after `feeCeil` is at least `net`, rounded up. */
export function grossForNetCeil(net: bigint, bps: bigint): bigint {
  arg(net, "u64", "net"), arg(bps, "u16", "bps");
  const keep = sub(BPS_DENOM, bps, "u64");
  if (keep === 0n) fail("ZeroAmount");
  return toU64(mulDivCeil(net, BPS_DENOM, keep));
}

/** Sell: `U·Δh / (H + Δh)` tokens for `hoursIn`, rounded down (before the fee). */
export function tokensOutFloor(u: bigint, h: bigint, hoursIn: bigint): bigint {
  arg(u, "u64", "u"), arg(h, "u64", "h"), arg(hoursIn, "u64", "hoursIn");
  if (u === 0n || h === 0n) fail("EmptyReserve");
  return toU64(mulDivFloor(u, hoursIn, add(h, hoursIn, "u128")));
}

/** LP: tokens matching `hoursIn` at `U/H`, rounded up; an empty side uses the reference price. */
export function equalValueTokensCeil(u: bigint, h: bigint, hoursIn: bigint, referencePricePerHour: bigint): bigint {
  arg(u, "u64", "u"), arg(h, "u64", "h"), arg(hoursIn, "u64", "hoursIn"), arg(referencePricePerHour, "u64", "referencePrice");
  if (u === 0n || h === 0n) return toU64(mulDivCeil(hoursIn, referencePricePerHour, SECONDS_PER_HOUR));
  return toU64(mulDivCeil(u, hoursIn, h));
}

/** LP shares for `tokensIn`, rounded down; the first LP gets one share per base unit. */
export function lpSharesFloor(lpSupply: bigint, u: bigint, tokensIn: bigint): bigint {
  arg(lpSupply, "u64", "lpSupply"), arg(u, "u64", "u"), arg(tokensIn, "u64", "tokensIn");
  if (lpSupply === 0n || u === 0n) return tokensIn;
  return toU64(mulDivFloor(lpSupply, tokensIn, u));
}

/** LP settlement: `shares / L × U`, rounded down. */
export function lpPayoutFloor(shares: bigint, lpSupply: bigint, u: bigint): bigint {
  arg(shares, "u64", "shares"), arg(lpSupply, "u64", "lpSupply"), arg(u, "u64", "u");
  if (shares > lpSupply) fail("InsufficientHours");
  return toU64(mulDivFloor(shares, u, lpSupply));
}

/** A per-GPU-hour charge (burn, maintenance fee) for `secs` GPU-seconds, rounded up. */
export function perHourChargeCeil(perHour: bigint, secs: bigint): bigint {
  arg(perHour, "u64", "perHour"), arg(secs, "u64", "secs");
  return toU64(divCeil(mul(perHour, secs, "u128"), SECONDS_PER_HOUR));
}

/** Seller collateral: `multipleBps / 10 000 × proceeds`, rounded up. */
export function collateralCeil(proceeds: bigint, multipleBps: bigint): bigint {
  arg(proceeds, "u64", "proceeds"), arg(multipleBps, "u32", "multipleBps");
  return toU64(mulDivCeil(proceeds, multipleBps, BPS_DENOM));
}

/** `k = U·H` must not fall through a trade. */
export function checkKNonDecreasing(u0: bigint, h0: bigint, u1: bigint, h1: bigint): void {
  if (u1 * h1 < u0 * h0) fail("InvariantViolated");
}
