import { PublicKey } from "@solana/web3.js";
import { TOKEN_PROGRAM_ID } from "../constants";
import { protocol, vault } from "../pdas";
import { build, meta, ProgramOption } from "./common";

/** Permissionless: anyone may settle an ended stake; nobody in it signs. */
export interface SettleStakeArgs extends ProgramOption {
  pool: PublicKey;
  stake: PublicKey;
  /** The stake's owner: receives its rent and tokens. */
  owner: PublicKey;
  ownerTokens: PublicKey;
  utilityMint: PublicKey;
  /**
   * For a failed seller stake booked by a rental (`bookedBy`): that rental (read-only; it may be
   * closed since) and its buyer's token account, which receives the renter's compensation.
   * Passed as remaining accounts; ignored by the program otherwise.
   */
  renter?: { rental: PublicKey; buyerTokens: PublicKey };
}

export function settleStake(a: SettleStakeArgs) {
  const ix = build(
    "settle_stake",
    {},
    [
      meta(protocol(a.programId)[0]),
      meta(a.pool, "w"),
      meta(a.stake, "w"),
      meta(a.owner, "w"),
      meta(a.ownerTokens, "w"),
      meta(vault(a.pool, a.programId)[0], "w"),
      meta(a.utilityMint, "w"),
      meta(TOKEN_PROGRAM_ID),
    ],
    a.programId,
  );
  if (a.renter) ix.keys.push(meta(a.renter.rental), meta(a.renter.buyerTokens, "w"));
  return ix;
}
