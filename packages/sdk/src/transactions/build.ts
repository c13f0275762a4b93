import {
  AddressLookupTableAccount,
  Commitment,
  ComputeBudgetProgram,
  Connection,
  PublicKey,
  TransactionInstruction,
  TransactionMessage,
  VersionedTransaction,
} from "@solana/web3.js";
import { MAX_COMPUTE_UNITS } from "../constants";
import { translateError } from "../errors";

/** Headroom over simulated compute: state moves between simulation and landing. */
export const COMPUTE_MARGIN = 1.2;
/** Default ceiling of an "auto" priority fee, micro-lamports per compute unit. */
export const DEFAULT_MAX_COMPUTE_UNIT_PRICE = 1_000_000;

export interface BuildOptions {
  connection: Connection;
  payer: PublicKey;
  instructions: TransactionInstruction[];
  /** A fixed limit, or `"simulate"`: simulated use × 1.2, capped at 1.4M. */
  computeUnitLimit?: number | "simulate";
  /** Micro-lamports per CU, or `"auto"`: median recent fee on the written accounts. */
  computeUnitPrice?: number | bigint | "auto";
  /** Upper bound of an `"auto"` price. */
  maxComputeUnitPrice?: number | bigint;
  lookupTables?: AddressLookupTableAccount[];
  /** Use this blockhash instead of fetching one. */
  blockhash?: string;
  commitment?: Commitment;
}

/** Every account some instruction writes: where priority fees compete. */
export function writableAccounts(instructions: TransactionInstruction[]): PublicKey[] {
  const seen = new Map<string, PublicKey>();
  for (const ix of instructions) for (const k of ix.keys) if (k.isWritable) seen.set(k.pubkey.toBase58(), k.pubkey);
  return [...seen.values()];
}

/** Median of `getRecentPrioritizationFees` over the written accounts, clamped to `max`. */
export async function autoComputeUnitPrice(connection: Connection, instructions: TransactionInstruction[], max: number | bigint = DEFAULT_MAX_COMPUTE_UNIT_PRICE): Promise<bigint> {
  const fees = (await connection.getRecentPrioritizationFees({ lockedWritableAccounts: writableAccounts(instructions) }))
    .map((f) => BigInt(f.prioritizationFee))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (fees.length === 0) return 0n;
  const mid = fees.length >> 1;
  const median = fees.length % 2 ? fees[mid] : (fees[mid - 1] + fees[mid]) / 2n;
  return median < BigInt(max) ? median : BigInt(max);
}

export function compile(payer: PublicKey, instructions: TransactionInstruction[], blockhash: string, lookupTables?: AddressLookupTableAccount[]): VersionedTransaction {
  const message = new TransactionMessage({ payerKey: payer, recentBlockhash: blockhash, instructions }).compileToV0Message(lookupTables);
  return new VersionedTransaction(message);
}

/** Units a transaction needs, from a simulation; throws the typed error if it fails. */
export async function simulateComputeUnits(connection: Connection, payer: PublicKey, instructions: TransactionInstruction[], lookupTables?: AddressLookupTableAccount[], commitment?: Commitment): Promise<number | undefined> {
  const probe = compile(payer, [ComputeBudgetProgram.setComputeUnitLimit({ units: MAX_COMPUTE_UNITS }), ...instructions], PublicKey.default.toBase58(), lookupTables);
  const { value } = await connection.simulateTransaction(probe, { sigVerify: false, replaceRecentBlockhash: true, commitment });
  if (value.err) throw translateError(value.err, value.logs);
  if (value.unitsConsumed === undefined) return undefined;
  return Math.min(MAX_COMPUTE_UNITS, Math.ceil(value.unitsConsumed * COMPUTE_MARGIN));
}

/** An unsigned v0 transaction, with ComputeBudget instructions first when asked for. */
export async function buildTransaction(o: BuildOptions): Promise<VersionedTransaction> {
  const budget: TransactionInstruction[] = [];
  const price = o.computeUnitPrice === "auto" ? await autoComputeUnitPrice(o.connection, o.instructions, o.maxComputeUnitPrice) : o.computeUnitPrice;
  if (price !== undefined && BigInt(price) > 0n) budget.push(ComputeBudgetProgram.setComputeUnitPrice({ microLamports: BigInt(price) }));
  const limit =
    o.computeUnitLimit === "simulate"
      ? await simulateComputeUnits(o.connection, o.payer, [...budget, ...o.instructions], o.lookupTables, o.commitment)
      : o.computeUnitLimit;
  if (limit !== undefined) budget.unshift(ComputeBudgetProgram.setComputeUnitLimit({ units: limit }));
  const blockhash = o.blockhash ?? (await o.connection.getLatestBlockhash(o.commitment)).blockhash;
  return compile(o.payer, [...budget, ...o.instructions], blockhash, o.lookupTables);
}
