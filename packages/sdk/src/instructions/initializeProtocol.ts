import { PublicKey } from "@solana/web3.js";
import { SYSTEM_PROGRAM_ID } from "../constants";
import { protocol } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

export interface InitializeProtocolArgs extends ProgramOption {
  admin: PublicKey;
  utilityMint: PublicKey;
  params: { maxSwapFeeBps: number; minBurnPerGpuHour: Int; minCollateralBps: number };
}

export function initializeProtocol(a: InitializeProtocolArgs) {
  return build(
    "initialize_protocol",
    { params: a.params },
    [meta(a.admin, "ws"), meta(protocol(a.programId)[0], "w"), meta(a.utilityMint), meta(SYSTEM_PROGRAM_ID)],
    a.programId,
  );
}
