// The verifier's side of one challenge, with its clock: release (t0) → commit (t1) → open request
// → openings → verdict. The daemon owns transport and chain transactions; this owns timing,
// draws and judgement, so every daemon measures the same way.

import { performance } from "node:perf_hooks";
import { canonicalJson } from "./canonical";
import { BundleInput, EvidenceBundle, buildEvidence, evidenceHash } from "./evidence";
import { ParamClass } from "./params";
import { RandomSource, cryptoRandom, drawColumns, drawRequest } from "./samples";
import type { NativeVerifier } from "./nativeVerifier";
import { ChallengeInputs, deriveSeed } from "./seed";
import { Failure, JudgeInput, Judgement, OUTCOME_VARIANT, OpeningsItems, Outcome, checkCommit, judge } from "./verify";
import { OpenRequestMsg, ReleaseMsg, releaseMessage } from "./wire";

export interface Verdict {
  outcome: Outcome;
  failures: Failure[];
  R: Uint8Array | null;
  R2: Uint8Array | null;
  /** t1 − t0 rounded up; 0 when nothing arrived. */
  elapsedMs: number;
  /** D(class) + RTT allowance, rounded down: PASS ⇔ elapsedMs ≤ deadlineMs (the program checks the same). */
  deadlineMs: number;
  evidence: EvidenceBundle;
  evidenceHash: Uint8Array;
  /** The openings message the evidence names by digest (publish it with the bundle). */
  openings: Uint8Array | null;
}

/** What judge takes, the columns optional (drawn here, after the openings, when absent). */
export interface VerifyInput extends Omit<JudgeInput, "columns"> {
  columns?: number[][] | null;
  rand?: RandomSource;
}

/** The judge's input: columns drawn now (after the openings arrived) unless given. */
function bundleInput(input: VerifyInput): BundleInput {
  const request = input.request;
  const columns =
    input.columns ??
    (request && input.openings != null ? drawColumns(input.params, request.rows.length, input.rand ?? cryptoRandom) : null);
  return { ...input, commit: input.commit ?? null, openings: input.openings ?? null, columns };
}

/** Judges one challenge and builds its evidence (`items`: see judge). */
export function verify(input: VerifyInput, items?: OpeningsItems): Verdict {
  const first = bundleInput(input);
  try {
    return judged(first, items);
  } catch (e) {
    if (!(e instanceof CanonicalError)) throw e;
    // A commit that cannot be canonical JSON is recorded, and judged, as not received.
    return judged({ ...first, commit: encodable(first.commit) });
  }
}

/**
 * verify, with the openings' item checks run by the native core (poc-verify) when one is given
 * and running; if it cannot answer, the TypeScript checks run instead (same decisions).
 */
export async function verifyWith(core: NativeVerifier | null, input: VerifyInput): Promise<Verdict> {
  const first = bundleInput(input);
  const { request, openings } = first;
  if (!core?.alive || request === null || openings === null) return verify(first);
  const commit = checkCommit(first.challenge, first.devicePubkey, first.commit);
  if (!commit.ok) return verify(first);
  let items: OpeningsItems | undefined;
  try {
    items = await core.check({
      params: first.params, seed: deriveSeed(first.challenge), vNonce: first.challenge.vNonce, R: commit.R, R2: commit.R2,
      request, columns: first.columns, openings,
    });
  } catch {
    items = undefined;
  }
  return verify(first, items);
}

class CanonicalError extends Error {}

function encodable(v: unknown): unknown | null {
  try {
    canonicalJson(v);
    return v;
  } catch {
    return null;
  }
}

function judged(input: BundleInput, items?: OpeningsItems): Verdict {
  const j: Judgement = judge(input, items);
  const evidence = buildEvidence(input, j);
  let hash: Uint8Array;
  try {
    hash = evidenceHash(evidence);
  } catch (e) {
    throw new CanonicalError((e as Error).message);
  }
  return {
    outcome: j.outcome,
    failures: j.failures,
    R: j.R,
    R2: j.R2,
    elapsedMs: j.elapsedMs,
    deadlineMs: j.deadlineMs,
    evidence,
    evidenceHash: hash,
    openings: input.openings,
  };
}

