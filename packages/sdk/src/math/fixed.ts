// Wide multiply-divide (crates/pinfi-math/src/fixed.rs): the product of two u128 is exact (U256
// in Rust, unbounded here), only the quotient must fit u128.
import { MathError } from "./errors";
import { U128_MAX } from "./units";

function narrow(v: bigint): bigint {
  if (v > U128_MAX) throw new MathError("u256->u128");
  return v;
}

/** `floor(a * b / d)`. */
export function mulDivFloor(a: bigint, b: bigint, d: bigint): bigint {
  if (d === 0n) throw new MathError("mul_div_floor: div by zero");
  return narrow((a * b) / d);
}

/** `ceil(a * b / d)`. */
export function mulDivCeil(a: bigint, b: bigint, d: bigint): bigint {
  if (d === 0n) throw new MathError("mul_div_ceil: div by zero");
  const p = a * b;
  const q = p / d;
  return narrow(p % d === 0n ? q : q + 1n);
}

/** `ceil(a / d)`. */
export function divCeil(a: bigint, d: bigint): bigint {
  if (d === 0n) throw new MathError("div_ceil: div by zero");
  return a / d + (a % d !== 0n ? 1n : 0n);
}
