import { PublicKey } from "@solana/web3.js";
import { TOKEN_PROGRAM_ID } from "../constants";
import { protocol, vault } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

export interface ExtendRentalArgs extends ProgramOption {
  buyer: PublicKey;
  pool: PublicKey;
  rental: PublicKey;
  buyerTokens: PublicKey;
  utilityMint: PublicKey;
  /** A later bucket boundary. */
  newEnd: Int;
  maxTokensIn: Int;
}

export function extendRental(a: ExtendRentalArgs) {
  return build(
    "extend_rental",
    { newEnd: a.newEnd, maxTokensIn: a.maxTokensIn },
    [
      meta(a.buyer, "s"),
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
