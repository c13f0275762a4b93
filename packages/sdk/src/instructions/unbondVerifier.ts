import { PublicKey } from "@solana/web3.js";
import { protocol, verifier } from "../pdas";
import { build, meta, ProgramOption } from "./common";

/** Stops opening challenges and starts the unbonding clock (`verification.unbondingSecs`). */
export interface UnbondVerifierArgs extends ProgramOption {
  authority: PublicKey;
}

export function unbondVerifier(a: UnbondVerifierArgs) {
  return build(
    "unbond_verifier",
    {},
    [meta(a.authority, "s"), meta(protocol(a.programId)[0], "w"), meta(verifier(a.authority, a.programId)[0], "w")],
    a.programId,
  );
}
