// `pinfi demo`: a small PinFi network on a fresh embedded localnet, phase by phase, clock moved
// forward step by step; a summary (prices, reserves, burns, per-role P&L, conservation) and
// SVG plots of price and hour reserve per pool at the end.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { getAccount, TOKEN_PROGRAM_ID } from "@solana/spl-token";
import { accounts, gpa } from "../sdk";
import type { GlobalOptions } from "../context";
import { gpuHours, table, tokens } from "../format";
import { lineChart } from "./plot";
import { buyersPhase, deployPhase, minersPhase, sample, settlementPhase } from "./phases";
import { optionalPhases } from "./phase2";
import { readLedger, totalBurned } from "./ledger";
import { createWorld, World } from "./world";
import type { DemoConfig, DemoPhase, DemoSummary, Role } from "./types";

const HOUR = 3_600n;

export const DEMO_FULL: DemoConfig = {
  name: "full",
  pools: [
    { gpuClass: "H100", referencePrice: 2_000_000n, ticket: 6_000_000n },
    { gpuClass: "A100", referencePrice: 1_200_000n, ticket: 3_000_000n },
    { gpuClass: "RTX4090", referencePrice: 400_000n, ticket: 1_000_000n },
  ],
  stepSecs: 2n * HOUR,
  steps: 24,
  lpsPerPool: 2,
  lpSecs: 36n * HOUR,
  lateLpStep: 6,
  lateLpSecs: 36n * HOUR,
  sellersPerPool: 2,
  sellerSecs: 24n * HOUR,
  sellBps: 5_000,
  buyers: 4,
  rentalBuckets: [2, 8],
  samplesPerStep: 8,
  seed: 42,
  outDir: "pinfi-demo",
};

export const DEMO_SHORT: DemoConfig = {
  ...DEMO_FULL,
  name: "short",
  stepSecs: 2n * HOUR,
  steps: 6,
  lpsPerPool: 1,
  lpSecs: 12n * HOUR,
  lateLpStep: 2,
  lateLpSecs: 12n * HOUR,
  sellersPerPool: 1,
  sellerSecs: 8n * HOUR,
  buyers: 2,
  rentalBuckets: [2, 4],
  samplesPerStep: 4,
};

export interface DemoOptions {
  config: DemoConfig;
  global: GlobalOptions;
  /** Progress lines (stdout, or stderr under --json). */
  print: (line: string) => void;
  /** Extra phases (tests, experiments); run after the built-in ones. */
  phases?: DemoPhase[];
  /** Phase 2 (verification + epochs) when this build has @pinfi/verifier and @pinfi/keeper; default true. */
  phase2?: boolean;
}

export async function runDemo(o: DemoOptions): Promise<DemoSummary> {
  const started = Date.now();
  const c = o.config;
  const w = await createWorld(c, o.global, o.print);
  try {
    const optional = optionalPhases(o.phase2 ?? true);
    const phases: DemoPhase[] = [deployPhase, minersPhase, buyersPhase, ...optional.phases, ...(o.phases ?? []), settlementPhase];
    for (const s of optional.skipped) o.print(`phase 2 part "${s.name}" skipped: ${s.why}`);
    for (const p of phases) if (p.setup) await p.setup(w);
    await sample(w, w.t0 + c.stepSecs);
    for (let i = 1; i <= c.steps; i++) {
      const t = w.t0 + BigInt(i) * c.stepSecs;
      await w.warpTo(t);
      w.log(`--- clock moved to +${(t - w.t0) / HOUR}h (step ${i}/${c.steps}) ---`);
      for (const p of phases) if (p.step) await p.step(w, i);
      await sample(w, t + c.stepSecs);
    }
    for (const p of phases) if (p.finish) await p.finish(w);
    const summary = await summarize(w, phases, optional.skipped, started);
    return summary;
  } finally {
    await w.stop();
  }
}

