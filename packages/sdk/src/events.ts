// Events of `emit_cpi!`: a self-CPI whose data is EVENT_IX_TAG (8 bytes), the event's
// discriminator and its borsh body. Unlike log events they survive log truncation.
import { CompiledInnerInstruction, ParsedInnerInstruction, PublicKey, VersionedTransactionResponse } from "@solana/web3.js";
import { bs58 } from "./anchor";
import { coder, plainDefined } from "./idl";
import { EVENT_IX_TAG, PROGRAM_ID } from "./constants";
import type { EventOf, PinfiEvent, PinfiEventName } from "./types";

export type { PinfiEvent, PinfiEventName, EventOf } from "./types";

/** One instruction's data to its event, or `null` when it is not a PinFi event. */
export function decodeEventData(data: Uint8Array): PinfiEvent | null {
  const buf = Buffer.from(data);
  if (buf.length < 16 || !buf.subarray(0, 8).equals(EVENT_IX_TAG)) return null;
  const ev = coder.events.decode(buf.subarray(8).toString("base64"));
  if (!ev) return null;
  return { name: ev.name as PinfiEventName, data: plainDefined(ev.name, ev.data) } as PinfiEvent;
}

type AnyInner = CompiledInnerInstruction | ParsedInnerInstruction;

/**
 * Events from inner instructions, in execution order: compiled (`programIdIndex`, as
 * getTransaction returns them; needs `accountKeys`) or partially decoded (`programId`, as
 * simulateTransaction returns them).
 */
export function eventsFromInnerInstructions(inner: AnyInner[] | null | undefined, accountKeys: PublicKey[] = [], programId = PROGRAM_ID): PinfiEvent[] {
  const out: PinfiEvent[] = [];
  for (const group of [...(inner ?? [])].sort((a, b) => a.index - b.index)) {
    for (const ix of group.instructions as any[]) {
      const program = "programIdIndex" in ix ? accountKeys[ix.programIdIndex] : ix.programId;
      if (!program || new PublicKey(program).toBase58() !== programId.toBase58() || typeof ix.data !== "string") continue;
      const ev = decodeEventData(bs58.decode(ix.data));
      if (ev) out.push(ev);
    }
  }
  return out;
}

/** Events of a confirmed transaction (`getTransaction(sig, { maxSupportedTransactionVersion: 0 })`). */
export function eventsFromTransaction(tx: VersionedTransactionResponse | null, programId = PROGRAM_ID): PinfiEvent[] {
  if (!tx?.meta || tx.meta.err) return [];
  const keys = tx.transaction.message.getAccountKeys({ accountKeysFromLookups: tx.meta.loadedAddresses ?? undefined });
  const accountKeys = [...keys.staticAccountKeys, ...(keys.accountKeysFromLookups?.writable ?? []), ...(keys.accountKeysFromLookups?.readonly ?? [])];
  return eventsFromInnerInstructions(tx.meta.innerInstructions, accountKeys, programId);
}

/** The sequence stream an event belongs to: its pool, or the protocol. */
export function streamOf(ev: PinfiEvent): string {
  return "pool" in ev.data ? ev.data.pool.toBase58() : "protocol";
}

export type SequenceStatus = "first" | "next" | "gap" | "duplicate" | "late";
export interface SequenceReport {
  stream: string;
  seq: bigint;
  status: SequenceStatus;
  /** For a gap: the seqs never seen, inclusive. */
  missing?: { from: bigint; to: bigint };
}

/**
 * Tracks `seq` per pool (and for the protocol): each stream counts 1, 2, 3, ... so a jump means
 * missed events. `fromStart` expects every stream to begin at 1; otherwise the first event seen
 * sets the base (or call `seed` with an account's current `seq`).
 */
export class EventSequencer {
  private last = new Map<string, bigint>();
  private holes = new Map<string, { from: bigint; to: bigint }[]>();

  constructor(private readonly opts: { fromStart?: boolean } = {}) {}

  /** Events up to and including `seq` of `stream` count as seen. */
  seed(stream: PublicKey | string, seq: bigint): void {
    this.last.set(typeof stream === "string" ? stream : stream.toBase58(), seq);
  }

  observe(ev: PinfiEvent): SequenceReport {
    const stream = streamOf(ev);
    const seq = ev.data.seq;
    const last = this.last.get(stream) ?? (this.opts.fromStart ? 0n : undefined);
    if (last === undefined) {
      this.last.set(stream, seq);
      return { stream, seq, status: "first" };
    }
    if (seq <= last) return { stream, seq, status: this.fill(stream, seq) ? "late" : "duplicate" };
    this.last.set(stream, seq);
    if (seq === last + 1n) return { stream, seq, status: "next" };
    const missing = { from: last + 1n, to: seq - 1n };
    this.holes.set(stream, [...(this.holes.get(stream) ?? []), missing]);
    return { stream, seq, status: "gap", missing };
  }

  /** Seqs still missing, per stream. */
  gaps(): Map<string, { from: bigint; to: bigint }[]> {
    return new Map([...this.holes].filter(([, h]) => h.length > 0));
  }

  /** Removes `seq` from its stream's holes; whether it was one. */
  private fill(stream: string, seq: bigint): boolean {
    const holes = this.holes.get(stream) ?? [];
    const i = holes.findIndex((h) => h.from <= seq && seq <= h.to);
    if (i < 0) return false;
    const h = holes[i];
    const parts = [
      { from: h.from, to: seq - 1n },
      { from: seq + 1n, to: h.to },
    ].filter((p) => p.from <= p.to);
    holes.splice(i, 1, ...parts);
    return true;
  }
}

/** One stake's settlement, from a `StakeSettled` (settle_stake) or an entry of `StakesSettled` (settle_expired). */
export interface StakeSettlement {
  pool: PublicKey;
  /** The seq of the event that reported it (a sweep's entries share one). */
  seq: bigint;
  stake: PublicKey;
  kind: EventOf<"StakeSettled">["kind"];
  failed: boolean;
  paidOut: bigint;
  burned: bigint;
  /** Renter compensation (settle_stake only; a sweep refuses stakes that owe one). */
  compensation: bigint;
  /** Rewards claimed within the settlement (settle_expired only; settle_stake's claims come as `RewardsClaimed`). */
  rewardsPaid: bigint;
  rewardsBurned: bigint;
  via: "settleStake" | "settleExpired";
}

/** Every stake settlement among `events`, in order: sweeps flattened to one entry per stake. */
export function settlementsOf(evs: PinfiEvent[]): StakeSettlement[] {
  const out: StakeSettlement[] = [];
  for (const ev of evs) {
    if (ev.name === "StakeSettled") {
      const d = ev.data;
      out.push({ pool: d.pool, seq: d.seq, stake: d.stake, kind: d.kind, failed: d.failed, paidOut: d.paidOut, burned: d.burned, compensation: d.compensation, rewardsPaid: 0n, rewardsBurned: 0n, via: "settleStake" });
    } else if (ev.name === "StakesSettled") {
      const d = ev.data;
      for (const s of d.settled) {
        out.push({ pool: d.pool, seq: d.seq, stake: s.stake, kind: s.kind, failed: s.failed, paidOut: s.paidOut, burned: s.burned, compensation: 0n, rewardsPaid: s.rewardsPaid, rewardsBurned: s.rewardsBurned, via: "settleExpired" });
      }
    }
  }
  return out;
}
