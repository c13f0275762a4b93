// The embedded localnet (crates/localnet) from Node: find or build the binary, start it on free
// ports, wait for its one readiness line, stop it; and the cheatcodes web3.js does not know.
// One launcher for the CLI, the e2e suite, the simulator and the benchmarks.
import { ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";

/** Every failure to find, build, start or talk to the localnet: one line that says what to do. */
export class LocalnetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LocalnetError";
  }
}

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

/** `$PINFI_LOCALNET_BIN`, else `$CARGO_TARGET_DIR` (default ~/.cache/pinfi/target)/debug/localnet. */
export function localnetBinary(profile = "debug"): string {
  return process.env.PINFI_LOCALNET_BIN ?? join(targetDir(), profile, "localnet");
}

/** The repository root holding crates/localnet, when running from a PinFi checkout. */
export function repoRoot(from = __dirname): string | null {
  let d = from;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(d, "crates", "localnet", "Cargo.toml"))) return d;
    d = dirname(d);
  }
  return null;
}

export interface BinaryOptions {
  /** Build with cargo when missing (default true). */
  build?: boolean;
  log?: (line: string) => void;
}

/** The binary, built with cargo when missing and allowed (progress on stderr). */
export function ensureLocalnetBinary(o: BinaryOptions = {}): string {
  const log = o.log ?? ((l: string) => process.stderr.write(l + "\n"));
  const bin = localnetBinary();
  if (existsSync(bin)) return bin;
  if (process.env.PINFI_LOCALNET_BIN) throw new LocalnetError(`localnet binary not found: $PINFI_LOCALNET_BIN=${bin} does not exist`);
  const root = repoRoot();
  if (o.build === false || !root) {
    throw new LocalnetError(`localnet binary not found at ${bin}: run \`cargo build -p pinfi-localnet --bin localnet\` in a PinFi checkout, or set PINFI_LOCALNET_BIN`);
  }
  log(`building the localnet (cargo build -p pinfi-localnet --bin localnet, target ${targetDir()}); the first build takes several minutes ...`);
  const t0 = Date.now();
  const r = spawnSync("cargo", ["build", "-p", "pinfi-localnet", "--bin", "localnet"], {
    cwd: root,
    stdio: ["ignore", 2, 2], // cargo's output on stderr: stdout stays clean for --json callers
    env: { ...process.env, CARGO_TARGET_DIR: targetDir() },
  });
  if (r.error) throw new LocalnetError(`cannot build the localnet: ${r.error.message} (is cargo installed? or set PINFI_LOCALNET_BIN)`);
  if (r.status !== 0 || !existsSync(bin)) throw new LocalnetError(`building the localnet failed (cargo exit ${r.status}); see the cargo output above`);
  log(`built ${bin} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return bin;
}

export interface StartOptions extends BinaryOptions {
  /** 0 (default): a free port. */
  port?: number;
  wsPort?: number;
  quiet?: boolean;
  /** Where the binary's stderr goes. */
  stderr?: "inherit" | "ignore";
  timeoutMs?: number;
  /** A binary other than `localnetBinary()` (e.g. a benchmark build). */
  binary?: string;
}

export async function startLocalnet(o: StartOptions = {}): Promise<Localnet> {
  const bin = o.binary ?? ensureLocalnetBinary(o);
  if (!existsSync(bin)) throw new LocalnetError(`localnet binary not found at ${bin}`);
  const args = ["--port", String(o.port ?? 0)];
  if (o.wsPort !== undefined) args.push("--ws-port", String(o.wsPort));
  if (o.quiet ?? true) args.push("--quiet");
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", o.stderr ?? "inherit"], env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? "error" } });
  const lines = createInterface({ input: child.stdout! });
  const timeoutMs = o.timeoutMs ?? 60_000;
  const ready = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new LocalnetError(`localnet not ready after ${timeoutMs} ms`)), timeoutMs);
    child.once("error", (e) => reject(new LocalnetError(`cannot start ${bin}: ${e.message}`)));
    child.once("exit", (code) => reject(new LocalnetError(`localnet exited early with code ${code} (port in use? try port 0)`)));
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

/** A raw JSON-RPC call (for the cheatcodes a web3.js `Connection` does not know). */
export async function rpcCall<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  } catch {
    throw new LocalnetError(`cannot reach the RPC at ${url}: start a localnet (\`pinfi localnet\`) or pass another URL`);
  }
  const body = (await res.json()) as { result?: T; error?: { code: number; message: string } };
  if (body.error) {
    if (body.error.code === -32601) throw new LocalnetError(`${method} is not supported by ${url}: time travel needs the PinFi localnet (or surfpool)`);
    throw new LocalnetError(`${method}: ${body.error.message}`);
  }
  return body.result as T;
}

export interface Clock {
  slot: number;
  epoch: number;
  unixTimestamp: number;
}

/** `surfnet_timeTravel` to an absolute unix time (never backwards). */
export const timeTravel = (url: string, absoluteTimestamp: bigint | number) =>
  rpcCall<Clock>(url, "surfnet_timeTravel", [{ absoluteTimestamp: Number(absoluteTimestamp) }]);

/** The bank's clock (`pinfi_getClock`). */
export const getClock = (url: string) => rpcCall<Clock>(url, "pinfi_getClock");
