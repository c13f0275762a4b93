// Block rewards as LooPIN publishes them (protocol-notes §5, §6.2 [D-TOK], [B2]): a daily
// emission halving yearly, split 70/20/10, and each miner's standard reward scaled by the
// PoCPS multipliers, the rest burned. Amounts are base units. The arithmetic is the SDK's
// (@pinfi/sdk math.emission / math.pocps, bit-exact ports of the program's crates/pinfi-math):
// multipliers are Q32.32 integers; the `number` views below are those integers ÷ 2^32 exactly,
// so handing one back to `applyMultiplier` reproduces the program's integer to the base unit.
import { math } from "@pinfi/sdk";
import { TOKEN } from "../units";

const { pocps } = math;
const emission = { Schedule: math.Schedule, split: math.split, DAY_SECS: math.DAY_SECS };

export const DAILY_EMISSION = 100_000n * TOKEN;
export const MAX_SUPPLY = 73_000_000n * TOKEN;
export const HALVING_DAYS = 365;
/** 2024-04-09, UTC: testnet launch, day 0 of the emission. */
export const EMISSION_START = Date.UTC(2024, 3, 9) / 1000;

/** LooPIN's schedule as the program's `EmissionParams` would hold it (one-day epochs). */
export const SCHEDULE = new emission.Schedule({
  genesis: BigInt(EMISSION_START),
  epochSecs: emission.DAY_SECS,
  perDay: DAILY_EMISSION,
  halvingSecs: BigInt(HALVING_DAYS) * emission.DAY_SECS,
  maxSupply: MAX_SUPPLY,
});

/** Tokens minted on `day` (0-based since EMISSION_START), before the cap. */
export const dailyEmission = (day: number): bigint => (day < 0 ? 0n : SCHEDULE.scheduledBetween(...SCHEDULE.epochBounds(BigInt(day))));

/** 70 % GPU miners, 20 % foundation, 10 % team (floored; the team takes the rounding remainder). */
export function split(amount: bigint): { miners: bigint; foundation: bigint; team: bigint } {
  const { miners, foundation, team } = emission.split(amount, 7_000, 2_000);
  return { miners, foundation, team };
}

/** Sum of the first `days` days of emission. */
export function cumulativeEmission(days: number): bigint {
  let total = 0n;
  for (let d = 0; d < days; d++) total += dailyEmission(d);
  return total;
}

// PoCPS = PoT × PoL × PoP × PoW, each in (0, 1] ([B2], docs chart code). PoT, PoL and PoW are
// the program's (Q32.32); PoP has no on-chain counterpart (its metric is unpublished) and stays
// a float here.
const ALPHA = 2.303;
const T0_DAYS = 30;
const DAY = 86_400;
/** Fraction bases: a held fraction / speed ratio becomes integers at this resolution. */
const FRACTION_ONE = 1_000_000_000n;

/** A Q32.32 multiplier as a number (exact: it is below 2^33). */
const q = (v: bigint): number => Number(v) / Number(pocps.POCPS_ONE);

/** Time in protocol, Q32.32: exp(−α·max(0, T0 − t)/T0), T0 = 30 days (`pocps.pot`). */
export const poTQ = (days: number): bigint => pocps.pot(BigInt(Math.max(0, Math.round(days * DAY))), BigInt(T0_DAYS * DAY));
/** Loyalty, Q32.32: exp(−β·max(0, minted − held)/minted) (`pocps.pol`). */
export const poLQ = (heldFraction: number): bigint => pocps.pol(BigInt(Math.max(0, Math.round(heldFraction * Number(FRACTION_ONE)))), FRACTION_ONE);
/** Performance, Q32.32: exp(−β·max(0, 1 − W/W_b)) with W/W_b in basis points (`pocps.pow`). */
export const poWQ = (ratioToBenchmark: number): bigint => pocps.pow(BigInt(Math.max(0, Math.round(ratioToBenchmark * 10_000))));

/** Time in protocol: exp(α·min(0, t − T0)/T0) — the program's value. */
export const poT = (days: number) => q(poTQ(days));
/** Loyalty: exp(β·min(0, held − minted)/minted), as the held fraction of what was minted — the program's value. */
export const poL = (heldFraction: number) => q(poLQ(heldFraction));
/** Privacy: exp(γ·min(0, P − P_limit)/P_limit), γ = α; metric unpublished, taken as a ratio (float; not on chain). */
export const poP = (ratioToLimit: number) => Math.exp(ALPHA * Math.min(0, ratioToLimit - 1));
/** Performance against the class benchmark: exp(δ·min(0, W − W_b)/W_b), δ = β — the program's value. */
export const poW = (ratioToBenchmark: number) => q(poWQ(ratioToBenchmark));

/** The multipliers' fixed-point one: Q32.32, as the program. */
export const MULTIPLIER_ONE = pocps.POCPS_ONE;

/** A multiplier as Q32.32, rounded down (exact for the values poT / poL / poW return). */
export const fixedMultiplier = (m: number | bigint): bigint => (typeof m === "bigint" ? m : BigInt(Math.floor(m * Number(MULTIPLIER_ONE))));

/** The actual reward and the burned rest of a standard reward under a multiplier (`pocps.applyMultiplier`). */
export function applyMultiplier(standard: bigint, m: number | bigint): { actual: bigint; burned: bigint } {
  const [actual, burned] = pocps.applyMultiplier(standard, fixedMultiplier(m));
  return { actual, burned };
}
