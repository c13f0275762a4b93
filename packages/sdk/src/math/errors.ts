import { PinfiSdkError } from "../errors/base";

/** Rust `pinfi_math::Error` variants, by name. */
export type MathErrorKind = "Math" | "ZeroAmount" | "InsufficientHours" | "EmptyReserve" | "BadLotEnd" | "InvariantViolated" | "Precision";

/** A domain error of the pure math (`pinfi_math::Error`); `kind` is the Rust variant name. */
export class PoolMathError extends PinfiSdkError {
  constructor(readonly kind: MathErrorKind, message?: string) {
    super("Math", message ?? kind, false);
    this.name = "PoolMathError";
  }
}

/** `Error::Math`: checked arithmetic failed (overflow, underflow, division by zero) in `op`. */
export class MathError extends PoolMathError {
  constructor(readonly op: string) {
    super("Math", `math ${op} failed`);
    this.name = "MathError";
  }
}

/** The on-chain error a math error becomes (`impl From<pinfi_math::Error> for PinfiError`). */
export const PROGRAM_ERROR_OF = {
  Math: "MathOverflow",
  ZeroAmount: "ZeroAmount",
  InsufficientHours: "InsufficientHours",
  EmptyReserve: "EmptyReserve",
  BadLotEnd: "InvalidEnd",
  InvariantViolated: "InvariantViolated",
  Precision: "PrecisionLoss",
} as const;

export const fail = (kind: Exclude<MathErrorKind, "Math">): never => {
  throw new PoolMathError(kind);
};
