// The demo's phases. Phase 1 (always): deploy, miners (LP + seller stakes), buyers (rent, extend,
// terminate), settlement of expired stakes, sampling for the plots. Phase 2 (epochs + rewards by
// @pinfi/keeper, challenges by @pinfi/verifier) plugs in through `optionalPhases`.
import * as A from "../actions";
import { accounts, pdas, quotes } from "../sdk";
import { describeError } from "../errors";
import { duration, gpuHours, priceNumber, tokens } from "../format";
import type { DemoPhase, Participant, PoolBook, StakeRecord } from "./types";
import type { World } from "./world";
import { Keypair, PublicKey } from "@solana/web3.js";

const HOUR = 3_600n;

export function poolParams(referencePrice: bigint) {
  return {
    swapFeeBps: 30,
    minStakeSecs: 3_600,
    maxStakeSecs: 7 * 24 * 3_600,
    bucketSecs: 3_600,
    burnPerGpuHour: 100_000n,
    maintenancePerGpuHour: 50_000n,
    collateralBps: 20_000,
    referencePrice,
  };
}

/** Runs `f`; a refusal the program (or a pre-check) gives is printed, counted, and the demo goes on. */
async function attempt<T>(w: World, book: PoolBook | undefined, what: string, f: () => Promise<T>): Promise<T | undefined> {
  try {
    return await f();
  } catch (e) {
    if (book) book.trades.rejected++;
    w.log(`${what}: refused (${describeError(e).message})`);
    return undefined;
  }
}

const fmt = (w: World, v: bigint) => tokens(v, w.decimals);

async function poolPrice(w: World, gpuClass: string): Promise<string> {
  const p = await A.resolvePool(w.ctx, gpuClass);
  const v = priceNumber(quotes.spotPrice(p.pool, await w.now()), w.decimals);
  return Number.isFinite(v) ? v.toFixed(4) : "-";
}

// ---------------------------------------------------------------------------------------------
export const deployPhase: DemoPhase = {
  name: "deploy",
  async setup(w0) {
    const w = w0 as World;
    const x = await A.initProtocol(w.ctx, w.mint);
    w.track(null, x);
    w.log(`protocol initialized; utility mint ${w.mint.toBase58()} (6 decimals)`);
    for (const spec of w.config.pools) {
      const params = poolParams(spec.referencePrice);
      const c = await A.createPool(w.ctx, spec.gpuClass, params);
      w.pools.set(spec.gpuClass, {
        spec, address: c.pool, params,
        burned: { certificates: 0n, fees: 0n, settlements: 0n },
        trades: { buys: 0, extends: 0, terminates: 0, sells: 0, lpAdds: 0, rejected: 0 },
        hoursBought: 0n, hoursSold: 0n,
      });
      w.track(spec.gpuClass, c);
      w.log(`pool ${spec.gpuClass} created at ${c.pool.toBase58()}: reference price ${fmt(w, spec.referencePrice)} tokens/GPU-h, fee 30 bps, bucket 1h`);
    }
  },
};

/**
 * A miner stakes a device (certificate burned in the same transaction): a fresh one it registers
 * first, or `device`, one it registered before whose last stake has ended.
 */
