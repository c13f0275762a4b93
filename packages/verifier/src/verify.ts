// Verification (§2.3 steps 8–10): one pure function, `judge`, decides the outcome from what was
// received and the recorded draws and times. The daemon calls it through `verify` (which also
// draws the columns and builds the evidence); `recheck` calls the same function on a published
// bundle, so a third party reaches the same outcome from the same bytes.

import { bytesOfWordsLE, equal, fromHex } from "./bytes";
import { mixRow, requant } from "./gemm";
import { PathVerifier, leafHash, rowNode } from "./merkle";
import { CHUNKS_PER_ROW, ParamClass, RTT_CAP_MS, RTT_SLACK_MS, chunkCount, rowCount } from "./params";
import { Permutation, dotWColumn, genX0Row, permutation, philoxKey } from "./prng";
import { rowIndex } from "./prover";
import { ChallengeInputs, deriveKey, deriveSeed, walkSeed } from "./seed";
import { verifySignature } from "./sign";
import { absorb, chunkAddress, walkerInit } from "./walk";
import { SIG, decodeOpenings, rawDigest } from "./openings";
import { OpenBody, OpenRequestMsg, RowOpening, SampleOpening, WalkerOpening, commitSigningBytes, isIndex, openSigningBytes, parseChallengeId } from "./wire";

export type OutcomeKind = "PASS" | "LATE" | "WRONG" | "NO_OPEN" | "NO_RESPONSE";

/** Borsh index of the program's ChallengeOutcome (0 = Pending, 6 = Expired are the chain's own). */
export const OUTCOME_CODE: Record<OutcomeKind, number> = { PASS: 1, LATE: 2, WRONG: 3, NO_OPEN: 4, NO_RESPONSE: 5 };
/** The same outcome as the IDL (Anchor) enum variant name, for @pinfi/sdk's submitVerdict: `{ [variant]: {} }`. */
export const OUTCOME_VARIANT: Record<OutcomeKind, string> = { PASS: "pass", LATE: "late", WRONG: "wrong", NO_OPEN: "noOpen", NO_RESPONSE: "noResponse" };

export type Detail = Record<string, string | number>;

/**
 * reason, by kind —
 * NO_RESPONSE: no_commit | malformed_commit | wrong_challenge | bad_signature
 * NO_OPEN:     no_openings | malformed_openings | wrong_challenge | bad_open_signature | incomplete_openings | late_openings
 * WRONG:       malformed_item | bad_row_path | bad_entry | bad_chunk_path | bad_walk | bad_walk_path
 * LATE:        late_commit
 */
export interface Outcome {
  kind: OutcomeKind;
  reason: string | null;
  detail: Detail | null;
}

/** An objective failure found in signed openings: the item, and what was expected. */
export interface Failure {
  reason: string;
  detail: Detail;
}

/** Times measured by the verifier's monotonic clock, integer microseconds. */
export interface Timing {
  /** t1 − t0; null when no commit arrived. */
  elapsedUs: number | null;
  /** Open request sent → response received; null when none arrived. */
  openElapsedUs: number | null;
  /** Ping/echo round trips measured just before t0. */
  rttUs: number[];
}

export interface JudgeInput {
  params: ParamClass;
  challenge: ChallengeInputs;
  devicePubkey: Uint8Array;
  commit: unknown | null;
  request: OpenRequestMsg | null;
  /** The openings message as received (encoded body ‖ signature). */
  openings: Uint8Array | null;
  /** c columns per requested row, drawn after the openings arrived. */
  columns: number[][] | null;
  timing: Timing;
}

export interface Judgement {
  outcome: Outcome;
  /** Every objective failure found (the outcome names the first). */
  failures: Failure[];
  R: Uint8Array | null;
  R2: Uint8Array | null;
  allowanceUs: number;
  deadlineUs: number;
  openDeadlineUs: number;
  /** t1 − t0 rounded up to ms (0 when no commit arrived), as submit_verdict records it. */
  elapsedMs: number;
  /** D(class) + RTT allowance rounded down to ms: LATE ⇔ elapsedMs > deadlineMs, exactly the chain's rule. */
  deadlineMs: number;
  /** openingsDigest(openings), computed once for the signature check and reused by the evidence. */
  openingsDigest: Uint8Array | null;
}

