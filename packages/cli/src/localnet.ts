// The embedded localnet (crates/localnet): find or build the binary, start it, and its cheatcodes.
import { ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { CliError } from "./errors";

export const READY = /^pinfi-localnet ready rpc=(\S+) ws=(\S+) program=(\S+)$/;

export interface Localnet {
  rpc: string;
  ws: string;
  programId: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function targetDir(): string {
  return process.env.CARGO_TARGET_DIR ?? join(homedir(), ".cache", "pinfi", "target");
}

/** $PINFI_LOCALNET_BIN, else $CARGO_TARGET_DIR (default ~/.cache/pinfi/target)/debug/localnet. */
export function localnetBinary(): string {
  return process.env.PINFI_LOCALNET_BIN ?? join(targetDir(), "debug", "localnet");
}

/** The repository root holding crates/localnet (this package lives in packages/cli). */
export function repoRoot(): string | null {
  let d = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(d, "crates", "localnet", "Cargo.toml"))) return d;
    d = dirname(d);
  }
  return null;
}

/** The binary, built with cargo when missing (progress on stderr). */
export function ensureLocalnetBinary(log: (line: string) => void = (l) => process.stderr.write(l + "\n")): string {
  const bin = localnetBinary();
  if (existsSync(bin)) return bin;
  if (process.env.PINFI_LOCALNET_BIN) throw new CliError(`localnet binary not found: $PINFI_LOCALNET_BIN=${bin} does not exist`);
  const root = repoRoot();
  if (!root) throw new CliError(`localnet binary not found at ${bin}, and no PinFi checkout to build it from: set PINFI_LOCALNET_BIN`);
  log(`building the localnet (cargo build -p pinfi-localnet --bin localnet, target ${targetDir()}); the first build takes several minutes ...`);
  const t0 = Date.now();
  const r = spawnSync("cargo", ["build", "-p", "pinfi-localnet", "--bin", "localnet"], {
    cwd: root,
    stdio: ["ignore", 2, 2], // cargo's output on stderr: stdout stays for --json
    env: { ...process.env, CARGO_TARGET_DIR: targetDir() },
  });
  if (r.error) throw new CliError(`cannot build the localnet: ${r.error.message} (is cargo installed? or set PINFI_LOCALNET_BIN)`);
  if (r.status !== 0 || !existsSync(bin)) throw new CliError(`building the localnet failed (cargo exit ${r.status}); see the cargo output above`);
  log(`built ${bin} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return bin;
}

export interface StartOptions {
  port?: number;
  wsPort?: number;
  quiet?: boolean;
  /** Where the binary's stderr goes ("inherit" or "ignore"). */
  stderr?: "inherit" | "ignore";
  timeoutMs?: number;
  log?: (line: string) => void;
}

export async function startLocalnet(o: StartOptions = {}): Promise<Localnet> {
  const bin = ensureLocalnetBinary(o.log);
  const args = ["--port", String(o.port ?? 0)];
  if (o.wsPort !== undefined) args.push("--ws-port", String(o.wsPort));
  if (o.quiet ?? true) args.push("--quiet");
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", o.stderr ?? "inherit"], env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? "error" } });
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new CliError(`localnet not ready after ${o.timeoutMs ?? 60_000} ms`)), o.timeoutMs ?? 60_000);
    child.once("error", (e) => reject(new CliError(`cannot start ${bin}: ${e.message}`)));
    child.once("exit", (code) => reject(new CliError(`localnet exited early with code ${code} (port in use? try --port 0)`)));
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
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** A raw JSON-RPC call (cheatcodes the web3 Connection does not know). */
export async function rpcCall<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  } catch {
    throw new CliError(`cannot reach the RPC at ${url}: start one with \`pinfi localnet\` or pass --url`);
  }
  const body = (await res.json()) as { result?: T; error?: { code: number; message: string } };
  if (body.error) {
    if (body.error.code === -32601) throw new CliError(`${method} is not supported by ${url}: time travel needs the PinFi localnet (or surfpool)`);
    throw new CliError(`${method}: ${body.error.message}`);
  }
  return body.result as T;
}

export interface Clock {
  slot: number;
  epoch: number;
  unixTimestamp: number;
}

/** `surfnet_timeTravel` to an absolute unix time (never backwards). */
export const timeTravel = (url: string, absoluteTimestamp: bigint) =>
  rpcCall<Clock>(url, "surfnet_timeTravel", [{ absoluteTimestamp: Number(absoluteTimestamp) }]);
