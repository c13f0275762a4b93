// `npm run bench:keeper` (part of `npm run bench`): the keeper (@pinfi/keeper) against the embedded
// localnet, one pool, every stake its own owner (the worst case for account locks):
//
//   1. epoch close cost vs live stakes: close_epoch + close_pool_epoch (a keeper run with only the
//      epoch crank) with 10, then 1 000, then N live stakes — transactions and wall time
//   2. settlements per transaction: settle_expired sweeps (v0 + lookup tables, 128 account locks as
//      on the localnet, 64 as on mainnet today, packed against bytes, locks and the 64-entry trace)
//   3. wall time and transactions to settle N expired stakes (claim + settle each), lookup-table
//      preparation measured separately (a keeper prepares tables ahead of expiry)
//
// Knobs (env): BENCH_KEEPER_N (default 10000; the stakes of step 3), BENCH_KEEPER_SIZES (default
// "10,1000,N"), PINFI_LOCALNET_BIN (default $CARGO_TARGET_DIR/debug/localnet: the build the tests
// use), BENCH_KEEPER_INFLIGHT (set-up transactions in flight, default 48).
// Results: bench/results/keeper-<date>.txt and bench/results/keeper-<date>.svg.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import {
  AddressLookupTableAccount,
  ComputeBudgetProgram,
  Connection,
  Keypair,
  LAMPORTS_PER_SOL,
  PublicKey,
  SystemProgram,
  Transaction,
  TransactionInstruction,
} from "@solana/web3.js";
import {
  AuthorityType,
  createAssociatedTokenAccountIdempotentInstruction,
  createMint,
  createMintToInstruction,
  createSetAuthorityInstruction,
  getAssociatedTokenAddressSync,
} from "@solana/spl-token";
import { connectionFor, gpa, instructions, pdas, rpc } from "@pinfi/sdk";
import { DEFAULTS, Keeper, KeeperConfig, RunReport, splitIntoInstructions } from "@pinfi/keeper";
import { airdrop, getClock, localnetBinary, rpcCall, startLocalnet, timeTravel } from "@pinfi/localnet";
import { median, now, sleep } from "./stats";

const env = (name: string, dflt: number): number => (process.env[name] ? Number(process.env[name]) : dflt);
const N = env("BENCH_KEEPER_N", 10_000);
const SIZES = (process.env.BENCH_KEEPER_SIZES ?? `10,1000,${N}`).split(",").map(Number).filter((n) => n > 0 && n <= N);
const INFLIGHT = env("BENCH_KEEPER_INFLIGHT", 48);
const HOUR = 3_600n;
const EPOCH = HOUR;
const GOAL_PER_TX = 20;

const POOL_PARAMS = {
  swapFeeBps: 30, minStakeSecs: 3_600, maxStakeSecs: 7 * 24 * 3_600, bucketSecs: 3_600,
  burnPerGpuHour: 100_000n, maintenancePerGpuHour: 50_000n, collateralBps: 20_000, referencePrice: 2_000_000n,
};

