import { PublicKey } from "@solana/web3.js";
import { protocol, verifier } from "../pdas";
import { build, Bytes32, bytes32, Int, meta, ProgramOption } from "./common";

/**
 * Commits a verifier's round secrets for the lottery (decisions.md §31): the Merkle root over
 * `leaf(secret_r)`, `r < rounds`, round r starting at `startSlot + r × roundSlots` (the protocol's
 * `lottery.roundSlots`). `startSlot` must be in the future; the previous commitment must have ended.
 */
export interface CommitLotteryArgs extends ProgramOption {
  authority: PublicKey;
  root: Bytes32;
  startSlot: Int;
  rounds: number;
}

export function commitLottery(a: CommitLotteryArgs) {
  return build(
    "commit_lottery",
    { root: bytes32("root", a.root), startSlot: a.startSlot, rounds: a.rounds },
    [meta(a.authority, "s"), meta(protocol(a.programId)[0], "w"), meta(verifier(a.authority, a.programId)[0], "w")],
    a.programId,
  );
}
