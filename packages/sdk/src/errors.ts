// One error union for the SDK, and `translateError` from whatever web3.js, an RPC or a log says.
//
// Retry policy (`retryable`): true only where sending the same intent again cannot execute it
// twice and may succeed: an expired or unknown blockhash (the old transaction can no longer land),
// a rate limit, a network failure or a request timeout. Every program, Anchor, token and runtime
// error is terminal: the transaction fails the same way until state or inputs change (a
// `SlippageExceeded` needs a new quote, not a resend). `Unconfirmed` is terminal too: the
// transaction may still land, so check its signature before sending another.
import { PinfiSdkError, ErrorCategory } from "./errors/base";
import { PINFI_ERRORS, PINFI_ERROR_BY_CODE, PinfiErrorName } from "./errors/generated";
import { ANCHOR_ERROR_BY_CODE, AnchorErrorName, anchorErrorMessage } from "./errors/anchor";
import { TOKEN_ERRORS, TokenErrorName } from "./errors/token";
import { PoolMathError, MathError } from "./math/errors";
import { PROGRAM_ID, TOKEN_PROGRAM_ID } from "./constants";

export { PinfiSdkError, PoolMathError, MathError, PINFI_ERRORS, TOKEN_ERRORS, ANCHOR_ERROR_BY_CODE };
export type { ErrorCategory, PinfiErrorName, AnchorErrorName, TokenErrorName };

interface ChainContext {
  logs?: string[];
  programId?: string;
  instructionIndex?: number;
  cause?: unknown;
}

/** An error raised by a program or the runtime while executing a transaction. */
abstract class ChainError<N extends string> extends PinfiSdkError {
  readonly logs?: string[];
  readonly programId?: string;
  readonly instructionIndex?: number;
  constructor(category: ErrorCategory, readonly errorName: N, readonly code: number | undefined, message: string, ctx: ChainContext) {
    super(category, message, false, { cause: ctx.cause });
    this.logs = ctx.logs;
    this.programId = ctx.programId;
    this.instructionIndex = ctx.instructionIndex;
  }
}

/** A PinFi program error (`PinfiError`, 6000+): `errorName` is the Rust variant. */
export class PinfiProgramError extends ChainError<PinfiErrorName> {
  constructor(errorName: PinfiErrorName, ctx: ChainContext = {}, detail?: string) {
    const { code, msg } = PINFI_ERRORS[errorName];
    super("Program", errorName, code, `${errorName} (${code}): ${msg}${detail ? ` [${detail}]` : ""}`, ctx);
    this.name = "PinfiProgramError";
  }
}

/** An Anchor framework error (account constraints, deserialisation, ...). */
export class AnchorFrameworkError extends ChainError<AnchorErrorName | "Unknown"> {
  constructor(code: number, ctx: ChainContext & { account?: string } = {}) {
    const errorName = ANCHOR_ERROR_BY_CODE.get(code) ?? "Unknown";
    const at = ctx.account ? ` (account ${ctx.account})` : "";
    super("Anchor", errorName, code, `${errorName} (${code})${at}: ${anchorErrorMessage(code) ?? "Anchor error"}`, ctx);
    this.account = ctx.account;
    this.name = "AnchorFrameworkError";
  }
  readonly account?: string;
}

/** An SPL Token program error (the failing program was the token program). */
export class TokenProgramError extends ChainError<TokenErrorName | "Unknown"> {
  constructor(code: number, ctx: ChainContext = {}) {
    const errorName = TOKEN_ERRORS[code] ?? "Unknown";
    super("Token", errorName, code, `SPL Token ${errorName} (${code})`, ctx);
    this.name = "TokenProgramError";
  }
}

/** The runtime refused the transaction or an instruction (e.g. `InsufficientFundsForFee`,
 *  `MissingRequiredSignature`, or a custom code of a program the SDK does not know). */
export class TransactionFailedError extends ChainError<string> {
  constructor(errorName: string, code: number | undefined, ctx: ChainContext = {}) {
    super("Transaction", errorName, code, `transaction failed: ${errorName}${code !== undefined ? ` (${code})` : ""}`, ctx);
    this.name = "TransactionFailedError";
  }
}

