// Phase 2 of the demo, built only from the package entry points of @pinfi/verifier (CPU prover,
// verifier session, judgement) and @pinfi/keeper (the Keeper: epochs, claims, settlements), and
// the SDK. Loaded at run time: a build without those packages runs phase 1 only.
import { Keypair } from "@solana/web3.js";
import { AuthorityType, createAssociatedTokenAccount, setAuthority } from "@solana/spl-token";
import { accounts, instructions, pdas, rpc } from "../sdk";
import { describeError } from "../errors";
import { duration, tokens } from "../format";
import { loadOptional } from "../commands/admin";
import { sellerSells, stakeDevice } from "./phases";
import { rpcCall } from "../localnet";
import type { DemoPhase, Participant, StakeRecord } from "./types";
import type { World } from "./world";

const HOUR = 3_600n;

// ---------------------------------------------------------------------------------------------
// The parts of @pinfi/verifier the demo uses (structural: the package is optional).

interface ParamClass { name: string; paramsId: number; n: number; chunkBytes: number }
interface ChallengeInputs { programId: Uint8Array; devicePda: Uint8Array; challengeId: bigint; slotHash: Uint8Array; vNonce: Uint8Array; paramsId: number }
interface ProverLike { R: Uint8Array; R2: Uint8Array; challenge: ChallengeInputs }
interface DeviceSigner { publicKey: Uint8Array; sign(m: Uint8Array): Uint8Array }
interface VerifierLib {
  paramsByName(name: string): ParamClass;
  proveSync(p: ParamClass, ch: ChallengeInputs): ProverLike;
  deriveSeed(ch: ChallengeInputs): Uint8Array;
  walkSeed(R: Uint8Array, vNonce: Uint8Array): Uint8Array;
  phaseA(p: ParamClass, seed: Uint8Array, hooks: { afterStep?: (t: number, next: Int8Array) => void }): Int8Array;
  commitTranscript(p: ParamClass, transcript: Int8Array): { root: Uint8Array };
  phaseB(p: ParamClass, wseed: Uint8Array, readChunk: (a: number) => Uint8Array): Uint32Array;
  commitWalk(finals: Uint32Array): unknown;
  Prover: new (parts: unknown) => ProverLike;
  signerFromSecret(secret: Uint8Array): DeviceSigner;
  signCommit(x: ProverLike, s: DeviceSigner): unknown;
  signOpenings(x: ProverLike, req: unknown, s: DeviceSigner): Uint8Array;
  VerifierSession: new (o: { params: ParamClass; challenge: ChallengeInputs; devicePubkey: Uint8Array }) => {
    recordRtt(ms: number): void;
    release(): unknown;
    receiveCommit(m: unknown): void;
    openRequest(): unknown;
    receiveOpenings(m: Uint8Array): void;
    verdict(): { evidence: unknown; openings: Uint8Array | null };
  };
  recheck(bundle: unknown, openings: Uint8Array | null): { outcome: { kind: string; reason: string | null }; agrees: boolean; objective: boolean };
  toVerdictArgs(v: unknown, ch: ChallengeInputs): { outcomeVariant: string; elapsedMs: number; deadlineMs: number; R: Uint8Array; R2: Uint8Array; evidenceHash: Uint8Array };
}

const VERIFIER_NEEDS = ["paramsByName", "proveSync", "deriveSeed", "walkSeed", "phaseA", "commitTranscript", "phaseB", "commitWalk", "Prover", "signerFromSecret", "signCommit", "signOpenings", "VerifierSession", "toVerdictArgs", "recheck"];

export function verifierLib(lib: Record<string, unknown> | null): VerifierLib | null {
  return lib && VERIFIER_NEEDS.every((k) => typeof lib[k] === "function") ? (lib as unknown as VerifierLib) : null;
}

// ---------------------------------------------------------------------------------------------
// The parts of @pinfi/keeper the demo uses.

