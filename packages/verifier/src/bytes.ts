// Byte helpers shared by every module. Wire and evidence formats use lowercase hex for short
// fixed-size values (hashes, keys, signatures) and base64 for bulk data (rows, chunks).

export function toHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex");
}

/** Strict: even length and hex digits only (Buffer stops at the first bad digit, so a short result means a bad string). */
export function fromHex(s: string, len?: number): Uint8Array {
  if (typeof s !== "string" || s.length % 2 !== 0) throw new Error("bad hex string");
  const out = Buffer.from(s, "hex");
  if (out.length * 2 !== s.length) throw new Error("bad hex string");
  if (len !== undefined && out.length !== len) throw new Error(`hex: expected ${len} bytes, got ${out.length}`);
  return out;
}

export function toBase64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("base64");
}

/** Strict: rejects anything Buffer would silently skip or map (URL-safe digits), and non-zero padding bits, so one value has one encoding. */
export function fromBase64(s: string, len?: number): Uint8Array {
  if (typeof s !== "string" || s.length % 4 !== 0 || s.includes("-") || s.includes("_")) throw new Error("bad base64 string");
  const out = Buffer.from(s, "base64");
  const pad = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
  // Buffer skips characters outside the alphabet (and stops at an inner '='): the length shows it.
  if (out.length !== (s.length / 4) * 3 - pad) throw new Error("bad base64 string");
  // Canonical: the bits the padding leaves over must be zero (RFC 4648 §3.5).
  if (pad > 0) {
    const last = B64.indexOf(s[s.length - pad - 1]);
    if (last < 0 || (pad === 2 ? last & 0x0f : last & 0x03) !== 0) throw new Error("non-canonical base64");
  }
  if (len !== undefined && out.length !== len) throw new Error(`base64: expected ${len} bytes, got ${out.length}`);
  return out;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function concat(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

export function u32le(v: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v >>> 0, true);
  return b;
}

export function u64le(v: bigint): Uint8Array {
  if (v < 0n || v >= 1n << 64n) throw new Error("u64 out of range");
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, v, true);
  return b;
}

export const ascii = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "latin1"));

/** Little-endian u32 words of a byte string whose length is a multiple of 4. */
export function wordsLE(b: Uint8Array): Uint32Array {
  const n = b.length >>> 2;
  const out = new Uint32Array(n);
  for (let i = 0, o = 0; i < n; i++, o += 4) {
    out[i] = (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
  }
  return out;
}

export function bytesOfWordsLE(w: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(w.length * 4);
  for (let i = 0; i < w.length; i++) {
    const v = w[i] >>> 0;
    out[4 * i] = v & 0xff;
    out[4 * i + 1] = (v >>> 8) & 0xff;
    out[4 * i + 2] = (v >>> 16) & 0xff;
    out[4 * i + 3] = v >>> 24;
  }
  return out;
}
