// Monte-Carlo mode (docs/economics.md §6): many providers with random costs, genuine buyers with
// random reservation prices and needs, and a few speculators trade one pool hour by hour for
// many daily epochs, on the simulation's instruction layer (exact SDK math). Block rewards follow
// the published schedule (halving, PoCPS time ramp, the rest burned); swap fees and certificates
// burn. Everything random comes from one seeded PRNG, so a run is reproducible from its seed.
import { math } from "@pinfi/sdk";
import { E2E_POOL, SimPool, SimRental, SimStake } from "./pool";
import { applyMultiplier, dailyEmission, poT } from "./rewards";
import { Prng } from "../prng";
import { HOUR, TOKEN, toBase } from "../units";

export interface McConfig {
  seed: number;
  days: number;
  /** Day of the emission schedule the run starts on (335: a halving a month in). */
  startDay: number;
  providers: number;
  buyers: number;
  speculators: number;
  /** Median provider cost β + pθ, base units per GPU-hour; log-sd of the spread. */
  cost: bigint;
  costSigma: number;
  /** Standard LP reward per staked GPU-hour at the run's first day, in units of median cost (y). */
  rewardY: number;
  /** Genuine buyers' median reservation price in units of median cost (x_g), and log-sd. */
  deltaX: number;
  deltaSigma: number;
  /** Genuine demand per hour as a share of the providers' devices. */
  utilisation: number;
  /** Share of providers that re-decide each day (inertia against herding). */
  redecide: number;
}

export const DEFAULT_MC: McConfig = {
  seed: 7,
  days: 60,
  startDay: 0,
  providers: 80,
  buyers: 60,
  speculators: 4,
  cost: TOKEN,
  costSigma: 0.25,
  rewardY: 0.8,
  deltaX: 1.3,
  deltaSigma: 0.2,
  utilisation: 0.25,
  redecide: 0.5,
};

type Role = "lp" | "seller" | "idle";

interface Provider {
  cost: bigint;
  /** Hour of the day at which it renews. */
  phase: number;
  role: Role;
  joinedDay: number;
  stake?: SimStake;
  /** Standard reward per GPU-hour of the running stake, and the day it started. */
  reward?: bigint;
  rewardDay?: number;
  profit: bigint;
}

interface Buyer {
  delta: bigint;
  need: bigint;
}

interface Speculator {
  rental?: SimRental;
  heldSince: number;
  profit: bigint;
}

export interface McDay {
  day: number;
  /** Providers with a live LP / seller stake at the day's first hour. */
  lp: number;
  seller: number;
  idle: number;
  /** Genuine hours bought ÷ hours wanted. */
  fill: number;
  priceOpen: number;
  priceClose: number;
  hoursOpen: number;
  rewardsPaid: bigint;
  rewardsBurned: bigint;
  feesBurned: bigint;
  certificatesBurned: bigint;
}

export interface McResult {
  config: McConfig;
  days: McDay[];
  /** Hourly spot price (in units of median cost) and hour reserve (GPU-hours). */
  price: number[];
  hours: number[];
  speculatorProfit: bigint;
  verdict: Verdict;
}

export interface Verdict {
  lpShare: number;
  sellerShare: number;
  fill: number;
  /** Mean daily log-change of the closing price over the second half. */
  drift: number;
  holds: boolean;
  why: string;
}

const DAY = 24n * HOUR;
const T_START = 1_700_006_400n - (1_700_006_400n % DAY);

