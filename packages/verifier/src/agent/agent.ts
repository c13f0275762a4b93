// The miner agent: an HTTP server at the device's on-chain endpoint that answers proof-of-compute
// challenges for one or more devices (docs/proof-of-compute.md §3, design §2.3 steps 4–9).
//
//   POST /poc/v1/ping      {nonce, device?}     → {nonce, device, sig?}      RTT probe (signed when device is given)
//   POST /poc/v1/release   ReleaseMsg           → CommitMsg | 409 {error:"void", reason}
//   POST /poc/v2/open?device=<base58>  OpenRequestMsg → openings message (application/octet-stream)
//   GET  /health, GET /metrics
//
// A release is checked against the Challenge account before any work: the device is one of ours,
// the challenge is pending, its slot hash, params id and nonce commitment match the message, and
// its stake belongs to the device and has not failed. Anything else is void: nothing is signed.
// Those reads would sit inside the timed window (release → commitment), so a signed ping — which
// the verifier sends after open_challenge and before the release — starts them early.
import { Connection, Keypair, PublicKey } from "@solana/web3.js";
import { accounts, gpa, pdas, PROGRAM_ID, rpc } from "@pinfi/sdk";
import type { Device, Stake } from "@pinfi/sdk";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { equal, fromHex, toHex, ascii, concat } from "../bytes";
import { GpuAvailability, gpuAvailability, proveBest } from "../gpuProver";
import { ParamClass, TEST_PARAMS_ID_MIN, paramsById } from "../params";
import { Prover, ProvenChallenge, prove, Progress } from "../prover";
import { ChallengeInputs, nonceCommitment } from "../seed";
import { DeviceSigner, signerFromSecret } from "../sign";
import {
  CommitMsg, OpenRequestMsg, WireError, parseOpenRequest, parseRelease, signCommit, signOpenBody,
} from "../wire";
import { chainClock, sleep } from "../service/chain";
import { HttpError, Served, readJson, sendBytes, sendJson, sendText, serve } from "../service/http";
import { Logger, silentLogger } from "../service/log";
import * as http from "node:http";

/** Prover progress: the first report of each phase at info, the rest at debug. */
function progressLog(log: Logger): (pr: Progress) => void {
  let lastPhase = "";
  return (pr) => {
    if (pr.phase !== lastPhase) {
      lastPhase = pr.phase;
      log.info("prover progress", { phase: pr.phase, done: pr.done, total: pr.total });
    } else log.debug("prover progress", { phase: pr.phase, done: pr.done, total: pr.total });
  };
}

/**
 * How long chain state read at a ping answers a release. Pings come seconds before the release;
 * what can change in between (a verdict needs the release's nonce; a stake fails) is re-read after
 * this long, and a stale "pending" only costs this agent a wasted proof.
 */
const PREFETCH_MS = 10_000;

type Challenge = NonNullable<Awaited<ReturnType<typeof accounts.fetchChallenge>>>;
/** A device's challenge and the stake it names, as the release check reads them. */
interface ChainView {
  id: bigint;
  c: Challenge;
  stake: Stake | null;
}

/** What the agent hands a verifier for one challenge (the cheats' Responder, possibly async). */
export interface AgentResponder {
  commit(): CommitMsg | Promise<CommitMsg>;
  /** The openings message (encoded body ‖ signature). */
  open(req: OpenRequestMsg): Uint8Array | Promise<Uint8Array>;
}

export interface StrategyContext {
  params: ParamClass;
  challenge: ChallengeInputs;
  signer: DeviceSigner;
  device: PublicKey;
  log: Logger;
  /** The honest answer: the GPU prover (serving openings from GPU memory) when available, else the CPU reference. */
  proveBest(): Promise<ProvenChallenge>;
  /** The CPU reference prover in this process, for strategies that rework its parts (tests' cheats). */
  prove(): Promise<Prover>;
}

/** How the agent answers: honest by default; tests plug in the core's cheats here. */
export type Strategy = (ctx: StrategyContext) => Promise<AgentResponder>;

