import { PublicKey, TransactionInstruction, VersionedTransaction } from "@solana/web3.js";
import { buildTransaction, BuildOptions } from "./build";
import { PinfiSdkError } from "../errors/base";

export type TransactionOptions = Omit<BuildOptions, "instructions" | "payer"> & {
  /** Fee payer; defaults to the instruction's paying signer. */
  payer?: PublicKey;
};

/** A one-instruction transaction builder over an instruction builder. */
export function forInstruction<A extends object>(builder: (a: A) => TransactionInstruction, payerKey: (keyof A & string) | null) {
  return async (a: A & TransactionOptions): Promise<VersionedTransaction> => {
    const payer = a.payer ?? (payerKey ? (a[payerKey] as unknown as PublicKey) : undefined);
    if (!payer) throw new PinfiSdkError("InvalidArgument", "payer is required", false);
    return buildTransaction({ ...a, payer, instructions: [builder(a)] });
  };
}
