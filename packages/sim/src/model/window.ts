// One LP window simulated bucket by bucket from a quasi-static state, with the background flows
// of the cell: cohorts settle as they end, renew if LPs are active, genuine buyers take u·N
// device-hours per hour while a GPU-hour costs at most δ, and sellers sell fresh lots whenever the
// price is above their entry price. Used for the speculator's payoff and for trajectories.
import { math } from "@pinfi/sdk";
import { Book, demandPerHour } from "./book";
import { Economy } from "./economy";
import { SimPool, SimStake } from "./pool";
import { HOUR } from "../units";

export interface Background {
  /** LP cohorts renew every bucket (LPs are the providers' choice). */
  lpRenew: boolean;
  /** Genuine buyers' reservation price δ, base units per GPU-hour. */
  delta: bigint;
  /** Price (base units per GPU-hour) above which sellers enter; undefined: they never do. */
  sellerEntry?: bigint;
}

/** Hours to sell into (U, H) to bring the price down to `target` (constant product: P' = UH/(H+h)²). */
export function hoursToReach(u: bigint, h: bigint, target: bigint): bigint {
  // h' = H·(√(P/P*) − 1), P = U·3600/H; computed as √(U·H·3600/P*) − H in integers.
  const root = math.mulDivFloor(u * h, HOUR, target);
  const hh = isqrt(root);
  return hh > h ? hh - h : 0n;
}

export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

/** The pool's price, base units per GPU-hour, rounded down; undefined when H is 0. */
export function priceFloor(pool: SimPool, now: bigint): bigint | undefined {
  const h = pool.hoursAt(now);
  return h === 0n ? undefined : (pool.core.utilityReserve * HOUR) / h;
}

export class Window {
  readonly cohorts: SimStake[];
  readonly sellers: SimStake[] = [];
  now: bigint;

  constructor(
    readonly eco: Economy,
    readonly pool: SimPool,
    cohorts: SimStake[],
    start: bigint,
    readonly bg: Background,
  ) {
    this.cohorts = [...cohorts];
    this.now = start;
  }

  static from(eco: Economy, book: Book, start: bigint, bg: Background): Window {
    return new Window(eco, book.pool.clone(), book.cohorts.map((s) => ({ ...s })), start, bg);
  }

  private windowEnd(): bigint {
    return this.now + BigInt(this.eco.windowHours) * HOUR;
  }

  /** Sellers bring the price back to their entry price; returns whether they sold. */
  sellersAct(): boolean {
    const entry = this.bg.sellerEntry;
    const price = priceFloor(this.pool, this.now);
    if (entry === undefined || price === undefined || price <= entry) return false;
    const h = hoursToReach(this.pool.core.utilityReserve, this.pool.hoursAt(this.now), entry);
    if (h === 0n) return false;
    const lot = BigInt(this.eco.windowHours) * HOUR;
    const stake = this.pool.openStake("seller", this.now, this.windowEnd(), (h + lot - 1n) / lot);
    this.pool.sellHours(stake, h, this.now);
    this.sellers.push(stake);
    return true;
  }

  /** Genuine buyers take u·N device-hours if the marginal GPU-hour costs at most δ. */
  buyersAct(): boolean {
    const p = this.pool;
    const demand = demandPerHour(this.eco);
    if (p.hoursAt(this.now) <= demand) return false;
    if (p.quoteBuyExactOut(HOUR, this.now) > this.bg.delta) return false;
    p.buyFlow(p.quoteBuyExactOut(demand, this.now), this.now);
    return true;
  }

  /** Moves one bucket on: ended cohorts and sellers settle, a new cohort joins if LPs renew. */
  step(): void {
    this.now += HOUR;
    while (this.cohorts.length > 0 && this.cohorts[0].end <= this.now) this.pool.settle(this.cohorts.shift()!, this.now);
    while (this.sellers.length > 0 && this.sellers[0].end <= this.now) this.pool.settle(this.sellers.shift()!, this.now);
    if (this.bg.lpRenew) {
      const stake = this.pool.openStake("lp", this.now, this.windowEnd(), this.eco.cohortDevices);
      this.pool.addLiquidity(stake, this.now);
      this.cohorts.push(stake);
    }
  }
}
