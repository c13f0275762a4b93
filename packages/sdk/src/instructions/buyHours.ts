import { PublicKey } from "@solana/web3.js";
import { SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID } from "../constants";
import { protocol, rental, vault } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

export interface BuyHoursArgs extends ProgramOption {
  buyer: PublicKey;
  pool: PublicKey;
  /** Any u64 the buyer has not used in this pool: part of the rental's PDA. */
  rentalId: Int;
  buyerTokens: PublicKey;
  utilityMint: PublicKey;
  /** Base units paid, fee included. */
  tokensIn: Int;
  /** The rental's end: a bucket boundary of the pool. */
  end: Int;
  minHoursOut: Int;
}

export function buyHours(a: BuyHoursArgs) {
  return build(
    "buy_hours",
    { rentalId: a.rentalId, tokensIn: a.tokensIn, end: a.end, minHoursOut: a.minHoursOut },
    [
      meta(a.buyer, "ws"),
      meta(protocol(a.programId)[0]),
      meta(a.pool, "w"),
      meta(rental(a.pool, a.buyer, a.rentalId, a.programId)[0], "w"),
      meta(a.buyerTokens, "w"),
      meta(vault(a.pool, a.programId)[0], "w"),
      meta(a.utilityMint, "w"),
      meta(TOKEN_PROGRAM_ID),
      meta(SYSTEM_PROGRAM_ID),
    ],
    a.programId,
  );
}
