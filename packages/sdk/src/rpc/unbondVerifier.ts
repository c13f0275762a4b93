import { unbondVerifier as ix, UnbondVerifierArgs } from "../instructions/unbondVerifier";
import { rpcMethod } from "./method";

export const unbondVerifier = rpcMethod<UnbondVerifierArgs>(ix, "authority");