/** Microseconds → the integer milliseconds the chain sees; rounding always goes against the miner. */
export const msUp = (us: number): number => Math.ceil(us / 1000);
export const msDown = (us: number): number => Math.floor(us / 1000);

/** RTT allowance: median of the samples, each capped, plus a fixed slack (§2.3 step 8, §5 #14). */
export function rttAllowanceUs(rttUs: readonly number[]): number {
  const capped = rttUs.map((r) => Math.min(Math.max(0, Math.round(r)), RTT_CAP_MS * 1000)).sort((a, b) => a - b);
  const median = capped.length === 0 ? 0 : capped[(capped.length - 1) >> 1];
  return median + RTT_SLACK_MS * 1000;
}

const out = (kind: OutcomeKind, reason: string | null = null, detail: Detail | null = null): Outcome => ({ kind, reason, detail });

/**
 * The outcome of one challenge. `items`: the openings' item checks for this input when they were
 * computed elsewhere (poc-verify, the native core: same function, faster); otherwise checkItems.
 */
export function judge(input: JudgeInput, items?: OpeningsItems): Judgement {
  const { params: p, challenge: ch } = input;
  const allowanceUs = rttAllowanceUs(input.timing.rttUs);
  const t = input.timing;
  const base = {
    allowanceUs,
    deadlineUs: p.deadlineMs * 1000,
    openDeadlineUs: p.openDeadlineMs * 1000,
    elapsedMs: t.elapsedUs === null ? 0 : msUp(t.elapsedUs),
    deadlineMs: msDown(p.deadlineMs * 1000 + allowanceUs),
  };
  const seed = deriveSeed(ch);

  // 1. The commitment must exist and be the device's, for this challenge.
  const commit = readCommit(input.commit, ch, seed, input.devicePubkey);
  if ("reason" in commit) {
    const digest = input.openings === null ? null : openingsDigest(p, input.openings);
    return { ...base, outcome: out("NO_RESPONSE", commit.reason), failures: [], R: null, R2: null, openingsDigest: digest };
  }
  const { R, R2 } = commit;

  // 2. The openings: format and signature decide whether they are attributable at all; then
  //    every item is checked, and any failure in signed openings is objective.
  const msg = input.openings;
  const checked = msg === null ? null : (items ?? checkItems(p, seed, R, R2, ch.vNonce, input.request, input.columns, msg));
  let openProblem: string | null = null;
  const failures: Failure[] = [];
  if (msg === null || checked === null) {
    openProblem = "no_openings";
  } else if (checked.malformed) {
    openProblem = "malformed_openings";
  } else if (openingsChallengeId(msg) !== ch.challengeId) {
    openProblem = "wrong_challenge";
  } else if (!verifySignature(input.devicePubkey, openSigningBytes(ch.challengeId, seed, checked.digest), msg.subarray(msg.length - SIG))) {
    openProblem = "bad_open_signature";
  } else if (input.request === null) {
    openProblem = "no_openings";
  } else {
    failures.push(...checked.failures);
    if (!checked.covers) openProblem = "incomplete_openings";
  }

  let outcome: Outcome;
  if (failures.length > 0) {
    outcome = out("WRONG", failures[0].reason, { ...failures[0].detail, failures: failures.length });
  } else if (openProblem !== null) {
    outcome = out("NO_OPEN", openProblem);
  } else if (t.openElapsedUs === null || msUp(t.openElapsedUs) > msDown(base.openDeadlineUs + allowanceUs)) {
    outcome = out("NO_OPEN", "late_openings", t.openElapsedUs === null ? null : { openElapsedUs: t.openElapsedUs });
  } else if (t.elapsedUs === null || base.elapsedMs > base.deadlineMs) {
    outcome = out("LATE", "late_commit", t.elapsedUs === null ? null : { elapsedUs: t.elapsedUs });
  } else {
    outcome = out("PASS");
  }
  return { ...base, outcome, failures, R, R2, openingsDigest: checked?.digest ?? null };
}