export const honestStrategy: Strategy = async (ctx) => {
  const proven = await ctx.proveBest();
  return { commit: () => signCommit(proven, ctx.signer), open: async (req) => signOpenBody(proven.params, proven.challenge, await proven.openBody(req), ctx.signer) };
};

export interface MinerAgentOptions {
  connection: Connection;
  programId?: PublicKey;
  /** Device keys (the key registered on chain in each Device account; the device PDA derives from it). */
  deviceKeys: Keypair[];
  /** The devices' owner: needed only to publish the endpoint on chain (set_device_endpoint). */
  owner?: Keypair | null;
  host?: string;
  /** 0: any free port. */
  port?: number;
  /** The URL verifiers use (what goes on chain); default the bound http://host:port. */
  publicEndpoint?: string | null;
  /** At start, publish the endpoint on every device whose record differs (needs `owner`). */
  setEndpoint?: boolean;
  /** Accept CPU/test parameter classes (ids ≥ 0xFF00); never in production. */
  allowTestClasses?: boolean;
  /** "auto": the GPU prover when it runs here, else CPU; "cpu": always the CPU reference. */
  backend?: "auto" | "cpu";
  /** Stake/device watch period, ms (0: no watch loop). */
  watchIntervalMs?: number;
  /** How long a proof is kept for its openings after the commit, ms. */
  keepProofMs?: number;
  /** Attempts to read the Challenge account (it may lag the verifier's confirmation by a moment). */
  lookupAttempts?: number;
  strategy?: Strategy;
  log?: Logger;
  env?: NodeJS.ProcessEnv;
}

interface Held {
  params: ParamClass;
  challenge: ChallengeInputs;
  responder: AgentResponder;
  commit: CommitMsg;
  openings: Uint8Array | null;
  expires: number;
}

interface DeviceEntry {
  keypair: Keypair;
  address: PublicKey;
  signer: DeviceSigner;
  /** Serialises proofs per device (one transcript resident at a time). */
  queue: Promise<unknown>;
  last: DeviceState | null;
}

export interface DeviceState {
  device: string;
  endpoint: string;
  passes: number;
  strikes: number;
  failures: number;
  perfBps: number;
  challengeCount: string;
  liveStakes: { address: string; end: string; failed: boolean }[];
}

class AgentMetrics {
  readonly registry = new Registry();
  readonly releases = new Counter({ name: "pinfi_miner_releases_total", help: "Release messages by result", labelNames: ["result"], registers: [this.registry] });
  readonly openings = new Counter({ name: "pinfi_miner_openings_total", help: "Open requests by result", labelNames: ["result"], registers: [this.registry] });
  readonly releaseChecks = new Counter({
    name: "pinfi_miner_release_checks_total", help: "Release checks by where the chain state came from (prefetched at a ping, or read after the release)",
    labelNames: ["source"], registers: [this.registry],
  });
  readonly proveSeconds = new Histogram({
    name: "pinfi_miner_prove_seconds", help: "Release to signed commitment", labelNames: ["backend"], registers: [this.registry],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 3, 5, 10, 30, 120],
  });
  readonly passes = new Gauge({ name: "pinfi_miner_device_passes", help: "Passes recorded on chain", labelNames: ["device"], registers: [this.registry] });
  readonly strikes = new Gauge({ name: "pinfi_miner_device_strikes", help: "Strikes recorded on chain", labelNames: ["device"], registers: [this.registry] });
  readonly failures = new Gauge({ name: "pinfi_miner_device_failures", help: "Objective failures recorded on chain", labelNames: ["device"], registers: [this.registry] });
  readonly perf = new Gauge({ name: "pinfi_miner_device_perf_bps", help: "Measured speed vs the class reference, bps", labelNames: ["device"], registers: [this.registry] });
  readonly liveStakes = new Gauge({ name: "pinfi_miner_live_stakes", help: "Live (not failed) stakes", labelNames: ["device"], registers: [this.registry] });
  readonly failedStakes = new Gauge({ name: "pinfi_miner_failed_stakes", help: "Stakes marked failed and not yet settled", labelNames: ["device"], registers: [this.registry] });
}

