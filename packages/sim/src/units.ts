// Units of the simulation are the program's (docs/pool-math.md): hours in GPU-seconds, money in
// utility-token base units, time in unix seconds. Floats appear only on the phase-diagram axes.
import { math } from "@pinfi/sdk";

export const HOUR = math.SECONDS_PER_HOUR;
/** Base units per token: the e2e mint has 6 decimals. */
export const TOKEN = 1_000_000n;

/** `round(v × unit)` as a bigint: axis values (floats) become base units once, here. */
export const toBase = (v: number, unit: bigint): bigint => BigInt(Math.round(v * Number(unit)));

/** `num / den` as a float, for axes and plots only. */
export const ratio = (num: bigint, den: bigint): number => (den === 0n ? NaN : Number((num * 1_000_000_000n) / den) / 1e9);

/** Spot price `U / H` in base units per GPU-hour, as a float. */
export const spot = (u: bigint, h: bigint): number => ratio(u * HOUR, h);