export async function stakeDevice(w: World, miner: Participant, gpuClass: string, kind: "lp" | "seller", secs: bigint, device?: PublicKey): Promise<StakeRecord | undefined> {
  const book = w.pools.get(gpuClass)!;
  let what = "re-stakes its device";
  if (!device) {
    const pool = await A.resolvePool(miner.ctx, gpuClass);
    const deviceKey = Keypair.generate();
    const reg = await attempt(w, book, `${miner.name} registers a ${gpuClass} device`, () => A.registerDevice(miner.ctx, { pool, deviceKey, endpoint: `http://${miner.name}.demo.pinfi:7070` }));
    if (!reg) return undefined;
    w.track(gpuClass, reg);
    device = reg.device;
    w.deviceKeys.set(device.toBase58(), deviceKey);
    what = `registers device ${device.toBase58().slice(0, 8)}… in ${gpuClass} and stakes it`;
  }
  const dev = device;
  const st = await attempt(w, book, `${miner.name} stakes in ${gpuClass}`, () => A.createStake(miner.ctx, { device: dev.toBase58(), kind, secs }));
  if (!st) return undefined;
  w.track(gpuClass, st);
  const rec: StakeRecord = { address: st.stake, device: dev, owner: miner, pool: gpuClass, kind, end: st.end, gpuSeconds: st.gpuSeconds, settled: false };
  w.stakes.push(rec);
  w.log(`${miner.name} ${what} as ${kind === "lp" ? "an LP" : "a seller"} for ${duration(st.gpuSeconds)}: burns ${fmt(w, st.burned)}${st.maintenanceFee ? `, escrows ${fmt(w, st.maintenanceFee)} maintenance` : ""}`);
  return rec;
}

async function lpJoins(w: World, miner: Participant, gpuClass: string, secs: bigint, device?: PublicKey): Promise<void> {
  const book = w.pools.get(gpuClass)!;
  const rec = await stakeDevice(w, miner, gpuClass, "lp", secs, device);
  if (!rec) return;
  const before = await poolPrice(w, gpuClass);
  const x = await attempt(w, book, `${miner.name} adds liquidity to ${gpuClass}`, () => A.addLiquidity(miner.ctx, { stake: rec.address.toBase58() }));
  if (!x) return;
  w.track(gpuClass, x);
  book.trades.lpAdds++;
  w.log(`${miner.name} adds ${gpuHours(x.hoursIn)} GPU-h + ${fmt(w, x.tokensIn)} tokens to ${gpuClass} for ${x.shares} LP shares (price ${before} → ${await poolPrice(w, gpuClass)})`);
}

export async function sellerSells(w: World, miner: Participant, rec: StakeRecord, bps: number): Promise<void> {
  const book = w.pools.get(rec.pool)!;
  const s = await accounts.fetchStake(w.ctx.connection, rec.address, { programId: w.ctx.programId });
  if (!s) return;
  const now = await w.now();
  if (now >= s.end) return;
  const hours = (quotes.stakeBalanceAt(s, now) * BigInt(bps)) / 10_000n;
  if (hours <= 0n) return;
  const before = await poolPrice(w, rec.pool);
  const x = await attempt(w, book, `${miner.name} sells in ${rec.pool}`, () => A.sell(miner.ctx, { stake: rec.address.toBase58(), secs: hours }));
  if (!x) return;
  w.track(rec.pool, x);
  book.trades.sells++;
  book.hoursSold += hours;
  w.log(`${miner.name} sells ${gpuHours(hours)} GPU-h into ${rec.pool}: ${fmt(w, x.sellerOut)} out (${fmt(w, x.collateral)} locked as collateral), fee ${fmt(w, x.feeBurned)} burned (price ${before} → ${await poolPrice(w, rec.pool)})`);
}

