import { PublicKey } from "@solana/web3.js";
import { ENDPOINT_LEN } from "../constants";
import { PinfiSdkError } from "../errors/base";
import { build, meta, ProgramOption } from "./common";

export interface SetDeviceEndpointArgs extends ProgramOption {
  owner: PublicKey;
  /** The device's pool. */
  pool: PublicKey;
  /** The device account (`pdas.device(deviceKey)`). */
  device: PublicKey;
  /** Where verifiers reach the miner agent (an HTTP URL), at most 128 UTF-8 bytes; `""` clears it. */
  endpoint: string;
}

export function setDeviceEndpoint(a: SetDeviceEndpointArgs) {
  checkEndpoint(a.endpoint);
  return build("set_device_endpoint", { endpoint: a.endpoint }, [meta(a.owner, "s"), meta(a.pool, "w"), meta(a.device, "w")], a.programId);
}

/** The program's bound on endpoints, checked before anything is signed. */
export function checkEndpoint(endpoint: unknown): asserts endpoint is string {
  if (typeof endpoint !== "string") throw new PinfiSdkError("InvalidArgument", "endpoint must be a string", false);
  const len = Buffer.byteLength(endpoint, "utf8");
  if (len > ENDPOINT_LEN) throw new PinfiSdkError("InvalidArgument", `EndpointTooLong: endpoint is ${len} bytes, at most ${ENDPOINT_LEN}`, false);
}
