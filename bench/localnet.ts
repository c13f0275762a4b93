// `npm run bench:localnet` (part of `npm run bench`): the embedded localnet (crates/localnet) measured
// through @solana/web3.js, side by side with the npm `litesvm` engine in the same run.
//
//   1. start time: spawn `localnet --port 0 --quiet` K times; spawn → readiness line → first getHealth
//   2. confirm latency: N sequential SPL transfers, each: getLatestBlockhash, sign, sendRawTransaction, confirmTransaction (websocket
//      signatureSubscribe), and a polling variant (sendRawTransaction + getSignatureStatuses every 1 ms)
//   3. throughput: M SPL transfers from P payers (own source/destination accounts each), sent without
//      waiting for confirmation (skipPreflight, then with preflight), then polled until all confirmed
//   4. reference: litesvm 1.5.0 in-process, the same SPL transfers
//
// Signing is INSIDE the timer on both sides: the localnet's bank (solana-program-test) registers a
// blockhash every 6.4 ms and accepts one for 150 of them (~0.96 s), so 1 000 transactions cannot be
// signed up front; LiteSVM is timed the same way (its pre-signed rate is printed for information).
//
// Nothing is built here: the root script builds `--profile bench-native` first. Knobs (env):
// PINFI_LOCALNET_BIN, PINFI_LOCALNET_PROFILE (default bench-native), BENCH_STARTS=7, BENCH_CONFIRM_N=300,
// BENCH_TPS_M=1000, BENCH_PAYERS=8, BENCH_INFLIGHT=32, BENCH_LITESVM_N=3000.
import { ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, homedir, totalmem } from "node:os";
import { basename, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import {
  Connection,
  Keypair,
  PublicKey,
  Transaction,
} from "@solana/web3.js";
import { createAccount, createMint, createTransferInstruction, getAccount, mintTo } from "@solana/spl-token";
import { airdrop, closeSockets, rpcCall } from "@pinfi/localnet";
import { runLiteSvm } from "./litesvm-ref";
import { latencySvg, max, median, ms, now, percentile, sleep, tps } from "./stats";

const env = (name: string, dflt: number): number => (process.env[name] ? Number(process.env[name]) : dflt);
const K_STARTS = env("BENCH_STARTS", 7);
const N_CONFIRM = env("BENCH_CONFIRM_N", 300);
const WARMUP = 10;
const M_TPS = env("BENCH_TPS_M", 1000);
const PAYERS = env("BENCH_PAYERS", 8);
const INFLIGHT = env("BENCH_INFLIGHT", 32);
const N_LITESVM = env("BENCH_LITESVM_N", 3000);

const GOAL_START_MS = 1000;
const GOAL_P50_MS = 5;
const GOAL_TPS_RATIO = 0.25;

const READY = /^pinfi-localnet ready rpc=(\S+) ws=(\S+) program=(\S+)$/;

const lines: string[] = [];
function say(line = ""): void {
  lines.push(line);
  console.log(line);
}

// ---------------------------------------------------------------------------------------------
// The binary and its lifetime.

interface Binary {
  path: string;
  profile: string;
}

function findBinary(): Binary {
  const explicit = process.env.PINFI_LOCALNET_BIN;
  if (explicit) return { path: explicit, profile: `${basename(dirname(explicit))} (PINFI_LOCALNET_BIN)` };
  const target = process.env.CARGO_TARGET_DIR ?? join(homedir(), ".cache", "pinfi", "target");
  const profile = process.env.PINFI_LOCALNET_PROFILE ?? "bench-native";
  // Cargo puts the dev profile under debug/.
  const path = join(target, profile === "dev" ? "debug" : profile, "localnet");
  return { path, profile };
}

interface Running {
  rpc: string;
  ws: string;
  programId: string;
  readyMs: number;
  healthMs: number;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
function killChildren(): void {
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
}
process.on("exit", killChildren);
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    killChildren();
    process.exit(130);
  });
}

