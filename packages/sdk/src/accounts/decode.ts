import { Commitment, Connection, PublicKey } from "@solana/web3.js";
import { coder, plainDefined } from "../idl";
import { PROGRAM_ID } from "../constants";
import { PinfiSdkError } from "../errors/base";

export type AccountName = "Protocol" | "Pool" | "Device" | "BurnCertificate" | "Stake" | "Rental" | "Verifier" | "Challenge" | "Epoch" | "PoolEpoch";

/** Decodes account data (discriminator checked) into its plain SDK form. */
export function decodeAccount<T>(name: AccountName, data: Buffer | Uint8Array): T {
  try {
    return plainDefined(name, coder.accounts.decode(name, Buffer.from(data))) as T;
  } catch (e) {
    throw new PinfiSdkError("InvalidAccount", `not a ${name} account: ${(e as Error).message}`, false, { cause: e });
  }
}

export interface FetchOptions {
  commitment?: Commitment;
  programId?: PublicKey;
}

/** Fetches and decodes one account; `null` when it does not exist. Refuses another owner's data. */
export async function fetchAccount<T>(connection: Connection, name: AccountName, address: PublicKey, opts: FetchOptions = {}): Promise<T | null> {
  const info = await connection.getAccountInfo(address, opts.commitment);
  if (!info) return null;
  const programId = opts.programId ?? PROGRAM_ID;
  if (!info.owner.equals(programId)) {
    throw new PinfiSdkError("InvalidAccount", `${address.toBase58()} is owned by ${info.owner.toBase58()}, not ${programId.toBase58()}`, false);
  }
  return decodeAccount<T>(name, info.data);
}
