import { Connection, PublicKey } from "@solana/web3.js";
import { challenge as challengePda } from "../pdas";
import type { Challenge } from "../types";
import { decodeAccount, fetchAccount, FetchOptions } from "./decode";

export type { Challenge };
export const decodeChallenge = (data: Buffer | Uint8Array): Challenge => decodeAccount<Challenge>("Challenge", data);
export const fetchChallenge = (connection: Connection, address: PublicKey, opts?: FetchOptions): Promise<Challenge | null> =>
  fetchAccount<Challenge>(connection, "Challenge", address, opts);

/** Challenge `id` of a device account, by its PDA. */
export const fetchChallengeById = (connection: Connection, device: PublicKey, id: bigint | number, opts?: FetchOptions) =>
  fetchChallenge(connection, challengePda(device, id, opts?.programId)[0], opts);
