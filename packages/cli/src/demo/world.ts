// The demo's world: a fresh embedded localnet, an admin, a utility mint, funded participants,
// and the clock (surfnet_timeTravel). Everything on chain after set-up goes through ../actions.
import { Keypair, PublicKey } from "@solana/web3.js";
import { createAssociatedTokenAccount, createMint, mintTo } from "@solana/spl-token";
import { connectionFor, events } from "../sdk";
import { Ctx, GlobalOptions } from "../context";
import * as L from "@pinfi/localnet";
import { rpcCall, startLocalnet, timeTravel } from "../localnet";
import { duration } from "../format";
import type { Executed } from "../actions";
import type { DemoConfig, DemoWorld, Participant, PoolBook, Role } from "./types";

/** mulberry32: a small seeded PRNG so every run trades the same way. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface World extends DemoWorld {
  /** Counts a landed transaction and books its burns under its pool. */
  track(pool: string | null, x: Executed): void;
  setupTransactions: number;
  stop(): Promise<void>;
}

export async function createWorld(config: DemoConfig, opts: GlobalOptions, print: (line: string) => void): Promise<World> {
  const net = await startLocalnet({ port: 0, quiet: true, stderr: "ignore", log: print });
  const connection = connectionFor(net.rpc, { localnet: true, wsEndpoint: net.ws });
  const admin = Keypair.generate();
  const base = new Ctx({ ...opts, url: net.rpc, programId: net.programId }, { connection, signer: admin });
  const airdrop = (to: PublicKey) => L.airdrop(connection, to, 100);
  await airdrop(admin.publicKey);
  const mintAuthority = Keypair.generate();
  const mint = await createMint(connection, admin, mintAuthority.publicKey, null, 6);
  let clock = BigInt((await rpcCall<{ unixTimestamp: number }>(net.rpc, "pinfi_getClock")).unixTimestamp);
  let t0 = 0n;

  const w: World = {
    config,
    net,
    ctx: base,
    mint,
    decimals: 6,
    mintAuthority,
    t0,
    participants: [],
    pools: new Map<string, PoolBook>(),
    stakes: [],
    rentals: [],
    samples: [],
    eventCount: 0,
    deviceKeys: new Map(),
    protocolAccounts: [],
    keeperSettles: false,
    setupTransactions: 3,
    log(line: string) {
      const rel = w.t0 ? clock - w.t0 : 0n;
      const sign = rel < 0n ? "-" : "+";
      const abs = rel < 0n ? -rel : rel;
      const hh = String(abs / 3600n).padStart(2, "0");
      const mm = String((abs % 3600n) / 60n).padStart(2, "0");
      print(`[${sign}${hh}:${mm}] ${line}`);
    },
    async now() {
      return clock;
    },
    async warpTo(t: bigint) {
      if (t <= clock) return;
      const c = await timeTravel(net.rpc, t);
      clock = BigInt(c.unixTimestamp);
      w.setupTransactions += 0;
    },
    rand: prng(config.seed),
    async participant(name: string, role: Role, tokens: bigint): Promise<Participant> {
      const kp = Keypair.generate();
      await airdrop(kp.publicKey);
      const ata = await createAssociatedTokenAccount(connection, kp, mint, kp.publicKey);
      if (tokens > 0n) await mintTo(connection, kp, mint, ata, mintAuthority, tokens);
      w.setupTransactions += tokens > 0n ? 3 : 2;
      const p: Participant = { name, role, kp, tokens: ata, funded: tokens, ctx: base.as(kp) };
      w.participants.push(p);
      return p;
    },
    track(pool: string | null, x: Executed) {
      w.eventCount++;
      const book = pool ? w.pools.get(pool) : undefined;
      if (!book) return;
      for (const s of events.settlementsOf(x.events)) book.burned.settlements += s.burned;
      for (const e of x.events) {
        const d = e.data as Record<string, unknown>;
        if (e.name === "CertificateBurned") book.burned.certificates += d.burned as bigint;
        else if (typeof d.feeBurned === "bigint") book.burned.fees += d.feeBurned;
      }
    },
    async stop() {
      L.closeSockets(connection);
      await net.stop();
    },
  };
  // Start on a bucket boundary so every step lands on one.
  t0 = clock - (clock % 3600n) + 3600n;
  await w.warpTo(t0);
  w.t0 = t0;
  print(`localnet up at ${net.rpc} (program ${net.programId}); clock aligned to ${new Date(Number(t0) * 1000).toISOString()}; stepping ${config.steps} × ${duration(config.stepSecs)}`);
  return w;
}