const lines: string[] = [];
function say(line = ""): void {
  lines.push(line);
  console.log(line);
}
const secs = (msVal: number) => `${(msVal / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// Set-up: many transactions in flight (sign with a fresh blockhash, send, poll until confirmed).

let cachedHash: { blockhash: string; at: number } | null = null;
/** A blockhash at most 200 ms old (one request per chunk, not per transaction). */
async function latestBlockhash(connection: Connection): Promise<{ blockhash: string }> {
  if (!cachedHash || now() - cachedHash.at > 200) cachedHash = { blockhash: (await connection.getLatestBlockhash("confirmed")).blockhash, at: now() };
  return cachedHash;
}

async function blast(connection: Connection, txs: { ixs: TransactionInstruction[]; signers: Keypair[] }[], label: string): Promise<void> {
  const t0 = now();
  for (let i = 0; i < txs.length; i += INFLIGHT) {
    const chunk = txs.slice(i, i + INFLIGHT);
    const sigs = await Promise.all(
      chunk.map(async ({ ixs, signers }) => {
        // The localnet accepts a blockhash for ~1 s: re-sign with a fresh one when it was refused unseen.
        for (let attempt = 0; ; attempt++) {
          const { blockhash } = await latestBlockhash(connection);
          const tx = new Transaction({ feePayer: signers[0].publicKey, recentBlockhash: blockhash }).add(...ixs);
          tx.sign(...signers);
          try {
            return await connection.sendRawTransaction(tx.serialize(), { skipPreflight: true });
          } catch (e) {
            if (attempt >= 5 || !/Blockhash not found/.test(String(e))) throw e;
            cachedHash = null;
          }
        }
      }),
    );
    for (let tries = 0; ; tries++) {
      const st = await connection.getSignatureStatuses(sigs);
      const failed = st.value.findIndex((s) => s?.err);
      if (failed >= 0) throw new Error(`${label}: transaction failed: ${JSON.stringify(st.value[failed]!.err)}`);
      if (st.value.every((s) => s && (s.confirmationStatus === "confirmed" || s.confirmationStatus === "finalized"))) break;
      if (tries > 2_000) throw new Error(`${label}: not confirmed`);
      await sleep(2);
    }
  }
  process.stderr.write(`  set-up: ${txs.length} ${label} transactions in ${secs(now() - t0)}\n`);
}

interface Bench {
  connection: Connection;
  url: string;
  admin: Keypair;
  mint: PublicKey;
  mintAuthority: Keypair;
  pool: PublicKey;
  stakes: PublicKey[];
}

interface Owner {
  kp: Keypair;
  device: Keypair;
  tokens: PublicKey;
}

/** `count` new owners with lamports and minted tokens (needs the mint authority: before emission). */
async function fundOwners(b: Bench, count: number): Promise<Owner[]> {
  const owners = Array.from({ length: count }, () => {
    const kp = Keypair.generate();
    return { kp, device: Keypair.generate(), tokens: getAssociatedTokenAddressSync(b.mint, kp.publicKey) };
  });
  const fund: { ixs: TransactionInstruction[]; signers: Keypair[] }[] = [];
  for (let i = 0; i < count; i += 5) {
    const ixs: TransactionInstruction[] = [];
    for (const o of owners.slice(i, i + 5)) {
      ixs.push(SystemProgram.transfer({ fromPubkey: b.admin.publicKey, toPubkey: o.kp.publicKey, lamports: LAMPORTS_PER_SOL / 20 }));
      ixs.push(createAssociatedTokenAccountIdempotentInstruction(b.admin.publicKey, o.tokens, o.kp.publicKey, b.mint));
      ixs.push(createMintToInstruction(b.mint, o.tokens, b.mintAuthority.publicKey, 50_000_000n));
    }
    fund.push({ ixs, signers: [b.admin, b.mintAuthority] });
  }
  await blast(b.connection, fund, "funding");
  return owners;
}

/** One LP stake per owner (its own device), all ending at `end`. */
async function stakeAll(b: Bench, owners: Owner[], end: bigint): Promise<void> {
  const t = BigInt((await getClock(b.url)).unixTimestamp);
  const txs = owners.map((o) => {
    const base = { owner: o.kp.publicKey, pool: b.pool };
    const device = pdas.device(o.device.publicKey)[0];
    b.stakes.push(pdas.stake(device, 0n)[0]);
    return {
      ixs: [
        instructions.registerDevice({ ...base, deviceKey: o.device.publicKey, specsHash: new Uint8Array(32) }),
        instructions.burnForCertificate({ ...base, utilityMint: b.mint, ownerTokens: o.tokens, nonce: 1n, gpuSeconds: end - t }),
        instructions.createStake({ ...base, device, deviceStakeCount: 0n, ownerTokens: o.tokens, kind: "lp" as const, end, certificateNonce: 1n }),
      ],
      signers: [o.kp, o.device],
    };
  });
  await blast(b.connection, txs, "stake");
}

const chunks = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Distinct-owner stakes per transaction under 64 account locks, by the keeper's own packer. */
function packedAt64(): number {
  const payer = Keypair.generate().publicKey;
  const mint = Keypair.generate().publicKey;
  const pool = pdas.pool("H100")[0];
  const accs = Array.from({ length: 60 }, () => [0, 1, 2, 3].map(() => Keypair.generate().publicKey));
  const shared = [pool, mint, pdas.protocol()[0], pdas.rewardsVault()[0], pdas.vault(pool)[0], pdas.poolEpoch(pool, 0n)[0], pdas.poolEpoch(pool, 1n)[0], pdas.eventAuthority()[0], new PublicKey("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA")];
  const table = new AddressLookupTableAccount({ key: Keypair.generate().publicKey, state: { deactivationSlot: 2n ** 64n - 1n, lastExtendedSlot: 0, lastExtendedSlotStartIndex: 0, authority: payer, addresses: [...shared, ...accs.flat()] } });
  const build = (run: number[]) => instructions.settleExpired({ pool, utilityMint: mint, stakes: run.map((i) => ({ stake: accs[i][1], device: accs[i][0], owner: accs[i][2], ownerTokens: accs[i][3], fromEpoch: 0n, toEpoch: 1n })) });
  const prefix = [ComputeBudgetProgram.setComputeUnitLimit({ units: 1_400_000 })];
  return splitIntoInstructions([...accs.keys()], build, { payer, lookupTables: [table], prefix, maxAccountLocks: 64, traceOf: instructions.settleExpiredTrace })[0].items.length;
}

const esc = (x: string) => x.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** Two panels, by hand: epoch close time vs live stakes; settlement transactions, pairs vs sweeps. */
function svg(closes: { live: number; txs: number; wallMs: number; directMs: number }[], perTx: number[], n: number, pairsPerTx: number): string {
  const W = 820, H = 400, top = 50, base = 320;
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`, `<rect width="${W}" height="${H}" fill="white"/>`];
  out.push(`<text x="${W / 2}" y="22" text-anchor="middle" font-size="15">Keeper on the localnet: epoch close vs live stakes; transactions to settle ${esc(n.toLocaleString("en"))} stakes</text>`);
  // Left: epoch close wall time, direct (on chain + confirm) and keeper run (reads included); transactions as labels.
  const maxMs = Math.max(...closes.flatMap((c) => [c.wallMs, c.directMs])) * 1.25;
  const bw = 300 / closes.length;
  out.push(`<text x="200" y="${top - 8}" text-anchor="middle">epoch close wall time (ms): direct / keeper run</text>`);
  out.push(`<line x1="50" y1="${base}" x2="370" y2="${base}" stroke="#333"/>`);
  closes.forEach((c, i) => {
    const x = 60 + i * bw;
    ([[c.directMs, "#4878d0", 0], [c.wallMs, "#ee854a", 1]] as const).forEach(([v, color, j]) => {
      const h = ((base - top - 10) * v) / maxMs;
      const bx = x + j * bw * 0.38;
      out.push(`<rect x="${bx.toFixed(1)}" y="${(base - h).toFixed(1)}" width="${(bw * 0.34).toFixed(1)}" height="${h.toFixed(1)}" fill="${color}"/>`);
      out.push(`<text x="${(bx + bw * 0.17).toFixed(1)}" y="${(base - h - 4).toFixed(1)}" text-anchor="middle" font-size="10">${v.toFixed(0)}</text>`);
    });
    out.push(`<text x="${(x + bw * 0.36).toFixed(1)}" y="${base + 16}" text-anchor="middle" font-size="11">${esc(c.live.toLocaleString("en"))} live · ${c.txs} tx</text>`);
  });
  out.push(`<rect x="60" y="${base + 26}" width="10" height="10" fill="#4878d0"/><text x="74" y="${base + 35}">direct (2 transactions)</text>`);
  out.push(`<rect x="230" y="${base + 26}" width="10" height="10" fill="#ee854a"/><text x="244" y="${base + 35}">keeper run (reads + 2 tx)</text>`);
  // Right: settlement transactions for n stakes.
  const bars = [
    { label: ["claim + settle pairs", `(${pairsPerTx}/tx, computed)`], v: Math.ceil(n / pairsPerTx), color: "#d65f5f" },
    { label: ["settle_expired", `(measured, max ${Math.max(...perTx)}/tx)`], v: perTx.length, color: "#6acc64" },
  ];
  const maxV = Math.max(...bars.map((x) => x.v)) * 1.2;
  out.push(`<text x="620" y="${top - 8}" text-anchor="middle">settlement transactions for ${esc(n.toLocaleString("en"))} stakes</text>`);
  out.push(`<line x1="450" y1="${base}" x2="790" y2="${base}" stroke="#333"/>`);
  bars.forEach((bar, i) => {
    const h = ((base - top - 10) * bar.v) / maxV;
    const x = 480 + i * 160;
    out.push(`<rect x="${x}" y="${(base - h).toFixed(1)}" width="110" height="${h.toFixed(1)}" fill="${bar.color}"/>`);
    out.push(`<text x="${x + 55}" y="${(base - h - 5).toFixed(1)}" text-anchor="middle">${bar.v}</text>`);
    bar.label.forEach((l, j) => out.push(`<text x="${x + 55}" y="${base + 16 + 14 * j}" text-anchor="middle" font-size="11">${esc(l)}</text>`));
  });
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}

