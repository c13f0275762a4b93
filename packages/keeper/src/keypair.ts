import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { Keypair } from "@solana/web3.js";
import { ConfigError } from "./config";

/** A Solana CLI keypair file (JSON array of 64 bytes); `~` is the home directory. */
export function loadKeypair(path: string): Keypair {
  const file = path.startsWith("~/") ? homedir() + path.slice(1) : path;
  let bytes: unknown;
  try {
    bytes = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new ConfigError(`config: keypair ${file}: ${(e as NodeJS.ErrnoException).code ?? "not a JSON array"}`);
  }
  if (!Array.isArray(bytes) || bytes.length !== 64 || !bytes.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) {
    throw new ConfigError(`config: keypair ${file} must be a JSON array of 64 bytes`);
  }
  return Keypair.fromSecretKey(Uint8Array.from(bytes as number[]));
}
