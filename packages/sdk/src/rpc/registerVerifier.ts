import { registerVerifier as ix, RegisterVerifierArgs } from "../instructions/registerVerifier";
import { rpcMethod } from "./method";

export const registerVerifier = rpcMethod<RegisterVerifierArgs>(ix, "authority");
