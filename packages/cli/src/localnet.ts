// The embedded localnet through @pinfi/localnet, its failures turned into the CLI's one-line errors.
import * as L from "@pinfi/localnet";
import { CliError } from "./errors";

export type { Clock, Localnet, StartOptions } from "@pinfi/localnet";
export { READY, localnetBinary, targetDir, repoRoot } from "@pinfi/localnet";

async function cli<T>(f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw e instanceof L.LocalnetError ? new CliError(e.message) : e;
  }
}

export function ensureLocalnetBinary(log?: (line: string) => void): string {
  try {
    return L.ensureLocalnetBinary({ log });
  } catch (e) {
    throw e instanceof L.LocalnetError ? new CliError(e.message) : e;
  }
}

export const startLocalnet = (o: L.StartOptions = {}) => cli(() => L.startLocalnet(o));
export const rpcCall = <T>(url: string, method: string, params: unknown[] = []) => cli(() => L.rpcCall<T>(url, method, params));
export const timeTravel = (url: string, absoluteTimestamp: bigint) => cli(() => L.timeTravel(url, absoluteTimestamp));
