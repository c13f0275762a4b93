// The pool's GPU-hour reserve in O(1) lots (crates/pinfi-math/src/reserve.rs):
// `H(t) = s · (Σ r·E − t · Σ r)`, two running sums and a scale, with a ring of `BUCKETS` slots
// holding the rate that ends at each bucket boundary. Methods mutate like the Rust ones; a method
// that throws may leave the state half-changed, so callers work on a `clone()` (as a failed
// transaction reverts on chain).
import { add, arg, asU128, divEuclid, mul, remEuclid, sub, toU64 } from "./checked";
import { fail } from "./errors";
import { mulDivCeil, mulDivFloor } from "./fixed";
import { BUCKETS, RATE_SHIFT, SCALE_ONE, SCALE_RENORMALIZE_BELOW, SCALE_SHIFT } from "./units";

/** Denominator taking `scale × Σ rate·secs` back to GPU-seconds. */
const UNITS = 1n << (RATE_SHIFT + SCALE_SHIFT);
const NBUCKETS = BigInt(BUCKETS);

/** The bucket boundary at or before `t`. */
export function alignDown(t: bigint, bucketSecs: bigint): bigint {
  arg(t, "i64", "t"), arg(bucketSecs, "u32", "bucketSecs");
  return sub(t, remEuclid(t, bucketSecs), "i64");
}

/** The bucket boundary at or after `t`. */
export function alignUp(t: bigint, bucketSecs: bigint): bigint {
  const d = alignDown(t, bucketSecs);
  return d === t ? t : add(d, bucketSecs, "i64");
}

/** A fresh ring of zero slots. */
export const emptySlots = (): bigint[] => new Array<bigint>(BUCKETS).fill(0n);

export interface ReserveState {
  rateSum: bigint;
  rateEndSum: bigint;
  scale: bigint;
  cursor: bigint;
  bucketSecs: bigint;
}

export class Reserve implements ReserveState {
  constructor(
    /** Σ over live lots of rate ÷ scale (Q32.32 devices, unscaled). */
    public rateSum: bigint,
    /** Σ over live lots of (rate ÷ scale) × end. */
    public rateEndSum: bigint,
    /** Pro-rata scale index, Q64.64. */
    public scale: bigint,
    /** Last bucket boundary whose expiries are applied. */
    public cursor: bigint,
    public bucketSecs: bigint,
  ) {}

  /** `Reserve::new`. */
  static create(bucketSecs: bigint, now: bigint): Reserve {
    arg(bucketSecs, "u32", "bucketSecs");
    if (bucketSecs === 0n) fail("BadLotEnd");
    return new Reserve(0n, 0n, SCALE_ONE, alignDown(now, bucketSecs), bucketSecs);
  }

  static from(s: ReserveState): Reserve {
    return new Reserve(s.rateSum, s.rateEndSum, s.scale, s.cursor, s.bucketSecs);
  }

  clone(): Reserve {
    return Reserve.from(this);
  }

  /** The latest end a lot added at `now` may have: `BUCKETS − 1` boundaries ahead. */
  maxEnd(now: bigint): bigint {
    const span = mul(this.bucketSecs, NBUCKETS - 1n, "i64");
    return add(alignDown(now, this.bucketSecs), span, "i64");
  }

  slot(boundary: bigint): number {
    // Rust: `div_euclid(b) as usize % BUCKETS`; 2^64 is a multiple of 256, so the wrap of a
    // negative quotient into usize leaves the Euclidean residue.
    return Number(remEuclid(divEuclid(boundary, this.bucketSecs), NBUCKETS));
  }

  /** Boundaries passed between the cursor and `target` (Rust's unchecked `i64` subtraction). */
  private crossed(target: bigint): bigint {
    return sub(target, this.cursor, "i64") / this.bucketSecs;
  }

