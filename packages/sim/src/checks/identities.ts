// Items 16–17 of protocol-notes §9.4, on the pool as the simulation drives it (the same identities
// the Rust crate tests, here through the SDK port and the simulation's instruction layer).
import { Check } from "./check";
import { E2E_POOL, SimPool } from "../model/pool";
import { Prng } from "../prng";
import { HOUR, TOKEN } from "../units";

const NOW = 1_700_002_800n;

/** 16. One untraded cohort: H(τ)·T = H₀·(T − τ), hence P(τ) = P₀/(1 − τ/T) and k(τ) = k₀(1 − τ/T), exactly. */
function untradedCohort(): Check {
  const T = 24n * HOUR;
  const pool = SimPool.create({ ...E2E_POOL, referencePrice: 2n * TOKEN }, NOW);
  pool.addLiquidity(pool.openStake("lp", NOW, NOW + T, 3n), NOW);
  const h0 = pool.hoursAt(NOW);
  let worst = 0n;
  for (let tau = 0n; tau < T; tau += 900n) {
    const d = pool.hoursAt(NOW + tau) * T - h0 * (T - tau);
    if ((d < 0n ? -d : d) > worst) worst = d < 0n ? -d : d;
  }
  return {
    id: "16", item: 16, title: "untraded cohort: H(τ)·T − H₀·(T − τ), every 15 min over 24 h", target: "0", measured: String(worst),
    tolerance: "exact", pass: worst === 0n, note: "same equation gives P(τ) and k(τ), U being constant",
  };
}

/** A random pool: a few LP lots with random ends and sizes, one random buy. */
function randomPool(rng: Prng, feeBps: bigint): { pool: SimPool; now: bigint } {
  const pool = SimPool.create({ ...E2E_POOL, swapFeeBps: feeBps, referencePrice: 1n + rng.big(5n * TOKEN) }, NOW);
  const lots = 1 + rng.int(5);
  for (let k = 0; k < lots; k++) {
    const end = NOW + BigInt(1 + rng.int(100)) * HOUR;
    pool.addLiquidity(pool.openStake("lp", NOW, end, BigInt(1 + rng.int(50))), NOW);
  }
  const now = NOW + BigInt(rng.int(3_600));
  return { pool, now };
}

/** 17a. Equal-value injection: `U'·H − U·H'` lies in `[0, H)` (tokens rounded up). */
function injection(samples: number): Check {
  const rng = new Prng(17);
  let bad = 0;
  let exact = 0;
  for (let s = 0; s < samples; s++) {
    const { pool, now } = randomPool(rng, 30n);
    const [u, h] = [pool.core.utilityReserve, pool.hoursAt(now)];
    const end = NOW + BigInt(2 + rng.int(100)) * HOUR;
    try {
      pool.addLiquidity(pool.openStake("lp", now, end, BigInt(1 + rng.int(20))), now);
    } catch {
      continue;
    }
    const [u1, h1] = [pool.core.utilityReserve, pool.hoursAt(now)];
    const d = u1 * h - u * h1;
    if (d < 0n || d >= h) bad++;
    if (d === 0n) exact++;
  }
  return {
    id: "17a", item: 17, title: `equal-value injection leaves P unchanged (${samples} random pools)`, target: "U'H − UH' ∈ [0, H)",
    measured: `${bad} outside, ${exact} exact`, tolerance: "rounding bound of docs/pool-math.md", pass: bad === 0,
  };
}

/** 17b. Fee-less buy: (H/H')² ≤ P'/P < (H/H')²·H'/(H'−1). */
function feelessBuy(samples: number): Check {
  const rng = new Prng(1717);
  let bad = 0;
  let worst = 0;
  for (let s = 0; s < samples; s++) {
    const { pool, now } = randomPool(rng, 0n);
    const [u, h] = [pool.core.utilityReserve, pool.hoursAt(now)];
    const tokens = 1n + rng.big(u);
    try {
      pool.core.buyHours(pool.slots, pool.curve, now, tokens);
    } catch {
      continue;
    }
    const [u1, h1] = [pool.core.utilityReserve, pool.hoursAt(now)];
    // P'/P = U'H/(UH'); lower bound ⇔ UH ≤ U'H'; upper ⇔ U'(H' − 1) < UH.
    if (!(u * h <= u1 * h1 && u1 * (h1 - 1n) < u * h)) bad++;
    const ratio = (Number(u1) * Number(h)) / (Number(u) * Number(h1)) / (Number(h) / Number(h1)) ** 2 - 1;
    worst = Math.max(worst, Math.abs(ratio));
  }
  return {
    id: "17b", item: 17, title: `fee-less buy: P'/P = (H/(H−Δh))² (${samples} random buys)`, target: "inside the rounding bound",
    measured: `${bad} outside, max rel. dev. ${worst.toExponential(2)}`, tolerance: "(H/H')² ≤ P'/P < (H/H')²·H'/(H'−1)", pass: bad === 0,
  };
}

export const identityChecks = (samples = 300): Check[] => [untradedCohort(), injection(samples), feelessBuy(samples)];