export type TransportErrorName = "BlockhashExpired" | "BlockhashNotFound" | "RateLimited" | "Timeout" | "Network" | "Unconfirmed";
const RETRYABLE: Record<TransportErrorName, boolean> = {
  BlockhashExpired: true,
  BlockhashNotFound: true,
  RateLimited: true,
  Timeout: true,
  Network: true,
  Unconfirmed: false,
};

/** RPC or network trouble; see the retry policy above. */
export class TransportError extends PinfiSdkError {
  constructor(readonly errorName: TransportErrorName, message: string, options?: { cause?: unknown; signature?: string }) {
    super("Transport", `${errorName}: ${message}`, RETRYABLE[errorName], options);
    this.signature = options?.signature;
    this.name = "TransportError";
  }
  readonly signature?: string;
}

/** Everything the SDK throws. */
export type PinfiError =
  | PinfiProgramError
  | AnchorFrameworkError
  | TokenProgramError
  | TransactionFailedError
  | TransportError
  | PoolMathError
  | PinfiSdkError;

const ANCHOR_LOG = /AnchorError(?: caused by account: (\S+)\.| thrown in (\S+)\.| occurred\.) Error Code: (\w+)\. Error Number: (\d+)\./;
const FAILED_LOG = /Program (\w+) failed: custom program error: (0x[0-9a-fA-F]+)/;
const CUSTOM_TEXT = /custom program error: (0x[0-9a-fA-F]+)/;
const INVOKE_LOG = /^Program (\w+) invoke \[\d+\]/;
const EXIT_LOG = /^Program \w+ (success|failed)/;
const MATH_LOG = /math .+ failed at \S+/;

/** Maps a custom error number of `programId` (ours when unknown) to its typed error. */
export function errorForCode(code: number, ctx: ChainContext & { account?: string } = {}): PinfiSdkError {
  const program = ctx.programId;
  if (program === TOKEN_PROGRAM_ID.toBase58()) return new TokenProgramError(code, ctx);
  const ours = program === undefined || program === PROGRAM_ID.toBase58();
  const name = ours ? PINFI_ERROR_BY_CODE.get(code) : undefined;
  if (name) {
    const detail = name === "MathOverflow" ? ctx.logs?.map((l) => MATH_LOG.exec(l)?.[0]).find(Boolean) : undefined;
    return new PinfiProgramError(name, ctx, detail);
  }
  // Framework errors mean the same in every Anchor program.
  if (ANCHOR_ERROR_BY_CODE.has(code)) return new AnchorFrameworkError(code, ctx);
  return new TransactionFailedError("Custom", code, ctx);
}

function logsOf(err: any): string[] | undefined {
  for (const l of [err?.logs, err?.transactionLogs, err?.transactionError?.logs, err?.simulationResponse?.logs]) {
    if (Array.isArray(l)) return l;
  }
  return undefined;
}

/** A `TransactionError` object (`meta.err`, simulation `err`): `{ InstructionError: [i, e] }` or a string. */
function fromTransactionError(txErr: any, ctx: ChainContext): PinfiSdkError | undefined {
  if (typeof txErr === "string") {
    if (txErr === "BlockhashNotFound") return new TransportError("BlockhashNotFound", txErr);
    return new TransactionFailedError(txErr, undefined, ctx);
  }
  const ie = txErr?.InstructionError;
  if (!Array.isArray(ie)) return undefined;
  const [index, inner] = ie;
  const at = { ...ctx, instructionIndex: index };
  if (inner && typeof inner === "object" && typeof inner.Custom === "number") return errorForCode(inner.Custom, at);
  return new TransactionFailedError(typeof inner === "string" ? inner : JSON.stringify(inner), undefined, at);
}

/**
 * From log lines alone: an `AnchorError ...` line (attributed to the program running at that
 * line), else the first, innermost, `Program X failed: custom program error: 0x..`.
 */
