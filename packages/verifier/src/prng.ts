// Philox4x32-10 (Salmon et al., SC'11; cuRAND's default), written so that every step is exact
// 32-bit integer arithmetic in JS: Math.imul for the low half of the 32×32 product, a 16-bit
// split in doubles for the high half. The CUDA prover uses the same function (cuda/poc_core.h).

import { ParamClass } from "./params";
import { deriveKey } from "./seed";

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
const M0H = M0 >>> 16;
const M0L = M0 & 0xffff;
const M1H = M1 >>> 16;
const M1L = M1 & 0xffff;

/** Philox key: two u32 words. */
export type PhiloxKey = readonly [number, number];

/** The first 8 bytes of a derived key, as two little-endian u32 (§2.3 step 3). */
export function philoxKey(keyBytes: Uint8Array): PhiloxKey {
  const dv = new DataView(keyBytes.buffer, keyBytes.byteOffset, 8);
  return [dv.getUint32(0, true), dv.getUint32(4, true)];
}

/** One Philox4x32-10 block: counter (c0..c3) under key (k0, k1) → 4 u32 into out[o..o+3]. */
export function philox(
  c0: number, c1: number, c2: number, c3: number, k0: number, k1: number,
  out: Uint32Array, o = 0,
): void {
  philoxKs(c0, c1, c2, c3, keySchedule(k0, k1, ksScratch), out, o);
}

/** The ten round keys of (k0, k1): ks[2r], ks[2r+1] = k0 + r·W0, k1 + r·W1 (mod 2³²). */
function keySchedule(k0: number, k1: number, ks: Uint32Array): Uint32Array {
  for (let r = 0; r < 10; r++) {
    ks[2 * r] = k0 + r * W0; // a Uint32Array store reduces mod 2³² exactly (r·W0 < 2³⁶)
    ks[2 * r + 1] = k1 + r * W1;
  }
  return ks;
}

const ksScratch = new Uint32Array(20);

/**
 * Philox4x32-10 with its round keys precomputed. mulhi(c, M) by 16-bit halves: every partial sum
 * stays below 2³², so `>>>` and double adds are exact — no division or floor in the hot loop.
 */
function philoxKs(c0: number, c1: number, c2: number, c3: number, ks: Uint32Array, out: Uint32Array, o: number): void {
  c0 >>>= 0; c1 >>>= 0; c2 >>>= 0; c3 >>>= 0;
  for (let r = 0; r < 20; r += 2) {
    const al = c0 & 0xffff;
    const ah = c0 >>> 16;
    const u0 = ah * M0L + ((al * M0L) >>> 16);
    const w0 = al * M0H + (u0 & 0xffff);
    const hi0 = ah * M0H + (u0 >>> 16) + (w0 >>> 16);
    const bl = c2 & 0xffff;
    const bh = c2 >>> 16;
    const u1 = bh * M1L + ((bl * M1L) >>> 16);
    const w1 = bl * M1H + (u1 & 0xffff);
    const hi1 = bh * M1H + (u1 >>> 16) + (w1 >>> 16);
    const lo0 = Math.imul(c0, M0) >>> 0;
    const lo1 = Math.imul(c2, M1) >>> 0;
    c0 = (hi1 ^ c1 ^ ks[r]) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ ks[r + 1]) >>> 0;
    c3 = lo0;
  }
  out[o] = c0;
  out[o + 1] = c1;
  out[o + 2] = c2;
  out[o + 3] = c3;
}

const scratch = new Uint32Array(4);
const fillKs = new Uint32Array(20);

/**
 * The int8 stream of a key: element idx is byte (idx mod 16) of Philox block ⌊idx/16⌋, the block's
 * four words taken little-endian; counter = (⌊idx/16⌋ mod 2³², ⌊idx/16⌋ / 2³², 0, 0).
 * Fills out[0..len) with elements start … start+len−1.
 */
