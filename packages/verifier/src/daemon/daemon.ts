// The verifier daemon: picks live stakes at unpredictable times (a Poisson process per device),
// opens a challenge on chain with a fresh nonce commitment, measures RTT, releases the seed to the
// device's miner agent over HTTP, times the commitment, requests openings, judges them with the
// core (VerifierSession), keeps the evidence bundle on disk under its hash and posts the verdict
// (submit_verdict) inside the window. As a courtesy it expires other verifiers' stale challenges.
import * as fs from "node:fs";
import * as path from "node:path";
import { Connection, Keypair, PublicKey } from "@solana/web3.js";
import { accounts, constants, errors, gpa, pdas, PROGRAM_ID, rpc } from "@pinfi/sdk";
import type { Challenge, ChallengeOutcome, Device, Pool, Protocol, Stake, Verifier } from "@pinfi/sdk";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { toHex } from "../bytes";
import { serializeEvidence } from "../evidence";
import { ParamClass, TEST_PARAMS_ID_MIN, paramsById } from "../params";
import { RandomSource } from "../samples";
import { ChallengeInputs, nonceCommitment } from "../seed";
import { Verdict, VerifierSession, toVerdictArgs } from "../session";
import { maxOpeningsBytes } from "../openings";
import { NativeVerifier } from "../nativeVerifier";
import { chainClock, cryptoUniform, exponentialDelay, sleep } from "../service/chain";
import { Commitment, RoundSecrets, Ticket, draw, roundAt, roundStart, slotHashAt, wins } from "../service/lottery";
import { HttpError, PostResult, Served, TransportError, postJson, sendBytes, sendJson, sendText, serve } from "../service/http";
import { Logger, silentLogger } from "../service/log";

export interface VerifierDaemonOptions {
  connection: Connection;
  programId?: PublicKey;
  /** The verifier's authority (registered with register_verifier): signs opens and verdicts, pays fees. */
  authority: Keypair;
  /** Evidence bundles are written here as <sha256 hex>.json. */
  evidenceDir: string;
  /** Days an evidence file is kept (the dispute window); 0 keeps them forever. */
  evidenceRetentionDays?: number;
  /** Mean time between two challenges of one device, seconds (Poisson process). */
  meanIntervalSecs?: number;
  /**
   * Synchronized sweeps a day (Poisson; 0: none): every device of one operator in one GPU class,
   * released at once, so one GPU cannot answer for several identities in turn (§2.3 step 1).
   */
  sweepsPerDay?: number;
  /** Most devices one sweep challenges at once. */
  maxSweepDevices?: number;
  /** Rounds of round secrets committed at a time while the protocol's lottery is on. */
  lotteryRounds?: number;
  /** How often the set of live stakes is re-read, seconds. */
  refreshSecs?: number;
  /** Challenges in flight at once. */
  maxConcurrent?: number;
  /** params_id per pool GPU class (e.g. {"H100": 1}); pools not listed use defaultParamsId. */
  paramsByClass?: Record<string, number>;
  defaultParamsId?: number;
  /** Allow CPU/test parameter classes (ids ≥ 0xFF00): test networks only. */
  allowTestClasses?: boolean;
  /** Only these pools (GPU class names or pool addresses); empty: all. */
  pools?: string[];
  /** Only these device addresses; empty: all. */
  devices?: string[];
  /** RTT samples before each release (3–5). */
  pings?: number;
  /** Wait for the commitment at most this long, ms (default 2 × deadline + 2 s). */
  commitTimeoutMs?: number | null;
  /** Wait for the openings at most this long, ms (default 2 × open deadline + 2 s). */
  openTimeoutMs?: number | null;
  /** Expire other verifiers' challenges whose verdict window has passed. */
  expireOthers?: boolean;
  /** Also expire this verifier's own stale challenges (a strike for itself, but frees `pending`). */
  expireOwn?: boolean;
  expireIntervalSecs?: number;
  /** Serves /health, /metrics and the evidence bundles (`/evidence/<sha256 hex>.json`). */
  http?: { enabled: boolean; host: string; port: number } | null;
  /**
   * The base URL others reach that server at. When set, the daemon publishes it on chain
   * (set_verifier_endpoint) so anyone can fetch the bundle a verdict's evidence hash names.
   */
  publicUrl?: string | null;
  /**
   * The openings' item checks on the native core (poc-verify): "auto" builds and starts it when a
   * C++ compiler is there and otherwise verifies in TypeScript; "off"; or a binary to use (an
   * error at init if it does not start). Same decisions either way (docs/proof-of-compute.md §9).
   */
  nativeVerifier?: string;
  /** Tests: the verifier's draws. */
  rand?: RandomSource;
  /** Tests: the scheduler's uniform source in (0, 1]. */
  uniform?: () => number;
  log?: Logger;
}

/**
 * `/evidence/<sha256 hex>.json` (the bundle) and `.openings` (the openings message it names by
 * digest): only lowercase hex names, so no path can leave the evidence directory.
 */
const EVIDENCE_ROUTE = /^\/evidence\/([0-9a-f]{64})\.(json|openings)$/;
const EVIDENCE_FILE = /^[0-9a-f]{64}\.(json|openings)$/;

