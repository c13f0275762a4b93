// Views run as simulations: nothing is signed or sent, and the program's return data is the answer.
import { Commitment, Connection, PublicKey, TransactionMessage, VersionedTransaction } from "@solana/web3.js";
import { PROGRAM_ID } from "../constants";
import { coder, plainDefined } from "../idl";
import { PinfiSdkError } from "../errors/base";
import { translateError } from "../errors";
import { poolSnapshot as ix, PoolSnapshotArgs } from "../instructions/poolSnapshot";
import { withRetries } from "./sendAndConfirm";

export interface PoolSnapshot {
  /** Unix time the node evaluated the pool at. */
  at: bigint;
  /** GPU-seconds in the pool at `at`, decay applied, rounded down. */
  hours: bigint;
  utilityReserve: bigint;
  lpSupply: bigint;
  seq: bigint;
}

/** Reads the return data of a simulated view: the `returnData` field, else the `Program return:` log line. */
export function returnDataOf(value: { returnData?: { programId: string; data: [string, string] } | null; logs?: string[] | null }, programId: PublicKey): Buffer | null {
  if (value.returnData && value.returnData.programId === programId.toBase58()) return Buffer.from(value.returnData.data[0], "base64");
  const prefix = `Program return: ${programId.toBase58()} `;
  const line = (value.logs ?? []).find((l) => l.startsWith(prefix));
  return line ? Buffer.from(line.slice(prefix.length), "base64") : null;
}

/** `pool_snapshot` at the node's current time; `feePayer` must be an existing account (any). */
export async function poolSnapshot(a: PoolSnapshotArgs & { connection: Connection; feePayer: PublicKey; commitment?: Commitment }): Promise<PoolSnapshot> {
  const programId = a.programId ?? PROGRAM_ID;
  const { blockhash } = await withRetries(() => a.connection.getLatestBlockhash(a.commitment));
  const message = new TransactionMessage({ payerKey: a.feePayer, recentBlockhash: blockhash, instructions: [ix(a)] }).compileToV0Message();
  const { value } = await withRetries(() =>
    a.connection.simulateTransaction(new VersionedTransaction(message), { sigVerify: false, replaceRecentBlockhash: true, commitment: a.commitment }),
  );
  if (value.err) throw translateError(value.err, value.logs ?? []);
  const data = returnDataOf(value as never, programId);
  if (!data) throw new PinfiSdkError("InvalidAccount", "pool_snapshot returned no data", false);
  return plainDefined("PoolSnapshot", coder.types.decode("PoolSnapshot", data)) as PoolSnapshot;
}