export const minersPhase: DemoPhase = {
  name: "miners",
  async setup(w0) {
    const w = w0 as World;
    const c = w.config;
    for (const spec of c.pools) {
      // An LP brings `lpSecs` GPU-seconds and equal-value tokens; a seller keeps collateral at hand.
      const lpTokens = (spec.referencePrice * (c.lpSecs + c.lateLpSecs)) / HOUR + 100_000_000n;
      for (let i = 0; i < c.lpsPerPool; i++) {
        const m = await w.participant(`lp-${spec.gpuClass}-${i + 1}`, "lp", lpTokens);
        await lpJoins(w, m, spec.gpuClass, c.lpSecs);
      }
      // Funded now (the mint may go to the protocol before they join).
      if (c.lateLpStep > 0) await w.participant(`lp-${spec.gpuClass}-late`, "lp", (spec.referencePrice * c.lateLpSecs * 2n) / HOUR + 100_000_000n);
      const sellerTokens = (spec.referencePrice * c.sellerSecs * 3n) / HOUR + 50_000_000n;
      for (let i = 0; i < c.sellersPerPool; i++) {
        const m = await w.participant(`seller-${spec.gpuClass}-${i + 1}`, "seller", sellerTokens);
        const rec = await stakeDevice(w, m, spec.gpuClass, "seller", c.sellerSecs);
        if (rec) await sellerSells(w, m, rec, c.sellBps);
      }
    }
  },
  async step(w0, index) {
    const w = w0 as World;
    const c = w.config;
    if (c.lateLpStep > 0 && index === c.lateLpStep) {
      for (const spec of c.pools) {
        const m = w.participants.find((p) => p.name === `lp-${spec.gpuClass}-late`)!;
        await lpJoins(w, m, spec.gpuClass, c.lateLpSecs);
      }
    }
    // Miners whose stake has ended and been settled stake their device again while the demo runs.
    for (const miner of w.participants.filter((p) => p.role === "lp" || p.role === "seller")) {
      if (index >= c.steps - 1) break;
      const mine = w.stakes.filter((s) => s.owner === miner);
      const last = mine[mine.length - 1];
      if (!last || !last.settled || last.failed) continue;
      const len = last.kind === "lp" ? c.lpSecs : c.sellerSecs;
      if (last.kind === "lp") await lpJoins(w, miner, last.pool, len, last.device);
      else {
        const rec = await stakeDevice(w, miner, last.pool, "seller", len, last.device);
        if (rec) await sellerSells(w, miner, rec, c.sellBps);
      }
    }
    // Sellers sell a little more of what their stakes still hold every other step.
    if (index % 2 === 1) {
      for (const rec of w.stakes.filter((s) => s.kind === "seller" && !s.settled && !s.failed)) await sellerSells(w, rec.owner, rec, 2_500);
    }
  },
};

export const buyersPhase: DemoPhase = {
  name: "buyers",
  async setup(w0) {
    const w = w0 as World;
    for (let i = 0; i < w.config.buyers; i++) await w.participant(`buyer-${i + 1}`, "buyer", 500_000_000n);
  },
  async step(w0, index) {
    const w = w0 as World;
    const c = w.config;
    const buyers = w.participants.filter((p) => p.role === "buyer");
    const now = await w.now();
    for (const [k, buyer] of buyers.entries()) {
      const spec = c.pools[(index + k) % c.pools.length];
      const book = w.pools.get(spec.gpuClass)!;
      const pool = await A.resolvePool(w.ctx, spec.gpuClass);
      if (quotes.hourReserveAt(pool.pool, now) === 0n) {
        w.log(`${buyer.name} finds ${spec.gpuClass} without hours and waits`);
        continue;
      }
      const r = w.rand();
      const live = w.rentals.filter((x) => x.buyer === buyer && !x.terminated && x.end > now);
      if (live.length && r < 0.25) {
        // Extend a live rental by one to three buckets.
        const rent = live[0];
        const by = BigInt(1 + Math.floor(w.rand() * 3)) * HOUR;
        const x = await attempt(w, w.pools.get(rent.pool), `${buyer.name} extends a ${rent.pool} rental`, () => A.extend(buyer.ctx, { rental: rent.address.toBase58(), end: rent.end + by }));
        if (x) {
          w.track(rent.pool, x);
          w.pools.get(rent.pool)!.trades.extends++;
          w.pools.get(rent.pool)!.hoursBought += x.quote.hoursOut;
          rent.end = x.newEnd;
          w.log(`${buyer.name} extends its ${rent.pool} rental by ${duration(by)} for ${fmt(w, x.tokensIn)} tokens`);
        }
      } else if (live.length && r < 0.35) {
        const rent = live[0];
        const x = await attempt(w, w.pools.get(rent.pool), `${buyer.name} terminates a ${rent.pool} rental`, () => A.terminate(buyer.ctx, { rental: rent.address.toBase58() }));
        if (x) {
          w.track(rent.pool, x);
          w.pools.get(rent.pool)!.trades.terminates++;
          rent.terminated = true;
          w.log(`${buyer.name} terminates its ${rent.pool} rental early: ${gpuHours(x.quote.hoursReturned)} GPU-h back to the pool, ${fmt(w, x.buyerOut)} tokens refunded`);
        }
      } else {
        const [lo, hi] = c.rentalBuckets;
        const buckets = BigInt(lo + Math.floor(w.rand() * (hi - lo + 1)));
        const pay = (spec.ticket * BigInt(50 + Math.floor(w.rand() * 100))) / 100n;
        const before = await poolPrice(w, spec.gpuClass);
        const x = await attempt(w, book, `${buyer.name} rents in ${spec.gpuClass}`, () => A.buy(buyer.ctx, { pool: spec.gpuClass, tokensIn: pay, secs: buckets * HOUR }));
        if (x) {
          w.track(spec.gpuClass, x);
          book.trades.buys++;
          book.hoursBought += x.hoursOut;
          w.rentals.push({ address: x.rental, buyer, pool: spec.gpuClass, end: x.end, gpuSeconds: x.hoursOut, terminated: false });
          w.log(`${buyer.name} rents ${gpuHours(x.hoursOut)} GPU-h of ${spec.gpuClass} for ${duration(buckets * HOUR)} paying ${fmt(w, pay)} (price ${before} → ${await poolPrice(w, spec.gpuClass)})`);
        }
      }
    }
  },
};

