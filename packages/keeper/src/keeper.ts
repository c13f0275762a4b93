// The keeper: a loop of cranks (epochs, settlements, rentals), each run re-reading the chain, so a
// restart (even after SIGKILL) just carries on: every crank is idempotent on chain.
import { Connection, Keypair, PublicKey } from "@solana/web3.js";
import { connectionFor, PROGRAM_ID } from "@pinfi/sdk";
import type { Logger } from "pino";
import { KeeperConfig } from "./config";
import { Crank, CrankContext, emptyReport, RunReport } from "./context";
import { EpochCrank } from "./cranks/epochs";
import { RentalCrank } from "./cranks/rentals";
import { SettlementCrank } from "./cranks/settlements";
import { chainClock } from "./chain";
import { sleep } from "./classify";
import { HttpServer, serveHttp } from "./http";
import { createLogger } from "./log";
import { LookupTables } from "./lookup";
import { Metrics } from "./metrics";
import { Sender } from "./sender";

export interface KeeperOptions {
  config: KeeperConfig;
  payer: Keypair;
  connection?: Connection;
  logger?: Logger;
  /** Extra cranks after the built-in ones. */
  cranks?: Crank[];
  /** Register prom-client's process metrics too (the daemon does). */
  processMetrics?: boolean;
}

export class Keeper {
  readonly cfg: KeeperConfig;
  readonly connection: Connection;
  readonly programId: PublicKey;
  readonly log: Logger;
  readonly metrics: Metrics;
  readonly payer: Keypair;
  private readonly abort = new AbortController();
  private readonly cranks: Crank[];
  private readonly tables: LookupTables | null;
  private tablesLoaded = false;
  private running: Promise<void> | null = null;
  private http: HttpServer | null = null;
  private lastSlot = { slot: 0, at: 0 };
  private lastSuccessAt = 0;
  private lastError: string | null = null;

  constructor(o: KeeperOptions) {
    this.cfg = o.config;
    this.payer = o.payer;
    // Blockhashes are always fetched fresh by the SDK; web3's own cache is off (`localnet`) so nothing
    // stale leaks in, and 429s come to our retry policy (backoff + jitter, logged) instead of web3's.
    this.connection = o.connection ?? connectionFor(this.cfg.rpcUrl, { commitment: this.cfg.commitment, localnet: true, disableRetryOnRateLimit: true, ...(this.cfg.wsUrl ? { wsEndpoint: this.cfg.wsUrl } : {}) });
    this.programId = this.cfg.programId ? new PublicKey(this.cfg.programId) : PROGRAM_ID;
    this.log = o.logger ?? createLogger(this.cfg.log.level);
    this.metrics = new Metrics(o.processMetrics ?? false);
    this.cranks = [...(this.cfg.epochs.enabled ? [new EpochCrank()] : []), ...(this.cfg.settlements.enabled ? [new SettlementCrank()] : []),
      ...(this.cfg.rentals.enabled ? [new RentalCrank()] : []),
      ...(o.cranks ?? []),
    ];
    this.tables = this.cfg.settlements.lookupTables === "auto" ? new LookupTables(this.connection, this.payer.publicKey, (label, ixs) => this.sendTableTx(label, ixs)) : null;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** One run of every crank. Never throws for chain/RPC trouble: it is logged, counted and reported. */
  async runOnce(): Promise<RunReport> {
    const report = emptyReport();
    const started = Date.now();
    let ok = true;
    try {
      const clock = await chainClock(this.connection, this.cfg.commitment);
      this.noteSlot(clock.slot);
      if (this.tables && !this.tablesLoaded) {
        await this.tables.load();
        this.tablesLoaded = true;
      }
      const sender = new Sender(this.connection, this.payer, this.cfg, this.log, this.metrics, this.signal);
      const ctx: CrankContext = {
        connection: this.connection, programId: this.programId, payer: this.payer, cfg: this.cfg, log: this.log, metrics: this.metrics,
        sender, tables: this.tables, signal: this.signal, report,
      };
      for (const crank of this.cranks) {
        if (this.signal.aborted) break;
        try {
          await crank.run(ctx);
        } catch (e) {
          ok = false;
          report.failures++;
          this.lastError = String((e as Error)?.message ?? e);
          this.metrics.failures.inc({ error: (e as { errorName?: string }).errorName ?? (e as Error)?.name ?? "Error", crank: crank.name });
          this.log.error({ crank: crank.name, err: this.lastError }, "crank run failed");
        }
      }
    } catch (e) {
      ok = false;
      report.failures++;
      this.lastError = String((e as Error)?.message ?? e);
      this.metrics.failures.inc({ error: "Rpc", crank: "clock" });
      this.log.error({ err: this.lastError }, "cannot read the chain");
    }
    ok = ok && report.failures === 0;
    this.metrics.runs.inc({ result: ok ? "ok" : "partial" });
    if (ok) {
      this.lastSuccessAt = Date.now();
      this.metrics.lastSuccess.set(Math.floor(this.lastSuccessAt / 1000));
    }
    this.log.info({ ...report, settlementsPerTx: undefined, batches: report.settlementsPerTx, ms: Date.now() - started, ok }, "run done");
    return report;
  }

  /** Runs until `stop()` (or SIGTERM/SIGINT in the daemon); `once` runs a single time. */
  async start(): Promise<void> {
    if (this.cfg.http.enabled && !this.http) {
      this.http = await serveHttp(this.cfg.http.host, this.cfg.http.port, this.metrics, this);
      this.log.info({ host: this.cfg.http.host, port: this.http.port }, "http: /health /metrics");
    }
    this.running = (async () => {
      do {
        await this.runOnce();
        if (this.cfg.once) break;
        await sleep(this.cfg.intervalMs, this.signal);
      } while (!this.signal.aborted);
    })();
    return this.running;
  }

  get httpPort(): number | undefined {
    return this.http?.port;
  }

  /** Graceful: no new transaction starts; the one in flight finishes (or its wait is cut short). */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running?.catch(() => undefined);
    await this.http?.close();
    this.http = null;
    const ws = (this.connection as unknown as { _rpcWebSocket?: { close(): void } })._rpcWebSocket;
    ws?.close();
  }

  health(): { ok: boolean; [k: string]: unknown } {
    const now = Date.now();
    const slotAgeMs = this.lastSlot.at ? now - this.lastSlot.at : null;
    const crankAgeMs = this.lastSuccessAt ? now - this.lastSuccessAt : null;
    const ok = slotAgeMs !== null && slotAgeMs <= this.cfg.http.maxSlotAgeMs && crankAgeMs !== null && crankAgeMs <= this.cfg.http.maxCrankAgeMs;
    return { ok, slot: this.lastSlot.slot, slotAgeMs, lastSuccessAt: this.lastSuccessAt ? new Date(this.lastSuccessAt).toISOString() : null, crankAgeMs, lastError: this.lastError, dryRun: this.cfg.dryRun };
  }

  private noteSlot(slot: number) {
    this.lastSlot = { slot, at: Date.now() };
    this.metrics.slot.set(slot);
  }

  private async sendTableTx(label: string, ixs: import("@solana/web3.js").TransactionInstruction[]): Promise<boolean> {
    const sender = new Sender(this.connection, this.payer, { ...this.cfg, fees: { ...this.cfg.fees, computeUnitLimit: "none" } }, this.log, this.metrics, this.signal);
    const out = await sender.send("lookupTable", label, ixs);
    return out.status === "landed";
  }
}