async function summarize(w: World, phases: DemoPhase[], skipped: { name: string; why: string }[], started: number): Promise<DemoSummary> {
  const conn = w.ctx.connection;
  const d = w.decimals;
  const fmt = (v: bigint) => tokens(v, d);
  const now = await w.now();
  const balances = new Map<string, bigint>();
  for (const p of w.participants) balances.set(p.name, (await getAccount(conn, p.tokens)).amount);
  // A verifier's bonded stake is still its own: count it in its final position.
  const bonded = new Map<string, bigint>();
  for (const p of w.participants.filter((x) => x.role === "verifier")) {
    const v = await accounts.fetchVerifierByAuthority(conn, p.kp.publicKey, { programId: w.ctx.programId });
    bonded.set(p.name, v?.staked ?? 0n);
  }
  const position = (name: string) => balances.get(name)! + (bonded.get(name) ?? 0n);
  const ledger = await readLedger(conn, w.ctx.programId);
  const pools: Record<string, unknown>[] = [];
  let vaults = 0n;
  let burnedByEvents = 0n;
  for (const b of ledger.burned.values()) burnedByEvents += totalBurned(b);
  for (const [name, book] of w.pools) {
    const pool = (await conn.getAccountInfo(book.address)) ? await import("../actions").then((A) => A.resolvePool(w.ctx, name)) : null;
    const vault = pool ? (await getAccount(conn, pool.pool.vault)).amount : 0n;
    vaults += vault;
    const b = ledger.burned.get(book.address.toBase58()) ?? { certificates: 0n, fees: 0n, settlements: 0n, rewards: 0n, slashes: 0n };
    const series = w.samples.filter((s) => s.pool === name);
    const priced = series.filter((s) => Number.isFinite(s.price));
    pools.push({
      pool: name,
      address: book.address.toBase58(),
      priceStart: priced[0]?.price ?? null,
      priceLast: priced[priced.length - 1]?.price ?? null,
      priceMin: priced.length ? Math.min(...priced.map((s) => s.price)) : null,
      priceMax: priced.length ? Math.max(...priced.map((s) => s.price)) : null,
      hoursPeak: series.length ? Math.max(...series.map((s) => s.hours)) : 0,
      hoursEnd: series[series.length - 1]?.hours ?? 0,
      utilityReserveEnd: pool ? fmt(pool.pool.utilityReserve) : "0",
      lpSupplyEnd: pool ? pool.pool.lpSupply.toString() : "0",
      vaultEnd: fmt(vault),
      burned: { certificates: fmt(b.certificates), fees: fmt(b.fees), settlements: fmt(b.settlements), rewards: fmt(b.rewards), total: fmt(totalBurned(b)) },
      rewardsPaid: pool ? fmt(pool.pool.rewardsPaid) : "0",
      trades: book.trades,
      gpuHoursBought: gpuHours(book.hoursBought),
      gpuHoursSold: gpuHours(book.hoursSold),
    });
  }
  const minted = w.participants.reduce((s, p) => s + p.funded, 0n);
  const supplyEnd = BigInt((await conn.getTokenSupply(w.mint)).value.amount);
  const held = [...balances.values()].reduce((a, b) => a + b, 0n);
  // Every token account of the mint (pool vaults, verifier vaults, rewards vault, foundation, team).
  const all = await conn.getProgramAccounts(TOKEN_PROGRAM_ID, { filters: [{ dataSize: 165 }, { memcmp: { offset: 0, bytes: w.mint.toBase58() } }] });
  const allHeld = all.reduce((s, a) => s + a.account.data.readBigUInt64LE(64), 0n);
  const roles: DemoSummary["roles"] = [];
  for (const role of ["lp", "seller", "buyer", "verifier", "keeper"] as Role[]) {
    const ps = w.participants.filter((p) => p.role === role);
    if (!ps.length) continue;
    const funded = ps.reduce((s, p) => s + p.funded, 0n);
    const fin = ps.reduce((s, p) => s + position(p.name), 0n);
    roles.push({ role, participants: ps.length, funded: fmt(funded), final: fmt(fin), pnl: fmt(fin - funded) });
  }
  const open = await gpa.allStakes(conn, { programId: w.ctx.programId });
  const plots = writePlots(w);
  return {
    config: w.config.name,
    wallSeconds: Math.round((Date.now() - started) / 100) / 10,
    transactions: ledger.transactions,
    clock: { start: w.t0.toString(), end: now.toString(), simulatedSeconds: (now - w.t0).toString() },
    pools,
    roles,
    participants: w.participants.map((p) => ({ name: p.name, role: p.role, address: p.kp.publicKey.toBase58(), funded: fmt(p.funded), final: fmt(position(p.name)), pnl: fmt(position(p.name) - p.funded) })),
    tokens: {
      minted: fmt(minted),
      emitted: fmt(ledger.emitted),
      supplyEnd: fmt(supplyEnd),
      burnedBySupply: fmt(minted + ledger.emitted - supplyEnd),
      burnedByEvents: fmt(burnedByEvents),
      slashed: fmt(ledger.burned.get("")?.slashes ?? 0n),
      participantBalances: fmt(held),
      vaultBalances: fmt(vaults),
      protocolBalances: fmt(allHeld - held - vaults),
      conserved: minted + ledger.emitted - supplyEnd === burnedByEvents && allHeld === supplyEnd,
    },
    ledger: { transactions: ledger.transactions, epochsClosed: ledger.epochsClosed, rewardsPaid: fmt(ledger.rewardsPaid), verdicts: ledger.verdicts, failedStakes: ledger.failedStakes },
    slashed: ledger.minerSlashes.map((m) => ({ stake: m.stake, owner: w.stakes.find((s) => s.address.toBase58() === m.stake)?.owner.name ?? "?", burned: fmt(m.burned) })),
    stakes: {
      created: w.stakes.length,
      settled: w.stakes.filter((s) => s.settled).length,
      expiredUnsettled: open.filter((k) => k.account.end <= now).length,
      openAccounts: open.length,
    },
    rentals: { created: w.rentals.length, terminated: w.rentals.filter((r) => r.terminated).length },
    phases: [
      ...phases.map((p) => ({ name: p.name, status: "ran" as const })),
      ...skipped.map((s) => ({ name: s.name, status: "skipped" as const, why: s.why })),
    ],
    plots,
    ...Object.fromEntries(phases.filter((p) => p.summary).map((p) => [p.name, p.summary!(w)])),
  };
}

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];

