import { PublicKey } from "@solana/web3.js";
import { TOKEN_PROGRAM_ID } from "../constants";
import { protocol, verifier, verifierVault } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

/** The admin burns up to `amount` of a verifier's stake; the verifier by account or by authority. */
export type SlashVerifierArgs = ProgramOption & {
  admin: PublicKey;
  utilityMint: PublicKey;
  /** Base units to burn (at most what is staked). */
  amount: Int;
} & ({ verifier: PublicKey } | { verifierAuthority: PublicKey });

export function slashVerifier(a: SlashVerifierArgs) {
  const verifierAddress = "verifier" in a ? a.verifier : verifier(a.verifierAuthority, a.programId)[0];
  return build(
    "slash_verifier",
    { amount: a.amount },
    [
      meta(a.admin, "s"),
      meta(protocol(a.programId)[0], "w"),
      meta(verifierAddress, "w"),
      meta(verifierVault(verifierAddress, a.programId)[0], "w"),
      meta(a.utilityMint, "w"),
      meta(TOKEN_PROGRAM_ID),
    ],
    a.programId,
  );
}
