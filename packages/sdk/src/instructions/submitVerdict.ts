import { PublicKey } from "@solana/web3.js";
import type { ChallengeOutcome } from "../idl";
import { protocol, verifier } from "../pdas";
import { build, Bytes32, bytes32, meta, ProgramOption } from "./common";

/**
 * The challenge's verifier posts what it found (`VerdictArgs`), within the verdict window. `pool`,
 * `device` and `stake` are the challenge's own (its fields of the same names).
 */
export interface SubmitVerdictArgs extends ProgramOption {
  authority: PublicKey;
  pool: PublicKey;
  device: PublicKey;
  stake: PublicKey;
  challenge: PublicKey;
  /** `pass` needs `elapsedMs <= deadlineMs` (deadline > 0), `late` needs `elapsedMs > deadlineMs`. */
  outcome: ChallengeOutcome;
  /** The nonce whose SHA-256 was committed at open. */
  nonce: Bytes32;
  /** Release of the seed → signed commitment, as measured (u32). */
  elapsedMs: number;
  deadlineMs: number;
  root: Bytes32;
  walkRoot: Bytes32;
  /** SHA-256 of the evidence bundle the verifier keeps. */
  evidenceHash: Bytes32;
}

export function submitVerdict(a: SubmitVerdictArgs) {
  const args = {
    outcome: a.outcome,
    nonce: bytes32("nonce", a.nonce),
    elapsedMs: a.elapsedMs,
    deadlineMs: a.deadlineMs,
    root: bytes32("root", a.root),
    walkRoot: bytes32("walkRoot", a.walkRoot),
    evidenceHash: bytes32("evidenceHash", a.evidenceHash),
  };
  return build(
    "submit_verdict",
    { args },
    [
      meta(a.authority, "s"),
      meta(protocol(a.programId)[0]),
      meta(verifier(a.authority, a.programId)[0], "w"),
      meta(a.pool, "w"),
      meta(a.device, "w"),
      meta(a.stake, "w"),
      meta(a.challenge, "w"),
    ],
    a.programId,
  );
}
