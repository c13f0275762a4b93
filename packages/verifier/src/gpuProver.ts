// The native prover (cuda/prover.cu) as a child process. Built on first use when nvcc is present;
// otherwise every entry point says so in one clear line and the agent falls back to the CPU
// reference prover. The same source also builds with a plain C++ compiler ("host" backend),
// which is how machines without a GPU check the native code against the reference.

import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { equal, fromHex, toHex } from "./bytes";
import { ParamClass, transcriptBytes } from "./params";
import { Prover, ProgressFn, commitTranscript, commitWalk, prove } from "./prover";
import { ChallengeInputs, deriveSeed } from "./seed";

const run = promisify(execFile);

export const NVCC_MISSING = "nvcc not found; using CPU prover";
/** Until the prover keeps the transcript resident and serves openings itself (serve mode), it hands it over in a file. */
export const MAX_DUMP_BYTES = 1 << 30;

export type Backend = "cuda" | "host";
export type UnavailableCode = "no_nvcc" | "no_cxx" | "build_failed" | "no_device" | "too_large";

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

function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
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
  transcriptSha256: string;
  finalsSha256: string;
  ms: { phaseA: number; commit: number; phaseB: number; walkCommit: number; total: number };
}

/**
 * Runs a native prover binary on a challenge and returns a Prover that serves openings. The
 * transcript comes back through a temporary file and its trees are rebuilt here, which also
 * re-checks the binary's R and R2 against the reference Merkle code.
 */
export async function runNativeProver(binary: string, p: ParamClass, ch: ChallengeInputs): Promise<{ prover: Prover; result: NativeResult }> {
  const tb = transcriptBytes(p);
  if (tb > MAX_DUMP_BYTES) {
    throw new GpuUnavailable("too_large", `${p.name}: transcript of ${tb} bytes is too large to hand over by file (serve mode not built yet)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "poc-prover-"));
  const dump = path.join(dir, "transcript.bin");
  try {
    const args = ["prove", "--n", p.n, "--m", p.m, "--L", p.L, "--walkers", p.walkers, "--steps", p.steps].map(String);
    args.push("--seed", toHex(deriveSeed(ch)), "--vnonce", toHex(ch.vNonce), "--dump", dump);
    const { stdout } = await run(binary, args, { maxBuffer: 1 << 20 });
    const result = JSON.parse(stdout) as NativeResult;
    const raw = fs.readFileSync(dump);
    if (raw.length !== tb + p.walkers * 16) throw new Error("poc-prover: dump has the wrong size");
    const transcript = new Int8Array(raw.buffer, raw.byteOffset, tb);
    const finals = new Uint32Array(p.walkers * 4);
    for (let q = 0; q < finals.length; q++) finals[q] = raw.readUInt32LE(tb + 4 * q);
    const tree = commitTranscript(p, transcript);
    const walkTree = commitWalk(finals);
    if (!equal(tree.root, fromHex(result.R, 32)) || !equal(walkTree.root, fromHex(result.R2, 32))) {
      throw new Error("poc-prover: its roots disagree with the reference Merkle code");
    }
    return { prover: new Prover({ params: p, challenge: ch, transcript, tree, finals, walkTree }), result };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The GPU prover; throws GpuUnavailable (message says why and that the CPU prover is the fallback). */
export async function gpuProve(p: ParamClass, ch: ChallengeInputs, env: NodeJS.ProcessEnv = process.env): Promise<Prover> {
  const a = await gpuAvailability(env);
  if (!a.ok) throw new GpuUnavailable(a.code, a.reason);
  return (await runNativeProver(a.binary, p, ch)).prover;
}

/** What the miner agent calls: the GPU prover when it can run, the CPU reference otherwise, and why. */
export async function proveBest(
  p: ParamClass, ch: ChallengeInputs, opts: { env?: NodeJS.ProcessEnv; onProgress?: ProgressFn } = {},
): Promise<{ prover: Prover; backend: "gpu" | "cpu"; note: string | null }> {
  try {
    return { prover: await gpuProve(p, ch, opts.env), backend: "gpu", note: null };
  } catch (e) {
    if (!(e instanceof GpuUnavailable)) throw e;
    return { prover: await prove(p, ch, opts.onProgress), backend: "cpu", note: e.message };
  }
}
