// Checked arithmetic at Rust's widths: a result outside the type's range is `Error::Math`, at the
// same operation where Rust's `safe_*` (or an overflow-checked panic) would stop.
import { MathError } from "./errors";
import { I64_MAX, I64_MIN, U128_MAX, U16_MAX, U32_MAX, U64_MAX } from "./units";
import { PinfiSdkError } from "../errors/base";

export type Width = "u16" | "u32" | "u64" | "u128" | "i64";
const RANGE: Record<Width, [bigint, bigint]> = {
  u16: [0n, U16_MAX],
  u32: [0n, U32_MAX],
  u64: [0n, U64_MAX],
  u128: [0n, U128_MAX],
  i64: [I64_MIN, I64_MAX],
};

function fit(v: bigint, w: Width, op: string): bigint {
  const [lo, hi] = RANGE[w];
  if (v < lo || v > hi) throw new MathError(op);
  return v;
}

export const add = (a: bigint, b: bigint, w: Width) => fit(a + b, w, "add");
export const sub = (a: bigint, b: bigint, w: Width) => fit(a - b, w, "sub");
export const mul = (a: bigint, b: bigint, w: Width) => fit(a * b, w, "mul");
/** Division rounding toward zero (BigInt and Rust agree); by zero is an error. */
export function div(a: bigint, b: bigint, w: Width): bigint {
  if (b === 0n) throw new MathError("div");
  return fit(a / b, w, "div");
}
export const toU64 = (v: bigint) => fit(v, "u64", "u128->u64");

/** Rust `i64 as u128`: sign-extending, so a negative time becomes a huge factor. */
export const asU128 = (v: bigint) => BigInt.asUintN(128, v);

/** Euclidean remainder and quotient (`rem_euclid`, `div_euclid`) for a positive divisor. */
export const remEuclid = (a: bigint, b: bigint) => ((a % b) + b) % b;
export const divEuclid = (a: bigint, b: bigint) => (a - remEuclid(a, b)) / b;

/**
 * Argument guard: Rust's types make out-of-range inputs impossible, so here they are a caller
 * bug, not `Error::Math`.
 */
export function arg(v: bigint, w: Width, name: string): bigint {
  const [lo, hi] = RANGE[w];
  if (typeof v !== "bigint" || v < lo || v > hi) {
    throw new PinfiSdkError("InvalidArgument", `${name} = ${String(v)} is not a ${w}`, false);
  }
  return v;
}