/** A device the daemon may challenge now. */
export interface Target {
  device: PublicKey;
  /** The device's owner: the operator a sweep groups by. */
  owner: PublicKey;
  stake: PublicKey;
  pool: PublicKey;
  gpuClass: string;
  endpoint: string;
  deviceKey: PublicKey;
  paramsId: number;
}

export interface ChallengeReport {
  device: string;
  stake: string;
  challenge: string | null;
  challengeId: string | null;
  outcome: ChallengeOutcome | null;
  reason: string | null;
  elapsedMs: number | null;
  deadlineMs: number | null;
  evidenceHash: string | null;
  evidencePath: string | null;
  signature: string | null;
  /** Wall-clock ms when the seed was released (the timed window opened); null before that. */
  releasedAt: number | null;
  /** Why the device was not challenged at all (the lottery: `not_drawn`, `no_commitment`, `outside_rounds`). */
  skipped: string | null;
  /** Set when the challenge could not be completed (open failed, verdict window passed, …). */
  error: string | null;
}

class DaemonMetrics {
  readonly registry = new Registry();
  readonly verdicts = new Counter({ name: "pinfi_verifier_verdicts_total", help: "Verdicts posted on chain, by outcome", labelNames: ["outcome"], registers: [this.registry] });
  readonly errors = new Counter({ name: "pinfi_verifier_errors_total", help: "Challenges that failed, by stage", labelNames: ["stage"], registers: [this.registry] });
  readonly opened = new Counter({ name: "pinfi_verifier_challenges_opened_total", help: "Challenges opened on chain", registers: [this.registry] });
  readonly expired = new Counter({ name: "pinfi_verifier_expired_total", help: "Stale challenges expired (courtesy)", labelNames: ["whose"], registers: [this.registry] });
  readonly inFlight = new Gauge({ name: "pinfi_verifier_in_flight", help: "Challenges in progress", registers: [this.registry] });
  readonly eligible = new Gauge({ name: "pinfi_verifier_eligible_devices", help: "Devices with a live stake and an endpoint", registers: [this.registry] });
  readonly elapsed = new Histogram({
    name: "pinfi_verifier_commit_elapsed_ms", help: "Release to commitment, ms (the timed part)", registers: [this.registry],
    buckets: [10, 50, 100, 250, 500, 1000, 2000, 3000, 5000, 10000, 30000],
  });
  readonly rtt = new Histogram({ name: "pinfi_verifier_rtt_ms", help: "Ping round trips, ms", registers: [this.registry], buckets: [1, 5, 10, 25, 50, 100, 250, 500, 1000] });
  readonly verifyMs = new Histogram({ name: "pinfi_verifier_verify_ms", help: "Wall time of judging one challenge, ms", labelNames: ["core"], registers: [this.registry], buckets: [1, 5, 10, 25, 50, 100, 250, 500, 1000] });
  readonly coreStarts = new Counter({ name: "pinfi_verifier_native_core_starts_total", help: "Starts of the native verifier core, by result", labelNames: ["result"], registers: [this.registry] });
  readonly lottery = new Counter({ name: "pinfi_verifier_lottery_total", help: "Lottery checks before a challenge, by result", labelNames: ["result"], registers: [this.registry] });
  readonly sweeps = new Counter({ name: "pinfi_verifier_sweeps_total", help: "Synchronized sweeps run", registers: [this.registry] });
  readonly sweepSpread = new Histogram({
    name: "pinfi_verifier_sweep_release_spread_ms", help: "First to last release of one sweep, ms", registers: [this.registry],
    buckets: [10, 50, 100, 250, 500, 1000, 2000, 5000],
  });
  readonly lastVerdict = new Gauge({ name: "pinfi_verifier_last_verdict_timestamp_seconds", help: "Unix time of the last verdict posted", registers: [this.registry] });
  readonly slot = new Gauge({ name: "pinfi_verifier_slot", help: "Last slot read", registers: [this.registry] });
  readonly active = new Gauge({ name: "pinfi_verifier_active", help: "1 when the verifier account may open challenges", registers: [this.registry] });
}

type Opts = Required<Omit<VerifierDaemonOptions, "programId" | "rand" | "uniform" | "log" | "http" | "commitTimeoutMs" | "openTimeoutMs">> & VerifierDaemonOptions;

export class VerifierDaemon {
  readonly log: Logger;
  readonly metrics = new DaemonMetrics();
  readonly programId: PublicKey;
  private readonly o: Opts;
  private served: Served | null = null;
  private running = false;
  private stopped: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private inFlight = new Set<string>();
  private nextAt = new Map<string, number>();
  private lastLoopAt = 0;
  private lastError: string | null = null;
  private verifierActive: boolean | null = null;
  private core: NativeVerifier | null = null;
  private coreFailedAt = 0;