function writePlots(w: World): string[] {
  const dir = resolve(w.config.outDir);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const x = (t: bigint) => Number(t - w.t0) / 3600;
  const pools = w.config.pools.map((p) => p.gpuClass);
  const write = (name: string, svg: string) => {
    const f = join(dir, name);
    writeFileSync(f, svg);
    files.push(f);
  };
  pools.forEach((pool, i) => {
    const s = w.samples.filter((v) => v.pool === pool);
    write(`${pool}-price.svg`, lineChart({ title: `${pool}: price`, xLabel: "hours since start", yLabel: "tokens per GPU-hour", series: [{ label: pool, color: COLORS[i % COLORS.length], points: s.map((v) => ({ x: x(v.t), y: v.price })) }] }));
    write(`${pool}-hours.svg`, lineChart({ title: `${pool}: hour reserve (decayed)`, xLabel: "hours since start", yLabel: "GPU-hours in the pool", series: [{ label: pool, color: COLORS[i % COLORS.length], points: s.map((v) => ({ x: x(v.t), y: v.hours })) }] }));
  });
  const all = (key: "price" | "hours") => pools.map((pool, i) => ({ label: pool, color: COLORS[i % COLORS.length], points: w.samples.filter((v) => v.pool === pool).map((v) => ({ x: x(v.t), y: v[key] })) }));
  write("prices.svg", lineChart({ title: "price per pool", xLabel: "hours since start", yLabel: "tokens per GPU-hour", series: all("price") }));
  write("hours.svg", lineChart({ title: "hour reserve per pool", xLabel: "hours since start", yLabel: "GPU-hours in the pool", series: all("hours") }));
  return files;
}

/** The human summary: tables of pools, roles and conservation. */
export function printSummary(s: DemoSummary, print: (line: string) => void): void {
  const n = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v.toFixed(4) : "-");
  print("");
  print(`summary (${s.config}): ${s.transactions} PinFi transactions in ${s.wallSeconds} s wall time, ${Number(s.clock.simulatedSeconds) / 3600} h of chain time`);
  print("");
  print(
    table(
      ["pool", "price start", "price last", "min", "max", "peak GPU-h", "bought GPU-h", "sold GPU-h", "buys", "ext", "term", "burned"],
      s.pools.map((p) => {
        const t = p.trades as Record<string, number>;
        return [String(p.pool), n(p.priceStart), n(p.priceLast), n(p.priceMin), n(p.priceMax), (p.hoursPeak as number).toFixed(2), String(p.gpuHoursBought), String(p.gpuHoursSold), String(t.buys), String(t.extends), String(t.terminates), String((p.burned as Record<string, string>).total)];
      }),
    ),
  );
  print("");
  print(table(["role", "participants", "funded", "final", "P&L"], s.roles.map((r) => [r.role, String(r.participants), r.funded, r.final, r.pnl])));
  print("");
  const t = s.tokens;
  print(`tokens: funded ${t.minted} + emitted ${t.emitted} − burned ${t.burnedBySupply} (events say ${t.burnedByEvents}) = supply ${t.supplyEnd} = held ${t.participantBalances} + pool vaults ${t.vaultBalances} + protocol ${t.protocolBalances}: ${t.conserved ? "conserved" : "NOT CONSERVED"}`);
  const l = s.ledger as { epochsClosed: number; rewardsPaid: string; verdicts: Record<string, number>; failedStakes: string[] };
  if (l.epochsClosed || Object.keys(l.verdicts).length) {
    print(`epochs closed ${l.epochsClosed}, rewards paid ${l.rewardsPaid}; verdicts ${JSON.stringify(l.verdicts)}; stakes failed by verdicts ${l.failedStakes.length}; verifier slashes ${t.slashed}`);
  }
  for (const x of (s.slashed as { owner: string; burned: string }[]) ?? []) print(`slashed: ${x.owner} — its failed stake's escrow and collateral, ${x.burned} tokens, burned at settlement`);
  print(`stakes: ${s.stakes.created} created, ${s.stakes.settled} settled, ${s.stakes.expiredUnsettled} expired and unsettled; rentals: ${s.rentals.created} (${s.rentals.terminated} terminated early)`);
  for (const p of s.phases.filter((p) => p.status === "skipped")) print(`phase skipped: ${p.name} (${p.why})`);
  print(`plots: ${s.plots.join(", ")}`);
}
