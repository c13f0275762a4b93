// CPU reference prover (§2.3 steps 5–7, 9): bit-identical to the CUDA prover, used by CI, the demo
// and as the miner agent's fallback. Built from small exported phases so that tests can assemble
// dishonest provers from the same parts.

import { ParamClass, CHUNKS_PER_ROW, rowCount } from "./params";
import { ChallengeInputs, deriveSeed, walkSeed } from "./seed";
import { genWT, genX0, permutation } from "./prng";
import { gemmTN, mixRows } from "./gemm";
import { MerkleTree, chunkLeaves, inRowPath, leafHash } from "./merkle";
import { runWalker } from "./walk";
import { bytesOfWordsLE, concat } from "./bytes";
import type { ChunkOpening, OpenBody, OpenRequestMsg, RowOpening, SampleOpening, WalkerOpening } from "./wire";

export interface Progress {
  phase: "A" | "commit" | "B" | "done";
  done: number;
  total: number;
}
export type ProgressFn = (p: Progress) => void;

/** Transcript row X_t[i], t ∈ [1, L]: global row index (t−1)·m + i. */
export const rowIndex = (p: ParamClass, t: number, i: number): number => (t - 1) * p.m + i;

/**
 * Phase A: X_0 from the seed, then L steps of row mixing, exact GEMM and requantisation.
 * Returns X_1 … X_L concatenated (the transcript). `afterStep(t, X_{t+1})` may rewrite the
 * step's output before the next step reads it (used only to build dishonest provers).
 */
export function phaseA(
  p: ParamClass, seed: Uint8Array,
  hooks: { onStep?: (t: number) => void; afterStep?: (t: number, next: Int8Array) => void } = {},
): Int8Array {
  const { m, n, L } = p;
  const transcript = new Int8Array(L * m * n);
  const mixed = new Int8Array(m * n);
  let x = genX0(p, seed);
  for (let t = 0; t < L; t++) {
    const next = transcript.subarray(t * m * n, (t + 1) * m * n);
    chainStep(p, seed, t, x, mixed, next);
    hooks.afterStep?.(t, next);
    x = next;
    hooks.onStep?.(t);
  }
  return transcript;
}

/** X_{t+1} = q((X_t +₈ X_t[π_t]) · W_t), written into `next`. */
export function chainStep(p: ParamClass, seed: Uint8Array, t: number, x: Int8Array, mixed: Int8Array, next: Int8Array): void {
  const { m, n } = p;
  const pi = permutation(p, seed, t);
  mixRows(x, (i) => pi.apply(i), m, n, mixed);
  const y = gemmTN(mixed, genWT(p, seed, t), m, n, n);
  for (let e = 0; e < y.length; e++) next[e] = y[e] >> 8; // q(y): the Int8Array store keeps byte 1
}

/** R: the Merkle tree over all chunk leaves, kept as its row-node level and above. */
export function commitTranscript(p: ParamClass, transcript: Int8Array): MerkleTree {
  const rows = rowCount(p);
  const nodes = new Uint8Array(rows * 32);
  const u8 = new Uint8Array(transcript.buffer, transcript.byteOffset, transcript.byteLength);
  for (let r = 0; r < rows; r++) {
    nodes.set(new MerkleTree(chunkLeaves(u8.subarray(r * p.n, (r + 1) * p.n))).root, r * 32);
  }
  return new MerkleTree(nodes);
}

/** Phase B: final states of all walkers (4 u32 each); `readChunk(a)` is the memory being probed. */
export function phaseB(
  p: ParamClass, wseed: Uint8Array, readChunk: (a: number) => Uint8Array,
  onWalkers?: (done: number) => void,
): Uint32Array {
  const finals = new Uint32Array(p.walkers * 4);
  const s = new Uint32Array(4);
  for (let w = 0; w < p.walkers; w++) {
    runWalker(p, wseed, w, (_step, a) => readChunk(a), s);
    finals.set(s, w * 4);
    if (onWalkers && (w + 1) % 4096 === 0) onWalkers(w + 1);
  }
  return finals;
}

