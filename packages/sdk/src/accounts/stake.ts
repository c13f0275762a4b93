import { Connection, PublicKey } from "@solana/web3.js";
import type { Stake } from "../types";
import { decodeAccount, fetchAccount, FetchOptions } from "./decode";

export type { Stake };
export const decodeStake = (data: Buffer | Uint8Array): Stake => decodeAccount<Stake>("Stake", data);
export const fetchStake = (connection: Connection, address: PublicKey, opts?: FetchOptions): Promise<Stake | null> =>
  fetchAccount<Stake>(connection, "Stake", address, opts);
