import type { Connection, Keypair, PublicKey } from "@solana/web3.js";
import type { Logger } from "pino";
import type { KeeperConfig } from "./config";
import type { LookupTables } from "./lookup";
import type { Metrics } from "./metrics";
import type { Sender } from "./sender";

/** What one run did; summed by `Keeper.runOnce` callers (tests, --once). */
export interface RunReport {
  epochsClosed: number;
  poolEpochsClosed: number;
  /** Stakes settled by this keeper's transactions (their claims included). */
  settled: number;
  /** Items found already done by someone else (a racing keeper, an earlier run). */
  alreadyDone: number;
  /** Items that failed and will be tried again in a later run. */
  failures: number;
  transactions: number;
  /** Expired stakes not settled when the run started. */
  backlog: number;
  /** Of those, stakes waiting for their last epoch to close. */
  waitingForEpoch: number;
  /** Settlements in each settlement transaction sent. */
  settlementsPerTx: number[];
  /** Dry run: transactions simulated instead of sent. */
  simulated: number;
  /** Rentals waiting for devices when the run started, placed (or partly placed) and refunded. */
  rentalsWaiting: number;
  rentalsAssigned: number;
  rentalsRefunded: number;
}

export const emptyReport = (): RunReport => ({
  epochsClosed: 0, poolEpochsClosed: 0, settled: 0, alreadyDone: 0, failures: 0, transactions: 0, backlog: 0, waitingForEpoch: 0, settlementsPerTx: [], simulated: 0, rentalsWaiting: 0, rentalsAssigned: 0, rentalsRefunded: 0,
});

export interface CrankContext {
  connection: Connection;
  programId: PublicKey;
  payer: Keypair;
  cfg: KeeperConfig;
  log: Logger;
  metrics: Metrics;
  sender: Sender;
  tables: LookupTables | null;
  signal: AbortSignal;
  report: RunReport;
}

/** A crank the keeper runs each loop (epochs, settlements, rentals; more plug in through `KeeperOptions.cranks`). */
export interface Crank {
  readonly name: string;
  run(ctx: CrankContext): Promise<void>;
}