async function transactionCount(connection: Connection): Promise<number> {
  return connection.getTransactionCount("confirmed");
}

async function advanceSlots(url: string, n: number) {
  for (let i = 0; i < n; i++) {
    const { slot } = await getClock(url);
    await rpcCall(url, "surfnet_timeTravel", [{ absoluteSlot: slot + 1 }]);
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const bin = localnetBinary();
  if (!existsSync(bin)) throw new Error(`no localnet binary at ${bin}: cargo build -p pinfi-localnet --bin localnet (or set PINFI_LOCALNET_BIN)`);
  const net = await startLocalnet({ build: false, binary: bin, stderr: "ignore" });
  const connection = connectionFor(net.rpc, { localnet: true, wsEndpoint: net.ws });
  const date = new Date().toISOString();
  let tree = "unknown";
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" }).trim() ? " + uncommitted changes" : "";
    tree = head + dirty;
  } catch {
    // not a checkout
  }
  say(`# Keeper on the localnet — npm run bench:keeper (${date})`);
  say(`machine: ${cpus().length} cores (${cpus()[0]?.model.split(" ").slice(0, 2).join(" ")}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  say(`localnet: ${bin} (binary from ${statSync(bin).mtime.toISOString()}), tree ${tree}`);
  say(`keeper: @pinfi/keeper, defaults except maxAccountLocks 128 (the localnet's limit), maxPerRun ${N}, computeUnitLimit simulate, priority fee auto`);
  say(`stakes: one pool (H100), every stake its own owner and device, LP, claim + settle each (emission configured, pool weight 1)`);
  say();

  try {
    const admin = Keypair.generate();
    for (let i = 0; i < Math.ceil((N * 0.06 + 50) / 500); i++) await airdrop(connection, admin.publicKey, 500);
    const mintAuthority = Keypair.generate();
    await airdrop(connection, mintAuthority.publicKey, 1);
    const mint = await createMint(connection, admin, mintAuthority.publicKey, null, 6);
    await rpc.initializeProtocol({ connection, admin, utilityMint: mint, params: { maxSwapFeeBps: 1_000, minBurnPerGpuHour: 1n, minCollateralBps: 10_000 } });
    await rpc.createPool({ connection, creator: admin, utilityMint: mint, gpuClass: "H100", params: POOL_PARAMS });
    const pool = pdas.pool("H100")[0];
    const b: Bench = { connection, url: net.rpc, admin, mint, mintAuthority, pool, stakes: [] };
    const foundation = Keypair.generate().publicKey;
    const team = Keypair.generate().publicKey;
    const fAta = getAssociatedTokenAddressSync(mint, foundation);
    const tAta = getAssociatedTokenAddressSync(mint, team);
    await blast(connection, [{ ixs: [createAssociatedTokenAccountIdempotentInstruction(admin.publicKey, fAta, foundation, mint), createAssociatedTokenAccountIdempotentInstruction(admin.publicKey, tAta, team, mint)], signers: [admin] }], "foundation/team");

    // Timeline: genesis G, one-hour epochs; every stake ends at END, so all are live during step 1.
    const t0 = (BigInt((await getClock(net.rpc)).unixTimestamp) / EPOCH + 1n) * EPOCH;
    await timeTravel(net.rpc, t0);
    const G = t0 + EPOCH;
    const END = G + BigInt(2 * SIZES.length + 3) * EPOCH;

    const keeperKey = Keypair.generate();
    await airdrop(connection, keeperKey.publicKey, 500);
    const cfg = (over: Partial<KeeperConfig> = {}): KeeperConfig => ({
      ...structuredClone(DEFAULTS),
      rpcUrl: net.rpc,
      http: { ...DEFAULTS.http, enabled: false, port: 0 },
      log: { level: (process.env.KEEPER_LOG as KeeperConfig["log"]["level"]) ?? "silent" },
      settlements: { ...DEFAULTS.settlements, maxAccountLocks: 128, maxPerRun: N, tableWarmupMs: 0, lookaheadSecs: Number(END - t0) },
      rentals: { enabled: false },
      ...over,
    });
    const epochsOnly = () => new Keeper({ config: cfg({ settlements: { ...cfg().settlements, enabled: false } }), payer: keeperKey });

    // Tokens first (minted by the test authority), then the mint goes to the protocol for emission.
    const owners = await fundOwners(b, N);
    await blast(connection, [{ ixs: [createSetAuthorityInstruction(mint, mintAuthority.publicKey, AuthorityType.MintTokens, pdas.protocol()[0])], signers: [admin, mintAuthority] }], "mint authority");
    await rpc.configureEmission({
      connection, admin, utilityMint: mint,
      params: { genesis: G, epochSecs: Number(EPOCH), perDay: 24_000_000n, halvingSecs: 365n * 24n * HOUR, maxSupply: 1n << 50n, minersBps: 7_000, foundationBps: 2_000, potRampSecs: 86_400, foundation: fAta, team: tAta },
    });
    await rpc.setPoolWeight({ connection, admin, pool, weight: 1n });

    // 1. Epoch close cost vs live stakes: raise the live stakes, then close the next epoch.
    say("## 1. Epoch close vs live stakes (close_epoch + close_pool_epoch; no stake is visited on chain)");
    say("   direct: the two transactions sent and confirmed through the SDK (rpc.closeEpoch, rpc.closePoolEpoch)");
    say("   keeper: a keeper run with only the epoch crank (reads the clock, protocol and pools — by address once known — then sends)");
    say("   for reference: one getProgramAccounts(pools), which an RPC answers by scanning the program's accounts");
    const closes: { live: number; txs: number; wallMs: number; directMs: number; gpaMs: number; closed: number }[] = [];
    let created = 0;
    for (const [k, size] of SIZES.entries()) {
      await stakeAll(b, owners.slice(created, size), END);
      created = size;
      // Epoch 2k: direct; epoch 2k + 1: the keeper.
      await timeTravel(net.rpc, G + BigInt(2 * k + 1) * EPOCH);
      const d0 = now();
      await rpc.closeEpoch({ connection, cranker: keeperKey, index: BigInt(2 * k), utilityMint: mint, foundation: fAta, team: tAta });
      await rpc.closePoolEpoch({ connection, cranker: keeperKey, pool, index: BigInt(2 * k), utilityMint: mint });
      const directMs = now() - d0;
      await timeTravel(net.rpc, G + BigInt(2 * k + 2) * EPOCH);
      const g0 = now();
      await gpa.allPools(connection);
      const gpaMs = now() - g0;
      const keeper = epochsOnly();
      const tx0 = await transactionCount(connection);
      const c0 = now();
      const r = await keeper.runOnce();
      const wallMs = now() - c0;
      await keeper.stop();
      const txs = (await transactionCount(connection)) - tx0;
      closes.push({ live: size, txs, wallMs, directMs, gpaMs, closed: r.epochsClosed + r.poolEpochsClosed });
      say(`live stakes ${String(size).padStart(6)}: direct epoch ${2 * k}: 2 transactions in ${directMs.toFixed(0)} ms; keeper epoch ${2 * k + 1}: ${txs} transactions (${r.epochsClosed} close_epoch + ${r.poolEpochsClosed} close_pool_epoch) in ${wallMs.toFixed(0)} ms; one getProgramAccounts(pools): ${gpaMs.toFixed(0)} ms`);
    }
    say();

    // 2 + 3. Lookup tables ahead of expiry (as a running keeper does), then the sweep.
    say(`## 2. Settling ${N} expired stakes (claim + settle each, distinct owners)`);
    await advanceSlots(net.rpc, Math.ceil((4 * N) / 256) + 40); // SlotHashes entries: one per new table
    const settler = () => new Keeper({ config: cfg({ epochs: { ...cfg().epochs, enabled: false } }), payer: keeperKey });
    let prepTxs = 0;
    const p0 = now();
    for (let i = 0; i < 50; i++) {
      const tx0 = await transactionCount(connection);
      const k = settler();
      await k.runOnce();
      await k.stop();
      const d = (await transactionCount(connection)) - tx0;
      prepTxs += d;
      await advanceSlots(net.rpc, 2);
      if (d === 0) break;
    }
    const prepMs = now() - p0;
    say(`lookup tables prepared ahead of expiry: ${prepTxs} transactions (create + extend, 27 addresses each), ${secs(prepMs)} — ${(prepTxs / N).toFixed(3)} per stake`);

    await timeTravel(net.rpc, END + 60n);
    await advanceSlots(net.rpc, 1);
    {
      const keeper = epochsOnly();
      const tx0 = await transactionCount(connection);
      const c0 = now();
      const r = await keeper.runOnce();
      await keeper.stop();
      say(`epochs due at expiry closed first: ${r.epochsClosed} + ${r.poolEpochsClosed} pool epochs, ${(await transactionCount(connection)) - tx0} transactions, ${(now() - c0).toFixed(0)} ms`);
    }
    const reports: RunReport[] = [];
    const tx0 = await transactionCount(connection);
    const s0 = now();
    let runs = 0;
    for (; runs < 20; ) {
      const k = settler();
      const r = await k.runOnce();
      await k.stop();
      runs++;
      reports.push(r);
      if (r.settled === 0 || reports.reduce((a, x) => a + x.settled, 0) >= N) break;
    }
    const settleMs = now() - s0;
    const settleTxs = (await transactionCount(connection)) - tx0;
    const perTx = reports.flatMap((r) => r.settlementsPerTx);
    const settled = reports.reduce((a, r) => a + r.settled, 0);
    const failures = reports.reduce((a, r) => a + r.failures, 0);
    const left = (await Promise.all(chunks(b.stakes, 100).map((c) => connection.getMultipleAccountsInfo(c)))).flat().filter(Boolean).length;
    const hist = new Map<number, number>();
    for (const n of perTx) hist.set(n, (hist.get(n) ?? 0) + 1);
    say(`settled ${settled} of ${N} (${left} stake accounts left, ${failures} failures) in ${runs} keeper run(s): ${secs(settleMs)} wall, ${settleTxs} transactions (${perTx.length} settle_expired + ${settleTxs - perTx.length} others), ${(settled / (settleMs / 1000)).toFixed(0)} stakes/s`);
    say(`settlements per settle_expired transaction: median ${median(perTx)}, max ${Math.max(...perTx)}, min ${Math.min(...perTx)}; histogram ${[...hist].sort((a, b) => b[0] - a[0]).map(([n, c]) => `${n}×${c}`).join(" ")}`);
    say();

    // 4. The same packing under 64 locks (mainnet today): the packer, on these stakes' accounts.
    const lim64 = packedAt64();
    say(`## 3. Packing limits (keeper's packer, one stake = 4 own accounts + shared)`);
    say(`128 locks (localnet): ${Math.max(...perTx)} per transaction measured above (trace: 1 compute-limit + 1 + 2×29 + 2 burns + 1 event = 63 ≤ 64; locks: 12 + 4×29 = 128)`);
    say(`64 locks (mainnet today, distinct owners): ${lim64} per transaction (locks bind: 12 + 4×13 = 64); stakes of repeated owners pack denser`);
    say();

    // Summary.
    const pairsPerTx = 9; // claim_rewards + settle_stake per stake under the 64-entry trace (README, measured before settle_expired)
    const first = closes[0];
    const last = closes[closes.length - 1];
    say(`| measure | before (claim_rewards + settle_stake pairs) | settle_expired (this run) | ratio |`);
    say(`|---|---|---|---|`);
    say(`| settlements per transaction, distinct owners, 128 locks | ${pairsPerTx} (trace: 7 entries per stake) | ${Math.max(...perTx)} (median ${median(perTx)}) | ${(Math.max(...perTx) / pairsPerTx).toFixed(2)}× |`);
    say(`| settlement transactions for ${N} stakes | ${Math.ceil(N / pairsPerTx)} (computed at ${pairsPerTx}/tx) | ${perTx.length} | ${(perTx.length / Math.ceil(N / pairsPerTx)).toFixed(2)}× |`);
    say(`| wall time to settle ${N} (tables warm) | ~${((N / 2000) * 25).toFixed(0)} s (README: 2 000 in 25 s, extrapolated ×${N / 2000}) | ${secs(settleMs)} | ${(settleMs / 1000 / ((N / 2000) * 25)).toFixed(2)}× |`);
    say();
    say(`| live stakes | epoch close transactions | direct (2 transactions) | keeper run (reads + 2 transactions) | one getProgramAccounts(pools), for reference | direct vs ${first.live} live | keeper vs ${first.live} live |`);
    say(`|---|---|---|---|---|---|---|`);
    for (const c of closes) say(`| ${c.live} | ${c.txs} | ${c.directMs.toFixed(0)} ms | ${c.wallMs.toFixed(0)} ms | ${c.gpaMs.toFixed(0)} ms | ${(c.directMs / first.directMs).toFixed(2)}× | ${(c.wallMs / first.wallMs).toFixed(2)}× |`);
    say();
    const goals = [
      [`settlements per transaction ≥ ${GOAL_PER_TX} (distinct owners, 128 locks)`, Math.max(...perTx) >= GOAL_PER_TX && median(perTx) >= GOAL_PER_TX],
      [`every stake settled exactly once (${settled} = ${N}, none left)`, settled === N && left === 0],
      [`epoch close: constant transactions (${closes.map((c) => c.txs).join(", ")})`, closes.every((c) => c.txs === first.txs)],
      [`epoch close on chain (direct) at ${last.live} live stakes within 3× of ${first.live}`, last.directMs <= 3 * first.directMs],
      [`keeper epoch run at ${last.live} live stakes within 3× of ${first.live} (reads included)`, last.wallMs <= 3 * first.wallMs],
    ] as const;
    for (const [g, ok] of goals) say(`${ok ? "PASS" : "MISS"} ${g}`);

    const dir = join(__dirname, "results");
    mkdirSync(dir, { recursive: true });
    const day = date.slice(0, 10);
    writeFileSync(join(dir, `keeper-${day}.txt`), lines.join("\n") + "\n");
    writeFileSync(join(dir, `keeper-${day}.svg`), svg(closes, perTx, N, pairsPerTx));
    console.log(`\nwrote bench/results/keeper-${day}.txt and .svg`);
  } finally {
    await net.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