  constructor(o: VerifierDaemonOptions) {
    this.o = {
      evidenceRetentionDays: 7, meanIntervalSecs: 3_600, sweepsPerDay: 3, maxSweepDevices: 64, lotteryRounds: 65_536, refreshSecs: 60, maxConcurrent: 4, paramsByClass: {}, defaultParamsId: 1,
      allowTestClasses: false, pools: [], devices: [], pings: 4, expireOthers: true, expireOwn: false, expireIntervalSecs: 60, ...o,
    } as Opts;
    if (this.o.pings < 3 || this.o.pings > 5) throw new Error("pings: 3 to 5 RTT samples");
    this.programId = o.programId ?? PROGRAM_ID;
    this.log = o.log ?? silentLogger;
    fs.mkdirSync(this.o.evidenceDir, { recursive: true });
  }

  get authority(): PublicKey {
    return this.o.authority.publicKey;
  }

  get url(): string | null {
    return this.served?.url ?? null;
  }

  /** Starts /health, /metrics and /evidence (when configured), checks the verifier account, publishes the endpoint. */
  async init(): Promise<void> {
    await this.startCore();
    if (this.o.http?.enabled && !this.served) {
      this.served = await serve(this.o.http.host, this.o.http.port, (req, res, url) => {
        if (req.method === "GET" && url.pathname === "/health") {
          const h = this.health();
          return sendJson(res, h.ok ? 200 : 503, h);
        }
        if (req.method === "GET" && url.pathname === "/metrics") {
          return this.metrics.registry.metrics().then((text) => sendText(res, 200, text, this.metrics.registry.contentType));
        }
        const bundle = EVIDENCE_ROUTE.exec(url.pathname);
        if (req.method === "GET" && bundle) return this.serveEvidence(bundle[1], bundle[2] as "json" | "openings", res);
        throw new HttpError(404, "not_found");
      });
      this.log.info("health, metrics and evidence listening", { url: this.served.url });
    }
    if (await this.checkVerifier()) await this.publishEndpoint();
  }