export class VoidRelease extends Error {
  constructor(readonly reason: string, message: string) {
    super(message);
  }
}

export class MinerAgent {
  readonly log: Logger;
  readonly metrics = new AgentMetrics();
  private readonly o: Required<Omit<MinerAgentOptions, "owner" | "publicEndpoint" | "programId" | "log" | "env" | "strategy">> & MinerAgentOptions;
  private readonly programId: PublicKey;
  private readonly devices = new Map<string, DeviceEntry>();
  private readonly held = new Map<string, Held>();
  private served: Served | null = null;
  private watchTimer: NodeJS.Timeout | null = null;
  private gpu: GpuAvailability | null = null;
  private inFlight = 0;
  private lastWatchAt = 0;
  private lastWatchError: string | null = null;

  constructor(o: MinerAgentOptions) {
    this.o = {
      host: "127.0.0.1", port: 0, setEndpoint: true, allowTestClasses: false, backend: "auto", watchIntervalMs: 30_000,
      keepProofMs: 120_000, lookupAttempts: 10, ...o,
    } as MinerAgent["o"];
    this.programId = o.programId ?? PROGRAM_ID;
    this.log = o.log ?? silentLogger;
    if (o.deviceKeys.length === 0) throw new Error("the agent needs at least one device key");
    for (const kp of o.deviceKeys) {
      const address = pdas.device(kp.publicKey, this.programId)[0];
      this.devices.set(address.toBase58(), { keypair: kp, address, signer: signerFromSecret(kp.secretKey), queue: Promise.resolve(), last: null });
    }
  }

  get url(): string {
    if (!this.served) throw new Error("agent not started");
    return this.served.url;
  }

  /** The endpoint published on chain. */
  get endpoint(): string {
    return this.o.publicEndpoint || this.url;
  }

  deviceAddresses(): PublicKey[] {
    return [...this.devices.values()].map((d) => d.address);
  }

  async start(): Promise<void> {
    if (this.o.backend === "auto") {
      this.gpu = await gpuAvailability(this.o.env);
      if (this.gpu.ok) this.log.info("GPU prover ready", { device: this.gpu.device });
      else this.log.warn("GPU prover unavailable; answering with the CPU reference prover", { code: this.gpu.code, reason: this.gpu.reason });
    } else this.log.info("CPU reference prover selected (backend: cpu)");
    this.served = await serve(this.o.host, this.o.port, (req, res, url) => this.route(req, res, url), (e) => this.log.error("request failed", { err: e }));
    this.log.info("miner agent listening", { url: this.served.url, endpoint: this.endpoint, devices: this.deviceAddresses() });
    if (!this.o.publicEndpoint && /^http:\/\/(127\.|localhost|\[::1\])/.test(this.url) && !this.o.allowTestClasses) {
      this.log.warn("no public endpoint configured: publishing a loopback URL that remote verifiers cannot reach (set `endpoint`)", { endpoint: this.url });
    }
    await this.checkDevices();
    if (this.o.watchIntervalMs > 0) {
      await this.watch();
      const tick = () => {
        if (!this.served) return; // stopped
        this.watchTimer = setTimeout(() => void this.watch().finally(tick), this.o.watchIntervalMs);
        this.watchTimer.unref();
      };
      tick();
    }
  }

  async stop(): Promise<void> {
    if (this.watchTimer) clearTimeout(this.watchTimer);
    this.watchTimer = null;
    await this.served?.close();
    this.served = null;
    this.log.info("miner agent stopped");
  }

