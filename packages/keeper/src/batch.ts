// Packing independent instruction groups (one per stake: claim + settle) into as few transactions
// as the limits allow: 1232 bytes serialized, the account-lock limit, and a cap per transaction.
import { AddressLookupTableAccount, PublicKey, TransactionInstruction, TransactionMessage, VersionedTransaction } from "@solana/web3.js";

/** Solana's packet size limit for a serialized transaction. */
export const MAX_TRANSACTION_BYTES = 1232;
/**
 * The runtime's MAX_INSTRUCTION_TRACE_LENGTH: top-level instructions plus every CPI (token
 * transfers, burns, Anchor's emit_cpi! self-invocation) of one transaction.
 */
export const MAX_INSTRUCTION_TRACE = 64;

export interface Measure {
  bytes: number;
  /** Accounts the transaction locks (static keys + lookup-table keys). */
  accounts: number;
}

/** Serialized size and account count of a v0 message (signatures included, zeroed); `null` if it cannot be encoded at all. */
export function measure(payer: PublicKey, instructions: TransactionInstruction[], lookupTables: AddressLookupTableAccount[] = []): Measure | null {
  try {
    const message = new TransactionMessage({ payerKey: payer, recentBlockhash: PublicKey.default.toBase58(), instructions }).compileToV0Message(lookupTables);
    const looked = message.addressTableLookups.reduce((n, l) => n + l.writableIndexes.length + l.readonlyIndexes.length, 0);
    return { bytes: new VersionedTransaction(message).serialize().length, accounts: message.staticAccountKeys.length + looked };
  } catch {
    return null; // web3.js overruns its 1232-byte buffer: too big
  }
}

export interface Group<T> {
  item: T;
  instructions: TransactionInstruction[];
  /** Instruction-trace entries the group may use at most (its instructions and their CPIs); default: its instruction count. */
  trace?: number;
}

export interface PackOptions {
  payer: PublicKey;
  lookupTables?: AddressLookupTableAccount[];
  /** Instructions each transaction will start with (compute budget), counted in the size. */
  prefix?: TransactionInstruction[];
  maxBytes?: number;
  maxAccountLocks?: number;
  /** Groups per transaction at most. */
  maxGroups?: number;
  /** Instruction-trace budget (prefix included); default `MAX_INSTRUCTION_TRACE`. */
  maxTrace?: number;
}

export interface Batch<T> {
  items: T[];
  instructions: TransactionInstruction[];
  measure: Measure;
  /** Worst-case instruction-trace entries, prefix included. */
  trace: number;
}

export class GroupTooLargeError extends Error {}

/**
 * Greedy, in order: each group joins the current transaction if the whole still fits, otherwise it
 * starts the next one. Order is kept (callers sort by urgency). A group that fits nowhere throws.
 */
export function pack<T>(groups: Group<T>[], o: PackOptions): Batch<T>[] {
  const maxBytes = o.maxBytes ?? MAX_TRANSACTION_BYTES;
  const maxLocks = o.maxAccountLocks ?? 64;
  const maxGroups = o.maxGroups ?? Number.MAX_SAFE_INTEGER;
  const prefix = o.prefix ?? [];
  const maxTrace = o.maxTrace ?? MAX_INSTRUCTION_TRACE;
  const traceOf = (g: Group<T>) => g.trace ?? g.instructions.length;
  const fits = (ixs: TransactionInstruction[]) => {
    const m = measure(o.payer, [...prefix, ...ixs], o.lookupTables);
    return m && m.bytes <= maxBytes && m.accounts <= maxLocks ? m : null;
  };
  const out: Batch<T>[] = [];
  let cur: Batch<T> | null = null;
  for (const g of groups) {
    if (cur && cur.items.length < maxGroups && cur.trace + traceOf(g) <= maxTrace) {
      const m = fits([...cur.instructions, ...g.instructions]);
      if (m) {
        cur.items.push(g.item);
        cur.instructions.push(...g.instructions);
        cur.measure = m;
        cur.trace += traceOf(g);
        continue;
      }
    }
    const m = fits(g.instructions);
    if (!m || prefix.length + traceOf(g) > maxTrace) throw new GroupTooLargeError(`one group of ${g.instructions.length} instructions does not fit a transaction`);
    cur = { items: [g.item], instructions: [...g.instructions], measure: m, trace: prefix.length + traceOf(g) };
    out.push(cur);
  }
  return out;
}
