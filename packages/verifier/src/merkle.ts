// SHA-256 binary Merkle trees, RFC 6962-style domain separation: leaf = H(0x00 ‖ data),
// node = H(0x01 ‖ left ‖ right), so a leaf can never pass for a node. At a level with an odd
// count the last node is paired with itself. Leaf counts are fixed by the parameter class, so
// the duplication ambiguity (CVE-2012-2459) cannot be used to change a count.

import { concat } from "./bytes";
import { sha256 } from "./hash";
import { CHUNKS_PER_ROW } from "./params";

const LEAF = 0x00;
const NODE = 0x01;
const HASH = 32;

const nodeBuf = new Uint8Array(1 + 2 * HASH);

let leafBuf = new Uint8Array(1 + 1024);

export function leafHash(data: Uint8Array): Uint8Array {
  // One reused buffer for 0x00 ‖ data (the hash copies nothing out of it).
  if (leafBuf.length < 1 + data.length) leafBuf = new Uint8Array(1 + data.length);
  leafBuf[0] = LEAF;
  leafBuf.set(data, 1);
  return sha256(leafBuf.subarray(0, 1 + data.length));
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  nodeBuf[0] = NODE;
  nodeBuf.set(left, 1);
  nodeBuf.set(right, 1 + HASH);
  return sha256(nodeBuf);
}

/** Levels above a level of `count` nodes: ⌈log₂ count⌉. */
export function depth(count: number): number {
  if (Number.isInteger(count) && count >= 1 && count <= 2 ** 31) return count === 1 ? 0 : 32 - Math.clz32(count - 1);
  let d = 0;
  while (2 ** d < count) d++;
  return d;
}

/** A tree over `count` bottom hashes (leaf hashes, or row nodes for the transcript tree), all levels kept. */
export class MerkleTree {
  /** levels[0] = bottom, levels[last] = [root]; each level is count × 32 bytes. */
  private readonly levels: Uint8Array[];
  readonly count: number;

  constructor(bottom: Uint8Array) {
    if (bottom.length === 0 || bottom.length % HASH !== 0) throw new Error("Merkle: empty or ragged level");
    this.count = bottom.length / HASH;
    this.levels = [bottom];
    let cur = bottom;
    while (cur.length > HASH) {
      const n = cur.length / HASH;
      const up = new Uint8Array(Math.ceil(n / 2) * HASH);
      for (let i = 0; i < n; i += 2) {
        const l = cur.subarray(i * HASH, (i + 1) * HASH);
        const r = i + 1 < n ? cur.subarray((i + 1) * HASH, (i + 2) * HASH) : l;
        up.set(nodeHash(l, r), (i / 2) * HASH);
      }
      this.levels.push(up);
      cur = up;
    }
  }

  get root(): Uint8Array {
    return this.levels[this.levels.length - 1].slice(0, HASH);
  }

  node(index: number): Uint8Array {
    return this.levels[0].slice(index * HASH, (index + 1) * HASH);
  }

  /** Sibling hashes from the bottom level up, concatenated (the openings' form). */
  pathBytes(index: number): Uint8Array {
    return concat(...this.path(index));
  }

  /** Sibling hashes from the bottom level up. */
  path(index: number): Uint8Array[] {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) throw new Error("Merkle: index out of range");
    const out: Uint8Array[] = [];
    let idx = index;
    for (let lv = 0; lv < this.levels.length - 1; lv++) {
      const n = this.levels[lv].length / HASH;
      const sib = (idx ^ 1) < n ? idx ^ 1 : idx;
      out.push(this.levels[lv].slice(sib * HASH, (sib + 1) * HASH));
      idx >>>= 1;
    }
    return out;
  }
}

/**
 * Root implied by `bottom` at `index` of a level of `count` nodes and its sibling path, or null
 * when the path cannot belong to such a tree (wrong length, or a duplicated position whose
 * sibling is not the node itself).
 */
