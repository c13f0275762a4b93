import { setVerifierEndpoint as ix, SetVerifierEndpointArgs } from "../instructions/setVerifierEndpoint";
import { rpcMethod } from "./method";

export const setVerifierEndpoint = rpcMethod<SetVerifierEndpointArgs>(ix, "authority");