async function startLocalnet(bin: string, timeoutMs = 60_000): Promise<Running> {
  const t0 = now();
  const child = spawn(bin, ["--port", "0", "--quiet"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? "error" },
  });
  children.add(child);
  const rl = createInterface({ input: child.stdout! });
  const m = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`localnet not ready after ${timeoutMs} ms`)), timeoutMs);
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`localnet exited early with code ${code}`)));
    rl.on("line", (line) => {
      const r = READY.exec(line.trim());
      if (r) {
        clearTimeout(timer);
        resolve(r);
      }
    });
  });
  const readyMs = now() - t0;
  for (;;) {
    try {
      if ((await rpcCall<string>(m[1], "getHealth")) === "ok") break;
    } catch {
      // not serving yet
    }
    if (now() - t0 > timeoutMs) throw new Error("localnet never answered getHealth");
    await sleep(1);
  }
  const healthMs = now() - t0;
  return {
    rpc: m[1],
    ws: m[2],
    programId: m[3],
    readyMs,
    healthMs,
    stop: () =>
      new Promise<void>((resolve) => {
        rl.close();
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => {
          children.delete(child);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// SPL fixtures through web3.js.

interface Lane {
  payer: Keypair;
  source: PublicKey;
  destination: PublicKey;
}

async function lane(conn: Connection, mint: PublicKey, authority: Keypair): Promise<Lane> {
  const payer = Keypair.generate();
  await airdrop(conn, payer.publicKey, 100);
  const source = await createAccount(conn, payer, mint, payer.publicKey, Keypair.generate());
  const destination = await createAccount(conn, payer, mint, payer.publicKey, Keypair.generate());
  await mintTo(conn, payer, mint, source, authority, 1n << 60n);
  return { payer, source, destination };
}

function transferTx(l: Lane, amount: number, blockhash?: string): Transaction {
  const tx = new Transaction().add(createTransferInstruction(l.source, l.destination, l.payer.publicKey, amount));
  if (blockhash) {
    tx.recentBlockhash = blockhash;
    tx.feePayer = l.payer.publicKey;
  }
  return tx;
}

const isConfirmed = (s: { confirmationStatus?: string } | null): boolean =>
  !!s && (s.confirmationStatus === "confirmed" || s.confirmationStatus === "finalized");

// ---------------------------------------------------------------------------------------------
// 2. Confirm latency.

/**
 * The web3.js confirmation path clients use (Anchor's provider does the same): a fresh blockhash,
 * sign, `sendRawTransaction`, then `confirmTransaction` with the block-height strategy, which
 * waits on the websocket `signatureSubscribe`. All inside the timer. (web3's
 * `sendAndConfirmTransaction` is not used: with blockhash caching off — needed here, blockhashes
 * live ~0.96 s — it polls until the blockhash changes and sleeps 200 ms whenever it has not, a
 * client-side policy that the first runs measured as a 210 ms p99.)
 */
async function confirmWebsocket(conn: Connection, l: Lane, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < WARMUP + n; i++) {
    const t0 = now();
    const { blockhash, lastValidBlockHeight } = await conn.getLatestBlockhash();
    const tx = transferTx(l, 1 + i, blockhash);
    tx.sign(l.payer);
    const signature = await conn.sendRawTransaction(tx.serialize());
    const r = await conn.confirmTransaction({ signature, blockhash, lastValidBlockHeight }, "confirmed");
    if (r.value.err) throw new Error(`transfer ${i} failed: ${JSON.stringify(r.value.err)}`);
    if (i >= WARMUP) out.push(now() - t0);
  }
  return out;
}

/** End to end (blockhash + sign + send + poll) and send → confirmed only. */
async function confirmPolling(conn: Connection, l: Lane, n: number, offset: number): Promise<{ e2e: number[]; sendToConfirmed: number[] }> {
  const e2e: number[] = [];
  const sendToConfirmed: number[] = [];
  for (let i = 0; i < WARMUP + n; i++) {
    const t0 = now();
    const { blockhash } = await conn.getLatestBlockhash();
    const tx = transferTx(l, offset + 1 + i, blockhash);
    tx.sign(l.payer);
    const raw = tx.serialize();
    const t1 = now();
    const sig = await conn.sendRawTransaction(raw, { preflightCommitment: "confirmed" });
    for (;;) {
      const { value } = await conn.getSignatureStatuses([sig]);
      if (value[0]?.err) throw new Error(`transfer ${sig} failed: ${JSON.stringify(value[0].err)}`);
      if (isConfirmed(value[0])) break;
      await sleep(1);
    }
    const t2 = now();
    if (i >= WARMUP) {
      e2e.push(t2 - t0);
      sendToConfirmed.push(t2 - t1);
    }
  }
  return { e2e, sendToConfirmed };
}

// ---------------------------------------------------------------------------------------------
// 3. Throughput.

interface TpsResult {
  sent: number;
  confirmed: number;
  failed: number;
  sendMs: number;
  windowMs: number;
  tps: number;
}

async function throughput(conn: Connection, lanes: Lane[], m: number, skipPreflight: boolean, offset: number): Promise<TpsResult> {
  const t0 = now();
  let blockhash = (await conn.getLatestBlockhash()).blockhash;
  let sending = true;
  // Keep the blockhash young: the bank accepts one for ~0.96 s.
  const refresher = (async () => {
    while (sending) {
      await sleep(100);
      if (sending) blockhash = (await conn.getLatestBlockhash()).blockhash;
    }
  })();
  const signatures: string[] = [];
  let failed = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < m) {
      const k = next++;
      const l = lanes[k % lanes.length];
      const tx = transferTx(l, offset + Math.floor(k / lanes.length) + 1, blockhash);
      tx.sign(l.payer);
      try {
        signatures.push(await conn.sendRawTransaction(tx.serialize(), { skipPreflight, preflightCommitment: "confirmed" }));
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: INFLIGHT }, worker));
  sending = false;
  const sendMs = now() - t0;
  let pending = signatures;
  let confirmed = 0;
  while (pending.length > 0) {
    const left: string[] = [];
    for (let i = 0; i < pending.length; i += 256) {
      const batch = pending.slice(i, i + 256);
      const { value } = await conn.getSignatureStatuses(batch);
      value.forEach((s, j) => {
        if (s?.err) failed++;
        else if (isConfirmed(s)) confirmed++;
        else left.push(batch[j]);
      });
    }
    pending = left;
    if (pending.length > 0) {
      if (now() - t0 > 120_000) throw new Error(`${pending.length} transactions never confirmed`);
      await sleep(1);
    }
  }
  const windowMs = now() - t0;
  await refresher;
  return { sent: m, confirmed, failed, sendMs, windowMs, tps: confirmed / (windowMs / 1000) };
}

/** What building + signing one web3.js transfer costs the client (no RPC). */
function web3SignMsPerTx(l: Lane, n: number): number {
  const blockhash = Keypair.generate().publicKey.toBase58();
  const t0 = now();
  for (let i = 0; i < n; i++) transferTx(l, i + 1, blockhash).sign(l.payer);
  return (now() - t0) / n;
}

// ---------------------------------------------------------------------------------------------

function gitDescribe(): string {
  try {
    const rev = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim() !== "";
    return dirty ? `${rev} + uncommitted changes` : rev;
  } catch {
    return "unknown";
  }
}

const pass = (ok: boolean): string => (ok ? "PASS" : "MISS");

async function main(): Promise<void> {
  const bin = findBinary();
  if (!existsSync(bin.path)) {
    throw new Error(`localnet binary not found at ${bin.path}: run \`cargo build --profile bench-native -p pinfi-localnet --bin localnet\` (the root \`npm run bench\` does)`);
  }
  const date = new Date();
  const day = date.toISOString().slice(0, 10);
  say(`# Localnet vs LiteSVM — npm run bench (${date.toISOString()})`);
  say(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  say(`localnet: ${bin.path}`);
  say(`  built with cargo profile ${bin.profile}, binary from ${statSync(bin.path).mtime.toISOString()}, tree ${gitDescribe()}`);
  say(`client: @solana/web3.js 1.98.4 + @solana/spl-token 0.4.14; reference: litesvm 1.5.0 + @solana/kit (in-process)`);
  say(`signing: inside the timer for both engines (the localnet bank accepts a blockhash ~0.96 s)`);
  say();

  // 1. Start time.
  const ready: number[] = [];
  const health: number[] = [];
  for (let i = 0; i < K_STARTS; i++) {
    const r = await startLocalnet(bin.path);
    ready.push(r.readyMs);
    health.push(r.healthMs);
    await r.stop();
  }
  say(`start (K=${K_STARTS}, spawn → readiness line): median ${ms(median(ready), 1)}, max ${ms(max(ready), 1)}`);
  say(`start (spawn → first getHealth "ok"):       median ${ms(median(health), 1)}, max ${ms(max(health), 1)}`);

  // 2 + 3 against one running localnet.
  const net = await startLocalnet(bin.path);
  const conn = new Connection(net.rpc, { commitment: "confirmed", wsEndpoint: net.ws });
  (conn as unknown as { _disableBlockhashCaching: boolean })._disableBlockhashCaching = true;
  let wsLat: number[];
  let poll: { e2e: number[]; sendToConfirmed: number[] };
  let runs: { label: string; r: TpsResult }[];
  let signMs: number;
  try {
    const authority = Keypair.generate();
    await airdrop(conn, authority.publicKey, 100);
    const mint = await createMint(conn, authority, authority.publicKey, null, 0);
    const solo = await lane(conn, mint, authority);

    wsLat = await confirmWebsocket(conn, solo, N_CONFIRM);
    say(`confirm latency, web3 sendRawTransaction + confirmTransaction (websocket), N=${N_CONFIRM} after ${WARMUP} warm-up: p50 ${ms(percentile(wsLat, 50))}, p99 ${ms(percentile(wsLat, 99))}, max ${ms(max(wsLat))}`);
    poll = await confirmPolling(conn, solo, N_CONFIRM, 1_000_000);
    say(`confirm latency, polling getSignatureStatuses every 1 ms, end to end:     p50 ${ms(percentile(poll.e2e, 50))}, p99 ${ms(percentile(poll.e2e, 99))}`);
    say(`  of which sendRawTransaction → confirmed:                               p50 ${ms(percentile(poll.sendToConfirmed, 50))}, p99 ${ms(percentile(poll.sendToConfirmed, 99))}`);

    const lanes: Lane[] = [];
    for (let i = 0; i < PAYERS; i++) lanes.push(await lane(conn, mint, authority));
    signMs = web3SignMsPerTx(lanes[0], 500);
    runs = [
      { label: "skipPreflight: true", r: await throughput(conn, lanes, M_TPS, true, 0) },
      { label: "with preflight", r: await throughput(conn, lanes, M_TPS, false, 10_000_000) },
    ];
    for (const { label, r } of runs) {
      say(
        `throughput, ${label}: ${r.confirmed}/${r.sent} confirmed (${r.failed} failed) in ${ms(r.windowMs, 0)} → ${tps(r.tps)} (sending took ${ms(r.sendMs, 0)}; ${PAYERS} payers, ${INFLIGHT} requests in flight)`,
      );
    }
    say(`  client cost of building + signing one web3.js transfer: ${ms(signMs, 3)}`);
    // Sanity: the transfers really moved tokens.
    const moved = (await getAccount(conn, lanes[0].destination)).amount;
    if (moved === 0n) throw new Error("no tokens arrived: the throughput transfers did not execute");
  } finally {
    closeSockets(conn);
    await net.stop();
  }

  // 4. Reference.
  const lite = await runLiteSvm(N_LITESVM, K_STARTS);
  say(`litesvm: new LiteSVM() median ${ms(lite.constructMedianMs, 1)}, max ${ms(lite.constructMaxMs, 1)} (K=${K_STARTS})`);
  say(
    `litesvm: ${lite.transfers} SPL transfers in-process, build + sign + sendTransaction each: ${tps(lite.signedInsideTps)}; per transfer p50 ${ms(percentile(lite.perTxMs, 50))}, p99 ${ms(percentile(lite.perTxMs, 99))}`,
  );
  say(`litesvm: same, signed before the timer (information only): ${tps(lite.presignedTps)}`);
  say();

  // Table.
  const startMed = median(ready);
  const p50 = percentile(wsLat, 50);
  const [skip, pre] = runs.map((x) => x.r);
  const ratioSkip = skip.tps / lite.signedInsideTps;
  const ratioPre = pre.tps / lite.signedInsideTps;
  const x = (v: number): string => `${v.toFixed(2)}×`;
  say(`| goal | target | localnet | LiteSVM 1.5.0 | localnet ÷ LiteSVM | result |`);
  say(`|---|---|---|---|---|---|`);
  say(`| start time (median of ${K_STARTS}, spawn → ready line) | < 1 s | ${ms(startMed, 1)} (max ${ms(max(ready), 1)}; getHealth ${ms(median(health), 1)}) | new LiteSVM() ${ms(lite.constructMedianMs, 1)} | ${x(startMed / lite.constructMedianMs)} | ${pass(startMed < GOAL_START_MS)} |`);
  say(`| confirm p50, web3 send + confirmTransaction (ws) | < 5 ms | ${ms(p50)} (p99 ${ms(percentile(wsLat, 99))}; polling ${ms(percentile(poll.e2e, 50))}) | sendTransaction ${ms(percentile(lite.perTxMs, 50))} (p99 ${ms(percentile(lite.perTxMs, 99))}) | ${x(p50 / percentile(lite.perTxMs, 50))} | ${pass(p50 < GOAL_P50_MS)} |`);
  say(`| throughput, skipPreflight (signing inside) | ≥ 0.25× LiteSVM | ${tps(skip.tps)} | ${tps(lite.signedInsideTps)} | ${x(ratioSkip)} | ${pass(ratioSkip >= GOAL_TPS_RATIO)} |`);
  say(`| throughput, with preflight (signing inside) | ≥ 0.25× LiteSVM | ${tps(pre.tps)} | ${tps(lite.signedInsideTps)} | ${x(ratioPre)} | ${pass(ratioPre >= GOAL_TPS_RATIO)} |`);
  say(`(for information: against LiteSVM with pre-signed transactions, ${tps(lite.presignedTps)}, skipPreflight is ${x(skip.tps / lite.presignedTps)})`);

  const dir = join(__dirname, "results");
  mkdirSync(dir, { recursive: true });
  const txt = join(dir, `localnet-${day}.txt`);
  writeFileSync(txt, lines.join("\n") + "\n");
  const svg = join(dir, "confirm-latency.svg");
  writeFileSync(
    svg,
    latencySvg(
      `SPL transfer confirm latency, localnet (${bin.profile}) vs LiteSVM, ${day}`,
      [
        { label: "localnet, web3 send + confirmTransaction (ws)", color: "#1f77b4", values: wsLat },
        { label: "localnet, send + getSignatureStatuses poll (1 ms)", color: "#ff7f0e", values: poll.e2e },
        { label: "LiteSVM in-process, build + sign + sendTransaction", color: "#2ca02c", values: lite.perTxMs },
      ],
      GOAL_P50_MS,
    ),
  );
  console.log(`\nwrote ${txt}\nwrote ${svg}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    killChildren();
    process.exit(1);
  },
);