export function rootFromPath(bottom: Uint8Array, index: number, count: number, path: readonly Uint8Array[]): Uint8Array | null {
  if (!Number.isInteger(index) || index < 0 || index >= count) return null;
  if (path.length !== depth(count)) return null;
  let h = bottom;
  let idx = index;
  let n = count;
  for (const sib of path) {
    if (sib.length !== HASH) return null;
    if ((idx ^ 1) >= n) {
      // odd tail: paired with itself
      if (!equal32(sib, h)) return null;
      h = nodeHash(h, h);
    } else {
      h = idx & 1 ? nodeHash(sib, h) : nodeHash(h, sib);
    }
    idx >>>= 1;
    n = Math.ceil(n / 2);
  }
  return h;
}

/**
 * Verifies many paths against one root, hashing each internal node once. Every node of a verified
 * path (computed nodes and siblings) is remembered by (level, index); once a path meets a
 * remembered node, its remaining siblings are compared with remembered nodes instead of hashed.
 * Each path is still checked in full, so the result is exactly rootFromPath's for every path:
 * implementations without this cache reach the same verdicts. Levels count from the bottom of
 * the whole tree, so chunk paths (level 0) and row paths (level 4) share the nodes above rows.
 */
export class PathVerifier {
  /** proven[level]: index → node. */
  private readonly proven: Map<number, Uint8Array>[] = [];

  constructor(private readonly root: Uint8Array) {}

  private get(level: number, index: number): Uint8Array | undefined {
    return this.proven[level]?.get(index);
  }

  /** `path`: the siblings from the bottom up, 32 bytes each, concatenated (as the openings carry them). */
  verify(bottom: Uint8Array, index: number, count: number, path: Uint8Array, level = 0): boolean {
    if (!Number.isInteger(index) || index < 0 || index >= count) return false;
    const d = depth(count);
    if (path.length !== d * HASH) return false;
    let h = bottom;
    let idx = index;
    let n = count;
    let known = false; // from here up, the path runs along remembered nodes
    const fresh: (number | Uint8Array)[] = []; // (level, index, node) triples, remembered once the root matches
    for (let x = 0; x < d; x++) {
      const lv = level + x;
      const sib = path.subarray(x * HASH, (x + 1) * HASH);
      if (!known) {
        const k = this.get(lv, idx);
        if (k) {
          if (!equal32(k, h)) return false;
          known = true;
        }
      }
      const sibIdx = idx ^ 1;
      if (sibIdx >= n && !equal32(sib, h)) return false; // odd tail: paired with itself
      if (known) {
        const expected = sibIdx >= n ? h : this.get(lv, sibIdx);
        if (!expected || !equal32(expected, sib)) return false;
        h = this.get(lv + 1, idx >>> 1) as Uint8Array; // remembered with the node below it
      } else {
        fresh.push(lv, idx, h);
        if (sibIdx < n) fresh.push(lv, sibIdx, sib);
        h = sibIdx >= n ? nodeHash(h, h) : idx & 1 ? nodeHash(sib, h) : nodeHash(h, sib);
      }
      idx >>>= 1;
      n = Math.ceil(n / 2);
    }
    if (!equal32(h, this.root)) return false;
    fresh.push(level + d, idx, h);
    for (let f = 0; f < fresh.length; f += 3) {
      const lv = fresh[f] as number;
      const m = this.proven[lv] ?? (this.proven[lv] = new Map());
      m.set(fresh[f + 1] as number, fresh[f + 2] as Uint8Array);
    }
    return true;
  }
}

function equal32(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < HASH; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The 16 chunk-leaf hashes of one transcript row, concatenated. */
export function chunkLeaves(row: Uint8Array): Uint8Array {
  const cb = row.length / CHUNKS_PER_ROW;
  const out = new Uint8Array(CHUNKS_PER_ROW * HASH);
  const buf = new Uint8Array(1 + cb);
  buf[0] = LEAF;
  for (let c = 0; c < CHUNKS_PER_ROW; c++) {
    buf.set(row.subarray(c * cb, (c + 1) * cb), 1);
    out.set(sha256(buf), c * HASH);
  }
  return out;
}

/** Row node: root of the perfect 4-level subtree over the row's 16 chunk leaves. */
export function rowNode(row: Uint8Array): Uint8Array {
  return new MerkleTree(chunkLeaves(row)).root;
}

/** Path of chunk c inside its row (4 siblings), to be followed by the row's path in the transcript tree. */
export function inRowPath(row: Uint8Array, c: number): Uint8Array[] {
  return new MerkleTree(chunkLeaves(row)).path(c);
}
