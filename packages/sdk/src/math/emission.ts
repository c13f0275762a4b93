// Port of crates/pinfi-math/src/emission.rs: block-reward emission (protocol-notes §5), a daily
// amount from genesis halving every `halvingSecs`, capped at `maxSupply`, split miners /
// foundation / team. Each halving era's share of an epoch is floored; the cap trims exactly.
import { add, arg, div, mul, sub, toU64 } from "./checked";
import { MathError } from "./errors";
import { I64_MAX, I64_MIN } from "./units";

export const DAY_SECS = 86_400n;
export const BPS_ONE = 10_000n;

/** One epoch's mint, split three ways; the parts always sum to `total`. */
export interface Split {
  total: bigint;
  miners: bigint;
  foundation: bigint;
  team: bigint;
}

/** The fields of `EmissionParams` the schedule reads (`EmissionParams::schedule`). */
export interface ScheduleParams {
  genesis: bigint;
  epochSecs: number | bigint;
  perDay: bigint;
  halvingSecs: bigint;
  maxSupply: bigint;
}

export class Schedule {
  readonly genesis: bigint;
  readonly epochSecs: bigint;
  readonly perDay: bigint;
  readonly halvingSecs: bigint;
  readonly maxSupply: bigint;

  constructor(p: ScheduleParams) {
    this.genesis = arg(p.genesis, "i64", "genesis");
    this.epochSecs = arg(BigInt(p.epochSecs), "u32", "epochSecs");
    this.perDay = arg(p.perDay, "u64", "perDay");
    this.halvingSecs = arg(p.halvingSecs, "u64", "halvingSecs");
    this.maxSupply = arg(p.maxSupply, "u64", "maxSupply");
  }

  /** `genesis + index · epochSecs`. */
  epochStart(index: bigint): bigint {
    arg(index, "u64", "index");
    const t = this.genesis + index * this.epochSecs;
    if (t < I64_MIN || t > I64_MAX) throw new MathError("i128->i64");
    return t;
  }

  /** `[start, end)` of epoch `index`. */
  epochBounds(index: bigint): [bigint, bigint] {
    return [this.epochStart(index), this.epochStart(add(index, 1n, "u64"))];
  }

  /** Index of the epoch that contains `t` (`null` before genesis). */
  epochAt(t: bigint): bigint | null {
    return t >= this.genesis && this.epochSecs > 0n ? (t - this.genesis) / this.epochSecs : null;
  }

  /** Scheduled emission over `[a, b)`, floored per halving era. */
  scheduledBetween(a: bigint, b: bigint): bigint {
    const halving = this.halvingSecs > 1n ? this.halvingSecs : 1n;
    let total = 0n;
    let t = a > this.genesis ? a : this.genesis;
    while (t < b) {
      const era = (t - this.genesis) / halving;
      if (era >= 64n) break;
      const boundary = this.genesis + (era + 1n) * halving;
      const eraEnd = boundary < b ? boundary : b;
      const secs = eraEnd - t;
      const amount = div(mul(this.perDay, secs, "u128"), DAY_SECS << era, "u128");
      total = add(total, toU64(amount), "u64");
      t = eraEnd;
    }
    return total;
  }

  /** What closing epoch `index` mints given what was minted before: the schedule, under the cap. */
  epochEmission(index: bigint, emittedBefore: bigint): bigint {
    const [a, b] = this.epochBounds(index);
    const scheduled = this.scheduledBetween(a, b);
    const left = this.maxSupply > emittedBefore ? this.maxSupply - emittedBefore : 0n;
    return scheduled < left ? scheduled : left;
  }
}

/** `minersBps` and `foundationBps` of `total`, floored; the team takes the remainder. */
export function split(total: bigint, minersBps: number | bigint, foundationBps: number | bigint): Split {
  arg(total, "u64", "total");
  const part = (bps: number | bigint) => toU64(mul(total, arg(BigInt(bps), "u16", "bps"), "u128") / BPS_ONE);
  const [miners, foundation] = [part(minersBps), part(foundationBps)];
  const team = sub(sub(total, miners, "u64"), foundation, "u64");
  return { total, miners, foundation, team };
}