  /**
   * Start-up step: each device exists, holds our key, and publishes our endpoint. A differing
   * endpoint is set on chain (set_device_endpoint) when the owner key is configured.
   */
  async checkDevices(): Promise<void> {
    for (const d of this.devices.values()) {
      const dev = await accounts.fetchDevice(this.o.connection, d.address, { programId: this.programId });
      if (!dev) {
        this.log.error("device not registered on chain", { device: d.address, deviceKey: d.keypair.publicKey });
        continue;
      }
      if (!dev.deviceKey.equals(d.keypair.publicKey)) {
        this.log.error("device key on chain differs from the configured key", { device: d.address });
        continue;
      }
      if (dev.endpoint === this.endpoint) {
        this.log.info("device endpoint up to date", { device: d.address, endpoint: dev.endpoint });
        continue;
      }
      if (!this.o.setEndpoint) {
        this.log.warn("device endpoint differs; not changing it (setEndpoint: false)", { device: d.address, onChain: dev.endpoint, ours: this.endpoint });
        continue;
      }
      if (!this.o.owner || !dev.owner.equals(this.o.owner.publicKey)) {
        this.log.warn("device endpoint differs, but the owner key is not configured: verifiers cannot reach this agent", {
          device: d.address, onChain: dev.endpoint, ours: this.endpoint, owner: dev.owner,
        });
        continue;
      }
      const res = await rpc.setDeviceEndpoint({
        connection: this.o.connection, owner: this.o.owner, pool: dev.pool, device: d.address, endpoint: this.endpoint, programId: this.programId,
      });
      this.log.info("device endpoint set on chain", { device: d.address, endpoint: this.endpoint, was: dev.endpoint, signature: res.signature });
    }
  }

  /** One pass of the stake watch: logs changes of the devices' records and stakes. */
  async watch(): Promise<DeviceState[]> {
    const out: DeviceState[] = [];
    try {
      const now = (await chainClock(this.o.connection)).unixTimestamp;
      for (const d of this.devices.values()) {
        const dev = await accounts.fetchDevice(this.o.connection, d.address, { programId: this.programId });
        if (!dev) continue;
        const stakes = await gpa.stakesByDevice(this.o.connection, d.address, { programId: this.programId });
        const state = deviceState(d.address, dev, stakes.map((s) => ({ address: s.address, stake: s.account })), now);
        this.report(d, state);
        out.push(state);
      }
      this.lastWatchAt = Date.now();
      this.lastWatchError = null;
    } catch (e) {
      this.lastWatchError = (e as Error).message;
      this.log.warn("stake watch failed", { err: e });
    }
    return out;
  }

  private report(d: DeviceEntry, s: DeviceState): void {
    const prev = d.last;
    const log = this.log.child({ device: s.device });
    const label = { device: s.device };
    this.metrics.passes.set(label, s.passes);
    this.metrics.strikes.set(label, s.strikes);
    this.metrics.failures.set(label, s.failures);
    this.metrics.perf.set(label, s.perfBps);
    this.metrics.liveStakes.set(label, s.liveStakes.filter((x) => !x.failed).length);
    this.metrics.failedStakes.set(label, s.liveStakes.filter((x) => x.failed).length);
    if (!prev) log.info("watching device", { stakes: s.liveStakes, passes: s.passes, strikes: s.strikes, failures: s.failures, perfBps: s.perfBps });
    else {
      if (s.passes > prev.passes) log.info("pass recorded on chain", { passes: s.passes, perfBps: s.perfBps });
      if (s.strikes > prev.strikes) log.warn("strike recorded on chain", { strikes: s.strikes, perfBps: s.perfBps });
      if (s.failures > prev.failures) log.error("objective failure recorded on chain", { failures: s.failures });
      for (const st of s.liveStakes) {
        const was = prev.liveStakes.find((x) => x.address === st.address);
        if (!was) log.info("new stake", { stake: st.address, end: st.end });
        else if (st.failed && !was.failed) log.error("stake marked failed", { stake: st.address });
      }
      if (s.endpoint !== prev.endpoint) log.warn("device endpoint changed on chain", { endpoint: s.endpoint });
    }
    if (s.liveStakes.length === 0 && (!prev || prev.liveStakes.length > 0)) log.warn("no live stake: nothing to answer for");
    d.last = s;
  }

