import { PublicKey } from "@solana/web3.js";
import { SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID } from "../constants";
import { epoch, poolEpoch, protocol, rewardsVault } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

/**
 * Permissionless, one pool and one epoch per call, in order (`index` must be `pool.nextEpoch`,
 * `WrongEpoch` otherwise; the `PoolEpoch` PDA can be created once only). Needs `Epoch` `index`.
 */
export interface ClosePoolEpochArgs extends ProgramOption {
  /** Pays the `PoolEpoch` account's rent. */
  cranker: PublicKey;
  pool: PublicKey;
  index: Int;
  utilityMint: PublicKey;
}

export function closePoolEpoch(a: ClosePoolEpochArgs) {
  return build(
    "close_pool_epoch",
    { index: a.index },
    [
      meta(a.cranker, "ws"),
      meta(protocol(a.programId)[0]),
      meta(epoch(a.index, a.programId)[0], "w"),
      meta(a.pool, "w"),
      meta(poolEpoch(a.pool, a.index, a.programId)[0], "w"),
      meta(a.utilityMint, "w"),
      meta(rewardsVault(a.programId)[0], "w"),
      meta(TOKEN_PROGRAM_ID),
      meta(SYSTEM_PROGRAM_ID),
    ],
    a.programId,
  );
}
