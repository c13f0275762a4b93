import { PublicKey } from "@solana/web3.js";
import { protocol } from "../pdas";
import { build, meta, ProgramOption } from "./common";

/** Second step of an admin handover: `pendingAdmin` (proposed by `updateProtocol({ newAdmin })`) signs. */
export interface AcceptAdminArgs extends ProgramOption {
  pendingAdmin: PublicKey;
}

export function acceptAdmin(a: AcceptAdminArgs) {
  return build("accept_admin", {}, [meta(a.pendingAdmin, "s"), meta(protocol(a.programId)[0], "w")], a.programId);
}
