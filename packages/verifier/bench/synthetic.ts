// A challenge of a GPU class that the verifier can check for real without anyone computing the
// 64 GiB transcript: every row nobody opens is zero, so the Merkle tree is sparse (an all-zero
// subtree hashes to a per-level constant), and the opened "next" rows are correct exactly at the
// columns the verifier will check (the columns are fixed in advance here). Signatures, paths,
// entries and walks are then verified by the production code, so its cost is measured, not
// extrapolated. Only the prover's side is fake.
import * as crypto from "node:crypto";
import {
  ParamClass, ChallengeInputs, CHUNKS_PER_ROW, OpenRequestMsg, OpenBody, chunkCount, deriveSeed, walkSeed, permutation, genX0Row,
  genWColumn, mixRow, dot, requant, leafHash, nodeHash, depth, rowIndex, runWalker, generateSigner, signCommit, signOpenings,
  DeviceSigner, CommitMsg,
} from "../src";
import { bytesOfWordsLE, concat } from "../src/bytes";

/** Merkle tree over `count` bottom nodes, all equal to `zero` except those in `set`. */
class SparseTree {
  private readonly levels: Map<number, Uint8Array>[] = [];
  private readonly defaults: Uint8Array[] = [];
  readonly root: Uint8Array;

  constructor(readonly count: number, zero: Uint8Array, set: Map<number, Uint8Array>) {
    let cur = set;
    let n = count;
    let d = zero;
    for (;;) {
      this.levels.push(cur);
      this.defaults.push(d);
      if (n === 1) break;
      const up = new Map<number, Uint8Array>();
      for (const idx of cur.keys()) {
        const p = idx >>> 1;
        if (up.has(p)) continue;
        const l = this.node(this.levels.length - 1, 2 * p);
        const r = 2 * p + 1 < n ? this.node(this.levels.length - 1, 2 * p + 1) : l;
        up.set(p, nodeHash(l, r));
      }
      cur = up;
      n = Math.ceil(n / 2);
      d = nodeHash(d, d); // an all-zero subtree, duplicated or not, hashes to this
    }
    this.root = this.node(this.levels.length - 1, 0);
  }

  node(level: number, idx: number): Uint8Array {
    return this.levels[level].get(idx) ?? this.defaults[level];
  }

  /** Siblings from `fromLevel` up, concatenated (the openings' form). */
  path(index: number, fromLevel = 0): Uint8Array {
    const out: Uint8Array[] = [];
    let idx = index;
    let n = this.count;
    for (let l = 0; l < fromLevel; l++) n = Math.ceil(n / 2);
    for (let l = fromLevel; l < this.levels.length - 1; l++) {
      out.push((idx ^ 1) < n ? this.node(l, idx ^ 1) : this.node(l, idx));
      idx >>>= 1;
      n = Math.ceil(n / 2);
    }
    return concat(...out);
  }
}

export interface Synthetic {
  params: ParamClass;
  challenge: ChallengeInputs;
  signer: DeviceSigner;
  commit: CommitMsg;
  request: OpenRequestMsg;
  /** The openings message (encoded body ‖ signature). */
  openings: Uint8Array;
  columns: number[][];
}

