// Balances that decay linearly to zero at `end`, stored as (rate, end): stakes, rentals, pooled
// lots (crates/pinfi-math/src/decay.rs). Balance at `t` is `rate × (end − t) / 2^32`.
import { arg, sub, toU64 } from "./checked";
import { fail } from "./errors";
import { mulDivCeil, mulDivFloor } from "./fixed";
import { RATE_ONE } from "./units";

/** Seconds from `now` to `end`, zero once `end` has passed. */
export function remainingSecs(end: bigint, now: bigint): bigint {
  arg(end, "i64", "end"), arg(now, "i64", "now");
  // Rust's unchecked `end - now` panics (overflow-checks) where it leaves i64; so do we.
  return now >= end ? 0n : sub(end, now, "i64");
}

/** GPU-seconds held at `now`, rounded down. */
export function balanceFloor(rate: bigint, end: bigint, now: bigint): bigint {
  arg(rate, "u128", "rate");
  return toU64(mulDivFloor(rate, remainingSecs(end, now), RATE_ONE));
}

/** Rate holding `amount` from `now` until `end`, rounded down: what a receiver gets. */
export function rateFloor(amount: bigint, end: bigint, now: bigint): bigint {
  arg(amount, "u64", "amount");
  const secs = remainingSecs(end, now);
  if (secs === 0n) fail("BadLotEnd");
  return mulDivFloor(amount, RATE_ONE, secs);
}

/** Rate holding `amount` from `now` until `end`, rounded up: what a giver pays. */
export function rateCeil(amount: bigint, end: bigint, now: bigint): bigint {
  arg(amount, "u64", "amount");
  const secs = remainingSecs(end, now);
  if (secs === 0n) fail("BadLotEnd");
  return mulDivCeil(amount, RATE_ONE, secs);
}

/** Takes `amount` out of a decaying balance at `now`; returns the giver's new rate. */
export function withdraw(rate: bigint, end: bigint, now: bigint, amount: bigint): bigint {
  arg(amount, "u64", "amount");
  if (amount === 0n) fail("ZeroAmount");
  if (amount > balanceFloor(rate, end, now)) fail("InsufficientHours");
  return sub(rate, rateCeil(amount, end, now), "u128");
}
