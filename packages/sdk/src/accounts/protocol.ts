import { Connection, PublicKey } from "@solana/web3.js";
import { protocol as protocolPda } from "../pdas";
import type { Protocol } from "../types";
import { decodeAccount, fetchAccount, FetchOptions } from "./decode";

export type { Protocol };
export const decodeProtocol = (data: Buffer | Uint8Array): Protocol => decodeAccount<Protocol>("Protocol", data);
export const fetchProtocol = (connection: Connection, address: PublicKey, opts?: FetchOptions): Promise<Protocol | null> =>
  fetchAccount<Protocol>(connection, "Protocol", address, opts);

/** The singleton, at its PDA. */
export const fetchProtocolSingleton = (connection: Connection, opts?: FetchOptions) =>
  fetchProtocol(connection, protocolPda(opts?.programId)[0], opts);