export function runMonteCarlo(cfg: McConfig = DEFAULT_MC): McResult {
  const rng = new Prng(cfg.seed);
  const pool = SimPool.create({ ...E2E_POOL, referencePrice: cfg.cost }, T_START);
  // Providers renew at their own hour of the day (a staggered book, as on a live network) and
  // have been in the protocol for 0–90 days (PoCPS time ramp).
  const providers: Provider[] = Array.from({ length: cfg.providers }, () => ({
    cost: BigInt(Math.round(rng.lognormal(Number(cfg.cost), cfg.costSigma))),
    phase: rng.int(24),
    role: "idle",
    joinedDay: -rng.int(90),
    profit: 0n,
  }));
  const perBuyer = (cfg.utilisation * cfg.providers) / cfg.buyers;
  const buyers: Buyer[] = Array.from({ length: cfg.buyers }, () => ({
    delta: BigInt(Math.round(rng.lognormal(cfg.deltaX * Number(cfg.cost), cfg.deltaSigma))),
    need: BigInt(Math.max(60, Math.round(perBuyer * rng.lognormal(1, 0.5) * Number(HOUR)))),
  }));
  const specs: Speculator[] = Array.from({ length: cfg.speculators }, () => ({ heldSince: 0, profit: 0n }));
  const days: McDay[] = [];
  const price: number[] = [];
  const hours: number[] = [];
  // What LPs learned from settled stakes: settlement ÷ deposit − 1, averaged over recent ones.
  let lpReturn = 0;
  let lastPrice = Number(cfg.cost);
  const rewardOf = (d: number) => (toBase(cfg.rewardY, cfg.cost) * dailyEmission(cfg.startDay + d)) / dailyEmission(0);

  for (let d = 0; d < cfg.days; d++) {
    const day: McDay = {
      day: d, lp: 0, seller: 0, idle: 0, fill: 0, priceOpen: 0, priceClose: 0, hoursOpen: 0,
      rewardsPaid: 0n, rewardsBurned: 0n, feesBurned: 0n, certificatesBurned: 0n,
    };
    let wanted = 0n;
    let got = 0n;
    for (let h = 0; h < 24; h++) {
      const now = T_START + BigInt(d) * DAY + BigInt(h) * HOUR;
      for (const p of providers) {
        if (!p.stake || p.stake.end > now) continue;
        const paid = pool.settle(p.stake, now).paidOut;
        if (p.stake.kind === "lp") {
          const { actual, burned } = applyMultiplier(p.reward! * 24n, poT(p.rewardDay! - p.joinedDay));
          day.rewardsPaid += actual;
          day.rewardsBurned += burned;
          p.profit += paid - p.stake.tokens + actual - p.cost * 24n;
          if (p.stake.tokens > 0n) lpReturn = 0.8 * lpReturn + 0.2 * (Number(paid) / Number(p.stake.tokens) - 1);
        } else {
          p.profit += p.stake.tokens - p.cost * 24n;
        }
        p.stake = undefined;
      }
      // Providers whose hour it is decide, in random order, each against the pool as it is then.
      for (const k of shuffle(rng, providers.length)) {
        const p = providers[k];
        if (p.phase !== h || p.stake) continue;
        const e = expected(p, pool, now, d, rewardOf(d), lpReturn);
        const keep = p.role !== "idle" && rng.next() >= cfg.redecide && (p.role === "lp" ? e.lp : e.seller) > 0n;
        if (!keep) p.role = e.lp > 0n && e.lp >= e.seller ? "lp" : e.seller > 0n ? "seller" : "idle";
        if (p.role === "idle") continue;
        const role = p.role;
        const opened = pool.attempt((q) => {
          const stake = q.openStake(role, now, now + DAY);
          const fee = role === "lp" ? (q.addLiquidity(stake, now), 0n) : q.sellHours(stake, DAY, now).fee;
          return { stake, fee };
        });
        if (!opened) {
          p.role = "idle";
          continue;
        }
        day.certificatesBurned += pool.certificateBurn(DAY);
        day.feesBurned += opened.fee;
        p.stake = opened.stake;
        p.reward = rewardOf(d);
        p.rewardDay = d;
      }
      if (h === 0) {
        day.lp = providers.filter((p) => p.stake?.kind === "lp").length;
        day.seller = providers.filter((p) => p.stake?.kind === "seller").length;
        day.idle = providers.length - day.lp - day.seller;
        day.priceOpen = pool.priceAt(now) / Number(cfg.cost);
        day.hoursOpen = Number(pool.hoursAt(now)) / 3600;
      }
      for (const k of shuffle(rng, buyers.length)) {
        const b = buyers[k];
        wanted += b.need;
        // An empty or exhausted reserve leaves the need unmet.
        const r = pool.attempt((q) => {
          const gross = q.quoteBuyExactOut(b.need, now);
          return gross > (b.delta * b.need) / HOUR ? undefined : q.buyHours(gross, now, now + HOUR).bought;
        });
        if (!r) continue;
        got += r.hoursOut;
        day.feesBurned += r.fee;
      }
      day.feesBurned += speculate(specs, pool, now, lastPrice, d * 24 + h);
      const spot = pool.priceAt(now);
      if (Number.isFinite(spot)) lastPrice = spot;
      price.push(spot / Number(cfg.cost));
      hours.push(Number(pool.hoursAt(now)) / 3600);
    }
    day.fill = wanted === 0n ? 0 : Number(got) / Number(wanted);
    day.priceClose = price[price.length - 1];
    days.push(day);
  }
  return { config: cfg, days, price, hours, speculatorProfit: specs.reduce((a, s) => a + s.profit, 0n), verdict: verdict(cfg, days) };
}