  health(): { ok: boolean; devices: (DeviceState | { device: string })[]; inFlight: number; held: number; backend: string; lastWatchError: string | null } {
    const watchOk = this.o.watchIntervalMs === 0 || (this.lastWatchAt > 0 && Date.now() - this.lastWatchAt < 3 * this.o.watchIntervalMs + 10_000);
    return {
      ok: !!this.served && watchOk,
      devices: [...this.devices.values()].map((d) => d.last ?? { device: d.address.toBase58() }),
      inFlight: this.inFlight,
      held: this.held.size,
      backend: this.o.backend === "cpu" ? "cpu" : this.gpu?.ok ? "gpu" : "cpu",
      lastWatchError: this.lastWatchError,
    };
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const p = url.pathname;
    if (req.method === "GET" && p === "/health") {
      const h = this.health();
      return sendJson(res, h.ok ? 200 : 503, h);
    }
    if (req.method === "GET" && p === "/metrics") return sendText(res, 200, await this.metrics.registry.metrics(), this.metrics.registry.contentType);
    if (req.method !== "POST") throw new HttpError(404, "not_found");
    if (p === "/poc/v1/ping") return sendJson(res, 200, this.ping(await readJson(req, 4096)));
    if (p === "/poc/v1/release") {
      const body = await readJson(req, 4096);
      try {
        return sendJson(res, 200, await this.release(body));
      } catch (e) {
        if (e instanceof VoidRelease) {
          this.metrics.releases.inc({ result: e.reason });
          this.log.warn("release refused (void)", { reason: e.reason, message: e.message, challengeId: (body as { challengeId?: unknown })?.challengeId });
          return sendJson(res, 409, { error: "void", reason: e.reason, message: e.message });
        }
        if (e instanceof WireError) {
          this.metrics.releases.inc({ result: "malformed" });
          throw new HttpError(400, "malformed", e.message);
        }
        this.metrics.releases.inc({ result: "error" });
        throw e;
      }
    }
    if (p === "/poc/v2/open") return sendBytes(res, 200, await this.open(url.searchParams.get("device"), req));
    throw new HttpError(404, "not_found");
  }

  /** Echo of the verifier's nonce; with `device`, signed by that device's key ("poc/v1/ping" ‖ nonce). */
  ping(body: unknown): { nonce: string; device: string | null; sig: string | null } {
    const b = body as { nonce?: unknown; device?: unknown };
    let nonce: Uint8Array;
    try {
      nonce = fromHex(String(b?.nonce ?? ""), 32);
    } catch {
      throw new HttpError(400, "malformed", "nonce: 32 bytes hex");
    }
    const d = typeof b.device === "string" ? this.devices.get(b.device) : undefined;
    if (d) this.prefetch(d);
    return { nonce: toHex(nonce), device: d ? d.address.toBase58() : null, sig: d ? toHex(d.signer.sign(concat(ascii("poc/v1/ping"), nonce))) : null };
  }

  /** Handles a release: checks it on chain, proves, returns the signed commitment. */
  async release(body: unknown): Promise<CommitMsg> {
    const ch = parseRelease(body);
    const t0 = performance.now();
    const key = new PublicKey(ch.devicePda).toBase58();
    const d = this.devices.get(key);
    if (!d) throw new VoidRelease("unknown_device", `device ${key} is not served here`);
    if (!equal(ch.programId, this.programId.toBytes())) throw new VoidRelease("wrong_program", "programId is not the program this agent serves");
    let params: ParamClass;
    try {
      params = paramsById(ch.paramsId);
    } catch {
      throw new VoidRelease("unknown_params", `paramsId ${ch.paramsId} is not in the table`);
    }
    if (params.paramsId >= TEST_PARAMS_ID_MIN && !this.o.allowTestClasses) throw new VoidRelease("test_params", `paramsId ${ch.paramsId} is a test class`);
    const heldKey = `${key}:${ch.challengeId}`;
    const already = this.held.get(heldKey);
    if (already) {
      if (!equal(already.challenge.vNonce, ch.vNonce) || !equal(already.challenge.slotHash, ch.slotHash)) throw new VoidRelease("conflict", "a different release for this challenge was answered");
      return already.commit;
    }
    // A retried release while the first is still being proved waits for the same proof.
    const pendingKey = `${heldKey}:${toHex(ch.vNonce)}:${toHex(ch.slotHash)}`;
    const pending = this.pending.get(pendingKey);
    if (pending) return pending;
    const work = this.accept(d, key, heldKey, ch, params, t0);
    this.pending.set(pendingKey, work);
    try {
      return await work;
    } finally {
      this.pending.delete(pendingKey);
    }
  }

