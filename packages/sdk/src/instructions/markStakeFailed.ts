import { PublicKey } from "@solana/web3.js";
import { protocol } from "../pdas";
import { build, meta, ProgramOption } from "./common";

export interface MarkStakeFailedArgs extends ProgramOption {
  admin: PublicKey;
  pool: PublicKey;
  stake: PublicKey;
}

export function markStakeFailed(a: MarkStakeFailedArgs) {
  return build(
    "mark_stake_failed",
    {},
    [meta(a.admin, "s"), meta(protocol(a.programId)[0]), meta(a.pool, "w"), meta(a.stake, "w")],
    a.programId,
  );
}
