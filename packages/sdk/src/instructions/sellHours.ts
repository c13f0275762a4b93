import { PublicKey } from "@solana/web3.js";
import { TOKEN_PROGRAM_ID } from "../constants";
import { protocol, vault } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

export interface SellHoursArgs extends ProgramOption {
  owner: PublicKey;
  pool: PublicKey;
  stake: PublicKey;
  ownerTokens: PublicKey;
  utilityMint: PublicKey;
  /** GPU-seconds taken from the stake. */
  hours: Int;
  /** Slippage bound on what the seller receives after the fee. */
  minTokensOut: Int;
}

export function sellHours(a: SellHoursArgs) {
  return build(
    "sell_hours",
    { hours: a.hours, minTokensOut: a.minTokensOut },
    [
      meta(a.owner, "s"),
      meta(protocol(a.programId)[0]),
      meta(a.pool, "w"),
      meta(a.stake, "w"),
      meta(a.ownerTokens, "w"),
      meta(vault(a.pool, a.programId)[0], "w"),
      meta(a.utilityMint, "w"),
      meta(TOKEN_PROGRAM_ID),
    ],
    a.programId,
  );
}