/** Settles every stake that has ended (what a keeper does; permissionless, the admin pays fees). */
export async function settleExpired(w: World): Promise<number> {
  if (w.keeperSettles) return 0;
  const now = await w.now();
  let n = 0;
  for (const rec of w.stakes.filter((s) => !s.settled && s.end <= now)) {
    const x = await attempt(w, w.pools.get(rec.pool), `settling ${rec.address.toBase58().slice(0, 8)}…`, () => A.settle(w.ctx, { stake: rec.address.toBase58() }));
    if (!x) continue;
    w.track(rec.pool, x);
    rec.settled = true;
    rec.paidOut = x.paidOut;
    rec.burned = x.burned;
    n++;
    w.log(`${rec.kind === "lp" ? "LP" : "seller"} stake of ${rec.owner.name} in ${rec.pool} ended and is settled: ${fmt(w, x.paidOut)} paid out${x.burned ? `, ${fmt(w, x.burned)} burned` : ""}`);
  }
  return n;
}

export const settlementPhase: DemoPhase = {
  name: "settlement",
  async step(w0) {
    await settleExpired(w0 as World);
  },
  async finish(w0) {
    const w = w0 as World;
    const last = w.stakes.reduce((m, s) => (s.end > m ? s.end : m), 0n);
    if (last > (await w.now())) {
      await w.warpTo(last);
      w.log(`clock moved to the last stake's end`);
    }
    await settleExpired(w);
  },
};

/** Records price and hour reserve; between steps the pool only decays, so the curve is projected. */
export async function sample(w: World, until: bigint): Promise<void> {
  const now = await w.now();
  const per = BigInt(w.config.samplesPerStep);
  for (const spec of w.config.pools) {
    const p = await accounts.fetchPool(w.ctx.connection, pdas.pool(spec.gpuClass, w.ctx.programId)[0], { programId: w.ctx.programId });
    if (!p) continue;
    const span = until > now ? until - now : 0n;
    for (let j = 0n; j < (span > 0n ? per : 1n); j++) {
      const t = now + (span * j) / per;
      const hours = quotes.hourReserveAt(p, t);
      w.samples.push({ t, pool: spec.gpuClass, price: priceNumber(quotes.spotPrice(p, t), w.decimals), hours: Number(hours) / 3600, utility: Number(p.utilityReserve) / 10 ** w.decimals });
    }
  }
}