interface RunReport { epochsClosed: number; poolEpochsClosed: number; settled: number; failures: number; backlog: number }
interface KeeperLib {
  Keeper: new (o: { config: unknown; payer: Keypair; connection?: unknown }) => { runOnce(): Promise<RunReport>; stop(): Promise<void> };
  DEFAULTS: Record<string, any>;
}

export function keeperLib(lib: Record<string, unknown> | null): KeeperLib | null {
  return lib && typeof lib.Keeper === "function" && typeof lib.DEFAULTS === "object" ? (lib as unknown as KeeperLib) : null;
}

// ---------------------------------------------------------------------------------------------

const advanceSlots = async (w: World, n: number) => {
  const c = await rpcCall<{ slot: number }>(w.net.rpc, "pinfi_getClock");
  await rpcCall(w.net.rpc, "surfnet_timeTravel", [{ absoluteSlot: c.slot + n }]);
};

export interface VerificationBook {
  challenges: number;
  verdicts: Record<string, number>;
  caught: string[];
  /** The caught miner's evidence re-checked (as anyone would): same WRONG, from device-signed bytes. */
  rechecked?: boolean;
  slashedTokens: bigint;
}

/**
 * Two staked verifiers challenge live stakes with the CPU prover's smallest class ("ci-tiny"):
 * honest miners prove, one dishonest seller commits a transcript with a corrupted row; its wrong
 * verdicts from both verifiers fail its stake, and settlement burns its escrow and collateral.
 */
