import { Connection, PublicKey } from "@solana/web3.js";
import { epoch as epochPda, poolEpoch as poolEpochPda } from "../pdas";
import type { Epoch, PoolEpoch } from "../types";
import { decodeAccount, fetchAccount, FetchOptions } from "./decode";

export type { Epoch, PoolEpoch };
export const decodeEpoch = (data: Buffer | Uint8Array): Epoch => decodeAccount<Epoch>("Epoch", data);
export const fetchEpoch = (connection: Connection, address: PublicKey, opts?: FetchOptions): Promise<Epoch | null> =>
  fetchAccount<Epoch>(connection, "Epoch", address, opts);
/** Closed epoch `index`, by its PDA; `null` while it is not closed. */
export const fetchEpochByIndex = (connection: Connection, index: bigint | number, opts?: FetchOptions) =>
  fetchEpoch(connection, epochPda(index, opts?.programId)[0], opts);

export const decodePoolEpoch = (data: Buffer | Uint8Array): PoolEpoch => decodeAccount<PoolEpoch>("PoolEpoch", data);
export const fetchPoolEpoch = (connection: Connection, address: PublicKey, opts?: FetchOptions): Promise<PoolEpoch | null> =>
  fetchAccount<PoolEpoch>(connection, "PoolEpoch", address, opts);
/** A pool's part of closed epoch `index`, by its PDA; `null` while that pool has not closed it. */
export const fetchPoolEpochByIndex = (connection: Connection, pool: PublicKey, index: bigint | number, opts?: FetchOptions) =>
  fetchPoolEpoch(connection, poolEpochPda(pool, index, opts?.programId)[0], opts);