export interface SessionOptions {
  params: ParamClass;
  challenge: ChallengeInputs;
  devicePubkey: Uint8Array;
  /** Monotonic milliseconds; performance.now() unless a test injects a clock. */
  clock?: () => number;
  rand?: RandomSource;
}

export class VerifierSession {
  private readonly o: SessionOptions;
  private readonly clock: () => number;
  private readonly rttUs: number[] = [];
  private t0: number | null = null;
  private t1: number | null = null;
  private commit: unknown | null = null;
  private request: OpenRequestMsg | null = null;
  private tOpen: number | null = null;
  private tOpened: number | null = null;
  private openings: Uint8Array | null = null;

  constructor(o: SessionOptions) {
    this.o = o;
    this.clock = o.clock ?? (() => performance.now());
  }

  /** One ping/echo round trip measured just before release, in milliseconds. */
  recordRtt(ms: number): void {
    if (this.t0 !== null) throw new Error("RTT samples must precede the release");
    this.rttUs.push(Math.round(ms * 1000));
  }

  /** The message that starts the clock; send it right after this call. */
  release(): ReleaseMsg {
    if (this.t0 !== null) throw new Error("already released");
    this.t0 = this.clock();
    return releaseMessage(this.o.challenge);
  }

  /** The first commit message wins; later ones are ignored (equivocation is the agent's problem). */
  receiveCommit(msg: unknown): void {
    if (this.t0 === null) throw new Error("commit before release");
    if (this.t1 !== null) return;
    this.t1 = this.clock();
    this.commit = msg;
  }

  /** Draws the rows and walkers to open; send right after this call. */
  openRequest(): OpenRequestMsg {
    if (this.t1 === null) throw new Error("open request before a commit");
    if (this.request) throw new Error("open request already drawn");
    this.request = drawRequest(this.o.params, this.o.challenge.challengeId, this.o.rand ?? cryptoRandom);
    this.tOpen = this.clock();
    return this.request;
  }

  receiveOpenings(msg: Uint8Array): void {
    if (this.tOpen === null) throw new Error("openings before an open request");
    if (this.tOpened !== null) return;
    this.tOpened = this.clock();
    this.openings = msg;
  }

  /** Judge with what arrived; anything missing counts as not received. */
  verdict(): Verdict {
    return verify(this.input());
  }

  /** The same verdict, the item checks on the native core when given (see verifyWith). */
  verdictWith(core: NativeVerifier | null): Promise<Verdict> {
    return verifyWith(core, this.input());
  }

  private input(): VerifyInput {
    const us = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.max(0, Math.round((b - a) * 1000)));
    return {
      params: this.o.params,
      challenge: this.o.challenge,
      devicePubkey: this.o.devicePubkey,
      commit: this.commit,
      request: this.request,
      openings: this.openings,
      timing: { elapsedUs: us(this.t0, this.t1), openElapsedUs: us(this.tOpen, this.tOpened), rttUs: this.rttUs },
      rand: this.o.rand,
    };
  }
}

/** The arguments of submit_verdict (§2.3 step 11), from a verdict. Roots are zero when no commit was accepted. */
export interface VerdictArgs {
  /** Borsh index of ChallengeOutcome. */
  outcome: number;
  /** The IDL variant name ("pass", "late", "wrong", "noOpen", "noResponse"). */
  outcomeVariant: string;
  elapsedMs: number;
  deadlineMs: number;
  R: Uint8Array;
  R2: Uint8Array;
  vNonce: Uint8Array;
  evidenceHash: Uint8Array;
}

export function toVerdictArgs(v: Verdict, challenge: ChallengeInputs): VerdictArgs {
  return {
    outcome: v.evidence.onChain.outcome,
    outcomeVariant: OUTCOME_VARIANT[v.outcome.kind],
    elapsedMs: v.elapsedMs,
    deadlineMs: v.deadlineMs,
    R: v.R ?? new Uint8Array(32),
    R2: v.R2 ?? new Uint8Array(32),
    vNonce: challenge.vNonce,
    evidenceHash: v.evidenceHash,
  };
}
