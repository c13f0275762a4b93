import { PublicKey } from "@solana/web3.js";
import { TOKEN_PROGRAM_ID } from "../constants";
import { poolEpoch, protocol, rewardsVault } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

/**
 * Permissionless (keepers claim for owners; tokens only go to `ownerTokens`, the stake owner's).
 * Pays the stake's standard reward from its cursor to `min(stake.end, toEpoch.end)` times the
 * PoCPS multiplier and burns the rest. `fromEpoch` / `toEpoch` are the indices of the pool epochs
 * containing the window's two ends: `claimWindow` (quotes) picks them. A repeat pays nothing.
 */
export interface ClaimRewardsArgs extends ProgramOption {
  pool: PublicKey;
  /** The stake's `device` (its `rewardsEarned` feeds PoL). */
  device: PublicKey;
  stake: PublicKey;
  /** A token account of the utility mint owned by the stake's owner. */
  ownerTokens: PublicKey;
  fromEpoch: Int;
  toEpoch: Int;
  utilityMint: PublicKey;
}

export function claimRewards(a: ClaimRewardsArgs) {
  return build(
    "claim_rewards",
    {},
    [
      meta(protocol(a.programId)[0]),
      meta(a.pool, "w"),
      meta(a.device, "w"),
      meta(a.stake, "w"),
      meta(a.ownerTokens, "w"),
      meta(poolEpoch(a.pool, a.fromEpoch, a.programId)[0]),
      meta(poolEpoch(a.pool, a.toEpoch, a.programId)[0]),
      meta(rewardsVault(a.programId)[0], "w"),
      meta(a.utilityMint, "w"),
      meta(TOKEN_PROGRAM_ID),
    ],
    a.programId,
  );
}
