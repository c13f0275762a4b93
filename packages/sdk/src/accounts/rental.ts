import { Connection, PublicKey } from "@solana/web3.js";
import type { Rental } from "../types";
import { decodeAccount, fetchAccount, FetchOptions } from "./decode";

export type { Rental };
export const decodeRental = (data: Buffer | Uint8Array): Rental => decodeAccount<Rental>("Rental", data);
export const fetchRental = (connection: Connection, address: PublicKey, opts?: FetchOptions): Promise<Rental | null> =>
  fetchAccount<Rental>(connection, "Rental", address, opts);
