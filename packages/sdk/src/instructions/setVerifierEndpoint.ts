import { PublicKey } from "@solana/web3.js";
import { protocol, verifier } from "../pdas";
import { build, meta, ProgramOption } from "./common";
import { checkEndpoint } from "./setDeviceEndpoint";

export interface SetVerifierEndpointArgs extends ProgramOption {
  authority: PublicKey;
  /** Base URL of the verifier's evidence (`<endpoint>/evidence/<hash>.json`), at most 128 UTF-8 bytes; `""` clears it. */
  endpoint: string;
}

export function setVerifierEndpoint(a: SetVerifierEndpointArgs) {
  checkEndpoint(a.endpoint);
  return build(
    "set_verifier_endpoint",
    { endpoint: a.endpoint },
    [meta(a.authority, "s"), meta(protocol(a.programId)[0], "w"), meta(verifier(a.authority, a.programId)[0], "w")],
    a.programId,
  );
}
