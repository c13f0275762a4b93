// Sends one crank transaction: priority fee and compute limit as configured, retries by error
// class with backoff and jitter, blockhash-expiry resend (the SDK's sendAndConfirm re-signs only
// once the old blockhash provably expired unlanded), and dry runs that simulate and log instead.
import { AddressLookupTableAccount, ComputeBudgetProgram, Connection, Keypair, TransactionInstruction } from "@solana/web3.js";
import { rpc, transactions } from "@pinfi/sdk";
import type { Logger } from "pino";
import type { KeeperConfig } from "./config";
import { backoffMs, classify, Classified, CrankKind, sleep } from "./classify";
import type { Metrics } from "./metrics";

export type SendOutcome =
  | { status: "landed"; signature: string; slot: number }
  | { status: "simulated"; ok: boolean; error?: string; unitsConsumed?: number }
  | { status: "failed"; failure: Classified };

export class Sender {
  constructor(
    private readonly connection: Connection,
    private readonly payer: Keypair,
    private readonly cfg: KeeperConfig,
    private readonly log: Logger,
    private readonly metrics: Metrics,
    private readonly signal: AbortSignal,
  ) {}

  /** Instructions the compute budget will add in front, for packing (sized at their largest). */
  budgetPrefix(price: bigint): TransactionInstruction[] {
    const out: TransactionInstruction[] = [];
    if (this.cfg.fees.computeUnitLimit !== "none") out.push(ComputeBudgetProgram.setComputeUnitLimit({ units: 1_400_000 }));
    if (price > 0n) out.push(ComputeBudgetProgram.setComputeUnitPrice({ microLamports: price }));
    return out;
  }

  /** The run's priority fee: fixed, or the median recent fee on the accounts a crank writes (clamped). */
  async priorityFee(instructions: TransactionInstruction[]): Promise<bigint> {
    const p = this.cfg.fees.priority;
    if (p !== "auto") return BigInt(p);
    try {
      return await transactions.autoComputeUnitPrice(this.connection, instructions, this.cfg.fees.maxMicroLamports);
    } catch (e) {
      this.log.warn({ err: String(e) }, "getRecentPrioritizationFees failed; no priority fee this time");
      return 0n;
    }
  }

  async send(kind: CrankKind, label: string, instructions: TransactionInstruction[], o: { price?: bigint; lookupTables?: AddressLookupTableAccount[]; fields?: object } = {}): Promise<SendOutcome> {
    const limit = this.cfg.fees.computeUnitLimit;
    const build = (simulateLimit: boolean) =>
      transactions.buildTransaction({
        connection: this.connection,
        payer: this.payer.publicKey,
        instructions,
        lookupTables: o.lookupTables,
        computeUnitPrice: o.price ?? 0n,
        computeUnitLimit: limit === "none" ? undefined : limit === "simulate" ? (simulateLimit ? "simulate" : undefined) : limit,
        commitment: this.cfg.commitment,
      });
    if (this.cfg.dryRun) {
      try {
        const sim = await rpc.simulate({ connection: this.connection, transaction: await build(false), commitment: this.cfg.commitment });
        const failure = sim.error ? classify(sim.error, kind) : undefined;
        this.log.info({ dryRun: true, crank: kind, label, ok: sim.ok, error: failure?.name, errorClass: failure?.class, unitsConsumed: sim.unitsConsumed, events: sim.events.length, ...o.fields }, `would send ${label}`);
        return { status: "simulated", ok: sim.ok, error: failure?.name, unitsConsumed: sim.unitsConsumed };
      } catch (e) {
        const failure = classify(e, kind);
        this.log.warn({ dryRun: true, crank: kind, label, error: failure.name, ...o.fields }, `simulation of ${label} failed`);
        return { status: "simulated", ok: false, error: failure.name };
      }
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const transaction = await build(true);
        const sent = await rpc.sendAndConfirm({ connection: this.connection, transaction, signers: [this.payer], commitment: this.cfg.commitment, backoffMs: this.cfg.retry.baseMs, timeoutMs: 60_000 });
        this.metrics.transactions.inc({ crank: kind });
        this.log.info({ crank: kind, label, signature: sent.signature, slot: sent.slot, attempt, bytes: transaction.serialize().length, ...o.fields }, `sent ${label}`);
        return { status: "landed", signature: sent.signature, slot: sent.slot };
      } catch (e) {
        const failure = classify(e, kind);
        if (failure.class !== "done") this.metrics.failures.inc({ error: failure.name, crank: kind });
        const last = attempt >= this.cfg.retry.attempts || this.signal.aborted;
        if (failure.class === "retry" && !last) {
          const wait = backoffMs(attempt, this.cfg.retry.baseMs, this.cfg.retry.maxMs);
          this.log.warn({ crank: kind, label, error: failure.name, attempt, waitMs: wait, ...o.fields }, `retrying ${label}`);
          await sleep(wait, this.signal);
          continue;
        }
        const level = failure.class === "fatal" || failure.class === "retry" ? "error" : "info";
        this.log[level]({ crank: kind, label, error: failure.name, errorClass: failure.class, detail: failure.class === "fatal" ? failure.error.message.slice(0, 300) : undefined, instruction: (failure.error as { instructionIndex?: number }).instructionIndex, attempt, ...o.fields }, `${label}: ${failure.class}`);
        return { status: "failed", failure };
      }
    }
  }
}
