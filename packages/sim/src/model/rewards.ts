// Block rewards as LooPIN publishes them (protocol-notes §5, §6.2 [D-TOK], [B2]): a daily
// emission halving yearly, split 70/20/10, and each miner's standard reward scaled by the
// PoCPS multipliers, the rest burned. Amounts are base units; multipliers are exp(), so they
// are floats turned into a 1e9 fixed point once, rounding down (against the miner).
import { TOKEN } from "../units";

export const DAILY_EMISSION = 100_000n * TOKEN;
export const MAX_SUPPLY = 73_000_000n * TOKEN;
export const HALVING_DAYS = 365;
/** 2024-04-09, UTC: testnet launch, day 0 of the emission. */
export const EMISSION_START = Date.UTC(2024, 3, 9) / 1000;

/** Tokens minted on `day` (0-based since EMISSION_START). */
export const dailyEmission = (day: number): bigint => (day < 0 ? 0n : DAILY_EMISSION >> BigInt(Math.floor(day / HALVING_DAYS)));

/** 70 % GPU miners, 20 % foundation, 10 % team; the team takes the rounding remainder. */
export function split(amount: bigint): { miners: bigint; foundation: bigint; team: bigint } {
  const miners = (amount * 70n) / 100n;
  const foundation = (amount * 20n) / 100n;
  return { miners, foundation, team: amount - miners - foundation };
}

/** Sum of the first `days` days of emission. */
export function cumulativeEmission(days: number): bigint {
  let total = 0n;
  for (let d = 0; d < days; d++) total += dailyEmission(d);
  return total;
}

// PoCPS = PoT × PoL × PoP × PoW, each in (0, 1] ([B2], docs chart code).
const ALPHA = 2.303;
const BETA = 7.324;
const T0_DAYS = 30;

/** Time in protocol: exp(α·min(0, t − T0)/T0). */
export const poT = (days: number) => Math.exp((ALPHA * Math.min(0, days - T0_DAYS)) / T0_DAYS);
/** Loyalty: exp(β·min(0, held − minted)/minted), as the held fraction of what was minted. */
export const poL = (heldFraction: number) => Math.exp(BETA * Math.min(0, heldFraction - 1));
/** Privacy: exp(γ·min(0, P − P_limit)/P_limit), γ = α; metric unpublished, taken as a ratio. */
export const poP = (ratioToLimit: number) => Math.exp(ALPHA * Math.min(0, ratioToLimit - 1));
/** Performance against the class benchmark: exp(δ·min(0, W − W_b)/W_b), δ = β. */
export const poW = (ratioToBenchmark: number) => Math.exp(BETA * Math.min(0, ratioToBenchmark - 1));

export const MULTIPLIER_ONE = 1_000_000_000n;

/** A multiplier as fixed point 1e9, rounded down. */
export const fixedMultiplier = (m: number): bigint => BigInt(Math.floor(m * 1e9));

/** The actual reward and the burned rest of a standard reward under a multiplier. */
export function applyMultiplier(standard: bigint, m: number): { actual: bigint; burned: bigint } {
  const actual = (standard * fixedMultiplier(m)) / MULTIPLIER_ONE;
  return { actual, burned: standard - actual };
}
