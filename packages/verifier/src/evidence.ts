// The evidence bundle (docs/proof-of-compute.md, "Evidence bundle"): everything a third party
// needs to recompute a verdict, as canonical JSON, plus the openings message as received, which
// the bundle covers by digest (published next to it). Only SHA-256 of the bundle goes on chain.

import { fromHex, toHex } from "./bytes";
import { canonicalBytes, canonicalJson } from "./canonical";
import { sha256 } from "./hash";
import { SIG } from "./openings";
import { ParamClass, paramsById } from "./params";
import { deriveSeed, nonceCommitment } from "./seed";
import { JudgeInput, Judgement, Outcome, OUTCOME_CODE, Timing, judge, openingsDigest } from "./verify";
import { OpenRequestMsg, ReleaseMsg, parseRelease, releaseMessage } from "./wire";

export const EVIDENCE_FORMAT = "pinfi/poc-evidence/v2";

/**
 * An openings message by digest: its length, its digest (openingsDigest: for a well-formed message
 * the body digest the device signed) and its last 64 bytes (then: the signature).
 */
export interface OpeningsRecord {
  bytes: number;
  digest: string;
  sig: string;
}

export interface EvidenceBundle {
  format: typeof EVIDENCE_FORMAT;
  params: ParamClass;
  challenge: ReleaseMsg;
  nonceCommitment: string;
  seed: string;
  devicePubkey: string;
  /** As received (null: none, or not canonical-JSON encodable). */
  commit: unknown | null;
  request: OpenRequestMsg | null;
  openings: OpeningsRecord | null;
  columns: number[][] | null;
  timing: Timing & { allowanceUs: number; deadlineUs: number; openDeadlineUs: number };
  outcome: Outcome;
  /** The submit_verdict arguments this bundle supports (the evidence hash aside). */
  onChain: { outcome: number; elapsedMs: number; deadlineMs: number; R: string; R2: string; vNonce: string };
}

const ZERO32 = "0".repeat(64);

/** What a bundle records: exactly what the verifier judged. */
export type BundleInput = JudgeInput;

export function buildEvidence(input: BundleInput, j: Judgement): EvidenceBundle {
  const { timing } = input;
  return {
    format: EVIDENCE_FORMAT,
    params: { ...input.params },
    challenge: releaseMessage(input.challenge),
    nonceCommitment: toHex(nonceCommitment(input.challenge.vNonce)),
    seed: toHex(deriveSeed(input.challenge)),
    devicePubkey: toHex(input.devicePubkey),
    commit: input.commit,
    request: input.request,
    openings: input.openings === null ? null : openingsRecord(input.openings, j.openingsDigest ?? openingsDigest(input.params, input.openings)),
    columns: input.columns,
    timing: {
      elapsedUs: timing.elapsedUs,
      openElapsedUs: timing.openElapsedUs,
      rttUs: [...timing.rttUs],
      allowanceUs: j.allowanceUs,
      deadlineUs: j.deadlineUs,
      openDeadlineUs: j.openDeadlineUs,
    },
    outcome: j.outcome,
    onChain: {
      outcome: OUTCOME_CODE[j.outcome.kind],
      elapsedMs: j.elapsedMs,
      deadlineMs: j.deadlineMs,
      R: j.R ? toHex(j.R) : ZERO32,
      R2: j.R2 ? toHex(j.R2) : ZERO32,
      vNonce: toHex(input.challenge.vNonce),
    },
  };
}

function openingsRecord(msg: Uint8Array, digest: Uint8Array): OpeningsRecord {
  return { bytes: msg.length, digest: toHex(digest), sig: toHex(msg.subarray(Math.max(0, msg.length - SIG))) };
}

export const serializeEvidence = (b: EvidenceBundle): string => canonicalJson(b);
/** The evidence_hash submit_verdict records. */
export const evidenceHash = (b: EvidenceBundle): Uint8Array => sha256(canonicalBytes(b));

export function parseEvidence(json: string): EvidenceBundle {
  const b = JSON.parse(json) as EvidenceBundle;
  if (b?.format !== EVIDENCE_FORMAT) throw new Error(`not a ${EVIDENCE_FORMAT} evidence bundle`);
  if (canonicalJson(b) !== json) throw new Error("evidence bundle is not in canonical form");
  return b;
}

export interface RecheckResult {
  /** The outcome recomputed from the bundle's bytes. */
  outcome: Outcome;
  /** The recomputed outcome is exactly the recorded one. */
  agrees: boolean;
  /** WRONG: proven by device-signed data alone. Other outcomes rest on the verifier's clock or on absence. */
  objective: boolean;
  /** Inconsistencies between the bundle's fields (each one makes the bundle unusable as evidence). */
  problems: string[];
  evidenceHash: string;
}

/**
 * Re-verifies a bundle from its bytes alone, with the same code the verifier ran. `openings`: the
 * message the bundle names by digest (needed whenever it names one).
 */
export function recheck(bundle: EvidenceBundle, openings: Uint8Array | null = null): RecheckResult {
  const problems: string[] = [];
  const challenge = parseRelease(bundle.challenge);
  let params: ParamClass = bundle.params;
  try {
    const table = paramsById(challenge.paramsId);
    if (canonicalJson({ ...table }) !== canonicalJson(bundle.params)) problems.push("params differ from the class table");
    params = table;
  } catch {
    problems.push(`unknown params_id ${challenge.paramsId}`);
  }
  let msg: Uint8Array | null = null;
  if (bundle.openings !== null) {
    if (openings === null) problems.push("the openings the bundle names are missing");
    else if (canonicalJson(openingsRecord(openings, openingsDigest(params, openings))) !== canonicalJson(bundle.openings)) problems.push("openings do not match the bundle's digest");
    else msg = openings;
  }
  if (toHex(deriveSeed(challenge)) !== bundle.seed) problems.push("seed does not match the challenge inputs");
  if (toHex(nonceCommitment(challenge.vNonce)) !== bundle.nonceCommitment) problems.push("nonce commitment does not match v_nonce");
  const input: BundleInput = {
    params,
    challenge,
    devicePubkey: fromHex(bundle.devicePubkey, 32),
    commit: bundle.commit,
    request: bundle.request,
    openings: msg,
    columns: bundle.columns,
    timing: { elapsedUs: bundle.timing.elapsedUs, openElapsedUs: bundle.timing.openElapsedUs, rttUs: bundle.timing.rttUs },
  };
  const j = judge(input);
  const rebuilt = buildEvidence(input, j);
  if (canonicalJson(rebuilt.onChain) !== canonicalJson(bundle.onChain)) problems.push("onChain summary does not follow from the bundle");
  if (canonicalJson(rebuilt.timing) !== canonicalJson(bundle.timing)) problems.push("derived deadlines do not follow from the bundle");
  return {
    outcome: j.outcome,
    agrees: canonicalJson(j.outcome) === canonicalJson(bundle.outcome) && problems.length === 0,
    objective: j.outcome.kind === "WRONG",
    problems,
    evidenceHash: toHex(evidenceHash(bundle)),
  };
}
