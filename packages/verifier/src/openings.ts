// The openings message (agent → verifier, poc/v2): a binary body followed by the device key's
// 64-byte signature. Every length follows from the parameter class, so the decoder needs no
// length prefixes and accepts exactly one encoding of a body; rows, chunks and paths come back
// as views into the received bytes (no copies, no text decoding). Layout, little-endian:
//
//   body    = "poc2" ‖ challenge_id u64 ‖ samples u16 ‖ walkers u16 ‖ sample* ‖ walker*
//   sample  = t u32 ‖ i u32 ‖ kind u8 ‖ (kind = 1: row ‖ partner) ‖ next
//   row     = n bytes ‖ depth(L·m) × 32 bytes of path (row node → R)
//   walker  = w u32 ‖ steps × (chunkBytes ‖ depth(L·m·16) × 32 bytes of path) ‖ final 16 ‖ depth(walkers) × 32
//   message = body ‖ ed25519 signature over openSigningBytes(challenge_id, seed, bodyDigest(body))

import { ascii } from "./bytes";
import { sha256 } from "./hash";
import { depth, leafHash, rowNode } from "./merkle";
import { ParamClass, chunkCount, rowCount } from "./params";
import type { ChunkOpening, OpenBody, RowOpening, SampleOpening, WalkerOpening } from "./wire";

/** A message that is not what the protocol says (both the JSON messages and the binary openings). */
export class WireError extends Error {}

const MAGIC = ascii("poc2");
const ITEMS = ascii("poc/v2/items");
const HASH = 32;
export const SIG = 64;
export const HEADER = 4 + 8 + 2 + 2;
export const SAMPLE_HEAD = 4 + 4 + 1;

/** Byte sizes of the pieces of a body, for a class. */
export function layout(p: ParamClass) {
  const rowPath = depth(rowCount(p)) * HASH;
  const chunkPath = depth(chunkCount(p)) * HASH;
  const walkPath = depth(p.walkers) * HASH;
  const chunk = p.chunkBytes + chunkPath;
  return { rowPath, chunkPath, walkPath, row: p.n + rowPath, chunk, walker: 4 + p.steps * chunk + 16 + walkPath };
}

/** Exact size of the largest well-formed openings message (k samples with rows, kw walkers): the HTTP body limit (§5 #18). */
export function maxOpeningsBytes(p: ParamClass): number {
  const l = layout(p);
  return HEADER + p.k * (SAMPLE_HEAD + 3 * l.row) + p.kw * l.walker + SIG;
}

/** The body's bytes. Throws WireError when a piece has the wrong size for the class (a prover bug). */
export function encodeOpenBody(p: ParamClass, body: OpenBody): Uint8Array {
  return writeBody(p, body, p.n, p.chunkBytes, (r) => r.data, (c) => c.data);
}

/**
 * The digest the device signs: SHA-256 of "poc/v2/items" and the body with every row replaced by
 * its row node and every chunk by its leaf hash. It binds every byte of the body (through the
 * hashes), and the verifier computes those hashes for the Merkle checks anyway, so the MiB of rows
 * and chunks are hashed once. Uses the hashes decodeOpenings attached, else computes them.
 */
export function bodyDigest(p: ParamClass, body: OpenBody): Uint8Array {
  const hashed = writeBody(p, body, HASH, HASH, (r) => (r.node ??= rowNode(r.data)), (c) => (c.leaf ??= leafHash(c.data)));
  return sha256(ITEMS, hashed);
}

/** The digest of a message that is not a well-formed body: SHA-256 of all but its last 64 bytes. */
export const rawDigest = (msg: Uint8Array): Uint8Array => sha256(msg.subarray(0, Math.max(0, msg.length - SIG)));

