import { PublicKey } from "@solana/web3.js";
import { protocol } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

/** Admin: a pool's weight in the miners' share; takes effect at each pool's next epoch close. */
export interface SetPoolWeightArgs extends ProgramOption {
  admin: PublicKey;
  pool: PublicKey;
  weight: Int;
}

export function setPoolWeight(a: SetPoolWeightArgs) {
  return build("set_pool_weight", { weight: a.weight }, [meta(a.admin, "s"), meta(protocol(a.programId)[0], "w"), meta(a.pool, "w")], a.programId);
}
