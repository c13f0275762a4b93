import { Connection, PublicKey } from "@solana/web3.js";
import type { BurnCertificate } from "../types";
import { decodeAccount, fetchAccount, FetchOptions } from "./decode";

export type { BurnCertificate };
export const decodeBurnCertificate = (data: Buffer | Uint8Array): BurnCertificate => decodeAccount<BurnCertificate>("BurnCertificate", data);
export const fetchBurnCertificate = (connection: Connection, address: PublicKey, opts?: FetchOptions): Promise<BurnCertificate | null> =>
  fetchAccount<BurnCertificate>(connection, "BurnCertificate", address, opts);
