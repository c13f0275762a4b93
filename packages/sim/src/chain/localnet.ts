// Starts the embedded localnet binary on free ports and stops it: the pattern of
// tests/e2e/localnet.ts, kept here so the simulation does not reach into another workspace.
import { ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

export interface Localnet {
  rpc: string;
  ws: string;
  programId: string;
  stop(): Promise<void>;
}

const READY = /^pinfi-localnet ready rpc=(\S+) ws=(\S+) program=(\S+)$/;

/** `$PINFI_LOCALNET_BIN`, else `$CARGO_TARGET_DIR` (or ~/.cache/pinfi/target)/debug/localnet. */
export function localnetBinary(): string {
  if (process.env.PINFI_LOCALNET_BIN) return process.env.PINFI_LOCALNET_BIN;
  const target = process.env.CARGO_TARGET_DIR ?? join(homedir(), ".cache", "pinfi", "target");
  return join(target, "debug", "localnet");
}

export const localnetAvailable = (): boolean => existsSync(localnetBinary());

export async function startLocalnet(timeoutMs = 60_000): Promise<Localnet> {
  const bin = localnetBinary();
  if (!existsSync(bin)) throw new Error(`localnet binary not found at ${bin}: run \`cargo build -p pinfi-localnet --bin localnet\``);
  const child: ChildProcess = spawn(bin, ["--port", "0", "--quiet"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? "error" },
  });
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`localnet not ready after ${timeoutMs} ms`)), timeoutMs);
    child.once("exit", (code) => reject(new Error(`localnet exited early with code ${code}`)));
    lines.on("line", (line) => {
      const m = READY.exec(line.trim());
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
  });
  return {
    rpc: ready[1],
    ws: ready[2],
    programId: ready[3],
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