export function synthetic(p: ParamClass): Synthetic {
  if (p.L < 2 * p.k) throw new Error("synthetic: needs L ≥ 2k (samples on distinct even steps)");
  const challenge: ChallengeInputs = {
    programId: crypto.randomBytes(32), devicePda: crypto.randomBytes(32), challengeId: 9n,
    slotHash: crypto.randomBytes(32), vNonce: crypto.randomBytes(32), paramsId: p.paramsId,
  };
  const seed = deriveSeed(challenge);
  const rnd = (n: number) => new Int8Array(crypto.randomBytes(n).buffer.slice(0, n));
  const pick = (n: number) => crypto.randomInt(n);
  // Samples on distinct even steps: rows read (t) and written (t+1) never coincide across samples.
  const evens = Array.from({ length: Math.floor(p.L / 2) }, (_, x) => 2 * x);
  for (let x = evens.length - 1; x > 0; x--) {
    const y = pick(x + 1);
    [evens[x], evens[y]] = [evens[y], evens[x]];
  }
  const rows = new Map<number, Int8Array>(); // transcript row index → contents (others are zero)
  const samples: [number, number][] = [];
  const columns: number[][] = [];
  for (let s = 0; s < p.k; s++) {
    const t = evens[s];
    const i = pick(p.m);
    const pi = permutation(p, seed, t).apply(i);
    let x: Int8Array, xp: Int8Array;
    if (t === 0) {
      x = genX0Row(p, seed, i);
      xp = genX0Row(p, seed, pi);
    } else {
      x = rows.get(rowIndex(p, t, i)) ?? rnd(p.n);
      rows.set(rowIndex(p, t, i), x);
      xp = rows.get(rowIndex(p, t, pi)) ?? rnd(p.n);
      rows.set(rowIndex(p, t, pi), xp);
    }
    const next = rnd(p.n);
    const cols = new Set<number>();
    while (cols.size < p.c) cols.add(pick(p.n));
    const mixed = mixRow(x, xp);
    for (const j of cols) next[j] = requant(dot(mixed, genWColumn(p, seed, t, j)));
    rows.set(rowIndex(p, t + 1, i), next);
    samples.push([t, i]);
    columns.push([...cols]);
  }
  // Transcript tree over chunk leaves.
  const cb = p.chunkBytes;
  const leaves = new Map<number, Uint8Array>();
  for (const [r, data] of rows) {
    const u8 = new Uint8Array(data.buffer, data.byteOffset, data.length);
    for (let c = 0; c < CHUNKS_PER_ROW; c++) leaves.set(r * CHUNKS_PER_ROW + c, leafHash(u8.subarray(c * cb, (c + 1) * cb)));
  }
  const tree = new SparseTree(chunkCount(p), leafHash(new Uint8Array(cb)), leaves);
  const R = tree.root;
  const zeroChunk = new Uint8Array(cb);
  const chunkAt = (a: number) => {
    const row = rows.get(Math.floor(a / CHUNKS_PER_ROW));
    if (!row) return zeroChunk;
    const o = (a % CHUNKS_PER_ROW) * cb;
    return new Uint8Array(row.buffer, row.byteOffset + o, cb);
  };
  // Walkers over the virtual transcript; the walk tree is sparse too.
  const wseed = walkSeed(R, challenge.vNonce);
  const walkerIdx = Array.from({ length: p.kw }, () => pick(p.walkers));
  const walks = walkerIdx.map((w) => {
    const chunks: { data: Uint8Array; path: Uint8Array }[] = [];
    const fin = runWalker(p, wseed, w, (_s, a) => {
      const data = chunkAt(a);
      chunks.push({ data, path: tree.path(a) });
      return data;
    });
    return { w, chunks, final: bytesOfWordsLE(fin) };
  });
  const finals = new Map(walks.map((x) => [x.w, leafHash(x.final)] as [number, Uint8Array]));
  const walkTree = new SparseTree(p.walkers, leafHash(new Uint8Array(16)), finals);
  const signer = generateSigner();
  const request: OpenRequestMsg = { challengeId: challenge.challengeId.toString(), rows: samples, walkers: walkerIdx };
  const rowOpening = (t: number, i: number) => {
    const data = rows.get(rowIndex(p, t, i))!;
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), path: tree.path(rowIndex(p, t, i), depth(CHUNKS_PER_ROW)) };
  };
  const body: OpenBody = {
    challengeId: request.challengeId,
    rows: samples.map(([t, i]) => ({
      t, i,
      row: t === 0 ? null : rowOpening(t, i),
      partner: t === 0 ? null : rowOpening(t, permutation(p, seed, t).apply(i)),
      next: rowOpening(t + 1, i),
    })),
    walkers: walks.map((x) => ({ w: x.w, chunks: x.chunks, final: x.final, path: walkTree.path(x.w) })),
  };
  return {
    params: p, challenge, signer, request, columns,
    commit: signCommit({ challenge, R, R2: walkTree.root }, signer),
    openings: signOpenings({ params: p, challenge, openBody: () => body }, request, signer),
  };
}