export function verificationPhase(v: VerifierLib): DemoPhase & { book: VerificationBook } {
  const params = v.paramsByName("ci-tiny");
  const book: VerificationBook = { challenges: 0, verdicts: {}, caught: [], slashedTokens: 0n };
  const verifiers: Participant[] = [];
  let cheat: StakeRecord | undefined;

  async function challenge(w: World, verifier: Participant, rec: StakeRecord, dishonest: boolean): Promise<void> {
    const deviceKey = w.deviceKeys.get(rec.device.toBase58());
    if (!deviceKey) return;
    const conn = w.ctx.connection;
    const programId = w.ctx.programId;
    const dev = await accounts.fetchDevice(conn, rec.device, { programId });
    if (!dev) return;
    const pool = pdas.pool(rec.pool, programId)[0];
    const vNonce = instructions.randomNonce();
    const base = { connection: conn, programId, authority: verifier.kp, pool, device: rec.device, stake: rec.address };
    try {
      await rpc.openChallenge({ ...base, deviceChallengeCount: dev.challengeCount, paramsId: params.paramsId, nonceCommit: await instructions.nonceCommitment(vNonce) });
    } catch (e) {
      w.log(`${verifier.name} cannot challenge ${rec.owner.name}'s device: ${describeError(e).message}`);
      return;
    }
    book.challenges++;
    const address = pdas.challenge(rec.device, dev.challengeCount, programId)[0];
    const ch = (await accounts.fetchChallenge(conn, address, { programId }))!;
    const inputs: ChallengeInputs = {
      programId: programId.toBytes(), devicePda: rec.device.toBytes(), challengeId: dev.challengeCount,
      slotHash: Uint8Array.from(ch.slotHash), vNonce, paramsId: params.paramsId,
    };
    // The verifier's session times the miner's answer; the miner's agent proves (or cheats).
    const session = new v.VerifierSession({ params, challenge: inputs, devicePubkey: deviceKey.publicKey.toBytes() });
    session.recordRtt(1);
    session.release();
    const signer = v.signerFromSecret(deviceKey.secretKey);
    const prover = dishonest ? wrongRowProver(v, params, inputs) : v.proveSync(params, inputs);
    session.receiveCommit(v.signCommit(prover, signer));
    session.receiveOpenings(v.signOpenings(prover, session.openRequest(), signer));
    const verdict = session.verdict();
    const args = v.toVerdictArgs(verdict, inputs);
    try {
      const r = await rpc.submitVerdict({
        ...base, challenge: address, outcome: args.outcomeVariant as "pass", nonce: vNonce, elapsedMs: args.elapsedMs, deadlineMs: args.deadlineMs,
        root: args.R, walkRoot: args.R2, evidenceHash: args.evidenceHash,
      });
      const posted = r.events.find((e) => e.name === "VerdictPosted")?.data as { outcome: string; stakeFailed: boolean } | undefined;
      const outcome = posted?.outcome ?? args.outcomeVariant;
      book.verdicts[outcome] = (book.verdicts[outcome] ?? 0) + 1;
      w.log(`${verifier.name} challenges ${rec.owner.name}'s ${rec.pool} device (${params.name}): ${outcome}${posted?.stakeFailed ? ` — stake FAILED: ${rec.owner.name} is caught` : ""}`);
      if (posted?.stakeFailed) {
        book.caught.push(rec.owner.name);
        // What anyone can do with the published bundle: the same decision from the same bytes.
        const re = v.recheck(verdict.evidence, verdict.openings);
        w.log(`anyone re-checking the evidence gets ${re.outcome.kind} (${re.outcome.reason})${re.objective ? ", from device-signed bytes alone" : ""}: ${re.agrees ? "the verdict stands" : "the verdict does NOT hold"}`);
        book.rechecked = re.agrees && re.objective;
      }
    } catch (e) {
      w.log(`${verifier.name}'s verdict on ${rec.owner.name} refused: ${describeError(e).message}`);
    }
  }

  return {
    name: "verification (@pinfi/verifier)",
    book,
    async setup(w0) {
      const w = w0 as World;
      const minStake = 5_000_000n;
      await rpc.updateProtocol({
        connection: w.ctx.connection, programId: w.ctx.programId, admin: w.ctx.signer,
        verification: { minVerifierStake: minStake, unbondingSecs: 3_600, verdictWindowSlots: 300, strikeWindowSecs: 7 * 86_400, strikesToFail: 3, distinctVerifiersToFail: 2, verifierStrikesToSuspend: 3 },
      });
      w.log(`verification rules: verifiers stake ${tokens(minStake, w.decimals)}; a wrong proof fails the stake (so do 3 strikes from 2 distinct verifiers)`);
      for (let i = 1; i <= 2; i++) {
        const p = await w.participant(`verifier-${i}`, "verifier", 10_000_000n);
        await rpc.registerVerifier({ connection: w.ctx.connection, programId: w.ctx.programId, authority: p.kp, authorityTokens: p.tokens, utilityMint: w.mint, amount: minStake });
        verifiers.push(p);
        w.log(`${p.name} registers, staking ${tokens(minStake, w.decimals)}`);
      }
      // The dishonest miner: a seller in the first pool whose agent commits a corrupted transcript.
      const spec = w.config.pools[0];
      const m = await w.participant(`seller-${spec.gpuClass}-cheat`, "seller", (spec.referencePrice * w.config.sellerSecs * 3n) / HOUR + 50_000_000n);
      cheat = await stakeDevice(w, m, spec.gpuClass, "seller", w.config.sellerSecs);
      if (cheat) await sellerSells(w, m, cheat, w.config.sellBps);
    },
    async step(w0, index) {
      const w = w0 as World;
      await advanceSlots(w, 2);
      const now = await w.now();
      const live = w.stakes.filter((s) => !s.settled && !s.failed && s.end > now + HOUR && s !== cheat && w.deviceKeys.has(s.device.toBase58()));
      for (const [j, verifier] of verifiers.entries()) {
        if (cheat && !cheat.failed && cheat.end > now) {
          await challenge(w, verifier, cheat, true);
          const s = await accounts.fetchStake(w.ctx.connection, cheat.address, { programId: w.ctx.programId });
          if (s?.failed) cheat.failed = true;
        }
        // One honest device per verifier every other step.
        if (live.length && (index + j) % 2 === 0) await challenge(w, verifier, live[Math.floor(w.rand() * live.length)], false);
      }
    },
    summary() {
      return { challenges: book.challenges, verdicts: book.verdicts, caught: book.caught, params: params.name };
    },
  };
}

