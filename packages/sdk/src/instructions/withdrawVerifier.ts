import { PublicKey } from "@solana/web3.js";
import { TOKEN_PROGRAM_ID } from "../constants";
import { protocol, verifier, verifierVault } from "../pdas";
import { build, meta, ProgramOption } from "./common";

/** After unbonding, with no challenge pending: the stake goes back, both accounts close. */
export interface WithdrawVerifierArgs extends ProgramOption {
  /** Receives the rent of the closed accounts. */
  authority: PublicKey;
  /** Receives the stake: the authority's token account of the utility mint. */
  authorityTokens: PublicKey;
}

export function withdrawVerifier(a: WithdrawVerifierArgs) {
  const [verifierAddress] = verifier(a.authority, a.programId);
  return build(
    "withdraw_verifier",
    {},
    [
      meta(a.authority, "ws"),
      meta(protocol(a.programId)[0], "w"),
      meta(verifierAddress, "w"),
      meta(verifierVault(verifierAddress, a.programId)[0], "w"),
      meta(a.authorityTokens, "w"),
      meta(TOKEN_PROGRAM_ID),
    ],
    a.programId,
  );
}
