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

export interface SplitOptions extends Omit<PackOptions, "maxGroups" | "maxTrace"> {
  /** Items per instruction at most. */
  maxItems?: number;
  /** Instruction-trace entries of the one instruction over `n` items (the prefix is added). */
  traceOf: (n: number) => number;
  maxTrace?: number;
  /** The tables to compile one transaction with (default `lookupTables`): those holding its accounts keep compiling fast with many tables. */
  tablesFor?: (instructions: TransactionInstruction[]) => AddressLookupTableAccount[] | undefined;
}

/**
 * Splits `items` (in order) into runs that each make ONE instruction (`build(run)`, e.g. one
 * `settle_expired` over many stakes) fitting a transaction: bytes, account locks, the trace and
 * `maxItems`. Every limit grows with the run, so the longest fitting prefix is found by bisection
 * (a few `measure`s per transaction, not one per item). An item that fits nowhere alone throws.
 */
export function splitIntoInstructions<T>(items: T[], build: (run: T[]) => TransactionInstruction, o: SplitOptions): Batch<T>[] {
  const maxBytes = o.maxBytes ?? MAX_TRANSACTION_BYTES;
  const maxLocks = o.maxAccountLocks ?? 64;
  const maxTrace = o.maxTrace ?? MAX_INSTRUCTION_TRACE;
  const prefix = o.prefix ?? [];
  const maxItems = Math.max(1, o.maxItems ?? Number.MAX_SAFE_INTEGER);
  const traceFits = (n: number) => prefix.length + o.traceOf(n) <= maxTrace;
  const fits = (run: T[]): Measure | null => {
    if (!traceFits(run.length)) return null;
    const ixs = [...prefix, build(run)];
    const m = measure(o.payer, ixs, o.tablesFor ? o.tablesFor(ixs) : o.lookupTables);
    return m && m.bytes <= maxBytes && m.accounts <= maxLocks ? m : null;
  };
  const out: Batch<T>[] = [];
  for (let i = 0; i < items.length; ) {
    let hi = Math.min(maxItems, items.length - i);
    while (hi > 1 && !traceFits(hi)) hi--;
    let best = fits(items.slice(i, i + hi));
    let n = hi;
    if (!best) {
      // Largest n in [1, hi) that fits: lo fits (or is 0), hi does not.
      let lo = 0;
      let loM: Measure | null = null;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        const m = fits(items.slice(i, i + mid));
        if (m) [lo, loM] = [mid, m];
        else hi = mid;
      }
      if (!loM) throw new GroupTooLargeError("one item does not fit a transaction on its own");
      [n, best] = [lo, loM];
    }
    const run = items.slice(i, i + n);
    out.push({ items: run, instructions: [build(run)], measure: best!, trace: prefix.length + o.traceOf(n) });
    i += n;
  }
  return out;
}

/**
 * Picks, for a transaction, only the lookup tables that hold its accounts (the first warm table
 * holding each): compiling against a hundred tables scans every one of them per account.
 */
export function tablePicker(tables: AddressLookupTableAccount[] | undefined): ((instructions: TransactionInstruction[]) => AddressLookupTableAccount[] | undefined) | undefined {
  if (!tables?.length) return undefined;
  const where = new Map<string, AddressLookupTableAccount>();
  for (const t of tables) for (const a of t.state.addresses) if (!where.has(a.toBase58())) where.set(a.toBase58(), t);
  return (instructions) => {
    const picked = new Set<AddressLookupTableAccount>();
    for (const ix of instructions) for (const k of ix.keys) {
      const t = where.get(k.pubkey.toBase58());
      if (t) picked.add(t);
    }
    return [...picked];
  };
}
