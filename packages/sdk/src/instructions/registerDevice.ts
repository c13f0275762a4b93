import { PublicKey } from "@solana/web3.js";
import { SYSTEM_PROGRAM_ID } from "../constants";
import { device, protocol } from "../pdas";
import { build, Bytes32, bytes32, meta, ProgramOption } from "./common";

export interface RegisterDeviceArgs extends ProgramOption {
  owner: PublicKey;
  /** The key held on the machine; it signs too. */
  deviceKey: PublicKey;
  pool: PublicKey;
  /** 32-byte hash of the claimed hardware specs. */
  specsHash: Bytes32;
}

export function registerDevice(a: RegisterDeviceArgs) {
  return build(
    "register_device",
    { specsHash: bytes32("specsHash", a.specsHash) },
    [
      meta(a.owner, "ws"),
      meta(a.deviceKey, "s"),
      meta(protocol(a.programId)[0]),
      meta(a.pool, "w"),
      meta(device(a.deviceKey, a.programId)[0], "w"),
      meta(SYSTEM_PROGRAM_ID),
    ],
    a.programId,
  );
}
