import { PublicKey } from "@solana/web3.js";
import { TOKEN_PROGRAM_ID } from "../constants";
import { protocol, vault } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

export interface TerminateRentalArgs extends ProgramOption {
  /** Receives the rental's rent back. */
  buyer: PublicKey;
  pool: PublicKey;
  rental: PublicKey;
  buyerTokens: PublicKey;
  utilityMint: PublicKey;
  minTokensOut: Int;
}

export function terminateRental(a: TerminateRentalArgs) {
  return build(
    "terminate_rental",
    { minTokensOut: a.minTokensOut },
    [
      meta(a.buyer, "ws"),
      meta(protocol(a.programId)[0]),
      meta(a.pool, "w"),
      meta(a.rental, "w"),
      meta(a.buyerTokens, "w"),
      meta(vault(a.pool, a.programId)[0], "w"),
      meta(a.utilityMint, "w"),
      meta(TOKEN_PROGRAM_ID),
    ],
    a.programId,
  );
}