/** R2: the Merkle tree over leaf hashes of the walkers' final states (16 bytes, LE words). */
export function commitWalk(finals: Uint32Array): MerkleTree {
  const count = finals.length / 4;
  const leaves = new Uint8Array(count * 32);
  for (let w = 0; w < count; w++) leaves.set(leafHash(finalBytes(finals, w)), w * 32);
  return new MerkleTree(leaves);
}

export const finalBytes = (finals: Uint32Array, w: number): Uint8Array => bytesOfWordsLE(finals.subarray(w * 4, w * 4 + 4));

export interface ProverParts {
  params: ParamClass;
  challenge: ChallengeInputs;
  transcript: Int8Array;
  tree: MerkleTree;
  finals: Uint32Array;
  walkTree: MerkleTree;
}

/** One challenge's retained state on the miner: the transcript and both trees; answers openings. */
export class Prover {
  readonly params: ParamClass;
  readonly challenge: ChallengeInputs;
  readonly seed: Uint8Array;
  readonly transcript: Int8Array;
  readonly tree: MerkleTree;
  readonly finals: Uint32Array;
  readonly walkTree: MerkleTree;

  constructor(parts: ProverParts) {
    this.params = parts.params;
    this.challenge = parts.challenge;
    this.seed = deriveSeed(parts.challenge);
    this.transcript = parts.transcript;
    this.tree = parts.tree;
    this.finals = parts.finals;
    this.walkTree = parts.walkTree;
  }

  get R(): Uint8Array {
    return this.tree.root;
  }

  get R2(): Uint8Array {
    return this.walkTree.root;
  }

  /** Row X_t[i] as committed (t ∈ [1, L]). Dishonest provers override this. */
  row(t: number, i: number): Uint8Array {
    const r = rowIndex(this.params, t, i);
    const n = this.params.n;
    return new Uint8Array(this.transcript.buffer, this.transcript.byteOffset + r * n, n);
  }

  /** Chunk a of the transcript, as read by the walk. */
  chunk(a: number): Uint8Array {
    const r = Math.floor(a / CHUNKS_PER_ROW);
    const c = a % CHUNKS_PER_ROW;
    const { m, chunkBytes } = this.params;
    return this.row(Math.floor(r / m) + 1, r % m).subarray(c * chunkBytes, (c + 1) * chunkBytes);
  }

  rowOpening(t: number, i: number): RowOpening {
    return {
      data: this.row(t, i),
      path: this.tree.pathBytes(rowIndex(this.params, t, i)),
    };
  }

  /** One walker re-run over the transcript, with every chunk it read and the paths. */
  walkerOpening(w: number, wseed = walkSeed(this.R, this.challenge.vNonce)): WalkerOpening {
    const chunks: ChunkOpening[] = [];
    runWalker(this.params, wseed, w, (_step, a) => {
      const data = this.chunk(a);
      const r = Math.floor(a / CHUNKS_PER_ROW);
      const rowBytes = this.row(Math.floor(r / this.params.m) + 1, r % this.params.m);
      const path = concat(...inRowPath(rowBytes, a % CHUNKS_PER_ROW), ...this.tree.path(r));
      chunks.push({ data, path });
      return data;
    });
    return { w, chunks, final: finalBytes(this.finals, w), path: this.walkTree.pathBytes(w) };
  }

  /** Answers an open request (§2.3 step 9); the agent signs the result with signOpenings. */
  openBody(req: OpenRequestMsg): OpenBody {
    const wseed = walkSeed(this.R, this.challenge.vNonce);
    return assembleOpenBody(this.params, this.seed, req, (t, i) => this.rowOpening(t, i), (w) => this.walkerOpening(w, wseed));
  }
}

/**
 * A proven challenge as the agent answers it: the roots, and openings on request — from this
 * process (Prover) or from the native prover that keeps the transcript (ServedProver).
 */
