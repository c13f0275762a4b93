import { AccountMeta, PublicKey, TransactionInstruction } from "@solana/web3.js";
import { coder, idl, camel, toIdl } from "../idl";
import { PROGRAM_ID } from "../constants";
import { eventAuthority } from "../pdas";
import { PinfiSdkError } from "../errors/base";

/** An integer argument: bigint, or a safe JS integer. */
export type Int = bigint | number;

export interface ProgramOption {
  /** Defaults to the program id of @pinfi/idl. */
  programId?: PublicKey;
}

/** A 32-byte value (hash, nonce, Merkle root): a Uint8Array, Buffer or number array. */
export type Bytes32 = Uint8Array | number[];

/** Checks a fixed-size byte argument; returns it as the number array BorshCoder encodes. */
export function bytes32(name: string, v: Bytes32): number[] {
  const ok = (v instanceof Uint8Array || Array.isArray(v)) && v.length === 32 && Array.from(v).every((b) => Number.isInteger(b) && b >= 0 && b <= 255);
  if (!ok) throw new PinfiSdkError("InvalidArgument", `${name} must be 32 bytes`, false);
  return Array.from(v);
}

/** One account meta: `"w"` writable, `"s"` signer, `"ws"` both, `""` neither. */
export const meta = (pubkey: PublicKey, flags: "" | "w" | "s" | "ws" = ""): AccountMeta => ({
  pubkey,
  isWritable: flags.includes("w"),
  isSigner: flags.includes("s"),
});

/**
 * Encodes `name` (the IDL's snake_case name) with camelCase `args` and, for instructions that emit
 * events (all but views), appends the two accounts `#[event_cpi]` adds: the event authority PDA
 * and the program itself.
 */
export function build(name: string, args: Record<string, unknown>, keys: AccountMeta[], programId = PROGRAM_ID, eventCpi = true): TransactionInstruction {
  const ix = idl.instructions.find((i) => i.name === name);
  if (!ix) throw new Error(`instruction ${name} is not in the IDL`);
  let data: Buffer;
  try {
    const encoded = Object.fromEntries(ix.args.map((a) => [a.name, toIdl(a.type, args[camel(a.name)])]));
    data = coder.instruction.encode(name, encoded);
  } catch (e) {
    throw new PinfiSdkError("InvalidArgument", `cannot encode ${name}: ${(e as Error).message}`, false, { cause: e });
  }
  return new TransactionInstruction({
    programId,
    keys: eventCpi ? [...keys, meta(eventAuthority(programId)[0]), meta(programId)] : keys,
    data,
  });
}