/** A transcript with one row of step 1 corrupted, the rest computed consistently from it. */
function wrongRowProver(v: VerifierLib, p: ParamClass, ch: ChallengeInputs): ProverLike {
  const transcript = v.phaseA(p, v.deriveSeed(ch), {
    afterStep: (t, next) => {
      if (t !== 1) return;
      for (let k = 0; k < p.n; k++) next[k] ^= 0x55;
    },
  });
  const tree = v.commitTranscript(p, transcript);
  const u8 = new Uint8Array(transcript.buffer, transcript.byteOffset, transcript.byteLength);
  const finals = v.phaseB(p, v.walkSeed(tree.root, ch.vNonce), (a) => u8.subarray(a * p.chunkBytes, (a + 1) * p.chunkBytes));
  return new v.Prover({ params: p, challenge: ch, transcript, tree, finals, walkTree: v.commitWalk(finals) });
}

// ---------------------------------------------------------------------------------------------

export interface KeeperBook {
  runs: number;
  epochsClosed: number;
  poolEpochsClosed: number;
  settled: number;
  failures: number;
  epochSecs: bigint;
  genesis: bigint;
}

/**
 * Emission on (the mint authority moves to the protocol, pool weights 3:2:1), then @pinfi/keeper's
 * Keeper runs once per step: it closes due epochs, claims rewards and settles expired stakes.
 */
export function keeperPhase(k: KeeperLib): DemoPhase & { book: KeeperBook } {
  const book: KeeperBook = { runs: 0, epochsClosed: 0, poolEpochsClosed: 0, settled: 0, failures: 0, epochSecs: 0n, genesis: 0n };
  let keeper: InstanceType<KeeperLib["Keeper"]> | undefined;

  async function runKeeper(w: World): Promise<RunReport> {
    const r = await keeper!.runOnce();
    book.runs++;
    book.epochsClosed += r.epochsClosed;
    book.poolEpochsClosed += r.poolEpochsClosed;
    book.settled += r.settled;
    book.failures += r.failures;
    // Which of the demo's stakes did the keeper settle? Their accounts are gone.
    const infos = await w.ctx.connection.getMultipleAccountsInfo(w.stakes.filter((s) => !s.settled).map((s) => s.address));
    w.stakes.filter((s) => !s.settled).forEach((s, i) => {
      if (!infos[i]) s.settled = true;
    });
    if (r.epochsClosed || r.settled || r.failures) {
      w.log(`keeper: closed ${r.epochsClosed} epoch(s) (${r.poolEpochsClosed} pool epochs), claimed and settled ${r.settled} stake(s)${r.failures ? `, ${r.failures} failure(s)` : ""}`);
    }
    return r;
  }

  return {
    name: "epochs + rewards (@pinfi/keeper)",
    book,
    async setup(w0) {
      const w = w0 as World;
      const conn = w.ctx.connection;
      const programId = w.ctx.programId;
      const admin = w.ctx.signer;
      const foundation = await createAssociatedTokenAccount(conn, admin, w.mint, Keypair.generate().publicKey);
      const team = await createAssociatedTokenAccount(conn, admin, w.mint, Keypair.generate().publicKey);
      w.protocolAccounts.push(foundation, team);
      const keeperKp = (await w.participant("keeper", "keeper", 0n)).kp;
      // From here on only the protocol mints (emission): every participant is funded already.
      await setAuthority(conn, admin, w.mint, w.mintAuthority, AuthorityType.MintTokens, pdas.protocol(programId)[0]);
      const epochSecs = 2n * w.config.stepSecs;
      const now = await w.now();
      const genesis = now - (now % epochSecs) + epochSecs;
      book.epochSecs = epochSecs;
      book.genesis = genesis;
      await rpc.configureEmission({
        connection: conn, programId, admin, utilityMint: w.mint,
        params: { genesis, epochSecs: Number(epochSecs), perDay: 120_000_000n, halvingSecs: 365n * 86_400n, maxSupply: 1n << 50n, minersBps: 7_000, foundationBps: 2_000, potRampSecs: 86_400, foundation, team },
      });
      w.protocolAccounts.push(pdas.rewardsVault(programId)[0]);
      const weights = [3n, 2n, 1n];
      for (const [i, spec] of w.config.pools.entries()) {
        await rpc.setPoolWeight({ connection: conn, programId, admin, pool: pdas.pool(spec.gpuClass, programId)[0], weight: weights[i] ?? 1n });
      }
      w.log(`emission on: 120 tokens/day from +${(genesis - w.t0) / HOUR}h in epochs of ${duration(epochSecs)} (70% miners, pool weights ${weights.slice(0, w.config.pools.length).join(":")}); the keeper closes epochs, claims and settles`);
      const D = k.DEFAULTS;
      const config = {
        ...structuredClone(D),
        rpcUrl: w.net.rpc, wsUrl: w.net.ws, programId: programId.toBase58(), once: true, intervalMs: 50,
        http: { ...D.http, enabled: false, port: 0 },
        log: { level: process.env.PINFI_DEMO_KEEPER_LOG ?? "silent" },
        retry: { attempts: 6, baseMs: 20, maxMs: 200 },
        settlements: { ...D.settlements, lookupTables: "off", tableWarmupMs: 0 },
        fees: { ...D.fees, priority: 0 },
      };
      keeper = new k.Keeper({ config, payer: keeperKp, connection: conn });
      w.keeperSettles = true;
    },
    async step(w0) {
      await runKeeper(w0 as World);
    },
    async finish(w0) {
      const w = w0 as World;
      // Past the last stake's end and the epoch holding it: everything can be claimed and settled.
      const last = w.stakes.reduce((m, s) => (s.end > m ? s.end : m), 0n);
      const target = last - (last % book.epochSecs) + book.epochSecs;
      for (let t = (await w.now()) + book.epochSecs; ; t += book.epochSecs) {
        await w.warpTo(t < target ? t : target);
        await advanceSlots(w, 2);
        for (let i = 0; i < 4; i++) {
          const r = await runKeeper(w);
          if (r.backlog === 0 && r.epochsClosed === 0 && r.settled === 0) break;
        }
        if (t >= target) break;
      }
      await keeper?.stop();
    },
    summary() {
      return { runs: book.runs, epochsClosed: book.epochsClosed, poolEpochsClosed: book.poolEpochsClosed, settled: book.settled, failures: book.failures };
    },
  };
}