export interface ProvenChallenge {
  readonly params: ParamClass;
  readonly challenge: ChallengeInputs;
  readonly R: Uint8Array;
  readonly R2: Uint8Array;
  openBody(req: OpenRequestMsg): OpenBody | Promise<OpenBody>;
}

/** The rows an open request needs, per sample: X_t[i] and X_t[π_t(i)] (none for t = 0, regenerated) and X_{t+1}[i]. */
export function sampleRows(p: ParamClass, seed: Uint8Array, req: OpenRequestMsg): { row: [number, number] | null; partner: [number, number] | null; next: [number, number] }[] {
  const pi = new Map<number, ReturnType<typeof permutation>>();
  const perm = (t: number) => {
    let v = pi.get(t);
    if (!v) pi.set(t, (v = permutation(p, seed, t)));
    return v;
  };
  return req.rows.map(([t, i]) => ({
    row: t === 0 ? null : [t, i],
    partner: t === 0 ? null : [t, perm(t).apply(i)],
    next: [t + 1, i],
  }));
}

/** The open body from row and walker openings, wherever they come from. */
export function assembleOpenBody(
  p: ParamClass, seed: Uint8Array, req: OpenRequestMsg, rowOpening: (t: number, i: number) => RowOpening, walkerOpening: (w: number) => WalkerOpening,
): OpenBody {
  const open = (at: [number, number] | null) => (at === null ? null : rowOpening(at[0], at[1]));
  const rows: SampleOpening[] = sampleRows(p, seed, req).map((s, x) => ({
    t: req.rows[x][0], i: req.rows[x][1], row: open(s.row), partner: open(s.partner), next: rowOpening(s.next[0], s.next[1]),
  }));
  return { challengeId: req.challengeId, rows, walkers: req.walkers.map(walkerOpening) };
}

/** Phases A, commit, B and commit for one challenge, synchronously. */
export function proveSync(p: ParamClass, challenge: ChallengeInputs, onProgress?: ProgressFn): Prover {
  const seed = deriveSeed(challenge);
  const transcript = phaseA(p, seed, { onStep: (t) => onProgress?.({ phase: "A", done: t + 1, total: p.L }) });
  return finish(p, challenge, transcript, onProgress);
}

/**
 * Same as proveSync, but yields to the event loop between GEMM steps, so an agent's HTTP server
 * keeps answering pings while the CPU fallback works.
 */
export async function prove(p: ParamClass, challenge: ChallengeInputs, onProgress?: ProgressFn): Promise<Prover> {
  const seed = deriveSeed(challenge);
  const { m, n, L } = p;
  const transcript = new Int8Array(L * m * n);
  const mixed = new Int8Array(m * n);
  let x = genX0(p, seed);
  for (let t = 0; t < L; t++) {
    const next = transcript.subarray(t * m * n, (t + 1) * m * n);
    chainStep(p, seed, t, x, mixed, next);
    x = next;
    onProgress?.({ phase: "A", done: t + 1, total: L });
    await new Promise<void>((r) => setImmediate(r));
  }
  return finish(p, challenge, transcript, onProgress);
}

function finish(p: ParamClass, challenge: ChallengeInputs, transcript: Int8Array, onProgress?: ProgressFn): Prover {
  const tree = commitTranscript(p, transcript);
  onProgress?.({ phase: "commit", done: 1, total: 1 });
  const u8 = new Uint8Array(transcript.buffer, transcript.byteOffset, transcript.byteLength);
  const cb = p.chunkBytes;
  const finals = phaseB(p, walkSeed(tree.root, challenge.vNonce), (a) => u8.subarray(a * cb, (a + 1) * cb), (done) =>
    onProgress?.({ phase: "B", done, total: p.walkers }),
  );
  const walkTree = commitWalk(finals);
  onProgress?.({ phase: "done", done: 1, total: 1 });
  return new Prover({ params: p, challenge, transcript, tree, finals, walkTree });
}

