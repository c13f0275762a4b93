import * as crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { ChallengeInputs, ParamClass, Verdict, VerifierSession, RandomSource } from "../src";
import type { Responder } from "../src/cheats";

let nextId = 1000n;

/** A fresh challenge as open_challenge would create it (random slot hash and nonce). */
export function newChallenge(p: ParamClass, over: Partial<ChallengeInputs> = {}): ChallengeInputs {
  return {
    programId: crypto.randomBytes(32),
    devicePda: crypto.randomBytes(32),
    challengeId: nextId++,
    slotHash: crypto.randomBytes(32),
    vNonce: crypto.randomBytes(32),
    paramsId: p.paramsId,
    ...over,
  };
}

/** JSON over the wire: what an HTTP transport would do to every JSON message (the openings travel as bytes). */
const wire = <T>(v: T): unknown => JSON.parse(JSON.stringify(v));

export interface RunOptions {
  rand?: RandomSource;
  /** Added to the verifier's clock between release and commit (a late prover). */
  commitDelayMs?: number;
  openDelayMs?: number;
  rttMs?: number[];
  noCommit?: boolean;
  noOpenings?: boolean;
}

/** One challenge through a VerifierSession, the responder standing in for the miner agent. */
export function runSession(p: ParamClass, ch: ChallengeInputs, devicePubkey: Uint8Array, responder: Responder, o: RunOptions = {}): Verdict {
  let skew = 0;
  const s = new VerifierSession({ params: p, challenge: ch, devicePubkey, clock: () => performance.now() + skew, rand: o.rand });
  for (const r of o.rttMs ?? [2, 3, 2]) s.recordRtt(r);
  s.release();
  if (o.noCommit) return s.verdict();
  const commit = wire(responder.commit());
  skew += o.commitDelayMs ?? 0;
  s.receiveCommit(commit);
  const req = s.openRequest();
  if (o.noOpenings) return s.verdict();
  const openings = responder.open(wire(req) as typeof req).slice();
  skew += o.openDelayMs ?? 0;
  s.receiveOpenings(openings);
  return s.verdict();
}