  /** Applies every expiry up to `now`; visits at most `BUCKETS` slots. */
  advance(slots: bigint[], now: bigint): void {
    const target = alignDown(now, this.bucketSecs);
    if (target <= this.cursor) return;
    const crossed = this.crossed(target);
    if (crossed >= NBUCKETS) {
      slots.fill(0n);
      this.rateSum = 0n;
      this.rateEndSum = 0n;
    } else {
      let boundary = this.cursor;
      for (let k = 0n; k < crossed; k++) {
        boundary = add(boundary, this.bucketSecs, "i64");
        const i = this.slot(boundary);
        const r = slots[i];
        slots[i] = 0n;
        this.rateSum = sub(this.rateSum, r, "u128");
        this.rateEndSum = sub(this.rateEndSum, mul(r, asU128(boundary), "u128"), "u128");
      }
    }
    this.cursor = target;
    if (this.rateSum === 0n) {
      if (this.rateEndSum !== 0n) fail("Precision");
      this.scale = SCALE_ONE;
    }
  }

  /** Hours at `now`, rounded down, without changing state (any future time). */
  hoursAt(slots: readonly bigint[], now: bigint): bigint {
    const target = alignDown(now, this.bucketSecs);
    let rate = this.rateSum;
    let rateEnd = this.rateEndSum;
    if (target > this.cursor) {
      const crossed = this.crossed(target);
      if (crossed >= NBUCKETS) return 0n;
      let boundary = this.cursor;
      for (let k = 0n; k < crossed; k++) {
        boundary = add(boundary, this.bucketSecs, "i64");
        const r = slots[this.slot(boundary)];
        rate = sub(rate, r, "u128");
        rateEnd = sub(rateEnd, mul(r, asU128(boundary), "u128"), "u128");
      }
    }
    return this.valueFloor(rate, rateEnd, now);
  }

  private valueFloor(rate: bigint, rateEnd: bigint, now: bigint): bigint {
    const weighted = sub(rateEnd, mul(rate, now > 0n ? now : 0n, "u128"), "u128");
    return toU64(mulDivFloor(weighted, this.scale, UNITS));
  }

  /** Adds a lot of `rate` ending at the boundary `end`; returns the GPU-seconds credited. */
  addLot(slots: bigint[], now: bigint, end: bigint, rate: bigint): bigint {
    arg(end, "i64", "end"), arg(rate, "u128", "rate");
    this.advance(slots, now);
    if (end <= now || remEuclid(end, this.bucketSecs) !== 0n || end > this.maxEnd(now)) fail("BadLotEnd");
    const before = this.hoursAt(slots, now);
    const unscaled = mulDivFloor(rate, SCALE_ONE, this.scale);
    const i = this.slot(end);
    slots[i] = add(slots[i], unscaled, "u128");
    this.rateSum = add(this.rateSum, unscaled, "u128");
    this.rateEndSum = add(this.rateEndSum, mul(unscaled, asU128(end), "u128"), "u128");
    const credited = sub(this.hoursAt(slots, now), before, "u64");
    if (credited === 0n) fail("ZeroAmount");
    return credited;
  }

  /** Removes `amount` pro rata from every live lot (a buy); returns the reserve after. */
  removeProRata(slots: bigint[], now: bigint, amount: bigint): bigint {
    arg(amount, "u64", "amount");
    this.advance(slots, now);
    // Measured before renormalising: the caller priced `amount` on this value.
    const before = this.hoursAt(slots, now);
    if (this.scale < SCALE_RENORMALIZE_BELOW) this.renormalize(slots, now);
    if (amount === 0n) fail("ZeroAmount");
    if (amount >= before) fail("InsufficientHours");
    const target = before - amount;
    const weighted = sub(this.rateEndSum, mul(this.rateSum, now > 0n ? now : 0n, "u128"), "u128");
    this.scale = mulDivCeil(target, UNITS, weighted);
    if (this.hoursAt(slots, now) !== target) fail("Precision");
    return target;
  }

  /** Folds the scale into every slot and resets it to 1.0 (one pass over the ring). */
  renormalize(slots: bigint[], now: bigint): void {
    this.advance(slots, now);
    let rate = 0n;
    let rateEnd = 0n;
    let boundary = this.cursor;
    for (let k = 1; k < BUCKETS; k++) {
      boundary = add(boundary, this.bucketSecs, "i64");
      const i = this.slot(boundary);
      const r = mulDivFloor(slots[i], this.scale, SCALE_ONE);
      slots[i] = r;
      rate = add(rate, r, "u128");
      rateEnd = add(rateEnd, mul(r, asU128(boundary), "u128"), "u128");
    }
    this.rateSum = rate;
    this.rateEndSum = rateEnd;
    this.scale = SCALE_ONE;
  }
}