export function fillInt8(key: PhiloxKey, start: number, out: Int8Array): void {
  const len = out.length;
  if (len === 0) return;
  const ks = keySchedule(key[0], key[1], fillKs);
  let idx = start;
  let o = 0;
  // Whole aligned blocks go straight into a word view (all supported hosts are little-endian).
  if (idx % 16 === 0 && out.byteOffset % 4 === 0 && LITTLE_ENDIAN) {
    const words = new Uint32Array(out.buffer, out.byteOffset, len >>> 2);
    let block = idx / 16;
    for (; o + 16 <= len; o += 16, block++) {
      philoxKs(block % 4294967296, Math.floor(block / 4294967296), 0, 0, ks, words, o >>> 2);
    }
    idx += o;
  }
  while (o < len) {
    const block = Math.floor(idx / 16);
    philoxKs(block % 4294967296, Math.floor(block / 4294967296), 0, 0, ks, scratch, 0);
    for (let b = idx % 16; b < 16 && o < len; b++, o++, idx++) {
      out[o] = (scratch[b >>> 2] >>> ((b & 3) * 8)) & 0xff; // Int8Array store wraps to signed
    }
  }
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** X_0 (m × n, row-major): X_0[i,k] = stream(key("X0",0))[i·n + k]. */
export function genX0(p: ParamClass, seed: Uint8Array): Int8Array {
  const x = new Int8Array(p.m * p.n);
  fillInt8(philoxKey(deriveKey(seed, "X0", 0)), 0, x);
  return x;
}

/** Row i of X_0 (the verifier's O(n) regeneration). */
export function genX0Row(p: ParamClass, seed: Uint8Array, i: number): Int8Array {
  const row = new Int8Array(p.n);
  fillInt8(philoxKey(deriveKey(seed, "X0", 0)), i * p.n, row);
  return row;
}

/**
 * W_t stored transposed (n × n, row j = column j of W): W_t[k,j] = stream(key("W",t))[j·n + k].
 * Column-major so that one column is a contiguous run of the stream (the verifier regenerates a
 * column with n/16 Philox blocks) and so that the GPU GEMM is the TN layout IMMA kernels want.
 */
export function genWT(p: ParamClass, seed: Uint8Array, t: number): Int8Array {
  const wt = new Int8Array(p.n * p.n);
  fillInt8(philoxKey(deriveKey(seed, "W", t)), 0, wt);
  return wt;
}

/** Column j of W_t: O(n). */
export function genWColumn(p: ParamClass, seed: Uint8Array, t: number, j: number): Int8Array {
  const col = new Int8Array(p.n);
  fillInt8(philoxKey(deriveKey(seed, "W", t)), j * p.n, col);
  return col;
}

/**
 * Σ_k x[k] · stream(key)[start + k] (exact int32 dot product of x with a run of the int8 stream),
 * without materialising the run: the verifier's W-column check, dot(x, genWColumn(…)) in one pass.
 */
export function dotStream(key: PhiloxKey, start: number, x: Int8Array): number {
  const len = x.length;
  if (start % 16 !== 0 || len % 16 !== 0) {
    const run = new Int8Array(len);
    fillInt8(key, start, run);
    let s = 0;
    for (let k = 0; k < len; k++) s += x[k] * run[k];
    return s;
  }
  const ks = keySchedule(key[0], key[1], fillKs);
  let s = 0;
  let block = start / 16;
  for (let o = 0; o < len; o += 16, block++) {
    // philoxKs inlined (counter (block, 0, 0, 0); blocks stay far below 2³² here), words kept in locals
    let c0 = block >>> 0;
    let c1 = Math.floor(block / 4294967296) >>> 0;
    let c2 = 0;
    let c3 = 0;
    for (let r = 0; r < 20; r += 2) {
      const al = c0 & 0xffff;
      const ah = c0 >>> 16;
      const u0 = ah * M0L + ((al * M0L) >>> 16);
      const w0 = al * M0H + (u0 & 0xffff);
      const hi0 = ah * M0H + (u0 >>> 16) + (w0 >>> 16);
      const bl = c2 & 0xffff;
      const bh = c2 >>> 16;
      const u1 = bh * M1L + ((bl * M1L) >>> 16);
      const w1 = bl * M1H + (u1 & 0xffff);
      const hi1 = bh * M1H + (u1 >>> 16) + (w1 >>> 16);
      const lo0 = Math.imul(c0, M0) >>> 0;
      const lo1 = Math.imul(c2, M1) >>> 0;
      c0 = (hi1 ^ c1 ^ ks[r]) >>> 0;
      c1 = lo1;
      c2 = (hi0 ^ c3 ^ ks[r + 1]) >>> 0;
      c3 = lo0;
    }
    s +=
      x[o] * ((c0 << 24) >> 24) + x[o + 1] * ((c0 << 16) >> 24) + x[o + 2] * ((c0 << 8) >> 24) + x[o + 3] * (c0 >> 24) +
      x[o + 4] * ((c1 << 24) >> 24) + x[o + 5] * ((c1 << 16) >> 24) + x[o + 6] * ((c1 << 8) >> 24) + x[o + 7] * (c1 >> 24) +
      x[o + 8] * ((c2 << 24) >> 24) + x[o + 9] * ((c2 << 16) >> 24) + x[o + 10] * ((c2 << 8) >> 24) + x[o + 11] * (c2 >> 24) +
      x[o + 12] * ((c3 << 24) >> 24) + x[o + 13] * ((c3 << 16) >> 24) + x[o + 14] * ((c3 << 8) >> 24) + x[o + 15] * (c3 >> 24);
  }
  return s;
}

/** Σ_k x[k] · W_t[k, j]: column j of W_t dotted with x, O(n) with no column buffer. */
export function dotWColumn(p: ParamClass, seed: Uint8Array, t: number, j: number, x: Int8Array, key?: PhiloxKey): number {
  if (x.length !== p.n) throw new Error("dotWColumn: x must have n entries");
  return dotStream(key ?? philoxKey(deriveKey(seed, "W", t)), j * p.n, x);
}

/**
 * π_t: a keyed permutation of 0..m−1. Balanced 4-round Feistel on 2h bits (2h ≥ ⌈log₂ m⌉, even),
 * round function F(r, R) = word 0 of Philox(counter (R, r, 0, 0), key("P", t)) masked to h bits,
 * cycle-walking back into [0, m).
 */
export class Permutation {
  readonly m: number;
  private readonly h: number;
  private readonly mask: number;
  private readonly key: PhiloxKey;
  private readonly buf = new Uint32Array(4);

  constructor(key: PhiloxKey, m: number) {
    if (!Number.isInteger(m) || m < 2 || m > 2 ** 30) throw new Error("permutation size out of range");
    let bits = Math.max(2, Math.ceil(Math.log2(m)));
    while (2 ** bits < m) bits++; // guard against log2 rounding
    if (bits % 2 === 1) bits++;
    this.m = m;
    this.h = bits / 2;
    this.mask = (1 << this.h) - 1;
    this.key = key;
  }

  private encrypt(x: number): number {
    let l = x >>> this.h;
    let r = x & this.mask;
    for (let round = 0; round < 4; round++) {
      philox(r, round, 0, 0, this.key[0], this.key[1], this.buf);
      const f = this.buf[0] & this.mask;
      const nl = r;
      r = (l ^ f) & this.mask;
      l = nl;
    }
    return ((l << this.h) | r) >>> 0;
  }

  apply(i: number): number {
    if (!Number.isInteger(i) || i < 0 || i >= this.m) throw new Error("permutation index out of range");
    let y = this.encrypt(i);
    while (y >= this.m) y = this.encrypt(y);
    return y;
  }
}

export function permutation(p: ParamClass, seed: Uint8Array, t: number): Permutation {
  return new Permutation(philoxKey(deriveKey(seed, "P", t)), p.m);
}
