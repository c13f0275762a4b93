import { PublicKey } from "@solana/web3.js";
import { protocol, verifier } from "../pdas";
import { build, meta, ProgramOption } from "./common";

/** Permissionless once the verdict window has passed without a verdict; nobody in it signs. */
export interface ExpireChallengeArgs extends ProgramOption {
  challenge: PublicKey;
  /** The challenge's `verifier` field (the verifier's authority, not its account). */
  verifierAuthority: PublicKey;
  /** The challenge's pool. */
  pool: PublicKey;
}

export function expireChallenge(a: ExpireChallengeArgs) {
  return build(
    "expire_challenge",
    {},
    [meta(protocol(a.programId)[0]), meta(verifier(a.verifierAuthority, a.programId)[0], "w"), meta(a.pool, "w"), meta(a.challenge, "w")],
    a.programId,
  );
}
