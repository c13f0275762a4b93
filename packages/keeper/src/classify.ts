// What a failed crank means, by error class, and how long to wait before the next try.
import { errors } from "@pinfi/sdk";

/**
 * - `done`: the work is already done (by us earlier, or a racing keeper): count it, never resend.
 * - `notDue`: not yet possible (epoch not over, placement window open): try in a later run.
 * - `stale`: our view of the chain is out of date: refresh and plan again.
 * - `retry`: transport trouble (rate limit, network, timeout, expired blockhash): the same intent
 *   may be sent again after a backoff; cranks are idempotent on chain, so this never pays twice.
 * - `fatal`: anything else (a bug, an unfunded keeper): logged and counted, the item is skipped.
 */
export type ErrorClass = "done" | "notDue" | "stale" | "retry" | "fatal";

export interface Classified {
  class: ErrorClass;
  /** A stable name for logs and the failures metric: the program / Anchor / token error name, or the transport kind. */
  name: string;
  error: errors.PinfiSdkError;
}

/** The crank that failed: the same error can mean different things for each. */
export type CrankKind = "closeEpoch" | "closePoolEpoch" | "settle" | "lookupTable" | "rental";

const DONE: Record<CrankKind, string[]> = {
  // `WrongEpoch` on an index below `next_epoch`: it was closed; the init of its PDA refuses a repeat.
  closeEpoch: ["WrongEpoch", "AccountAlreadyInUse"],
  closePoolEpoch: ["WrongEpoch", "AccountAlreadyInUse"],
  // The stake account is gone: settled (and closed) already.
  settle: ["AccountNotInitialized", "AccountDiscriminatorMismatch", "AccountOwnedByWrongProgram"],
  lookupTable: [],
  rental: ["RentalNotWaiting", "AccountNotInitialized"],
};
const NOT_DUE = ["EpochNotOver", "PlacementWindowOpen", "StakeNotEnded", "RewardsUnclaimed"];
const STALE = ["WrongPoolEpoch", "NoEligibleStake", "WrongStakes", "AccountNotInitialized", "ConstraintSeeds", "InvalidLookupTableIndex"];

/** `Allocate: account ... already in use` (the system program's error 0 under an Anchor `init`). */
function alreadyInUse(e: errors.PinfiSdkError): boolean {
  const logs = (e as { logs?: string[] }).logs ?? [];
  return logs.some((l) => /already in use/.test(l)) || /already in use/.test(e.message);
}

export function nameOf(e: errors.PinfiSdkError): string {
  if (alreadyInUse(e)) return "AccountAlreadyInUse";
  if (/InvalidAddressLookupTableIndex|invalid index|address table lookup/i.test(e.message)) return "InvalidLookupTableIndex";
  const n = (e as { errorName?: string }).errorName;
  return n && n !== "Unknown" && n !== "Custom" ? n : e.category;
}

export function classify(err: unknown, kind: CrankKind): Classified {
  const error = errors.translateError(err);
  const name = nameOf(error);
  if (name === "AlreadyProcessed") return { class: "done", name, error };
  const account = (error as { account?: string }).account;
  // A missing account other than the stake itself (a pool epoch, say) means our view is stale.
  if (kind === "settle" && account && account !== "stake" && DONE.settle.includes(name)) return { class: "stale", name, error };
  if (DONE[kind].includes(name)) return { class: "done", name, error };
  if (NOT_DUE.includes(name)) return { class: "notDue", name, error };
  if (STALE.includes(name)) return { class: "stale", name, error };
  if (error instanceof errors.TransportError) {
    // Unconfirmed: it may still land; re-reading the chain (stale) decides, never a blind resend.
    return { class: error.errorName === "Unconfirmed" ? "stale" : "retry", name, error };
  }
  if (error.retryable) return { class: "retry", name, error };
  return { class: "fatal", name, error };
}

/** Exponential backoff with "equal jitter": half fixed, half random, capped at `maxMs`. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });
