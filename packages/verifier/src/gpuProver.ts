// The native prover (cuda/prover.cu) as a child process. Built on first use when nvcc is present;
// otherwise every entry point says so in one clear line and the agent falls back to the CPU
// reference prover. The same source also builds with a plain C++ compiler ("host" backend),
// which is how machines without a GPU check the native code against the reference. The process
// stays up after the proof and serves the openings from the memory it proved in (`--serve`), so
// a GPU class's 64 GiB transcript never leaves the card.

import { ChildProcessWithoutNullStreams, execFile, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { fromHex, toHex } from "./bytes";
import { ParamClass } from "./params";
import { ProgressFn, ProvenChallenge, assembleOpenBody, prove, sampleRows } from "./prover";
import type { OpenBody, OpenRequestMsg, RowOpening, WalkerOpening } from "./wire";
import { ChallengeInputs, deriveSeed } from "./seed";

const run = promisify(execFile);

export const NVCC_MISSING = "nvcc not found; using CPU prover";

export type Backend = "cuda" | "host";
export type UnavailableCode = "no_nvcc" | "no_cxx" | "build_failed" | "no_device";

export class GpuUnavailable extends Error {
  constructor(readonly code: UnavailableCode, message: string) {
    super(message);
  }
}

export type GpuAvailability =
  | { ok: true; binary: string; device: { device: string; sm: string; memBytes: number; sms: number } }
  | { ok: false; code: UnavailableCode; reason: string };

export const CUDA_DIR = path.resolve(__dirname, "..", "cuda");
const binaryPath = (b: Backend) => path.join(CUDA_DIR, "build", b === "cuda" ? "poc-prover" : "poc-prover-host");

/** The executable `name` on env.PATH, or null. */
export function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const f = path.join(dir, name);
    try {
      fs.accessSync(f, fs.constants.X_OK);
      return f;
    } catch {
      /* next */
    }
  }
  return null;
}

/** nvcc from $NVCC, $CUDA_HOME/bin, $PATH or /usr/local/cuda/bin. */
export function findNvcc(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.NVCC, env.CUDA_HOME && path.join(env.CUDA_HOME, "bin", "nvcc"), onPath("nvcc", env), "/usr/local/cuda/bin/nvcc"];
  for (const c of candidates) {
    if (!c) continue;
    try {
      fs.accessSync(c, fs.constants.X_OK);
      return c;
    } catch {
      /* next */
    }
  }
  return null;
}

/** Builds (if stale) and returns the binary for a backend. Throws GpuUnavailable with the reason. */
export async function buildNativeProver(backend: Backend, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const makeEnv: NodeJS.ProcessEnv = { ...env };
  if (backend === "cuda") {
    const nvcc = findNvcc(env);
    if (!nvcc) throw new GpuUnavailable("no_nvcc", NVCC_MISSING);
    makeEnv.NVCC = nvcc;
  } else if (!onPath(env.CXX ?? "c++", env)) {
    throw new GpuUnavailable("no_cxx", "no C++ compiler (c++) found; the host build of poc-prover is not available");
  }
  try {
    await run("make", ["-s", "-C", CUDA_DIR, backend === "cuda" ? "all" : "host"], { env: makeEnv, maxBuffer: 16 << 20 });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new GpuUnavailable("build_failed", `building poc-prover (${backend}) failed: ${(err.stderr || err.message).trim().slice(-2000)}`);
  }
  return binaryPath(backend);
}

/** Whether the GPU prover can run here: nvcc, a successful build, and a CUDA device. */
export async function gpuAvailability(env: NodeJS.ProcessEnv = process.env): Promise<GpuAvailability> {
  let binary: string;
  try {
    binary = await buildNativeProver("cuda", env);
  } catch (e) {
    if (e instanceof GpuUnavailable) return { ok: false, code: e.code, reason: e.message };
    throw e;
  }
  try {
    const { stdout } = await run(binary, ["info"]);
    return { ok: true, binary, device: JSON.parse(stdout) };
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    return { ok: false, code: "no_device", reason: `${(err.stderr || err.message).trim()}; using CPU prover` };
  }
}

export interface NativeResult {
  backend: Backend;
  gemm: string;
  R: string;
  R2: string;
  ms: { phaseA: number; commit: number; phaseB: number; walkCommit: number; total: number };
}

/**
 * A challenge proven by the native prover, which keeps the transcript and both trees where it
 * built them (GPU memory) and answers openings over its stdin/stdout (`prove --serve`). The
 * process ends after the one open request a challenge gets, or `keepMs` after the proof.
 */
export class ServedProver implements ProvenChallenge {
  readonly R: Uint8Array;
  readonly R2: Uint8Array;
  private readonly seed: Uint8Array;
  private readonly lines: AsyncIterator<string>;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  private constructor(
    readonly params: ParamClass,
    readonly challenge: ChallengeInputs,
    readonly result: NativeResult,
    private readonly child: ChildProcessWithoutNullStreams,
    lines: AsyncIterator<string>,
    keepMs: number,
  ) {
    this.R = fromHex(result.R, 32);
    this.R2 = fromHex(result.R2, 32);
    this.seed = deriveSeed(challenge);
    this.lines = lines;
    this.timer = setTimeout(() => this.close(), keepMs);
    this.timer.unref();
  }

  /** Runs `binary prove --serve` and waits for its result line. */
  static async start(binary: string, p: ParamClass, ch: ChallengeInputs, keepMs = 120_000): Promise<ServedProver> {
    const args = ["prove", "--n", p.n, "--m", p.m, "--L", p.L, "--walkers", p.walkers, "--steps", p.steps].map(String);
    args.push("--seed", toHex(deriveSeed(ch)), "--vnonce", toHex(ch.vNonce), "--serve");
    const child = spawn(binary, args, { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) {
      const code = await new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.once("exit", r)));
      throw new Error(`poc-prover exited (${code}) before proving: ${stderr.trim()}`);
    }
    return new ServedProver(p, ch, JSON.parse(first.value) as NativeResult, child, lines, keepMs);
  }

  /** One request line → its answer line, in order. */
  private ask(request: string): Promise<string> {
    const answer = this.queue.then(async () => {
      if (this.closed) throw new Error("poc-prover: the proof is no longer held (closed)");
      this.child.stdin.write(request + "\n");
      const r = await this.lines.next();
      if (r.done) throw new Error("poc-prover: ended while serving");
      if (r.value.startsWith("error ")) throw new Error(`poc-prover: ${request}: ${r.value.slice(6)}`);
      return r.value;
    });
    this.queue = answer.catch(() => undefined);
    return answer;
  }

  async rowOpening(t: number, i: number): Promise<RowOpening> {
    const [data, path] = (await this.ask(`row ${t} ${i}`)).split(" ");
    return { data: fromHex(data, this.params.n), path: fromHex(path) };
  }

  async walkerOpening(w: number): Promise<WalkerOpening> {
    const [final, path, ...steps] = (await this.ask(`walker ${w}`)).split(" ");
    const chunks = steps.map((step) => {
      const [, data, chunkPath] = step.split(":");
      return { data: fromHex(data, this.params.chunkBytes), path: fromHex(chunkPath) };
    });
    return { w, chunks, final: fromHex(final, 16), path: fromHex(path) };
  }

  /** Fetches every row and walker the request names, then assembles exactly what Prover.openBody would. */
  async openBody(req: OpenRequestMsg): Promise<OpenBody> {
    try {
      const rows = new Map<string, RowOpening>();
      for (const s of sampleRows(this.params, this.seed, req)) {
        for (const at of [s.row, s.partner, s.next]) {
          if (at && !rows.has(`${at[0]},${at[1]}`)) rows.set(`${at[0]},${at[1]}`, await this.rowOpening(at[0], at[1]));
        }
      }
      const walkers = new Map<number, WalkerOpening>();
      for (const w of req.walkers) if (!walkers.has(w)) walkers.set(w, await this.walkerOpening(w));
      return assembleOpenBody(this.params, this.seed, req, (t, i) => rows.get(`${t},${i}`)!, (w) => walkers.get(w)!);
    } finally {
      this.close();
    }
  }

  /** Frees the transcript (the process exits). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.child.stdin.end("quit\n");
  }
}

/** Starts the native prover in serve mode on a challenge (see ServedProver). */
export async function runNativeProver(binary: string, p: ParamClass, ch: ChallengeInputs): Promise<{ prover: ServedProver; result: NativeResult }> {
  const prover = await ServedProver.start(binary, p, ch);
  return { prover, result: prover.result };
}

/** The GPU prover; throws GpuUnavailable (message says why and that the CPU prover is the fallback). */
export async function gpuProve(p: ParamClass, ch: ChallengeInputs, env: NodeJS.ProcessEnv = process.env): Promise<ServedProver> {
  const a = await gpuAvailability(env);
  if (!a.ok) throw new GpuUnavailable(a.code, a.reason);
  return (await runNativeProver(a.binary, p, ch)).prover;
}

/** What the miner agent calls: the GPU prover when it can run, the CPU reference otherwise, and why. */
export async function proveBest(
  p: ParamClass, ch: ChallengeInputs, opts: { env?: NodeJS.ProcessEnv; onProgress?: ProgressFn } = {},
): Promise<{ prover: ProvenChallenge; backend: "gpu" | "cpu"; note: string | null }> {
  try {
    return { prover: await gpuProve(p, ch, opts.env), backend: "gpu", note: null };
  } catch (e) {
    if (!(e instanceof GpuUnavailable)) throw e;
    return { prover: await prove(p, ch, opts.onProgress), backend: "cpu", note: e.message };
  }
}