export function errorFromLogs(logs: string[], cause?: unknown, instructionIndex?: number): PinfiSdkError | undefined {
  const running: string[] = [];
  for (const line of logs) {
    const invoke = INVOKE_LOG.exec(line);
    if (invoke) running.push(invoke[1]);
    else if (EXIT_LOG.test(line)) running.pop();
    const m = ANCHOR_LOG.exec(line);
    if (m) return errorForCode(Number(m[4]), { logs, cause, account: m[1], programId: running[running.length - 1], instructionIndex });
  }
  for (const line of logs) {
    const m = FAILED_LOG.exec(line);
    if (m) return errorForCode(parseInt(m[2], 16), { logs, cause, programId: m[1], instructionIndex });
  }
  return undefined;
}

function fromMessage(text: string, ctx: ChainContext): PinfiSdkError | undefined {
  const custom = CUSTOM_TEXT.exec(text);
  if (custom) return errorForCode(parseInt(custom[1], 16), ctx);
  const cause = ctx.cause;
  if (/block ?height exceeded|has expired/i.test(text)) return new TransportError("BlockhashExpired", text, { cause });
  if (/blockhash ?not ?found/i.test(text)) return new TransportError("BlockhashNotFound", text, { cause });
  if (/\b429\b|too many requests|rate.?limit/i.test(text)) return new TransportError("RateLimited", text, { cause });
  if (/timed? ?out|timeout|ETIMEDOUT/i.test(text)) return new TransportError("Timeout", text, { cause });
  if (/fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|socket hang up|network/i.test(text)) {
    return new TransportError("Network", text, { cause });
  }
  if (/no record of a prior credit/i.test(text)) return new TransactionFailedError("AccountNotFound", undefined, ctx);
  if (/insufficient funds for fee/i.test(text)) return new TransactionFailedError("InsufficientFundsForFee", undefined, ctx);
  if (/already been processed/i.test(text)) return new TransactionFailedError("AlreadyProcessed", undefined, ctx);
  return undefined;
}

/**
 * Any error (web3.js `SendTransactionError`, an RPC error, a transaction's `meta.err`, a thrown
 * string) to a typed SDK error. Logs, when given or carried by `err`, decide which program failed.
 */
export function translateError(err: unknown, logs?: string[] | null): PinfiSdkError {
  if (err instanceof PinfiSdkError) return err;
  const e = err as any;
  const allLogs = logs ?? logsOf(e);
  const instructionIndex = instructionIndexOf(e);
  const ctx: ChainContext = { logs: allLogs, cause: err, instructionIndex };
  const fromLogs = allLogs ? errorFromLogs(allLogs, err, instructionIndex) : undefined;
  if (fromLogs) return fromLogs;
  const fromTx = e && typeof e === "object" && !(e instanceof Error) ? fromTransactionError(e, ctx) : undefined;
  if (fromTx) return fromTx;
  const carried = { cause: err, signature: typeof e?.signature === "string" ? e.signature : undefined };
  if (e?.name === "TransactionExpiredBlockheightExceededError") return new TransportError("BlockhashExpired", e.message, carried);
  if (e?.name === "TransactionExpiredTimeoutError") return new TransportError("Unconfirmed", e.message, carried);
  const text = typeof e === "string" ? e : `${e?.message ?? ""} ${e?.transactionMessage ?? ""}`;
  return fromMessage(text, ctx) ?? new PinfiSdkError("Transaction", text.trim() || String(err), false, { cause: err });
}

/** The failing instruction's index, from a `TransactionError` object or a simulation message. */
function instructionIndexOf(e: any): number | undefined {
  for (const o of [e, e?.transactionError, e?.err, e?.data?.err]) {
    const ie = o && typeof o === "object" ? o.InstructionError : undefined;
    if (Array.isArray(ie) && typeof ie[0] === "number") return ie[0];
  }
  const text = typeof e === "string" ? e : `${e?.message ?? ""} ${e?.transactionMessage ?? ""}`;
  const m = /Error processing Instruction (\d+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Whether `err` is a PinFi program error, optionally a given one. */
export function isProgramError(err: unknown, name?: PinfiErrorName): err is PinfiProgramError {
  return err instanceof PinfiProgramError && (name === undefined || err.errorName === name);
}
