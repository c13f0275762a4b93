// Solana CLI keypair files (a JSON array of the 64 secret-key bytes).
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { Keypair } from "@solana/web3.js";

export const expandHome = (p: string): string => (p === "~" || p.startsWith("~/") ? homedir() + p.slice(1) : p);

export function loadKeypair(path: string): Keypair {
  let bytes: unknown;
  try {
    bytes = JSON.parse(readFileSync(expandHome(path), "utf8"));
  } catch (e) {
    throw new Error(`keypair ${path}: ${(e as Error).message}`);
  }
  if (!Array.isArray(bytes) || bytes.length !== 64 || !bytes.every((b) => Number.isInteger(b) && b >= 0 && b < 256)) {
    throw new Error(`keypair ${path}: expected a JSON array of 64 bytes (solana-keygen format)`);
  }
  return Keypair.fromSecretKey(Uint8Array.from(bytes as number[]));
}
