import { PublicKey } from "@solana/web3.js";
import { SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID } from "../constants";
import { epoch, protocol, rewardsVault } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

/**
 * Permissionless once the epoch has ended: mints epoch `index`'s emission (miners' share to the
 * rewards vault, the rest to foundation and team). `index` must be `protocol.nextEpoch`
 * (`WrongEpoch`), and the `Epoch` PDA can be created once only: a repeat fails, never pays twice.
 */
export interface CloseEpochArgs extends ProgramOption {
  /** Pays the `Epoch` account's rent. */
  cranker: PublicKey;
  index: Int;
  utilityMint: PublicKey;
  /** `protocol.emission.foundation` / `.team`. */
  foundation: PublicKey;
  team: PublicKey;
}

export function closeEpoch(a: CloseEpochArgs) {
  return build(
    "close_epoch",
    { index: a.index },
    [
      meta(a.cranker, "ws"),
      meta(protocol(a.programId)[0], "w"),
      meta(epoch(a.index, a.programId)[0], "w"),
      meta(a.utilityMint, "w"),
      meta(rewardsVault(a.programId)[0], "w"),
      meta(a.foundation, "w"),
      meta(a.team, "w"),
      meta(TOKEN_PROGRAM_ID),
      meta(SYSTEM_PROGRAM_ID),
    ],
    a.programId,
  );
}