/** Expected payoffs of a day as LP and as seller: exact quotes on the pool now, the LP's reward after its
 * PoCPS time ramp, and the recent LP return. */
function expected(p: Provider, pool: SimPool, now: bigint, day: number, rewardPerHour: bigint, lpReturn: number) {
  const cost = p.cost * 24n;
  let seller = -cost;
  try {
    const c = pool.clone();
    seller = c.sellHours(c.openStake("seller", now, now + DAY), DAY, now).sellerOut - cost;
  } catch {
    // an empty pool has no price to sell at
  }
  const deposit = math.equalValueTokensCeil(pool.core.utilityReserve, pool.hoursAt(now), DAY, pool.setup.referencePrice);
  const reward = applyMultiplier(rewardPerHour * 24n, poT(day - p.joinedDay)).actual;
  const lp = reward + BigInt(Math.round(Number(deposit) * lpReturn)) - cost;
  return { lp, seller };
}

/**
 * Speculators ride the dissipative drift: buy a rental when the price rose in the last hour,
 * terminate once the round trip pays or after 12 h. Returns fees burned.
 */
function speculate(specs: Speculator[], pool: SimPool, now: bigint, lastPrice: number, hour: number): bigint {
  let fees = 0n;
  const rising = pool.priceAt(now) > lastPrice * 1.01;
  for (const s of specs) {
    if (s.rental && now >= s.rental.end) s.rental = undefined;
    if (!s.rental && rising) {
      const r = pool.attempt((q) => q.buyHours(q.quoteBuyExactOut(HOUR, now), now, now + DAY));
      if (!r) continue;
      s.rental = r.rental;
      s.heldSince = hour;
      fees += r.bought.fee;
    } else if (s.rental) {
      const rental = s.rental;
      let quote: bigint | undefined;
      try {
        quote = pool.clone().terminateRental(rental, now).sellerOut;
      } catch {
        quote = undefined;
      }
      if (quote === undefined || (quote <= rental.paid && hour - s.heldSince < 12)) continue;
      const sold = pool.attempt((q) => q.terminateRental(rental, now));
      if (!sold) continue;
      s.profit += sold.sellerOut - rental.paid;
      fees += sold.fee;
      s.rental = undefined;
    }
  }
  return fees;
}

function shuffle(rng: Prng, n: number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Equilibrium holds when LPs, sellers and genuine buyers all stay active and the price stays put. */
export function verdict(cfg: McConfig, days: McDay[]): Verdict {
  const late = days.slice(Math.floor(days.length / 2));
  const mean = (f: (d: McDay) => number) => late.reduce((a, d) => a + f(d), 0) / late.length;
  const lpShare = mean((d) => d.lp / cfg.providers);
  const sellerShare = mean((d) => d.seller / cfg.providers);
  const fill = mean((d) => d.fill);
  const closes = late.map((d) => d.priceClose).filter((v) => Number.isFinite(v) && v > 0);
  const drift = closes.length > 1 ? Math.log(closes[closes.length - 1] / closes[0]) / (closes.length - 1) : NaN;
  const why: string[] = [];
  const liquid = mean((d) => d.hoursOpen) > 1;
  if (!liquid) why.push("no liquidity: LPs never stay, so there is no price to sell or buy at");
  else {
    if (lpShare < 0.05) why.push("LPs leave (reward too low)");
    if (sellerShare < 0.05) why.push("no sellers (reward too high)");
    if (fill < 0.2) why.push("genuine buyers priced out");
    if (!(Math.abs(drift) < 0.05)) why.push("price runs away");
  }
  return { lpShare, sellerShare, fill, drift, holds: why.length === 0, why: why.join("; ") || "LPs, sellers and genuine buyers coexist" };
}

/** One run per reward level, everything else equal (same seed): where does the equilibrium hold? */
export function scanRewards(base: McConfig, ys: number[], onRun: () => void = () => {}): McResult[] {
  return ys.map((rewardY) => {
    const r = runMonteCarlo({ ...base, rewardY });
    onRun();
    return r;
  });
}