  /** A kept bundle or its openings, byte for byte (the bundle's SHA-256 is the name and the evidence hash on chain). */
  private async serveEvidence(hashHex: string, kind: "json" | "openings", res: import("node:http").ServerResponse): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(path.join(this.o.evidenceDir, `${hashHex}.${kind}`));
    } catch {
      throw new HttpError(404, kind === "json" ? "no_such_bundle" : "no_such_openings");
    }
    sendBytes(res, 200, bytes, kind === "json" ? "application/json" : "application/octet-stream");
  }

  /** Sets the verifier's endpoint on chain to `publicUrl` unless it already is (already-done detection). */
  private async publishEndpoint(): Promise<void> {
    const want = this.o.publicUrl;
    if (!want) return;
    const v = await accounts.fetchVerifierByAuthority(this.o.connection, this.authority, { programId: this.programId });
    if (!v || v.endpoint === want) return;
    const res = await rpc.setVerifierEndpoint({ connection: this.o.connection, authority: this.o.authority, endpoint: want, programId: this.programId });
    this.log.info("evidence endpoint published on chain", { endpoint: want, was: v.endpoint, signature: res.signature });
  }

  /**
   * Under the protocol's lottery: the ticket that lets this verifier challenge `device` now, or
   * why not. `null` while the lottery is off (no ticket needed).
   */
  private async ticketFor(device: PublicKey): Promise<Ticket | null | "not_drawn" | "no_commitment" | "outside_rounds"> {
    const conn = this.o.connection;
    const p = await accounts.fetchProtocolSingleton(conn, { programId: this.programId });
    if (!p || p.lottery.roundSlots === 0) return null;
    const mine = this.lottery;
    if (!mine) return "no_commitment";
    const slot = BigInt(await conn.getSlot());
    const round = roundAt(slot, mine.commitment);
    if (round === null) return "outside_rounds";
    const sysvar = await conn.getAccountInfo(constants.SYSVAR_SLOT_HASHES_PUBKEY);
    const hash = sysvar ? slotHashAt(sysvar.data, roundStart(mine.commitment, round)) : null;
    if (!hash) return "outside_rounds";
    if (!wins(draw(mine.secrets.secret(round), hash, device), p.lottery.draws, p.activeVerifiers)) return "not_drawn";
    return mine.secrets.ticket(round);
  }

  /**
   * Keeps this verifier's round secrets committed while the lottery is on: rebuilds them for the
   * commitment on chain (they derive from the key), or commits new ones once it has ended.
   */
  private async prepareLottery(v: Verifier, p: Protocol): Promise<void> {
    if (p.lottery.roundSlots === 0) return;
    const conn = this.o.connection;
    const c: Commitment = { root: Uint8Array.from(v.lottery.root), startSlot: BigInt(v.lottery.startSlot.toString()), rounds: v.lottery.rounds, roundSlots: v.lottery.roundSlots };
    const slot = BigInt(await conn.getSlot());
    if (c.rounds > 0 && slot < roundStart(c, BigInt(c.rounds))) {
      if (this.lottery?.commitment.startSlot === c.startSlot) return;
      const secrets = new RoundSecrets(this.o.authority.secretKey, c.startSlot, c.rounds);
      if (toHex(secrets.root) !== toHex(c.root)) {
        this.lottery = null;
        this.log.error("the lottery commitment on chain is not this key's secrets: no challenges until it ends", { endSlot: roundStart(c, BigInt(c.rounds)) });
        return;
      }
      this.lottery = { secrets, commitment: c };
      return;
    }
    const startSlot = slot + 2n;
    const secrets = new RoundSecrets(this.o.authority.secretKey, startSlot, this.o.lotteryRounds);
    const res = await rpc.commitLottery({
      connection: conn, authority: this.o.authority, root: secrets.root, startSlot, rounds: this.o.lotteryRounds, programId: this.programId,
    });
    this.lottery = { secrets, commitment: { root: secrets.root, startSlot, rounds: this.o.lotteryRounds, roundSlots: p.lottery.roundSlots } };
    this.log.info("lottery secrets committed", { startSlot, rounds: this.o.lotteryRounds, roundSlots: p.lottery.roundSlots, signature: res.signature });
  }

  private lottery: { secrets: RoundSecrets; commitment: Commitment } | null = null;

  /** Whether the verifier account exists and may open challenges (logged). */
  async checkVerifier(): Promise<boolean> {
    const v = await accounts.fetchVerifierByAuthority(this.o.connection, this.authority, { programId: this.programId });
    const p = await accounts.fetchProtocolSingleton(this.o.connection, { programId: this.programId });
    if (!v || !p) {
      this.log.error("verifier not registered: run register_verifier first (pinfi CLI or the SDK's rpc.registerVerifier)", { authority: this.authority });
      this.verifierActive = false;
    } else {
      const r = p.verification;
      const active = v.unbondingSince === 0n && v.staked >= r.minVerifierStake && v.strikes < r.verifierStrikesToSuspend;
      if (!active) this.log.error("verifier may not open challenges", { staked: v.staked, min: r.minVerifierStake, unbondingSince: v.unbondingSince, strikes: v.strikes });
      else if (this.verifierActive !== true) this.log.info("verifier active", { authority: this.authority, staked: v.staked, pending: v.pending, strikes: v.strikes });
      this.verifierActive = active;
      if (active) await this.prepareLottery(v, p);
    }
    this.metrics.active.set(this.verifierActive ? 1 : 0);
    return this.verifierActive;
  }

  health(): {
    ok: boolean; authority: string; active: boolean | null; inFlight: number; lastLoopAt: string | null; lastError: string | null; scheduled: number;
    nativeCore: string | null;
  } {
    const fresh = !this.running || (this.lastLoopAt > 0 && Date.now() - this.lastLoopAt < Math.max(3 * this.o.refreshSecs * 1000, 30_000));
    return {
      ok: this.verifierActive !== false && fresh,
      authority: this.authority.toBase58(),
      active: this.verifierActive,
      inFlight: this.inFlight.size,
      lastLoopAt: this.lastLoopAt ? new Date(this.lastLoopAt).toISOString() : null,
      lastError: this.lastError,
      scheduled: this.nextAt.size,
      nativeCore: this.nativeCore,
    };
  }

  /** Devices with a live, unfailed stake, an endpoint, not our own, in the configured pools. */
  async eligible(filter?: { devices?: PublicKey[] }): Promise<Target[]> {
    const conn = this.o.connection;
    const opts = { programId: this.programId };
    const clock = await chainClock(conn);
    this.metrics.slot.set(Number(clock.slot));
    const pools = new Map<string, Pool>((await gpa.allPools(conn, opts)).map((p) => [p.address.toBase58(), p.account]));
    const className = (pool: Pool) => pdas.gpuClassName(pool.gpuClass);
    const wantPool = (addr: string, pool: Pool) => this.o.pools.length === 0 || this.o.pools.includes(addr) || this.o.pools.includes(className(pool));
    const wantDevices = new Set([...(filter?.devices?.map((d) => d.toBase58()) ?? []), ...(filter?.devices ? [] : this.o.devices)]);
    const stakes = (await gpa.allStakes(conn, opts)).filter(
      (s) => !s.account.failed && s.account.start <= clock.unixTimestamp && clock.unixTimestamp < s.account.end,
    );
    const pending = new Set((await gpa.openChallenges(conn, this.authority, opts)).map((c) => c.account.device.toBase58()));
    const byDevice = new Map<string, { address: PublicKey; stake: Stake }>();
    for (const s of stakes) {
      const k = s.account.device.toBase58();
      if (wantDevices.size > 0 && !wantDevices.has(k)) continue;
      if (!byDevice.has(k) || byDevice.get(k)!.stake.end < s.account.end) byDevice.set(k, { address: s.address, stake: s.account });
    }
    const out: Target[] = [];
    const keys = [...byDevice.keys()].map((k) => new PublicKey(k));
    for (let i = 0; i < keys.length; i += 100) {
      const infos = await conn.getMultipleAccountsInfo(keys.slice(i, i + 100));
      infos.forEach((info, j) => {
        if (!info || !info.owner.equals(this.programId)) return;
        const device = keys[i + j];
        const dev: Device = accounts.decodeDevice(info.data);
        const pool = pools.get(dev.pool.toBase58());
        if (!pool || !wantPool(dev.pool.toBase58(), pool)) return;
        if (dev.owner.equals(this.authority) || dev.endpoint.length === 0 || pending.has(device.toBase58())) return;
        const gpuClass = className(pool);
        out.push({
          device, owner: dev.owner, stake: byDevice.get(device.toBase58())!.address, pool: dev.pool, gpuClass, endpoint: dev.endpoint, deviceKey: dev.deviceKey,
          paramsId: this.o.paramsByClass[gpuClass] ?? this.o.defaultParamsId,
        });
      });
    }
    this.metrics.eligible.set(out.length);
    return out;
  }

  /** Challenges every eligible device once (concurrently, up to maxConcurrent), then expires stale challenges. */
  async runOnce(filter?: { devices?: PublicKey[] }): Promise<ChallengeReport[]> {
    if (!(await this.checkVerifier())) throw new Error("the verifier account may not open challenges (see the log)");
    const targets = await this.eligible(filter);
    this.log.info("challenging each eligible device once", { devices: targets.length });
    const reports: ChallengeReport[] = [];
    let next = 0;
    const worker = async () => {
      while (next < targets.length) reports.push(await this.challenge(targets[next++]));
    };
    await Promise.all(Array.from({ length: Math.min(this.o.maxConcurrent, targets.length) }, worker));
    if (this.o.expireOthers || this.o.expireOwn) await this.expireStale();
    return reports;
  }

  /**
   * One synchronized sweep: every eligible device of one operator in one GPU class (drawn at
   * random among the groups, or the given one), challenged at once. Opens go out together, so the
   * releases land within about one confirmation of each other.
   */
  async sweep(group?: { owner: PublicKey; gpuClass: string }, targets?: Target[]): Promise<ChallengeReport[]> {
    const all = (targets ?? (await this.eligible())).filter((t) => !this.inFlight.has(t.device.toBase58()));
    const groups = new Map<string, Target[]>();
    for (const t of all) {
      const k = `${t.owner.toBase58()}/${t.gpuClass}`;
      groups.set(k, [...(groups.get(k) ?? []), t]);
    }
    const keys = [...groups.keys()].sort();
    const key = group ? `${group.owner.toBase58()}/${group.gpuClass}` : keys[Math.min(keys.length - 1, Math.floor((this.o.uniform ?? cryptoUniform)() * keys.length))];
    const members = (key && groups.get(key)) || [];
    if (members.length === 0) return [];
    const chosen = members.slice(0, this.o.maxSweepDevices);
    this.log.info("synchronized sweep", { group: key, devices: chosen.length, of: members.length });
    const reports = await Promise.all(chosen.map((t) => this.challenge(t)));
    const released = reports.map((r) => r.releasedAt).filter((x): x is number => x !== null);
    const spreadMs = released.length ? Math.max(...released) - Math.min(...released) : 0;
    this.metrics.sweeps.inc();
    this.metrics.sweepSpread.observe(spreadMs);
    this.log.info("sweep done", { group: key, devices: chosen.length, releaseSpreadMs: spreadMs, errors: reports.filter((r) => r.error).length });
    return reports;
  }

  /** The daemon loop: Poisson-scheduled challenges and sweeps, periodic expiry, until stop(). */
  async run(): Promise<void> {
    if (this.running) throw new Error("already running");
    this.running = true;
    let resolveStopped!: () => void;
    this.stopped = new Promise((r) => (resolveStopped = r));
    const uniform = this.o.uniform ?? cryptoUniform;
    const meanMs = this.o.meanIntervalSecs * 1000;
    let targets: Target[] = [];
    let refreshAt = 0;
    let expireAt = Date.now() + this.o.expireIntervalSecs * 1000;
    const sweepMeanMs = this.o.sweepsPerDay > 0 ? 86_400_000 / this.o.sweepsPerDay : Infinity;
    let sweepAt = Date.now() + (Number.isFinite(sweepMeanMs) ? exponentialDelay(sweepMeanMs, uniform) : Infinity);
    this.log.info("verifier daemon running", { meanIntervalSecs: this.o.meanIntervalSecs, maxConcurrent: this.o.maxConcurrent });
    try {
      while (this.running) {
        const now = Date.now();
        try {
          if (now >= refreshAt) {
            if (await this.checkVerifier()) targets = await this.eligible();
            else targets = [];
            refreshAt = now + this.o.refreshSecs * 1000;
            const live = new Set(targets.map((t) => t.device.toBase58()));
            for (const k of this.nextAt.keys()) if (!live.has(k)) this.nextAt.delete(k);
            for (const t of targets) {
              const k = t.device.toBase58();
              if (!this.nextAt.has(k)) this.nextAt.set(k, now + exponentialDelay(meanMs, uniform));
            }
          }
          for (const t of targets) {
            const k = t.device.toBase58();
            const due = this.nextAt.get(k);
            if (due === undefined || due > now || this.inFlight.has(k) || this.inFlight.size >= this.o.maxConcurrent) continue;
            this.nextAt.set(k, now + exponentialDelay(meanMs, uniform));
            void this.challenge(t);
          }
          if (now >= sweepAt && targets.length > 0) {
            sweepAt = now + exponentialDelay(sweepMeanMs, uniform);
            void this.sweep(undefined, targets);
          }
          if ((this.o.expireOthers || this.o.expireOwn) && now >= expireAt) {
            expireAt = now + this.o.expireIntervalSecs * 1000;
            await this.expireStale();
          }
          this.lastLoopAt = Date.now();
        } catch (e) {
          this.lastError = (e as Error).message;
          this.log.warn("daemon loop step failed", { err: e });
        }
        const soonest = Math.min(refreshAt, expireAt, sweepAt, ...this.nextAt.values());
        await new Promise<void>((r) => {
          const timer = setTimeout(r, Math.max(50, Math.min(soonest - Date.now(), 5_000)));
          this.wake = () => {
            clearTimeout(timer);
            r();
          };
        });
      }
      while (this.inFlight.size > 0) await sleep(50);
    } finally {
      resolveStopped();
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.stopped;
    await this.served?.close();
    this.served = null;
    this.core?.close();
    this.core = null;
  }

  /**
   * Starts the native core per `nativeVerifier` (see the option). At init a named binary that does
   * not run is an error; later (the process died) it is restarted before the next verdict — after
   * a failed start, at most once a minute — and until one succeeds the TypeScript checks decide.
   */
  private async startCore(atInit = true): Promise<void> {
    const want = this.o.nativeVerifier ?? "auto";
    if (want === "off" || this.core?.alive) return;
    if (!atInit && Date.now() - this.coreFailedAt < 60_000) return;
    const was = this.core;
    try {
      this.core = await NativeVerifier.start(want === "auto" ? undefined : want);
      this.coreFailedAt = 0;
      this.metrics.coreStarts.inc({ result: "ok" });
      this.log.info(was ? "native verifier core restarted" : "native verifier core running", { sha: this.core.sha });
    } catch (e) {
      this.coreFailedAt = Date.now();
      this.metrics.coreStarts.inc({ result: "failed" });
      if (want !== "auto" && atInit) throw new Error(`nativeVerifier ${want}: ${(e as Error).message}`);
      this.log.warn("native verifier core unavailable; verifying in TypeScript", { reason: (e as Error).message.slice(0, 500) });
    }
  }

  /** "openssl" / "portable": the native core runs (its SHA-256); null: TypeScript checks. */
  get nativeCore(): string | null {
    return this.core?.alive ? this.core.sha : null;
  }

  /** One whole challenge of one target: open → RTT → release → commit → openings → verdict on chain. */
  async challenge(t: Target): Promise<ChallengeReport> {
    const key = t.device.toBase58();
    const report: ChallengeReport = {
      device: key, stake: t.stake.toBase58(), challenge: null, challengeId: null, outcome: null, reason: null, elapsedMs: null, deadlineMs: null,
      evidenceHash: null, evidencePath: null, signature: null, releasedAt: null, skipped: null, error: null,
    };
    let log = this.log.child({ device: key });
    if (this.inFlight.has(key)) return { ...report, error: "already challenging this device" };
    this.inFlight.add(key);
    this.metrics.inFlight.set(this.inFlight.size);
    let stage = "params";
    try {
      const params = paramsById(t.paramsId);
      if (params.paramsId >= TEST_PARAMS_ID_MIN && !this.o.allowTestClasses) throw new Error(`paramsId ${t.paramsId} is a test class (allowTestClasses is off)`);
      stage = "lottery";
      const ticket = await this.ticketFor(t.device);
      if (typeof ticket === "string") {
        this.metrics.lottery.inc({ result: ticket });
        return { ...report, skipped: ticket };
      }
      if (ticket) this.metrics.lottery.inc({ result: "drawn" });
      stage = "open";
      const vNonce = globalThis.crypto.getRandomValues(new Uint8Array(32));
      const { address, challenge } = await this.openOnChain(t, params, vNonce, ticket);
      report.challenge = address.toBase58();
      report.challengeId = challenge.id.toString();
      log = log.child({ challenge: address, challengeId: challenge.id });
      log.info("challenge opened", { stake: t.stake, params: params.name, endpoint: t.endpoint, verdictDeadlineSlot: challenge.verdictDeadlineSlot });
      this.metrics.opened.inc();

      stage = "exchange";
      const inputs: ChallengeInputs = {
        programId: this.programId.toBytes(), devicePda: t.device.toBytes(), challengeId: challenge.id,
        slotHash: Uint8Array.from(challenge.slotHash), vNonce, paramsId: challenge.paramsId,
      };
      const verdict = await this.exchange(t, params, inputs, log, () => (report.releasedAt = Date.now()));

      stage = "evidence";
      const file = this.storeEvidence(verdict);
      report.evidenceHash = toHex(verdict.evidenceHash);
      report.evidencePath = file;
      const args = toVerdictArgs(verdict, inputs);
      report.outcome = args.outcomeVariant as ChallengeOutcome;
      report.reason = verdict.outcome.reason ?? null;
      report.elapsedMs = args.elapsedMs;
      report.deadlineMs = args.deadlineMs;

      stage = "verdict";
      const res = await this.postVerdict(address, challenge, {
        connection: this.o.connection, authority: this.o.authority, pool: challenge.pool, device: challenge.device, stake: challenge.stake,
        challenge: address, outcome: args.outcomeVariant as ChallengeOutcome, nonce: args.vNonce, elapsedMs: args.elapsedMs, deadlineMs: args.deadlineMs,
        root: args.R, walkRoot: args.R2, evidenceHash: args.evidenceHash, programId: this.programId,
      }, log);
      report.signature = res.signature;
      const failed = res.events.some((e) => e.name === "StakeFailed");
      this.metrics.verdicts.inc({ outcome: args.outcomeVariant });
      this.metrics.lastVerdict.set(Date.now() / 1000);
      const fields = {
        outcome: args.outcomeVariant, reason: report.reason, elapsedMs: args.elapsedMs, deadlineMs: args.deadlineMs, evidenceHash: report.evidenceHash,
        evidence: file, failures: verdict.failures.length, detail: verdict.outcome.detail ?? null, stakeFailed: failed, signature: res.signature,
      };
      if (verdict.outcome.kind === "PASS") log.info("verdict posted", fields);
      else if (verdict.outcome.kind === "WRONG") log.error("verdict posted: objective failure", fields);
      else log.warn("verdict posted: strike", fields);
      return report;
    } catch (e) {
      this.metrics.errors.inc({ stage });
      report.error = `${stage}: ${(e as Error).message}`;
      this.lastError = report.error;
      log.error("challenge failed", { stage, err: e });
      return report;
    } finally {
      this.inFlight.delete(key);
      this.metrics.inFlight.set(this.inFlight.size);
    }
  }

  /** submit_verdict while the window is open; transport errors are retried (the verdict is idempotent on chain). */
  private async postVerdict(address: PublicKey, challenge: Challenge, args: Parameters<typeof rpc.submitVerdict>[0], log: Logger) {
    for (let attempt = 1; ; attempt++) {
      const { slot } = await chainClock(this.o.connection);
      if (slot > challenge.verdictDeadlineSlot) throw new Error(`verdict window closed at slot ${challenge.verdictDeadlineSlot} (now ${slot})`);
      try {
        return await rpc.submitVerdict(args);
      } catch (e) {
        const retryable = (e as { retryable?: boolean }).retryable === true;
        if (!retryable || attempt >= 4) throw e;
        // It may have landed: a decided challenge needs nothing more.
        const now = await accounts.fetchChallenge(this.o.connection, address, { programId: this.programId }).catch(() => null);
        if (now && now.outcome !== "pending" && Buffer.from(Uint8Array.from(now.evidenceHash)).equals(Buffer.from(args.evidenceHash as Uint8Array))) {
          return { signature: "(landed on an earlier attempt)", slot: 0, events: [] as Awaited<ReturnType<typeof rpc.submitVerdict>>["events"] };
        }
        log.warn("submit_verdict failed; retrying", { attempt, err: e });
        await sleep(500 * attempt);
      }
    }
  }

  /** open_challenge with a fresh nonce commitment; retries when another verifier took the same index. */
  private async openOnChain(t: Target, params: ParamClass, vNonce: Uint8Array, ticket: Ticket | null): Promise<{ address: PublicKey; challenge: Challenge }> {
    const conn = this.o.connection;
    let lastErr: unknown = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      const dev = await accounts.fetchDevice(conn, t.device, { programId: this.programId });
      if (!dev) throw new Error("device account vanished");
      try {
        await rpc.openChallenge({
          connection: conn, authority: this.o.authority, pool: t.pool, device: t.device, stake: t.stake, deviceChallengeCount: dev.challengeCount,
          paramsId: params.paramsId, nonceCommit: nonceCommitment(vNonce), programId: this.programId, ticket,
        });
        const address = pdas.challenge(t.device, dev.challengeCount, this.programId)[0];
        const challenge = await accounts.fetchChallenge(conn, address, { programId: this.programId });
        if (!challenge) throw new Error("challenge account not found after open");
        return { address, challenge };
      } catch (e) {
        lastErr = e;
        const msg = String((e as Error).message);
        // Another verifier opened this device's next challenge first: the PDA index moved on.
        if (!/already in use|ConstraintSeeds|AccountDidNotSerialize|custom program error: 0x0\b/.test(msg)) throw e;
        this.log.debug("challenge index taken; retrying", { device: t.device, attempt });
      }
    }
    throw lastErr;
  }

  /** RTT probes, release, commitment, openings; then the verdict of the core. */
  private async exchange(t: Target, params: ParamClass, ch: ChallengeInputs, log: Logger, onRelease: () => void): Promise<Verdict> {
    const base = t.endpoint.replace(/\/+$/, "");
    const session = new VerifierSession({ params, challenge: ch, devicePubkey: t.deviceKey.toBytes(), rand: this.o.rand });
    const rtts: number[] = [];
    for (let i = 0; i < this.o.pings; i++) {
      const nonce = toHex(globalThis.crypto.getRandomValues(new Uint8Array(32)));
      try {
        const r = await postJson(`${base}/poc/v1/ping`, { nonce, device: t.device.toBase58() }, { timeoutMs: 2_000, maxBytes: 4096 });
        if (r.status === 200 && (r.body as { nonce?: string })?.nonce === nonce) {
          rtts.push(r.ms);
          session.recordRtt(r.ms);
          this.metrics.rtt.observe(r.ms);
        }
      } catch (e) {
        log.debug("ping failed", { err: e });
      }
    }
    if (rtts.length === 0) log.warn("agent did not answer pings; releasing anyway", { endpoint: t.endpoint });
    const allowance = rtts.length ? median(rtts.map((x) => Math.min(x, 500))) + 50 : 50;
    const commitTimeout = this.o.commitTimeoutMs || 2 * (params.deadlineMs + allowance) + 2_000;
    const openTimeout = this.o.openTimeoutMs || 2 * (params.openDeadlineMs + allowance) + 2_000;

    const release = session.release();
    onRelease();
    const commit = await this.post(`${base}/poc/v1/release`, release, commitTimeout, 4096, log, "release");
    if (commit !== undefined) {
      session.receiveCommit(commit);
      const request = session.openRequest();
      const openings = await this.post(`${base}/poc/v2/open?device=${t.device.toBase58()}`, request, openTimeout, maxOpeningsBytes(params), log, "open", true);
      if (openings instanceof Uint8Array) session.receiveOpenings(openings);
    }
    await this.startCore(false);
    const t0 = performance.now();
    const core = this.nativeCore ? "native" : "typescript";
    const v = await session.verdictWith(this.core);
    this.metrics.verifyMs.observe({ core }, performance.now() - t0);
    if (v.elapsedMs > 0) this.metrics.elapsed.observe(v.elapsedMs);
    log.info("judged", { outcome: v.outcome.kind, reason: v.outcome.reason ?? null, elapsedMs: v.elapsedMs, deadlineMs: v.deadlineMs, rttMs: rtts.map((x) => Math.round(x)) });
    return v;
  }

  /** A 200 reply's body, or undefined (timeout, refusal, transport failure: judged as not received). */
  private async post(url: string, body: unknown, timeoutMs: number, maxBytes: number, log: Logger, what: string, binary = false): Promise<unknown> {
    let r: PostResult;
    try {
      r = await postJson(url, body, { timeoutMs, maxBytes, binary });
    } catch (e) {
      log.warn(`${what}: no usable reply`, { code: e instanceof TransportError ? e.code : "error", message: (e as Error).message });
      return undefined;
    }
    if (r.status !== 200) {
      log.warn(`${what}: agent refused`, { status: r.status, reply: r.body });
      return undefined;
    }
    return r.body;
  }

  /**
   * Writes the canonical bundle as <evidenceDir>/<sha256>.json and the openings it names as
   * <sha256>.openings (each atomically, the openings first); returns the bundle's path.
   */
  storeEvidence(v: Verdict): string {
    const base = path.join(this.o.evidenceDir, toHex(v.evidenceHash));
    const write = (file: string, data: string | Uint8Array) => {
      const tmp = `${file}.tmp-${process.pid}`;
      fs.writeFileSync(tmp, data);
      fs.renameSync(tmp, file);
    };
    if (v.openings !== null) write(`${base}.openings`, v.openings);
    write(`${base}.json`, serializeEvidence(v.evidence));
    return `${base}.json`;
  }

  /** Deletes evidence files older than the retention period; returns how many. */
  pruneEvidence(now = Date.now()): number {
    if (!this.o.evidenceRetentionDays) return 0;
    const limit = now - this.o.evidenceRetentionDays * 86_400_000;
    let n = 0;
    for (const f of fs.readdirSync(this.o.evidenceDir)) {
      if (!EVIDENCE_FILE.test(f)) continue;
      const p = path.join(this.o.evidenceDir, f);
      if (fs.statSync(p).mtimeMs < limit) {
        fs.rmSync(p);
        n++;
      }
    }
    if (n > 0) this.log.info("old evidence pruned", { files: n });
    return n;
  }

  /** Permissionless expire_challenge on pending challenges whose verdict window has passed. */
  async expireStale(): Promise<string[]> {
    const conn = this.o.connection;
    const { slot } = await chainClock(conn);
    const stale = (await gpa.openChallenges(conn, undefined, { programId: this.programId })).filter((c) => {
      const own = c.account.verifier.equals(this.authority);
      return c.account.verdictDeadlineSlot < slot && (own ? this.o.expireOwn : this.o.expireOthers);
    });
    const done: string[] = [];
    for (const c of stale) {
      try {
        await rpc.expireChallenge({
          connection: conn, payer: this.o.authority, challenge: c.address, verifierAuthority: c.account.verifier, pool: c.account.pool, programId: this.programId,
        });
        const whose = c.account.verifier.equals(this.authority) ? "own" : "others";
        this.metrics.expired.inc({ whose });
        done.push(c.address.toBase58());
        this.log.info("stale challenge expired", { challenge: c.address, verifier: c.account.verifier, device: c.account.device, whose });
      } catch (e) {
        if (errors.isProgramError(e, "ChallengeDecided")) continue; // someone was faster
        this.log.warn("expire failed", { challenge: c.address, err: e });
      }
    }
    this.pruneEvidence();
    return done;
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
