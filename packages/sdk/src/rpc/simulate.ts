import { Commitment, Connection, PublicKey, VersionedTransaction } from "@solana/web3.js";
import { PROGRAM_ID } from "../constants";
import { PinfiSdkError } from "../errors/base";
import { translateError } from "../errors";
import { eventsFromInnerInstructions, eventsFromTransaction, PinfiEvent } from "../events";
import { withRetries } from "./sendAndConfirm";

export interface SimulationResult {
  ok: boolean;
  logs: string[];
  /** Events the transaction would emit (decoded from the simulated inner instructions). */
  events: PinfiEvent[];
  /** The typed error it would fail with. */
  error: PinfiSdkError | null;
  unitsConsumed?: number;
}

/** Dry run: no signatures needed, the blockhash is replaced by the node. */
export async function simulate(o: { connection: Connection; transaction: VersionedTransaction; commitment?: Commitment; programId?: PublicKey }): Promise<SimulationResult> {
  const { value } = await withRetries(() =>
    o.connection.simulateTransaction(o.transaction, { sigVerify: false, replaceRecentBlockhash: true, innerInstructions: true, commitment: o.commitment }),
  );
  const logs = value.logs ?? [];
  return {
    ok: !value.err,
    logs,
    events: value.err ? [] : eventsFromInnerInstructions(value.innerInstructions, [...o.transaction.message.staticAccountKeys], o.programId ?? PROGRAM_ID),
    error: value.err ? translateError(value.err, logs) : null,
    unitsConsumed: value.unitsConsumed,
  };
}

/** Events of a landed transaction; waits briefly for RPCs whose history lags their status. */
export async function fetchEvents(connection: Connection, signature: string, programId = PROGRAM_ID, tries = 10, pollMs = 400): Promise<PinfiEvent[]> {
  for (let i = 0; i < tries; i++) {
    const tx = await withRetries(() => connection.getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 }));
    if (tx) return eventsFromTransaction(tx, programId);
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new PinfiSdkError("Transport", `transaction ${signature} confirmed but not returned by getTransaction`, true);
}
