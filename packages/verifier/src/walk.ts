// Phase B: the data-dependent memory walk (§2.3 step 6). Reads are whole chunks at addresses
// that depend on the previous chunk's contents, so the transcript must be resident and fast.

import { ParamClass, chunkCount } from "./params";
import { PhiloxKey, philox, philoxKey } from "./prng";

/** Initial 128-bit state of walker w: Philox(counter (w, 0, 0, 0), key = first 8 bytes of wseed). */
export function walkerInit(wseed: Uint8Array, w: number, s: Uint32Array): void {
  const key: PhiloxKey = philoxKey(wseed);
  philox(w, 0, 0, 0, key[0], key[1], s);
}

/** Next chunk address: lane 0 of the state mod the chunk count (bias ≤ count/2³², irrelevant here). */
export function chunkAddress(s: Uint32Array, nChunks: number): number {
  return s[0] % nChunks;
}

const FOLD = 0x9e3779b1;
const FINAL = 0x7f4a7c15;

/**
 * F(s, chunk): absorbs the chunk's little-endian u32 words into the 4-lane state, one lane per
 * word: a ← (a ⊕ x)·0x9E3779B1 + rotl(d, 17), then the lanes rotate (a,b,c,d) ← (b,c,d,a);
 * four extra rounds with x = 0x7F4A7C15 spread the last words into every lane.
 * Not a hash (R/R2 carry the security); it only has to make the next address unknowable
 * until the whole chunk has been read. Same code in cuda/poc_core.h.
 */
export function absorb(s: Uint32Array, chunk: Uint8Array): void {
  let a = s[0] | 0;
  let b = s[1] | 0;
  let c = s[2] | 0;
  let d = s[3] | 0;
  const len = chunk.length;
  for (let o = 0; o < len + 16; o += 4) {
    const x = o < len ? chunk[o] | (chunk[o + 1] << 8) | (chunk[o + 2] << 16) | (chunk[o + 3] << 24) : FINAL;
    const na = (Math.imul(a ^ x, FOLD) + ((d << 17) | (d >>> 15))) | 0;
    a = b;
    b = c;
    c = d;
    d = na;
  }
  s[0] = a;
  s[1] = b;
  s[2] = c;
  s[3] = d;
}

/** Runs walker w to the end; `visit(step, address)` returns the chunk read at that step. */
export function runWalker(
  p: ParamClass, wseed: Uint8Array, w: number,
  visit: (step: number, address: number) => Uint8Array,
  s: Uint32Array = new Uint32Array(4),
): Uint32Array {
  const n = chunkCount(p);
  walkerInit(wseed, w, s);
  for (let step = 0; step < p.steps; step++) absorb(s, visit(step, chunkAddress(s, n)));
  return s;
}
