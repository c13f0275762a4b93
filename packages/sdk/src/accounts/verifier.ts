import { Connection, PublicKey } from "@solana/web3.js";
import { verifier as verifierPda } from "../pdas";
import type { Verifier } from "../types";
import { decodeAccount, fetchAccount, FetchOptions } from "./decode";

export type { Verifier };
export const decodeVerifier = (data: Buffer | Uint8Array): Verifier => decodeAccount<Verifier>("Verifier", data);
export const fetchVerifier = (connection: Connection, address: PublicKey, opts?: FetchOptions): Promise<Verifier | null> =>
  fetchAccount<Verifier>(connection, "Verifier", address, opts);

/** The verifier of an authority (the key that signs), by its PDA. */
export const fetchVerifierByAuthority = (connection: Connection, authority: PublicKey, opts?: FetchOptions) =>
  fetchVerifier(connection, verifierPda(authority, opts?.programId)[0], opts);
