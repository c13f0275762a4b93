import { PublicKey } from "@solana/web3.js";
import { SYSTEM_PROGRAM_ID } from "../constants";
import { device, protocol } from "../pdas";
import { build, meta, ProgramOption } from "./common";

export interface RegisterDeviceArgs extends ProgramOption {
  owner: PublicKey;
  /** The key held on the machine; it signs too. */
  deviceKey: PublicKey;
  pool: PublicKey;
  /** 32-byte hash of the claimed hardware specs. */
  specsHash: Uint8Array | number[];
}

export function registerDevice(a: RegisterDeviceArgs) {
  if (a.specsHash.length !== 32) throw new RangeError("specsHash must be 32 bytes");
  return build(
    "register_device",
    { specsHash: [...a.specsHash] },
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
