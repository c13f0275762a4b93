// Exact INT8 × INT8 → INT32 products. int8·int8 ∈ [−16256, 16384]; with inner dimension ≤ 65536
// every sum stays inside int32, so no BigInt and no modular arithmetic is needed anywhere.

/** Textbook triple loop on row-major A (m × k) and B (k × n): the reference the fast kernel is checked against. */
export function gemmNaive(A: Int8Array, B: Int8Array, m: number, k: number, n: number): Int32Array {
  const C = new Int32Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += A[i * k + p] * B[p * n + j];
      C[i * n + j] = s;
    }
  }
  return C;
}

/** Exact int32 dot product of two int8 vectors (the verifier's per-entry recomputation). */
export function dot(a: Int8Array, b: Int8Array): number {
  let s = 0;
  for (let p = 0; p < a.length; p++) s += a[p] * b[p];
  return s;
}

const PACK = 16777216; // 2²⁴: two int8 columns share one double, b0 + b1·2²⁴
const KB = 256; // k-block: |Σ a·b0| ≤ 256·2¹⁴ = 2²² < 2²³, so each block's low half unpacks exactly
const JB = 16; // packed column pairs per cache block (16 × 256 doubles = 32 KiB)

/**
 * C (m × n) = A (m × k, row-major) · B where B is given transposed, BT (n × k, row j = column j).
 * Why it is fast: two int8 columns are packed into one double (b0 + b1·2²⁴), so one float
 * multiply-add does two exact MACs with no int32 overflow checks; a 4 × 2-pack register block
 * (16 outputs) reuses every load 2–4 times; k is blocked by 256 so each packed sum stays < 2⁵³
 * and its low half < 2²³, which round() splits back exactly. Cache blocks of 32 columns × 256 k.
 */
export function gemmTN(A: Int8Array, BT: Int8Array, m: number, k: number, n: number): Int32Array {
  const C = new Int32Array(m * n);
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  const np = n4 >>> 1;
  const P = new Float64Array(np * k);
  for (let jp = 0; jp < np; jp++) {
    const b0 = 2 * jp * k;
    const b1 = b0 + k;
    const o = jp * k;
    for (let p = 0; p < k; p++) P[o + p] = BT[b0 + p] + BT[b1 + p] * PACK;
  }
  const Af = Float64Array.from(A);
  for (let kb = 0; kb < k; kb += KB) {
    const ke = Math.min(k, kb + KB);
    for (let jb = 0; jb < np; jb += JB) {
      const je = Math.min(np, jb + JB);
      for (let i = 0; i < m4; i += 4) {
        const a0 = i * k;
        const a1 = a0 + k;
        const a2 = a1 + k;
        const a3 = a2 + k;
        for (let jp = jb; jp < je; jp += 2) {
          const p0 = jp * k;
          const p1 = p0 + k;
          let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
          for (let p = kb; p < ke; p++) {
            const x0 = P[p0 + p];
            const x1 = P[p1 + p];
            const y0 = Af[a0 + p];
            const y1 = Af[a1 + p];
            const y2 = Af[a2 + p];
            const y3 = Af[a3 + p];
            s00 += y0 * x0; s01 += y0 * x1;
            s10 += y1 * x0; s11 += y1 * x1;
            s20 += y2 * x0; s21 += y2 * x1;
            s30 += y3 * x0; s31 += y3 * x1;
          }
          const j = 2 * jp;
          unpackAdd(C, i * n + j, s00, s01);
          unpackAdd(C, (i + 1) * n + j, s10, s11);
          unpackAdd(C, (i + 2) * n + j, s20, s21);
          unpackAdd(C, (i + 3) * n + j, s30, s31);
        }
      }
    }
  }
  // Ragged edges (not hit by the parameter classes, which are multiples of 16/64): plain dots.
  for (let i = 0; i < m; i++) {
    for (let j = i < m4 ? n4 : 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += A[i * k + p] * BT[j * k + p];
      C[i * n + j] = s;
    }
  }
  return C;
}

// s = lo + hi·2²⁴ with |lo| < 2²³ for each of the two packed sums; columns j … j+3.
function unpackAdd(C: Int32Array, o: number, sa: number, sb: number): void {
  const ha = Math.round(sa / PACK);
  const hb = Math.round(sb / PACK);
  C[o] += sa - ha * PACK;
  C[o + 1] += ha;
  C[o + 2] += sb - hb * PACK;
  C[o + 3] += hb;
}

/** q(y) = (int8)((y >> 8) & 0xFF): byte 1 of the exact sum, the non-linear step between GEMMs. */
export function requant(y: number): number {
  return ((y >> 8) << 24) >> 24;
}

/** X_{t+1} = q(Y_t), elementwise (Int8Array stores wrap to the signed byte). */
export function requantAll(Y: Int32Array, out: Int8Array): Int8Array {
  for (let x = 0; x < Y.length; x++) out[x] = Y[x] >> 8;
  return out;
}

/** X̃[i,:] = X[i,:] +₈ X[π(i),:] (int8 wrap-around add). */
export function mixRows(X: Int8Array, pi: (i: number) => number, m: number, n: number, out: Int8Array): Int8Array {
  for (let i = 0; i < m; i++) {
    const a = i * n;
    const b = pi(i) * n;
    for (let k = 0; k < n; k++) out[a + k] = X[a + k] + X[b + k];
  }
  return out;
}

/** One mixed row, X[i,:] +₈ X[π(i),:], from the two opened rows. */
export function mixRow(row: Int8Array, partner: Int8Array): Int8Array {
  const out = new Int8Array(row.length);
  for (let k = 0; k < row.length; k++) out[k] = row[k] + partner[k];
  return out;
}
