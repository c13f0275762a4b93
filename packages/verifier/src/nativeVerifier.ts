// The verifier's native core (cuda/verify.cpp, built with the host C++ compiler): checkItems in a
// long-lived child process, for the GPU classes where the JavaScript checks cost several percent
// of a GPU proof. Optional everywhere: without a compiler, or after any failure of the process,
// the daemon uses checkItems in TypeScript, which decides exactly the same (tested on every cheat).

import { ChildProcessWithoutNullStreams, execFile, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import * as path from "node:path";
import { promisify } from "node:util";
import { fromHex } from "./bytes";
import { CUDA_DIR, onPath } from "./gpuProver";
import { ParamClass } from "./params";
import { Failure, OpeningsItems } from "./verify";
import { OpenRequestMsg } from "./wire";

const run = promisify(execFile);

export const NATIVE_VERIFIER = path.join(CUDA_DIR, "build", "poc-verify");

export const NO_CXX = "no C++ compiler (c++) found; verifying in TypeScript";

/** Builds cuda/build/poc-verify if stale (`make verify`); throws with the reason (NO_CXX without a compiler). */
export async function buildNativeVerifier(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (!onPath(env.CXX ?? "c++", env)) throw new Error(NO_CXX);
  try {
    await run("make", ["-s", "-C", CUDA_DIR, "verify"], { env, maxBuffer: 16 << 20 });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`building poc-verify failed: ${(err.stderr || err.message).trim().slice(-2000)}`);
  }
  return NATIVE_VERIFIER;
}

export interface ItemsQuery {
  params: ParamClass;
  seed: Uint8Array;
  vNonce: Uint8Array;
  R: Uint8Array;
  R2: Uint8Array;
  request: OpenRequestMsg;
  /** Columns per requested row, each in [0, n). */
  columns: number[][] | null;
  openings: Uint8Array;
}

export class NativeVerifier {
  private queue: Promise<unknown> = Promise.resolve();
  /** The core's own time for the last answered check, µs (the rest of check() is transfer). */
  lastComputeUs = 0;
  private readonly lines: AsyncIterator<string>;
  private closed = false;

  private constructor(private readonly child: ChildProcessWithoutNullStreams, readonly sha: "openssl" | "portable") {
    this.lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    child.on("exit", () => (this.closed = true));
    child.stdin.on("error", () => (this.closed = true));
  }

  /** Starts `poc-verify serve` (building it first unless a binary is given). */
  static async start(binary?: string, env: NodeJS.ProcessEnv = process.env): Promise<NativeVerifier> {
    const bin = binary ?? (await buildNativeVerifier(env));
    const { stdout } = await run(bin, ["info"]);
    const sha = (JSON.parse(stdout) as { sha: "openssl" | "portable" }).sha;
    return new NativeVerifier(spawn(bin, ["serve"], { stdio: ["pipe", "pipe", "pipe"] }), sha);
  }

  /** The process id (benchmarks read its CPU time). */
  get pid(): number | null {
    return this.child.pid ?? null;
  }

  get alive(): boolean {
    return !this.closed;
  }

  /** checkItems(q…) computed by the native core. Rejects when the process cannot answer. */
  check(q: ItemsQuery): Promise<OpeningsItems> {
    let frame: [Buffer, Buffer];
    try {
      frame = encodeQuery(q);
    } catch (e) {
      return Promise.reject(e);
    }
    const answer = this.queue.then(async () => {
      if (this.closed) throw new Error("poc-verify is not running");
      for (const part of frame) this.child.stdin.write(part);
      const r = await this.lines.next();
      if (r.done) throw new Error("poc-verify ended");
      const { items, us } = parseAnswer(r.value);
      this.lastComputeUs = us;
      return items;
    });
    this.queue = answer.catch(() => undefined);
    return answer;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.child.stdin.end();
  }
}

/** u32 LE length ‖ request, in the layout cuda/verify.cpp `readRequest` reads: the head, then the openings as they are (not copied). */
export function encodeQuery(q: ItemsQuery): [Buffer, Buffer] {
  const { params: p, request } = q;
  const cols = request.rows.map((_, s) => q.columns?.[s] ?? []);
  for (const c of cols) for (const j of c) if (!Number.isInteger(j) || j < 0 || j >= p.n) throw new RangeError(`column ${j} out of range`);
  const words = 9 + 1 + 2 * request.rows.length + 1 + request.walkers.length + cols.reduce((a, c) => a + 1 + c.length, 0);
  const head = Buffer.alloc(4 + 4 * words + 4 * 32);
  let o = 4;
  const u32 = (v: number) => (o = head.writeUInt32LE(v, o));
  for (const v of [p.n, p.m, p.L, p.chunkBytes, p.walkers, p.steps, p.k, p.c, p.kw]) u32(v);
  for (const b of [q.seed, q.vNonce, q.R, q.R2]) o += Buffer.from(b.buffer, b.byteOffset, 32).copy(head, o);
  u32(request.rows.length);
  for (const [t, i] of request.rows) {
    u32(t);
    u32(i);
  }
  u32(request.walkers.length);
  for (const w of request.walkers) u32(w);
  for (const c of cols) {
    u32(c.length);
    for (const j of c) u32(j);
  }
  head.writeUInt32LE(head.length - 4 + q.openings.length, 0);
  return [head, Buffer.from(q.openings.buffer, q.openings.byteOffset, q.openings.length)];
}

function parseAnswer(line: string): { items: OpeningsItems; us: number } {
  const a = JSON.parse(line) as { error?: string; digest: string; malformed: boolean; covers?: boolean; failures?: Failure[]; us: number };
  if (a.error) throw new Error(`poc-verify: ${a.error}`);
  return { items: { digest: fromHex(a.digest, 32), malformed: a.malformed, covers: a.covers ?? false, failures: a.failures ?? [] }, us: a.us };
}
