import { PublicKey } from "@solana/web3.js";
import { protocol } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

/** Each field left out stays as it is. */
export interface UpdateProtocolArgs extends ProgramOption {
  admin: PublicKey;
  paused?: boolean;
  params?: { maxSwapFeeBps: number; minBurnPerGpuHour: Int; minCollateralBps: number };
  newAdmin?: PublicKey;
}

export function updateProtocol(a: UpdateProtocolArgs) {
  const args = { paused: a.paused ?? null, params: a.params ?? null, newAdmin: a.newAdmin ?? null };
  return build("update_protocol", { args }, [meta(a.admin, "s"), meta(protocol(a.programId)[0], "w")], a.programId);
}