/**
 * Phase 2, when this build has both libraries: @pinfi/verifier (challenges, one dishonest miner
 * caught) and @pinfi/keeper (epochs, rewards, settlement). Otherwise one line says why not.
 */
export function optionalPhases(enabled = true): { phases: DemoPhase[]; skipped: { name: string; why: string }[] } {
  if (!enabled) return { phases: [], skipped: [{ name: "phase 2 (verification, epochs + rewards)", why: "--no-phase2" }] };
  const vRaw = loadOptional("@pinfi/verifier");
  const kRaw = loadOptional("@pinfi/keeper");
  const v = verifierLib(vRaw);
  const k = keeperLib(kRaw);
  const skipped: { name: string; why: string }[] = [];
  if (!vRaw) skipped.push({ name: "verification", why: "@pinfi/verifier is not installed (built) in this build" });
  else if (!v) skipped.push({ name: "verification", why: "@pinfi/verifier lacks the prover/session exports the demo needs" });
  if (!kRaw) skipped.push({ name: "epochs + rewards", why: "@pinfi/keeper is not installed (built) in this build" });
  else if (!k) skipped.push({ name: "epochs + rewards", why: "@pinfi/keeper exports no Keeper / DEFAULTS" });
  // Phase 2 needs both: the keeper's settlement is what burns a failed stake's collateral.
  if (!v || !k) {
    if (v || k) skipped.push({ name: v ? "verification" : "epochs + rewards", why: "phase 2 runs only with both @pinfi/verifier and @pinfi/keeper" });
    return { phases: [], skipped };
  }
  // Verification first: its participants are funded before the keeper phase hands the mint over.
  return { phases: [verificationPhase(v), keeperPhase(k)], skipped };
}
