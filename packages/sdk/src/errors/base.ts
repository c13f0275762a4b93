/** Which layer an SDK error comes from. */
export type ErrorCategory =
  | "Program" // a PinFi program error (6000+)
  | "Anchor" // an Anchor framework error (100-5000)
  | "Token" // an SPL Token program error
  | "Transaction" // the runtime rejected the transaction (InstructionError, InsufficientFundsForFee, ...)
  | "Transport" // RPC or network: expired blockhash, rate limit, timeout
  | "Math" // the off-chain pool math (quotes)
  | "InvalidArgument" // the caller passed something the program would refuse or cannot encode
  | "InvalidAccount"; // an account that is not what it claims to be

/**
 * Root of every error the SDK throws. `retryable` means: the SDK (or the caller) may send the same
 * intent again without risking double execution, and it may succeed. Program, Anchor and token
 * errors are terminal: the same transaction fails the same way until state or inputs change.
 */
export class PinfiSdkError extends Error {
  constructor(
    readonly category: ErrorCategory,
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message);
    this.name = "PinfiSdkError";
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}
