import { PublicKey } from "@solana/web3.js";
import { SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID } from "../constants";
import { protocol, verifier, verifierVault } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

export interface RegisterVerifierArgs extends ProgramOption {
  /** Signs verdicts; pays for the verifier account and its vault. */
  authority: PublicKey;
  /** The authority's token account of the utility mint: the stake comes from it. */
  authorityTokens: PublicKey;
  utilityMint: PublicKey;
  /** Base units staked: at least the protocol's `verification.minVerifierStake`. */
  amount: Int;
}

export function registerVerifier(a: RegisterVerifierArgs) {
  const [verifierAddress] = verifier(a.authority, a.programId);
  return build(
    "register_verifier",
    { amount: a.amount },
    [
      meta(a.authority, "ws"),
      meta(protocol(a.programId)[0], "w"),
      meta(verifierAddress, "w"),
      meta(verifierVault(verifierAddress, a.programId)[0], "w"),
      meta(a.authorityTokens, "w"),
      meta(a.utilityMint),
      meta(TOKEN_PROGRAM_ID),
      meta(SYSTEM_PROGRAM_ID),
    ],
    a.programId,
  );
}