/** What an openings message's items say, for one commitment (R, R2), request and column draw. */
export interface OpeningsItems {
  /** openingsDigest(params, message). */
  digest: Uint8Array;
  /** Not exactly one well-formed encoding (then nothing else is checked). */
  malformed: boolean;
  /** The items are exactly the requested samples and walkers, in order. */
  covers: boolean;
  /** Every failing item, samples first, in message order. */
  failures: Failure[];
}

/**
 * The item checks of §2.3 step 10 (paths, entries, walks) on a message, whatever its signature:
 * judge attributes them only when the signature holds. poc-verify computes exactly this.
 */
export function checkItems(
  p: ParamClass, seed: Uint8Array, R: Uint8Array, R2: Uint8Array, vNonce: Uint8Array,
  request: OpenRequestMsg | null, columns: number[][] | null, msg: Uint8Array,
): OpeningsItems {
  let body: OpenBody, digest: Uint8Array;
  try {
    ({ body, digest } = decodeOpenings(p, msg));
  } catch {
    return { digest: rawDigest(msg), malformed: true, covers: false, failures: [] };
  }
  if (request === null) return { digest, malformed: false, covers: false, failures: [] };
  const failures: Failure[] = [];
  const ctx = new Checker(p, seed, R, R2, vNonce);
  body.rows.slice(0, request.rows.length).forEach((item, s) => ctx.sample(item, columns?.[s] ?? [], failures));
  body.walkers.slice(0, request.walkers.length).forEach((item) => ctx.walker(item, failures));
  const covers =
    body.rows.length === request.rows.length &&
    body.walkers.length === request.walkers.length &&
    request.rows.every(([t, i], s) => body.rows[s].t === t && body.rows[s].i === i) &&
    request.walkers.every((w, s) => body.walkers[s].w === w);
  return { digest, malformed: false, covers, failures };
}

/** The challenge id a well-formed openings body names (after the 4-byte magic). */
const openingsChallengeId = (msg: Uint8Array): bigint => new DataView(msg.buffer, msg.byteOffset, msg.length).getBigUint64(4, true);

/**
 * The digest of an openings message as the evidence records it: for a well-formed one, the body
 * digest its signature covers (bodyDigest); for anything else, rawDigest (all but the last 64 bytes).
 */
