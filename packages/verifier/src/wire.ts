// Messages between the verifier daemon and the miner agent (JSON over HTTP), and the exact bytes
// the device key signs. Byte strings: hex for 16/32/64-byte values, base64 for rows and chunks.

import { ascii, concat, fromHex, toHex, u64le } from "./bytes";
import { WireError, bodyDigest, encodeOpenBody } from "./openings";
import { ParamClass } from "./params";
import { ChallengeInputs, deriveSeed } from "./seed";
import { DeviceSigner } from "./sign";

/** Verifier → agent at t0 (§2.3 step 4). */
export interface ReleaseMsg {
  challengeId: string; // u64, decimal
  programId: string;
  devicePda: string;
  slotHash: string;
  vNonce: string;
  paramsId: number;
}

/** Agent → verifier at t1 (§2.3 step 7). */
export interface CommitMsg {
  challengeId: string;
  R: string;
  R2: string;
  sig: string; // ed25519 over commitSigningBytes
}

/** Verifier → agent after t1: (t, i) row-steps, t ∈ [0, L), and walker indices. */
export interface OpenRequestMsg {
  challengeId: string;
  rows: [number, number][];
  walkers: number[];
}

/** A transcript row with its path from the row node to R (siblings from the bottom up, 32 bytes each, concatenated). */
export interface RowOpening {
  data: Uint8Array; // n bytes
  path: Uint8Array;
  /** rowNode(data), attached when decoded or digested (not sent). */
  node?: Uint8Array;
}

/** Openings for one sampled (t, i): X_t[i], X_t[π_t(i)] (null for t = 0: regenerated) and X_{t+1}[i]. */
export interface SampleOpening {
  t: number;
  i: number;
  row: RowOpening | null;
  partner: RowOpening | null;
  next: RowOpening;
}

/** A chunk with its path from the chunk leaf to R (4 in-row siblings, then the row's path). */
export interface ChunkOpening {
  data: Uint8Array; // chunkBytes
  path: Uint8Array;
  /** leafHash(data), attached when decoded or digested (not sent). */
  leaf?: Uint8Array;
}

/** The chunks walker w read, in order, and its final state with the path to R2. */
export interface WalkerOpening {
  w: number;
  chunks: ChunkOpening[];
  final: Uint8Array; // 16 bytes (4 LE u32)
  path: Uint8Array;
}

export interface OpenBody {
  challengeId: string;
  rows: SampleOpening[];
  walkers: WalkerOpening[];
}

export { WireError } from "./openings";

const U64_MAX = (1n << 64n) - 1n;

export function parseChallengeId(s: unknown): bigint {
  if (typeof s !== "string" || !/^(0|[1-9][0-9]{0,19})$/.test(s)) throw new WireError("challengeId: decimal u64 string");
  const v = BigInt(s);
  if (v > U64_MAX) throw new WireError("challengeId: above u64");
  return v;
}

export function releaseMessage(ch: ChallengeInputs): ReleaseMsg {
  return {
    challengeId: ch.challengeId.toString(),
    programId: toHex(ch.programId),
    devicePda: toHex(ch.devicePda),
    slotHash: toHex(ch.slotHash),
    vNonce: toHex(ch.vNonce),
    paramsId: ch.paramsId,
  };
}

/** Agent side: the challenge a release message describes (the agent should cross-check it on chain). */
export function parseRelease(msg: unknown): ChallengeInputs {
  const m = msg as Partial<ReleaseMsg>;
  if (typeof m !== "object" || m === null) throw new WireError("release: not an object");
  if (!Number.isInteger(m.paramsId) || (m.paramsId as number) < 0 || (m.paramsId as number) > 0xffff) {
    throw new WireError("release: paramsId");
  }
  try {
    return {
      challengeId: parseChallengeId(m.challengeId),
      programId: fromHex(m.programId as string, 32),
      devicePda: fromHex(m.devicePda as string, 32),
      slotHash: fromHex(m.slotHash as string, 32),
      vNonce: fromHex(m.vNonce as string, 32),
      paramsId: m.paramsId as number,
    };
  } catch (e) {
    throw new WireError(`release: ${(e as Error).message}`);
  }
}

/** "poc/v1/commit" ‖ challenge_id(u64 LE) ‖ seed ‖ R ‖ R2: what the device key signs at t1. */
export function commitSigningBytes(challengeId: bigint, seed: Uint8Array, R: Uint8Array, R2: Uint8Array): Uint8Array {
  return concat(ascii("poc/v1/commit"), u64le(challengeId), seed, R, R2);
}

/** "poc/v2/open" ‖ challenge_id(u64 LE) ‖ seed ‖ bodyDigest(body): what the device key signs with its openings. */
export function openSigningBytes(challengeId: bigint, seed: Uint8Array, bodyDigest: Uint8Array): Uint8Array {
  return concat(ascii("poc/v2/open"), u64le(challengeId), seed, bodyDigest);
}

export function signCommit(
  x: { challenge: ChallengeInputs; R: Uint8Array; R2: Uint8Array }, signer: DeviceSigner,
): CommitMsg {
  const seed = deriveSeed(x.challenge);
  return {
    challengeId: x.challenge.challengeId.toString(),
    R: toHex(x.R),
    R2: toHex(x.R2),
    sig: toHex(signer.sign(commitSigningBytes(x.challenge.challengeId, seed, x.R, x.R2))),
  };
}

/** The signed openings message (encoded body ‖ signature) for an open request. */
export function signOpenings(
  x: { params: ParamClass; challenge: ChallengeInputs; openBody(req: OpenRequestMsg): OpenBody }, req: OpenRequestMsg, signer: DeviceSigner,
): Uint8Array {
  return signOpenBody(x.params, x.challenge, x.openBody(req), signer);
}

/** The signed openings message for a body built elsewhere (e.g. served by the native prover). */
export function signOpenBody(p: ParamClass, challenge: ChallengeInputs, body: OpenBody, signer: DeviceSigner): Uint8Array {
  const sig = signer.sign(openSigningBytes(challenge.challengeId, deriveSeed(challenge), bodyDigest(p, body)));
  return concat(encodeOpenBody(p, body), sig);
}

/** Strict shape check of an open request (agent side: refuse anything out of range before working). */
export function parseOpenRequest(p: ParamClass, msg: unknown): OpenRequestMsg {
  const m = msg as Partial<OpenRequestMsg>;
  if (typeof m !== "object" || m === null) throw new WireError("open request: not an object");
  parseChallengeId(m.challengeId);
  if (!Array.isArray(m.rows) || m.rows.length > p.k) throw new WireError("open request: rows");
  if (!Array.isArray(m.walkers) || m.walkers.length > p.kw) throw new WireError("open request: walkers");
  for (const r of m.rows) {
    if (!Array.isArray(r) || r.length !== 2 || !isIndex(r[0], p.L) || !isIndex(r[1], p.m)) throw new WireError("open request: row index");
  }
  for (const w of m.walkers) if (!isIndex(w, p.walkers)) throw new WireError("open request: walker index");
  return { challengeId: m.challengeId as string, rows: m.rows.map(([t, i]) => [t, i]), walkers: [...m.walkers] };
}

export const isIndex = (v: unknown, bound: number): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < bound;
