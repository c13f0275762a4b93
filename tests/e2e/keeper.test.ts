// Keeper conformance on the localnet: many stakes expiring across several epochs with the clock
// moved; keepers run --once repeatedly, two race each other, one is SIGKILLed mid-run and
// restarted, one goes through an RPC proxy that drops, delays and rate-limits. Afterwards, read
// from every program transaction: each due epoch closed exactly once (protocol and every pool),
// each stake settled exactly once (settle_stake's StakeSettled or an entry of settle_expired's
// StakesSettled) with claims covering its window exactly once, and the miners' emission = paid +
// burned + vault dust to the base unit; and stakes of 30 distinct owners swept 29 to a transaction.
import { expect } from "chai";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, IncomingMessage, request, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keypair, PublicKey } from "@solana/web3.js";
import { createAssociatedTokenAccount } from "@solana/spl-token";
import { accounts, events, pdas, quotes, rpc } from "@pinfi/sdk";
import type { PinfiEvent } from "@pinfi/sdk";
import { DEFAULTS, Keeper, KeeperConfig, RunReport } from "@pinfi/keeper";
import { airdrop, alignUp, HOUR, POOL_PARAMS, User, World } from "./world";

const EPOCH = 2n * HOUR; // stakes end on hour boundaries: half of them mid-epoch
const KEEPER_BIN = join(__dirname, "../../packages/keeper/dist/bin.js");

function config(rpcUrl: string, over: Partial<KeeperConfig> = {}): KeeperConfig {
  return {
    ...structuredClone(DEFAULTS),
    rpcUrl,
    http: { ...DEFAULTS.http, enabled: false, port: 0 },
    log: { level: (process.env.KEEPER_LOG as KeeperConfig["log"]["level"]) ?? "silent" },
    retry: { attempts: 6, baseMs: 20, maxMs: 200 },
    settlements: { ...DEFAULTS.settlements, maxAccountLocks: 128, tableWarmupMs: 0, lookaheadSecs: Number(3n * EPOCH) },
    intervalMs: 50,
    ...over,
  };
}

const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
/** Stakes of distinct owners in one pool, expiring together. */
const DISTINCT = 30;

