// Send, confirm by polling (works on any RPC, websockets or not), and re-sign with a fresh
// blockhash only once the old one has provably expired without the transaction landing, so a
// resend can never execute twice.
import { Commitment, Connection, PublicKey, Signer, TransactionSignature, VersionedTransaction } from "@solana/web3.js";
import { bs58 } from "../anchor";
import { PinfiSdkError } from "../errors/base";
import { TransportError, TransactionFailedError, translateError } from "../errors";

/** A browser wallet: signs without exposing its key. */
export interface WalletSigner {
  publicKey: PublicKey;
  signTransaction<T extends VersionedTransaction>(tx: T): Promise<T>;
}

export interface SendOptions {
  connection: Connection;
  transaction: VersionedTransaction;
  signers?: Signer[];
  wallet?: WalletSigner;
  /** Default `"confirmed"`. */
  commitment?: Commitment;
  skipPreflight?: boolean;
  /** Signing attempts, each with a fresh blockhash (default 3). */
  maxAttempts?: number;
  /** Base of the exponential backoff between retries, ms (default 500). */
  backoffMs?: number;
  /** Status polling interval, ms (default 400). */
  pollMs?: number;
  /** Rebroadcast of the same signed bytes while unconfirmed, ms (default 2000). */
  resendMs?: number;
  /** Give up waiting on one attempt after this long, ms (default 90 000): `Unconfirmed`. */
  timeoutMs?: number;
}

export interface SendResult {
  signature: TransactionSignature;
  slot: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LEVEL: Record<string, number> = { processed: 0, recent: 0, single: 0, confirmed: 1, singleGossip: 1, finalized: 2, max: 2, root: 2 };

/** Calls `f`, retrying retryable transport errors (rate limits, network) with backoff. */
export async function withRetries<T>(f: () => Promise<T>, tries = 4, backoffMs = 500): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await f();
    } catch (e) {
      const err = translateError(e);
      if (!(err instanceof TransportError) || !err.retryable || err.errorName === "BlockhashExpired" || i >= tries) throw err;
      await sleep(backoffMs * 2 ** (i - 1));
    }
  }
}

/** Signs `tx` (after clearing old signatures) with every signer it needs; the wallet last. */
export async function signTransaction(tx: VersionedTransaction, signers: Signer[] = [], wallet?: WalletSigner): Promise<VersionedTransaction> {
  const required = tx.message.staticAccountKeys.slice(0, tx.message.header.numRequiredSignatures);
  tx.signatures = required.map(() => new Uint8Array(64));
  const mine = signers.filter((s, i) => required.some((k) => k.equals(s.publicKey)) && signers.findIndex((t) => t.publicKey.equals(s.publicKey)) === i);
  if (mine.length) tx.sign(mine);
  const signed = wallet && required.some((k) => k.equals(wallet.publicKey)) ? await wallet.signTransaction(tx) : tx;
  const missing = required.filter((_k, i) => signed.signatures[i].every((b) => b === 0));
  if (missing.length) throw new PinfiSdkError("InvalidArgument", `no signer for ${missing.map((k) => k.toBase58()).join(", ")}`, false);
  return signed;
}

type Outcome = { status: "landed"; slot: number; err: unknown } | { status: "expired" } | { status: "timeout" };

async function confirm(o: Required<Pick<SendOptions, "connection" | "commitment" | "pollMs" | "resendMs" | "timeoutMs">>, signature: string, raw: Uint8Array, lastValidBlockHeight: number): Promise<Outcome> {
  const { connection, commitment } = o;
  const deadline = Date.now() + o.timeoutMs;
  let resendAt = Date.now() + o.resendMs;
  for (;;) {
    const status = (await withRetries(() => connection.getSignatureStatuses([signature]))).value[0];
    if (status?.err) return { status: "landed", slot: status.slot, err: status.err };
    if (status && LEVEL[status.confirmationStatus ?? "processed"] >= LEVEL[commitment]) return { status: "landed", slot: status.slot, err: null };
    if (!status) {
      const height = await connection.getBlockHeight(commitment).catch(() => undefined);
      if (height !== undefined && height > lastValidBlockHeight) {
        // Expired: unless it landed in the meantime, it never can.
        const again = (await withRetries(() => connection.getSignatureStatuses([signature]))).value[0];
        if (!again) return { status: "expired" };
        continue;
      }
    }
    if (Date.now() > deadline) return { status: "timeout" };
    if (!status && Date.now() > resendAt) {
      resendAt = Date.now() + o.resendMs;
      await connection.sendRawTransaction(raw, { skipPreflight: true }).catch(() => undefined);
    }
    await sleep(o.pollMs);
  }
}

async function failure(connection: Connection, signature: string, err: unknown): Promise<PinfiSdkError> {
  const tx = await connection.getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 }).catch(() => null);
  return translateError(err, tx?.meta?.logMessages ?? undefined);
}

/** Signs, sends and confirms `transaction`; throws a typed error (see errors.ts for the policy). */
export async function sendAndConfirm(o: SendOptions): Promise<SendResult> {
  const opts = { commitment: "confirmed" as Commitment, pollMs: 400, resendMs: 2_000, timeoutMs: 90_000, ...o };
  const attempts = o.maxAttempts ?? 3;
  const backoff = o.backoffMs ?? 500;
  let last: PinfiSdkError = new TransportError("BlockhashExpired", "no attempt made");
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const { blockhash, lastValidBlockHeight } = await withRetries(() => o.connection.getLatestBlockhash(opts.commitment), 4, backoff);
    o.transaction.message.recentBlockhash = blockhash;
    const tx = await signTransaction(o.transaction, o.signers, o.wallet);
    const raw = tx.serialize();
    const signature = bs58.encode(tx.signatures[0]);
    try {
      await withRetries(() => o.connection.sendRawTransaction(raw, { skipPreflight: o.skipPreflight, preflightCommitment: opts.commitment }), 4, backoff);
    } catch (e) {
      const err = translateError(e);
      const alreadyLanded = err instanceof TransactionFailedError && err.errorName === "AlreadyProcessed";
      if (err instanceof TransportError && err.errorName === "BlockhashNotFound") {
        last = err;
        await sleep(backoff * 2 ** (attempt - 1));
        continue;
      }
      if (!alreadyLanded) throw err;
    }
    const outcome = await confirm(opts, signature, raw, lastValidBlockHeight);
    if (outcome.status === "landed") {
      if (outcome.err) throw await failure(o.connection, signature, outcome.err);
      return { signature, slot: outcome.slot };
    }
    if (outcome.status === "timeout") {
      throw new TransportError("Unconfirmed", `${signature} not confirmed within ${opts.timeoutMs} ms; check its status before resending`, { signature });
    }
    last = new TransportError("BlockhashExpired", `${signature} expired unconfirmed (attempt ${attempt} of ${attempts})`, { signature });
    await sleep(backoff * 2 ** (attempt - 1));
  }
  throw last;
}