/** The body's layout, with rows and chunks written by `row`/`chunk` (their bytes, or their hashes). */
function writeBody(
  p: ParamClass, body: OpenBody, rowLen: number, chunkLen: number,
  row: (r: RowOpening) => Uint8Array, chunk: (c: ChunkOpening) => Uint8Array,
): Uint8Array {
  const l = layout(p);
  if (body.rows.length > 0xffff || body.walkers.length > 0xffff) throw new WireError("openings: too many items");
  const rowSize = rowLen + l.rowPath;
  const size =
    HEADER +
    body.rows.reduce((a, s) => a + SAMPLE_HEAD + (s.row === null ? 1 : 3) * rowSize, 0) +
    body.walkers.length * (4 + p.steps * (chunkLen + l.chunkPath) + 16 + l.walkPath);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  let o = 0;
  const put = (b: Uint8Array, len: number, what: string) => {
    if (b.length !== len) throw new WireError(`openings: ${what} has ${b.length} bytes, expected ${len}`);
    out.set(b, o);
    o += len;
  };
  const u32 = (v: number) => {
    dv.setUint32(o, v, true);
    o += 4;
  };
  const rowAt = (r: RowOpening) => {
    if (r.data.length !== p.n) throw new WireError(`openings: row has ${r.data.length} bytes, expected ${p.n}`);
    put(row(r), rowLen, "row");
    put(r.path, l.rowPath, "row path");
  };
  put(MAGIC, 4, "magic");
  dv.setBigUint64(o, BigInt(body.challengeId), true);
  dv.setUint16(o + 8, body.rows.length, true);
  dv.setUint16(o + 10, body.walkers.length, true);
  o += 12;
  for (const s of body.rows) {
    if ((s.row === null) !== (s.partner === null)) throw new WireError("openings: row and partner go together");
    u32(s.t);
    u32(s.i);
    out[o++] = s.row === null ? 0 : 1;
    if (s.row !== null) {
      rowAt(s.row);
      rowAt(s.partner as RowOpening);
    }
    rowAt(s.next);
  }
  for (const w of body.walkers) {
    if (w.chunks.length !== p.steps) throw new WireError(`openings: walker ${w.w} has ${w.chunks.length} chunks, expected ${p.steps}`);
    u32(w.w);
    for (const c of w.chunks) {
      if (c.data.length !== p.chunkBytes) throw new WireError(`openings: chunk has ${c.data.length} bytes, expected ${p.chunkBytes}`);
      put(chunk(c), chunkLen, "chunk");
      put(c.path, l.chunkPath, "chunk path");
    }
    put(w.final, 16, "walker final");
    put(w.path, l.walkPath, "walker path");
  }
  return out;
}

/**
 * A received message split into body and signature, with every row node and chunk leaf hash
 * attached and the body digest; throws WireError unless it is exactly one well-formed encoding.
 */
export function decodeOpenings(p: ParamClass, msg: Uint8Array): { body: OpenBody; encoded: Uint8Array; sig: Uint8Array; digest: Uint8Array } {
  const bad = (why: string): never => {
    throw new WireError(`openings: ${why}`);
  };
  if (msg.length < HEADER + SIG) bad("too short");
  const l = layout(p);
  const end = msg.length - SIG;
  const dv = new DataView(msg.buffer, msg.byteOffset, msg.length);
  let o = 0;
  const take = (len: number): Uint8Array => {
    if (o + len > end) bad("truncated");
    const v = msg.subarray(o, o + len);
    o += len;
    return v;
  };
  const u32 = () => {
    if (o + 4 > end) bad("truncated");
    o += 4;
    return dv.getUint32(o - 4, true);
  };
  const row = (): RowOpening => ({ data: take(p.n), path: take(l.rowPath) });
  for (let x = 0; x < 4; x++) if (msg[x] !== MAGIC[x]) bad("not a poc2 body");
  const challengeId = dv.getBigUint64(4, true).toString();
  const nRows = dv.getUint16(12, true);
  const nWalkers = dv.getUint16(14, true);
  if (nRows > p.k || nWalkers > p.kw) bad("more items than the class samples");
  o = HEADER;
  const rows: SampleOpening[] = [];
  for (let s = 0; s < nRows; s++) {
    const t = u32();
    const i = u32();
    const kind = take(1)[0];
    if (kind > 1) bad(`sample ${s}: kind ${kind}`);
    const withRows = kind === 1;
    const r = withRows ? row() : null;
    const partner = withRows ? row() : null;
    rows.push({ t, i, row: r, partner, next: row() });
  }
  const walkers: WalkerOpening[] = [];
  for (let x = 0; x < nWalkers; x++) {
    const w = u32();
    const chunks: ChunkOpening[] = new Array(p.steps);
    for (let step = 0; step < p.steps; step++) chunks[step] = { data: take(p.chunkBytes), path: take(l.chunkPath) };
    walkers.push({ w, chunks, final: take(16), path: take(l.walkPath) });
  }
  if (o !== end) bad(`${end - o} bytes after the last item`);
  const body = { challengeId, rows, walkers };
  return { body, encoded: msg.subarray(0, end), sig: msg.subarray(end), digest: bodyDigest(p, body) };
}