describe("keeper conformance on the localnet", function () {
  this.timeout(300_000);
  let w: World;
  let G: bigint;
  let pools: PublicKey[];
  let foundation: PublicKey, team: PublicKey;
  const stakes: { stake: PublicKey; pool: PublicKey; start: bigint; end: bigint }[] = [];
  const stakeOwner = new Map<string, string>();
  const keeperA = Keypair.generate();
  const keeperB = Keypair.generate();
  const reports: RunReport[] = [];
  let lastEpochDue: bigint;

  const run = async (k: Keeper) => {
    const r = await k.runOnce();
    reports.push(r);
    return r;
  };
  const keeper = (payer: Keypair, over: Partial<KeeperConfig> = {}, url = w.net.rpc) => new Keeper({ config: config(url, over), payer });
  /** Moves the clock (and a few slots, so fresh lookup tables warm up, as they would on a real cluster). */
  const warp = async (t: bigint) => {
    await w.warpTo(t);
    await w.advanceSlots(2n);
  };

  before(async () => {
    w = await World.start();
    await airdrop(w.connection, keeperA.publicKey, 100);
    await airdrop(w.connection, keeperB.publicKey, 100);
    const creator = await w.user(0n);
    for (const gpuClass of ["H100", "A100", "L4"]) {
      await rpc.createPool({ connection: w.connection, creator: creator.kp, utilityMint: w.mint, gpuClass, params: POOL_PARAMS });
    }
    pools = ["H100", "A100", "L4"].map((c) => pdas.pool(c)[0]);
    const owners: User[] = [];
    for (let i = 0; i < 6; i++) owners.push(await w.user(2_000_000_000n));
    // One operator per stake: the sweep's account locks with distinct owners (4 per stake).
    const solo: User[] = [];
    for (let i = 0; i < DISTINCT; i++) solo.push(await w.user(200_000_000n));
    foundation = await createAssociatedTokenAccount(w.connection, w.admin, w.mint, Keypair.generate().publicKey);
    team = await createAssociatedTokenAccount(w.connection, w.admin, w.mint, Keypair.generate().publicKey);
    await w.mintAuthorityToProtocol();
    const t0 = alignUp(await w.now(), EPOCH);
    await w.warpTo(t0);
    G = t0 + EPOCH;
    await rpc.configureEmission({
      connection: w.connection, admin: w.admin, utilityMint: w.mint,
      params: { genesis: G, epochSecs: Number(EPOCH), perDay: 24_000_000n, halvingSecs: 12n * EPOCH, maxSupply: 1n << 50n, minersBps: 7_000, foundationBps: 2_000, potRampSecs: 86_400, foundation, team },
    });
    // Weights 3 : 1 : 0 (L4 earns nothing: its share is 0).
    await rpc.setPoolWeight({ connection: w.connection, admin: w.admin, pool: pools[0], weight: 3n });
    await rpc.setPoolWeight({ connection: w.connection, admin: w.admin, pool: pools[1], weight: 1n });
    // 25 stakes ending before genesis (settlement only, no claim), then 60 ending from G + 1 h
    // to G + 8 h (half mid-epoch), in three pools, six owners, LP and seller stakes.
    for (let i = 0; i < 85; i++) {
      const pool = pools[i % 3];
      const end = i < 25 ? t0 + HOUR : G + BigInt(1 + (i % 8)) * HOUR;
      const s = await w.stakeNewDevice(owners[i % 6], pool, i % 2 ? "seller" : "lp", end);
      stakeOwner.set(s.stake.toBase58(), owners[i % 6].kp.publicKey.toBase58());
      stakes.push({ stake: s.stake, pool, start: t0, end });
    }
    // DISTINCT more in H100, one owner each, ending mid-epoch 0 (claim + settle).
    for (const u of solo) {
      const s = await w.stakeNewDevice(u, pools[0], "lp", G + HOUR);
      stakeOwner.set(s.stake.toBase58(), u.kp.publicKey.toBase58());
      stakes.push({ stake: s.stake, pool: pools[0], start: t0, end: G + HOUR });
    }
    lastEpochDue = 5n; // epochs 0..4 cover [G, G + 10 h)
  });
  after(() => w?.stop());

  it("ahead of expiry, a keeper only prepares lookup tables", async () => {
    const k = keeper(keeperA);
    const r = await run(k);
    await k.stop();
    expect([r.backlog, r.settled, r.epochsClosed, r.failures]).to.deep.equal([0, 0, 0, 0]);
    const tables = await w.connection.getProgramAccounts(new PublicKey("AddressLookupTab1e1111111111111111111111111"));
    expect(tables.length).to.be.at.least(1);
  });

  it("dry run: simulates and logs, changes nothing", async () => {
    await warp(G + EPOCH);
    const k = keeper(keeperA, { dryRun: true });
    const r = await k.runOnce();
    await k.stop();
    expect(r.simulated).to.be.greaterThan(0);
    expect(r.epochsClosed + r.settled).to.equal(0);
    expect((await accounts.fetchProtocolSingleton(w.connection))!.nextEpoch).to.equal(0n);
  });

  it("--once runs close due epochs and settle due stakes; a second run finds nothing to do", async () => {
    // t0 + 1 h stake ended before genesis: settles with no claim. Epoch 0 is due.
    const a = keeper(keeperA);
    const r = await run(a);
    expect(r.epochsClosed).to.equal(1);
    expect(r.poolEpochsClosed).to.equal(3);
    const again = await run(a);
    expect(again.epochsClosed + again.poolEpochsClosed + again.settled).to.equal(0);
    expect(again.failures).to.equal(0);
    await a.stop();
  });

  it("two keepers racing over several epochs: everything exactly once", async () => {
    const [a, b] = [keeper(keeperA), keeper(keeperB)];
    let raced = 0;
    for (let e = 2n; e <= 3n; e++) {
      await warp(G + e * EPOCH);
      const [ra, rb] = await Promise.all([run(a), run(b)]);
      raced += ra.alreadyDone + rb.alreadyDone;
      expect(ra.failures + rb.failures).to.equal(0);
    }
    expect(raced, "the keepers met: some items were found already done").to.be.greaterThan(0);
    await Promise.all([a.stop(), b.stop()]);
    expect((await accounts.fetchProtocolSingleton(w.connection))!.nextEpoch).to.equal(3n);
  });

  it("a keeper SIGKILLed mid-run and restarted carries on", async () => {
    await warp(G + 4n * EPOCH);
    const dir = mkdtempSync(join(tmpdir(), "keeper-"));
    const kp = join(dir, "keeper.json");
    writeFileSync(kp, JSON.stringify(Array.from(keeperA.secretKey)));
    const cfg = join(dir, "keeper.yaml");
    writeFileSync(cfg, `rpcUrl: ${w.net.rpc}\nkeypair: ${kp}\nsettlements:\n  maxAccountLocks: 128\n  tableWarmupMs: 0\nretry:\n  baseMs: 20\n  maxMs: 200\n`);
    const start = () => spawn(process.execPath, [KEEPER_BIN, "--config", cfg, "--once", "--log-level", "info"], { stdio: ["ignore", "pipe", "pipe"] });
    const first = start();
    const lines: string[] = [];
    first.stdout!.on("data", (d: Buffer) => lines.push(...d.toString().split("\n").filter(Boolean)));
    // Kill it as soon as it has sent something (or after 1.5 s).
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 1_500);
      first.stdout!.on("data", () => {
        if (lines.some((l) => /"msg":"sent /.test(l))) {
          clearTimeout(t);
          resolve();
        }
      });
      first.once("exit", () => (clearTimeout(t), resolve()));
    });
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r).exitCode !== null && r(null));
    for (const l of lines) expect(() => JSON.parse(l), l).to.not.throw(); // structured JSON lines
    const second = start();
    let out = "";
    second.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((r) => second.once("exit", r));
    expect(code, out.slice(-2_000)).to.equal(0);
    const done = out.split("\n").filter(Boolean).map((l) => JSON.parse(l)).find((l) => l.msg === "run done");
    expect(done.ok).to.equal(true);
    expect((await accounts.fetchProtocolSingleton(w.connection))!.nextEpoch).to.equal(4n);
  });

  it("through a proxy dropping, delaying, rate-limiting and handing out expired blockhashes, the keeper still finishes", async () => {
    await warp(G + lastEpochDue * EPOCH);
    const proxy = await chaosProxy(w.net.rpc);
    try {
      const k = keeper(keeperB, { retry: { attempts: 10, baseMs: 20, maxMs: 200 } }, proxy.url);
      for (let i = 0; i < 6; i++) {
        const r = await run(k);
        if (r.backlog === 0 && r.failures === 0) break;
      }
      await k.stop();
      const { drop, status429, delay, expiredBlockhash } = proxy.injected;
      expect([drop, status429, delay, expiredBlockhash].every((n) => n > 0), JSON.stringify(proxy.injected)).to.equal(true);
    } finally {
      await proxy.close();
    }
    // Whatever the proxy cost, a clean keeper finds nothing left.
    const k = keeper(keeperA);
    const r = await run(k);
    await k.stop();
    expect([r.backlog, r.failures, r.epochsClosed]).to.deep.equal([0, 0, 0]);
  });

  it("SIGTERM: the daemon finishes what it is doing and exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "keeper-"));
    const kp = join(dir, "keeper.json");
    writeFileSync(kp, JSON.stringify(Array.from(keeperB.secretKey)));
    const child = spawn(process.execPath, [KEEPER_BIN, "--rpc", w.net.rpc, "--keypair", kp, "--port", "0", "--interval-ms", "50"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    await new Promise<void>((resolve) => child.stdout!.on("data", (d: Buffer) => ((out += d.toString()), /"msg":"run done"/.test(out) && resolve())));
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((r) => child.once("exit", r));
    expect(code, out.slice(-1_000)).to.equal(0);
    const lines = out.split("\n").filter(Boolean).map((l) => JSON.parse(l));
    expect(lines.map((l) => l.msg)).to.include.members(["pinfi-keeper starting", "http: /health /metrics", "stopping: finishing the transaction in flight", "pinfi-keeper stopped"]);
  });

  it("/health and /metrics", async () => {
    const k = keeper(keeperA, { http: { ...DEFAULTS.http, enabled: true, port: 0 }, intervalMs: 50 });
    const started = k.start();
    for (let i = 0; i < 100 && !k.health().ok; i++) await new Promise((r) => setTimeout(r, 20));
    const base = `http://127.0.0.1:${k.httpPort}`;
    const health = await fetch(`${base}/health`);
    expect(health.status).to.equal(200);
    const h = (await health.json()) as { ok: boolean; slot: number };
    expect(h.ok).to.equal(true);
    expect(h.slot).to.be.greaterThan(0);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    for (const m of ["pinfi_keeper_backlog_stakes 0", "pinfi_keeper_epoch_lag{scope=\"protocol\"} 0", "pinfi_keeper_failures_total", "pinfi_keeper_last_success_timestamp_seconds"]) {
      expect(metrics).to.include(m);
    }
    await k.stop();
    await started;
  });

  it("every due epoch closed once, every stake settled once, claims cover each window once, emission = paid + burned to the base unit", async () => {
    const all = await programEvents(w);
    const count = <T>(xs: T[], key: (x: T) => string) => xs.reduce((m, x) => m.set(key(x), (m.get(key(x)) ?? 0) + 1), new Map<string, number>());
    const of = <N extends PinfiEvent["name"]>(n: N) => all.filter((e) => e.name === n).map((e) => e.data) as Extract<PinfiEvent, { name: N }>["data"][];

    const closed = of("EpochClosed");
    expect(closed.map((e) => e.index).sort((a, b) => Number(a - b))).to.deep.equal([0n, 1n, 2n, 3n, 4n], "epochs 0-4 exactly once each");
    const poolClosed = of("PoolEpochClosed");
    expect(poolClosed).to.have.lengthOf(5 * pools.length);
    expect([...count(poolClosed, (e) => `${e.pool.toBase58()}:${e.index}`).values()].every((n) => n === 1)).to.equal(true);

    // settle_stake (StakeSettled) and settle_expired (one StakesSettled entry per stake) alike.
    const settled = events.settlementsOf(all);
    expect(settled).to.have.lengthOf(stakes.length);
    expect([...count(settled, (e) => e.stake.toBase58()).values()].every((n) => n === 1)).to.equal(true);
    expect(settled.some((e) => e.via === "settleExpired"), "the keeper sweeps with settle_expired").to.equal(true);
    for (const s of stakes) expect(await w.connection.getAccountInfo(s.stake), "stake closed").to.equal(null);

    // Claims: separate RewardsClaimed windows (contiguous from genesis), then, for a sweep, the rest
    // up to the end within settle_expired (it refuses a stake whose window is not complete).
    const claims = of("RewardsClaimed");
    for (const s of stakes) {
      const mine = claims.filter((c) => c.stake.equals(s.stake)).sort((a, b) => Number(a.from - b.from));
      const how = settled.find((e) => e.stake.equals(s.stake))!;
      if (s.end <= G) {
        expect(mine).to.have.lengthOf(0);
        expect(how.rewardsPaid + how.rewardsBurned).to.equal(0n);
        continue;
      }
      if (mine.length) {
        expect(mine[0].from).to.equal(G);
        for (let i = 1; i < mine.length; i++) expect(mine[i].from).to.equal(mine[i - 1].to);
      }
      if (how.via === "settleStake") expect(mine[mine.length - 1].to).to.equal(s.end);
      // A weighted pool pays something for every window (L4 has weight 0: nothing).
      else if (!s.pool.equals(pools[2])) expect(how.rewardsPaid + how.rewardsBurned > 0n, "the sweep claimed the window").to.equal(true);
    }

    // The schedule, and every base unit of it.
    const p = (await accounts.fetchProtocolSingleton(w.connection))!;
    let emitted = 0n;
    const expected = [0n, 1n, 2n, 3n, 4n].map((i) => {
      const q = quotes.quoteCloseEpoch(p, i, emitted);
      emitted += q.total;
      return q;
    });
    expect(sum(closed.map((e) => e.minted))).to.equal(sum(expected.map((q) => q.total)));
    expect(p.emitted).to.equal(emitted);
    expect(await w.balance(foundation)).to.equal(sum(expected.map((q) => q.foundation)));
    expect(await w.balance(team)).to.equal(sum(expected.map((q) => q.team)));
    const miners = sum(closed.map((e) => e.miners));
    const paid = sum(claims.map((c) => c.paid)) + sum(settled.map((e) => e.rewardsPaid));
    const burned = sum(claims.map((c) => c.burned)) + sum(settled.map((e) => e.rewardsBurned)) + sum(poolClosed.map((e) => e.burned));
    const vault = await w.balance(pdas.rewardsVault()[0]);
    expect(paid + burned + vault).to.equal(miners);
    expect(vault <= BigInt(stakes.length * 5), `vault keeps only rounding dust: ${vault}`).to.equal(true);
    expect(paid > 0n && burned > 0n).to.equal(true);
  });

  it("lookup tables no stake needs any more are deactivated, then closed with their rent back", async () => {
    const ALT = new PublicKey("AddressLookupTab1e1111111111111111111111111");
    const mine = async () =>
      (await w.connection.getProgramAccounts(ALT)).filter((t) => t.account.data.subarray(22, 54).equals(keeperA.publicKey.toBuffer()) || t.account.data.subarray(22, 54).equals(keeperB.publicKey.toBuffer()));
    const deactivated = (d: Buffer) => d.readBigUInt64LE(4) !== 2n ** 64n - 1n;
    const k = keeper(keeperA);
    await run(k); // every stake is settled: keeper A's tables are deactivated
    const before = await mine();
    expect(before.length).to.be.greaterThan(0);
    for (let i = 0; i < 514; i++) await w.advanceSlots(1n); // 513 newer slot hashes: the deactivation slot has left SlotHashes
    const lamports = await w.connection.getBalance(keeperA.publicKey);
    await run(k); // deactivated long enough: closed
    await run(keeper(keeperB));
    await k.stop();
    const after = await mine();
    expect(after.length, "closed").to.be.lessThan(before.length);
    expect(after.every((t) => !deactivated(t.account.data)), "only active (current) tables remain").to.equal(true);
    expect(await w.connection.getBalance(keeperA.publicKey)).to.be.greaterThan(lamports, "rent back");
  });

  it("settlements per transaction: ≥ 20 with distinct owners (settle_expired, v0 + lookup table, 128 locks); the trace caps at 29", () => {
    const batches = reports.flatMap((r) => r.settlementsPerTx);
    // eslint-disable-next-line no-console
    console.log(`      settlement transactions: ${batches.length}, settlements per transaction: [${batches.join(", ")}]`);
    // itself + ≤ 2 transfers per stake + 2 burns + emit_cpi!, after a compute-limit instruction: 1 + 1 + 2 × 29 + 3 = 63 ≤ 64.
    expect(Math.max(...batches)).to.equal(29);
    expect(batches.filter((n) => n >= 20).length, "the distinct-owner stakes went ≥ 20 to a transaction").to.be.at.least(1);
  });

  it("the sweep's transaction holds 29 stakes of distinct owners: each a claim and a settlement", async () => {
    const all = await programEvents(w);
    const sweeps = all.filter((e) => e.name === "StakesSettled").map((e) => e.data as import("@pinfi/sdk").EventOf<"StakesSettled">);
    const biggest = sweeps.reduce((a, b) => (b.settled.length > a.settled.length ? b : a));
    expect(biggest.settled).to.have.lengthOf(29);
    const owners = new Set(biggest.settled.map((e) => stakeOwner.get(e.stake.toBase58())));
    expect(owners.size, "distinct owners").to.be.at.least(20);
    expect(biggest.settled.filter((e) => e.rewardsPaid + e.rewardsBurned > 0n).length, "claims inside the sweep").to.be.at.least(20);
  });
});

