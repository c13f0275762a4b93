import { PublicKey } from "@solana/web3.js";
import { TOKEN_PROGRAM_ID, PROGRAM_ID } from "../constants";
import { PinfiSdkError } from "../errors/base";
import { PinfiProgramError } from "../errors";
import { poolEpoch, protocol, rewardsVault, vault } from "../pdas";
import { claimWindow, settleNeedsClaim } from "../quotes";
import type { ProtocolLike } from "../quotes";
import type { Pool, Stake } from "../types";
import { build, Int, meta, ProgramOption } from "./common";

/** Remaining accounts per stake of `settle_expired` (`ACCOUNTS_PER_STAKE`). */
export const SETTLE_EXPIRED_ACCOUNTS_PER_STAKE = 6;

/**
 * Instruction-trace entries of one `settle_expired` at most: itself, ≤ 2 token transfers per stake
 * (rewards, payout), one burn per vault, and the `emit_cpi!` self-invocation.
 */
export const settleExpiredTrace = (stakes: number) => 1 + 2 * stakes + 2 + 1;

/** One stake of a sweep. */
export interface SettleExpiredStake {
  stake: PublicKey;
  /** The stake's `device` (written: its rewards and active stake). */
  device: PublicKey;
  /** The stake's owner: receives its rent. */
  owner: PublicKey;
  /** A token account of the utility mint owned by the stake's owner. */
  ownerTokens: PublicKey;
  /**
   * When a claim is due (`quotes.settleNeedsClaim`): the pool epochs containing the claim window's
   * ends (`quotes.claimWindow`, which must be complete). Omitted: no claim (a placeholder is passed).
   */
  fromEpoch?: Int;
  toEpoch?: Int;
}

/**
 * Permissionless sweep: claims (when due) and settles many ended stakes of one pool in one
 * instruction, one `StakesSettled` event. Stakes owing a renter compensation (a failed seller
 * booked by a rental) are refused (`RenterAccountsMissing`): settle those with `settleStake`.
 */
export interface SettleExpiredArgs extends ProgramOption {
  pool: PublicKey;
  utilityMint: PublicKey;
  stakes: SettleExpiredStake[];
  /**
   * Pass the rewards vault (`true`) or none (`false`: emission not configured). Default: passed
   * exactly when some stake carries a claim window (only claims touch the vault).
   */
  rewardsVault?: boolean;
}

export function settleExpired(a: SettleExpiredArgs) {
  if (!a.stakes.length) throw new PinfiSdkError("InvalidArgument", "settleExpired needs at least one stake", false);
  const programId = a.programId ?? PROGRAM_ID;
  for (const s of a.stakes) {
    if ((s.fromEpoch === undefined) !== (s.toEpoch === undefined)) {
      throw new PinfiSdkError("InvalidArgument", `stake ${s.stake.toBase58()}: fromEpoch and toEpoch go together`, false);
    }
  }
  const withVault = a.rewardsVault ?? a.stakes.some((s) => s.fromEpoch !== undefined);
  const ix = build(
    "settle_expired",
    {},
    [
      meta(protocol(a.programId)[0]),
      meta(a.pool, "w"),
      meta(vault(a.pool, a.programId)[0], "w"),
      // Anchor's `Option<Account>`: the program id stands for None.
      withVault ? meta(rewardsVault(a.programId)[0], "w") : meta(programId),
      meta(a.utilityMint, "w"),
      meta(TOKEN_PROGRAM_ID),
    ],
    a.programId,
  );
  for (const s of a.stakes) {
    const epochs =
      s.fromEpoch === undefined
        ? [programId, programId]
        : [poolEpoch(a.pool, s.fromEpoch, a.programId)[0], poolEpoch(a.pool, s.toEpoch!, a.programId)[0]];
    ix.keys.push(meta(s.stake, "w"), meta(s.device, "w"), meta(s.owner, "w"), meta(s.ownerTokens, "w"), meta(epochs[0]), meta(epochs[1]));
  }
  return ix;
}

/**
 * A stake's entry of a sweep from its account, its pool and the protocol: the claim window's
 * epochs when a claim is due. Throws the `PinfiProgramError` the program would fail with when
 * the stake cannot be swept yet (`StakeNotEnded` given `now`; `RewardsUnclaimed` while its last
 * epoch is not closed; `RenterAccountsMissing` for a stake that owes a renter).
 */
export function settleExpiredStake(
  stake: { address: PublicKey; account: Pick<Stake, "device" | "owner" | "end" | "rewardsCursor" | "kind" | "failed" | "bookedBy"> },
  pool: Pick<Pool, "nextEpoch">,
  p: ProtocolLike,
  ownerTokens: PublicKey,
  now?: bigint,
): SettleExpiredStake {
  const s = stake.account;
  if (now !== undefined && s.end > now) throw new PinfiProgramError("StakeNotEnded");
  if (s.kind === "seller" && s.failed && !s.bookedBy.equals(PublicKey.default)) throw new PinfiProgramError("RenterAccountsMissing");
  const out: SettleExpiredStake = { stake: stake.address, device: s.device, owner: s.owner, ownerTokens };
  if (settleNeedsClaim(s, p)) {
    const win = claimWindow(s, pool, p);
    if (!win || !win.complete) throw new PinfiProgramError("RewardsUnclaimed");
    out.fromEpoch = win.fromEpoch;
    out.toEpoch = win.toEpoch;
  }
  return out;
}
