import { Connection, PublicKey } from "@solana/web3.js";
import { pool as poolPda } from "../pdas";
import type { Pool } from "../types";
import { decodeAccount, fetchAccount, FetchOptions } from "./decode";

export type { Pool };
export const decodePool = (data: Buffer | Uint8Array): Pool => decodeAccount<Pool>("Pool", data);
export const fetchPool = (connection: Connection, address: PublicKey, opts?: FetchOptions): Promise<Pool | null> =>
  fetchAccount<Pool>(connection, "Pool", address, opts);

/** The pool of a GPU class, by its PDA. */
export const fetchPoolByClass = (connection: Connection, gpuClass: string, opts?: FetchOptions) =>
  fetchPool(connection, poolPda(gpuClass, opts?.programId)[0], opts);