/** Every PinFi event of every successful program transaction, oldest first. */
async function programEvents(w: World): Promise<PinfiEvent[]> {
  const sigs: string[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await w.connection.getSignaturesForAddress(new PublicKey(w.net.programId), { before, limit: 1_000 });
    sigs.push(...page.filter((s) => !s.err).map((s) => s.signature));
    if (page.length < 1_000) break;
    before = page[page.length - 1].signature;
  }
  const out: PinfiEvent[] = [];
  for (const sig of sigs.reverse()) {
    const tx = await w.connection.getTransaction(sig, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
    out.push(...events.eventsFromTransaction(tx));
  }
  return out;
}

/** A JSON-RPC proxy that drops connections, answers 429 and delays, by a fixed pattern. */
async function chaosProxy(target: string): Promise<{ url: string; injected: { drop: number; status429: number; delay: number; expiredBlockhash: number }; close(): Promise<void> }> {
  const injected = { drop: 0, status429: 0, delay: 0, expiredBlockhash: 0 };
  // A blockhash that will have expired (the localnet keeps ~300 of them, one per ~6.4 ms).
  const stale = await (await fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "getLatestBlockhash", params: [] }) })).json() as { result: { value: { blockhash: string } } };
  await new Promise((r) => setTimeout(r, 2_500));
  let blockhashCalls = 0;
  const upstream = new URL(target);
  let n = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const i = ++n;
      const isBlockhash = /"getLatestBlockhash"/.test(body.toString());
      const forward = () => {
        const staleHash = isBlockhash && ++blockhashCalls % 3 === 1;
        const up = request({ host: upstream.hostname, port: upstream.port, path: "/", method: "POST", headers: { "content-type": "application/json", "content-length": body.length } }, (r) => {
          res.writeHead(r.statusCode ?? 502, { "content-type": "application/json" });
          if (!staleHash) return r.pipe(res);
          // Hand out the expired blockhash: the send must fail and be re-signed, never double-executed.
          const parts: Buffer[] = [];
          r.on("data", (c: Buffer) => parts.push(c));
          r.on("end", () => {
            const json = JSON.parse(Buffer.concat(parts).toString());
            if (json.result?.value?.blockhash) {
              json.result.value.blockhash = stale.result.value.blockhash;
              injected.expiredBlockhash++;
            }
            res.end(JSON.stringify(json));
          });
        });
        up.on("error", () => res.destroy());
        up.end(body);
      };
      if (i % 7 === 3) {
        injected.drop++;
        req.socket.destroy();
      } else if (i % 7 === 5) {
        injected.status429++;
        res.writeHead(429, { "content-type": "text/plain", "retry-after": "0" });
        res.end("Too Many Requests");
      } else if (i % 5 === 1) {
        injected.delay++;
        setTimeout(forward, 150);
      } else forward();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    injected,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections?.();
      server.close(() => r());
    }),
  };
}
