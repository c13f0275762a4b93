// A simulated trajectory to replay on chain: a small seeded population (LPs, sellers, genuine
// buyers, a speculator) acts on the simulation's pool, and every step records the pool's books
// as the simulation leaves them. Nothing here touches the chain.
import { math } from "@pinfi/sdk";
import { PoolSetup, SimPool, SimRental, SimStake } from "../model/pool";
import { Prng } from "../prng";
import { HOUR } from "../units";

export type Step =
  | { kind: "lp"; at: bigint; end: bigint }
  | { kind: "sell"; at: bigint; end: bigint; hours: bigint }
  | { kind: "buy"; at: bigint; end: bigint; tokensIn: bigint; rental: number }
  | { kind: "terminate"; at: bigint; rental: number }
  | { kind: "settle"; at: bigint; stake: number };

/** The pool's books: what the program stores, plus the hour reserve at the step's time. */
export interface Books {
  utilityReserve: bigint;
  lpSupply: bigint;
  escrowTotal: bigint;
  collateralTotal: bigint;
  rateSum: bigint;
  rateEndSum: bigint;
  scale: bigint;
  cursor: bigint;
  slots: bigint[];
  hours: bigint;
}

export interface Planned {
  step: Step;
  books: Books;
}

export function booksOf(pool: SimPool, now: bigint): Books {
  const r = pool.core.reserve;
  const c = pool.core;
  return {
    utilityReserve: c.utilityReserve, lpSupply: c.lpSupply, escrowTotal: c.escrowTotal, collateralTotal: c.collateralTotal,
    rateSum: r.rateSum, rateEndSum: r.rateEndSum, scale: r.scale, cursor: r.cursor, slots: [...pool.slots], hours: pool.hoursAt(now),
  };
}

/** Field-by-field differences in base units (GPU-seconds for hours); empty when identical. */
export function diffBooks(sim: Books, chain: Books): string[] {
  const out: string[] = [];
  for (const k of Object.keys(sim) as (keyof Books)[]) {
    if (k === "slots") {
      sim.slots.forEach((v, i) => v !== chain.slots[i] && out.push(`slots[${i}]: sim ${v} chain ${chain.slots[i]} (Δ ${chain.slots[i] - v})`));
    } else if (sim[k] !== chain[k]) {
      out.push(`${k}: sim ${sim[k]} chain ${chain[k]} (Δ ${(chain[k] as bigint) - (sim[k] as bigint)})`);
    }
  }
  return out;
}

export interface Plan {
  setup: PoolSetup;
  created: bigint;
  steps: Planned[];
}

/**
 * `count` steps from a pool created at `created`: three LP stakes open the book, then every
 * hour (at a random second) ended stakes settle and one agent acts. Seeded: same seed, same plan.
 */
export function planTrajectory(setup: PoolSetup, created: bigint, count: number, seed: number): Plan {
  const rng = new Prng(seed);
  const pool = SimPool.create(setup, created);
  const stakes: SimStake[] = [];
  const settled = new Set<number>();
  const rentals: (SimRental & { open: boolean })[] = [];
  const steps: Planned[] = [];
  const h0 = math.alignUp(created + 1n, HOUR);
  const record = (step: Step) => steps.push({ step, books: booksOf(pool, step.at) });

  for (const [k, hours] of [6n, 12n, 24n].entries()) {
    const at = h0 + BigInt(k * 60);
    const stake = pool.openStake("lp", at, h0 + hours * HOUR);
    pool.addLiquidity(stake, at);
    stakes.push(stake);
    record({ kind: "lp", at, end: stake.end });
  }
  // A seller's cost and the buyers' reservation price, in base units per GPU-hour.
  const sellerCost = (setup.referencePrice * 9n) / 10n;
  const delta = (setup.referencePrice * 3n) / 2n;
  for (let hour = 1n; steps.length < count; hour++) {
    const at = h0 + hour * HOUR + BigInt(rng.int(3_000));
    for (let i = 0; i < stakes.length && steps.length < count; i++) {
      if (settled.has(i) || stakes[i].end > at) continue;
      pool.settle(stakes[i], at);
      settled.add(i);
      record({ kind: "settle", at, stake: i });
    }
    if (steps.length >= count) break;
    const price = (pool.core.utilityReserve * HOUR) / (pool.hoursAt(at) || 1n);
    const open = rentals.map((r, i) => [r, i] as const).filter(([r]) => r.open && r.end > at && math.balanceFloor(r.rate, r.end, at) > 0n);
    const roll = rng.next();
    const end = math.alignUp(at, HOUR) + BigInt(1 + rng.int(24)) * HOUR;
    // Each action runs on a copy first: one the program would reject is simply not taken.
    if (roll < 0.2 || pool.hoursAt(at) < 10n * HOUR) {
      const stake = pool.attempt((q) => {
        const s = q.openStake("lp", at, end);
        q.addLiquidity(s, at);
        return s;
      });
      if (stake) stakes.push(stake) && record({ kind: "lp", at, end });
    } else if (roll < 0.45 && price > sellerCost) {
      const sold = pool.attempt((q) => {
        const s = q.openStake("seller", at, end);
        const hours = (math.balanceFloor(s.rate, end, at) * BigInt(50 + rng.int(51))) / 100n;
        q.sellHours(s, hours, at);
        return { s, hours };
      });
      if (sold) stakes.push(sold.s) && record({ kind: "sell", at, end, hours: sold.hours });
    } else if (roll < 0.85 && price <= delta) {
      const tokensIn = price / 4n + rng.big(price * 2n);
      const bought = pool.attempt((q) => q.buyHours(tokensIn, at, end));
      if (bought) rentals.push({ ...bought.rental, open: true }) && record({ kind: "buy", at, end, tokensIn, rental: rentals.length - 1 });
    } else if (open.length > 0) {
      const [r, i] = open[rng.int(open.length)];
      if (pool.attempt((q) => q.terminateRental(r, at))) {
        r.open = false;
        record({ kind: "terminate", at, rental: i });
      }
    }
  }
  return { setup, created, steps };
}