  private readonly pending = new Map<string, Promise<CommitMsg>>();

  private async accept(d: DeviceEntry, key: string, heldKey: string, ch: ChallengeInputs, params: ParamClass, t0: number): Promise<CommitMsg> {
    await this.checkOnChain(d, ch);
    const log = this.log.child({ device: key, challengeId: ch.challengeId, params: params.name });
    log.info("release accepted; proving");
    this.inFlight++;
    try {
      const run = d.queue.then(async () => {
        const responder = await (this.o.strategy ?? honestStrategy)({
          params, challenge: ch, signer: d.signer, device: d.address, log,
          proveBest: () => this.proveBest(params, ch, log), prove: () => this.proveCpu(params, ch, log),
        });
        const commit = await responder.commit();
        return { responder, commit };
      });
      d.queue = run.catch(() => undefined);
      const { responder, commit } = await run;
      this.gc();
      this.held.set(heldKey, { params, challenge: ch, responder, commit, openings: null, expires: Date.now() + this.o.keepProofMs });
      const s = (performance.now() - t0) / 1000;
      this.metrics.proveSeconds.observe({ backend: this.lastBackend }, s);
      this.metrics.releases.inc({ result: "committed" });
      log.info("commitment signed", { R: commit.R, R2: commit.R2, seconds: Number(s.toFixed(3)) });
      return commit;
    } finally {
      this.inFlight--;
    }
  }

  private lastBackend = "cpu";

  /** GPU (served) when the backend allows and a device is there, else the CPU reference. */
  private async proveBest(params: ParamClass, ch: ChallengeInputs, log: Logger): Promise<ProvenChallenge> {
    if (this.o.backend === "auto" && this.gpu?.ok) {
      const r = await proveBest(params, ch, { env: this.o.env, onProgress: progressLog(log) });
      if (r.note) log.warn("GPU prover failed; CPU fallback used", { note: r.note });
      this.lastBackend = r.backend;
      return r.prover;
    }
    return this.proveCpu(params, ch, log);
  }

  private proveCpu(params: ParamClass, ch: ChallengeInputs, log: Logger): Promise<Prover> {
    this.lastBackend = "cpu";
    return prove(params, ch, progressLog(log));
  }

  /**
   * Reads the device's newest challenge and its stake (at most once per PREFETCH_MS), for the
   * release that follows the pings. Failures only mean the release reads them itself.
   */
  private prefetch(d: DeviceEntry): void {
    const key = d.address.toBase58();
    const had = this.prefetched.get(key);
    if (had && Date.now() - had.at < PREFETCH_MS) return;
    const opts = { programId: this.programId };
    const state = (async (): Promise<ChainView | null> => {
      const dev = await accounts.fetchDevice(this.o.connection, d.address, opts);
      if (!dev || dev.challengeCount === 0n) return null;
      const id = dev.challengeCount - 1n;
      const c = await accounts.fetchChallenge(this.o.connection, pdas.challenge(d.address, id, this.programId)[0], opts);
      if (!c || c.outcome !== "pending") return null;
      return { id, c, stake: await accounts.fetchStake(this.o.connection, c.stake, opts) };
    })().catch(() => null);
    this.prefetched.set(key, { at: Date.now(), state });
  }

  private readonly prefetched = new Map<string, { at: number; state: Promise<ChainView | null> }>();

  /** The Challenge and Stake a release is checked against: prefetched at a ping when fresh, read otherwise. */
  private async chainView(d: DeviceEntry, ch: ChallengeInputs): Promise<ChainView | null> {
    const pre = this.prefetched.get(d.address.toBase58());
    if (pre && Date.now() - pre.at < PREFETCH_MS) {
      const v = await pre.state;
      if (v && v.id === ch.challengeId) {
        this.metrics.releaseChecks.inc({ source: "prefetched" });
        return v;
      }
    }
    this.metrics.releaseChecks.inc({ source: "fetched" });
    const opts = { programId: this.programId };
    const address = pdas.challenge(d.address, ch.challengeId, this.programId)[0];
    let c = null;
    for (let i = 0; i < this.o.lookupAttempts && !c; i++) {
      if (i > 0) await sleep(100);
      c = await accounts.fetchChallenge(this.o.connection, address, opts);
    }
    return c ? { id: ch.challengeId, c, stake: await accounts.fetchStake(this.o.connection, c.stake, opts) } : null;
  }