export function openingsDigest(p: ParamClass, msg: Uint8Array): Uint8Array {
  try {
    return decodeOpenings(p, msg).digest;
  } catch {
    return rawDigest(msg);
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Whether a commit message is the device's, for this challenge (the daemon's early check), with its roots. */
export function checkCommit(
  ch: ChallengeInputs, devicePubkey: Uint8Array, msg: unknown,
): { ok: true; R: Uint8Array; R2: Uint8Array } | { ok: false; reason: string } {
  const r = readCommit(msg, ch, deriveSeed(ch), devicePubkey);
  return "reason" in r ? { ok: false, reason: r.reason } : { ok: true, ...r };
}

function readCommit(
  msg: unknown, ch: ChallengeInputs, seed: Uint8Array, pub: Uint8Array,
): { R: Uint8Array; R2: Uint8Array } | { reason: string } {
  if (msg === null || msg === undefined) return { reason: "no_commit" };
  if (!isObj(msg)) return { reason: "malformed_commit" };
  let id: bigint, R: Uint8Array, R2: Uint8Array, sig: Uint8Array;
  try {
    id = parseChallengeId(msg.challengeId);
    R = fromHex(msg.R as string, 32);
    R2 = fromHex(msg.R2 as string, 32);
    sig = fromHex(msg.sig as string, 64);
  } catch {
    return { reason: "malformed_commit" };
  }
  if (id !== ch.challengeId) return { reason: "wrong_challenge" };
  if (!verifySignature(pub, commitSigningBytes(ch.challengeId, seed, R, R2), sig)) return { reason: "bad_signature" };
  return { R, R2 };
}

/** Row nodes sit 4 levels above the chunk leaves (16 chunks per row). */
const ROW_LEVEL = Math.log2(CHUNKS_PER_ROW);

/** Per-item checks against R / R2, with the permutations and stream keys of this seed. */
class Checker {
  private readonly perms = new Map<number, Permutation>();
  private readonly rows: number;
  private readonly nChunks: number;
  private readonly wseed: Uint8Array;
  private readonly paths: PathVerifier;
  private readonly walkPaths: PathVerifier;

  constructor(
    private readonly p: ParamClass,
    private readonly seed: Uint8Array,
    R: Uint8Array,
    R2: Uint8Array,
    vNonce: Uint8Array,
  ) {
    this.rows = rowCount(p);
    this.nChunks = chunkCount(p);
    this.wseed = walkSeed(R, vNonce);
    this.paths = new PathVerifier(R);
    this.walkPaths = new PathVerifier(R2);
  }

  private perm(t: number): Permutation {
    let v = this.perms.get(t);
    if (!v) this.perms.set(t, (v = permutation(this.p, this.seed, t)));
    return v;
  }

  /** Checks a row opening's path; null (with a failure pushed) when it does not hold. */
  private row(o: RowOpening | null, t: number, i: number, which: string, failures: Failure[]): Int8Array | null {
    if (o === null) {
      failures.push({ reason: "malformed_item", detail: { t, i, which } });
      return null;
    }
    if (!this.paths.verify(o.node ?? rowNode(o.data), rowIndex(this.p, t, i), this.rows, o.path, ROW_LEVEL)) {
      failures.push({ reason: "bad_row_path", detail: { t, i, which } });
      return null;
    }
    return new Int8Array(o.data.buffer, o.data.byteOffset, o.data.length);
  }

  sample(item: SampleOpening, columns: readonly number[], failures: Failure[]): void {
    const p = this.p;
    if (!isIndex(item.t, p.L) || !isIndex(item.i, p.m)) {
      failures.push({ reason: "malformed_item", detail: { which: "sample" } });
      return;
    }
    const t = item.t;
    const i = item.i;
    const partnerIdx = this.perm(t).apply(i);
    let x: Int8Array | null;
    let xp: Int8Array | null;
    if (t === 0) {
      if (item.row !== null || item.partner !== null) {
        failures.push({ reason: "malformed_item", detail: { t, i, which: "row" } });
        return;
      }
      x = genX0Row(p, this.seed, i);
      xp = genX0Row(p, this.seed, partnerIdx);
    } else {
      x = this.row(item.row, t, i, "row", failures);
      xp = this.row(item.partner, t, partnerIdx, "partner", failures);
    }
    const next = this.row(item.next, t + 1, i, "next", failures);
    if (x === null || xp === null || next === null) return;
    const mixed = mixRow(x, xp);
    const wKey = philoxKey(deriveKey(this.seed, "W", t));
    for (const j of columns) {
      const expected = requant(dotWColumn(p, this.seed, t, j, mixed, wKey));
      if (expected !== next[j]) {
        failures.push({ reason: "bad_entry", detail: { t, i, j, expected, got: next[j] } });
      }
    }
  }

  walker(item: WalkerOpening, failures: Failure[]): void {
    const p = this.p;
    if (!isIndex(item.w, p.walkers)) {
      failures.push({ reason: "malformed_item", detail: { which: "walker" } });
      return;
    }
    const w = item.w;
    const s = new Uint32Array(4);
    walkerInit(this.wseed, w, s);
    for (let step = 0; step < p.steps; step++) {
      const { data, path, leaf } = item.chunks[step];
      const a = chunkAddress(s, this.nChunks);
      if (!this.paths.verify(leaf ?? leafHash(data), a, this.nChunks, path)) {
        failures.push({ reason: "bad_chunk_path", detail: { w, step, address: a } });
        return;
      }
      absorb(s, data);
    }
    if (!equal(bytesOfWordsLE(s), item.final)) {
      failures.push({ reason: "bad_walk", detail: { w } });
      return;
    }
    if (!this.walkPaths.verify(leafHash(item.final), w, p.walkers, item.path)) failures.push({ reason: "bad_walk_path", detail: { w } });
  }
}
