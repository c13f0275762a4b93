// Every failure ends as one line naming what to fix, and a non-zero exit code.
import { errors, PinfiSdkError } from "@pinfi/sdk";

/** A failure the user can fix; `code` is the process exit status (1 failure, 2 usage/unavailable). */
export class CliError extends Error {
  constructor(message: string, readonly code = 1) {
    super(message);
    this.name = "CliError";
  }
}

export const usage = (message: string) => new CliError(message, 2);

/** What to do about each program error the CLI can run into. */
const PROGRAM_HINTS: Partial<Record<errors.PinfiErrorName, string>> = {
  SlippageExceeded: "slippage: the pool moved past your limit; re-run to get a new quote or widen --slippage-bps",
  StakeExpired: "expired stake: the stake has ended; settle it with `pinfi lp settle --stake <address>`",
  StakeNotEnded: "stake not ended: it can be settled only at or after its end (see `pinfi stake show`)",
  RentalEnded: "rental ended: it can no longer be extended or terminated",
  InsufficientHours: "insufficient hours: the stake or pool holds fewer GPU-seconds than asked at this instant",
  EmptyReserve: "empty pool: the pool has no hours or no tokens to trade against; add liquidity first (`pinfi lp add`)",
  InvalidEnd: "invalid end: it must be a future bucket boundary of the pool within its allowed window",
  InvalidDuration: "invalid duration: outside the pool's min/max stake seconds (see `pinfi pool show`)",
  OverlappingStake: "overlapping stake: the device already has a stake that has not ended",
  CertificateTooSmall: "certificate too small: burn a certificate covering the whole stake (`pinfi burn`)",
  WrongStakeKind: "wrong stake kind: LP stakes add liquidity, seller stakes sell hours",
  LiquidityAlreadyAdded: "liquidity already added: this LP stake has already added its hours",
  NotOwner: "not owner: --keypair does not own this account",
  ZeroAmount: "zero amount: the amount must be greater than zero (or it rounds to zero)",
  ProtocolPaused: "protocol paused: the admin has paused the protocol",
  RewardsUnclaimed: "rewards unclaimed: claim the stake's rewards first (`pinfi rewards claim --stake <address>`)",
  EmissionNotConfigured: "emission not configured: there are no rewards to claim on this cluster",
  UnbondingNotOver: "unbonding not over: run `pinfi verifier unbond` and wait for the unbonding period",
  AlreadyUnbonding: "already unbonding: wait for the period, then `pinfi verifier withdraw`",
  ChallengesPending: "challenges pending: the verifier still has challenges without a verdict",
  VerifierStakeTooLow: "verifier stake too low: pass a larger --amount (see `pinfi protocol show`)",
  EndpointTooLong: "endpoint too long: at most 128 bytes",
  InvalidPoolParams: "invalid pool parameters: a value is out of the protocol's allowed range",
  InvalidGpuClass: "invalid GPU class: 1-16 ASCII letters, digits, '-' or '_'",
};

/** Turns anything thrown into one line. */
export function describeError(e: unknown, ctx: { url?: string } = {}): CliError {
  if (e instanceof CliError) return e;
  const err = errors.translateError(e);
  if (err instanceof errors.PinfiProgramError) {
    const hint = PROGRAM_HINTS[err.errorName];
    return new CliError(hint ? `${hint} [${err.errorName} ${err.code}]` : `${err.message}`);
  }
  if (err instanceof errors.TokenProgramError) {
    if (err.errorName === "InsufficientFunds") return new CliError("insufficient balance: your token account holds fewer utility tokens than this needs");
    return new CliError(`token program: ${err.message}`);
  }
  if (err instanceof errors.AnchorFrameworkError) {
    if (err.errorName === "AccountNotInitialized") {
      return new CliError(`account not found: ${err.account ?? "an account"} does not exist (wrong address, already closed, or the protocol/token account is missing) [${err.errorName}]`);
    }
    return new CliError(`account check failed: ${err.message}`);
  }
  if (err instanceof errors.TransportError) {
    if (err.errorName === "Network") return new CliError(`cannot reach the RPC${ctx.url ? ` at ${ctx.url}` : ""}: start one with \`pinfi localnet\` or pass --url`);
    return new CliError(`RPC: ${err.message}`);
  }
  if (err instanceof errors.TransactionFailedError || (err as PinfiSdkError).category === "Transaction") {
    const name = (err as errors.TransactionFailedError).errorName ?? "";
    if (name === "InsufficientFundsForFee" || name === "AccountNotFound" || /insufficient (funds|lamports)/i.test(err.message)) {
      return new CliError("insufficient SOL: the fee payer (--keypair) cannot pay fees or rent; fund it (on a localnet: `pinfi airdrop`)");
    }
    if (/insufficient funds/i.test(err.message) || /custom program error: 0x1\b/.test(err.message)) {
      return new CliError("insufficient balance: your token account holds fewer utility tokens than this needs");
    }
    return new CliError(`transaction failed: ${err.message.split("\n")[0]}`);
  }
  if (err.category === "InvalidArgument") return new CliError(`invalid argument: ${err.message}`, 2);
  return new CliError(err.message.split("\n")[0] || String(e));
}