  /** The void checks of a release against the Challenge and Stake accounts. */
  private async checkOnChain(d: DeviceEntry, ch: ChallengeInputs): Promise<void> {
    const view = await this.chainView(d, ch);
    if (!view) throw new VoidRelease("no_challenge", `challenge ${ch.challengeId} of this device is not on chain`);
    const { c, stake } = view;
    if (!c.device.equals(d.address) || c.id !== ch.challengeId) throw new VoidRelease("wrong_device", "challenge account is not this device's");
    if (c.outcome !== "pending") throw new VoidRelease("decided", `challenge is ${c.outcome}`);
    if (!equal(Uint8Array.from(c.slotHash), ch.slotHash)) throw new VoidRelease("slot_hash_mismatch", "slotHash differs from the one recorded at open");
    if (c.paramsId !== ch.paramsId) throw new VoidRelease("params_mismatch", `paramsId on chain is ${c.paramsId}`);
    if (!equal(Uint8Array.from(c.nonceCommit), nonceCommitment(ch.vNonce))) throw new VoidRelease("nonce_mismatch", "vNonce does not match the commitment on chain");
    if (!stake || !stake.device.equals(d.address)) throw new VoidRelease("stake_mismatch", "the challenge's stake is not this device's");
    if (stake.failed) throw new VoidRelease("stake_failed", "the challenge's stake has failed");
    if (!(stake.start <= c.openedAt && c.openedAt < stake.end)) throw new VoidRelease("stake_not_live", "the stake was not live when the challenge opened");
  }

  /** Answers an open request from the proof kept for that challenge (once; a retry gets the same reply). */
  async open(device: string | null, req: http.IncomingMessage): Promise<Uint8Array> {
    const d = device ? this.devices.get(device) : undefined;
    if (!d) {
      this.metrics.openings.inc({ result: "unknown_device" });
      throw new HttpError(404, "unknown_device", "query parameter device=<device address> names no device served here");
    }
    const body = await readJson(req, 64 * 1024);
    const id = (body as { challengeId?: unknown })?.challengeId;
    const h = this.held.get(`${device}:${String(id)}`);
    if (!h || h.expires < Date.now()) {
      this.metrics.openings.inc({ result: "unknown_challenge" });
      throw new HttpError(404, "unknown_challenge", "no commitment held for this challenge");
    }
    if (h.openings) return h.openings;
    let request: OpenRequestMsg;
    try {
      request = parseOpenRequest(h.params, body);
    } catch (e) {
      this.metrics.openings.inc({ result: "malformed" });
      throw new HttpError(400, "malformed", (e as Error).message);
    }
    const out = await h.responder.open(request);
    h.openings = out;
    this.metrics.openings.inc({ result: "answered" });
    this.log.info("openings sent", { device, challengeId: id, rows: request.rows.length, walkers: request.walkers.length, bytes: out.length });
    return out;
  }

  private gc(): void {
    const now = Date.now();
    for (const [k, h] of this.held) if (h.expires < now) this.held.delete(k);
  }
}

export function deviceState(address: PublicKey, dev: Device, stakes: { address: PublicKey; stake: Stake }[], now: bigint): DeviceState {
  return {
    device: address.toBase58(),
    endpoint: dev.endpoint,
    passes: dev.passes,
    strikes: dev.strikes,
    failures: dev.failures,
    perfBps: dev.perfBps,
    challengeCount: dev.challengeCount.toString(),
    liveStakes: stakes
      .filter((s) => s.stake.start <= now && now < s.stake.end)
      .map((s) => ({ address: s.address.toBase58(), end: s.stake.end.toString(), failed: s.stake.failed })),
  };
}
