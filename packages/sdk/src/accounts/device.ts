import { Connection, PublicKey } from "@solana/web3.js";
import type { Device } from "../types";
import { decodeAccount, fetchAccount, FetchOptions } from "./decode";

export type { Device };
export const decodeDevice = (data: Buffer | Uint8Array): Device => decodeAccount<Device>("Device", data);
export const fetchDevice = (connection: Connection, address: PublicKey, opts?: FetchOptions): Promise<Device | null> =>
  fetchAccount<Device>(connection, "Device", address, opts);
