import { withdrawVerifier as ix, WithdrawVerifierArgs } from "../instructions/withdrawVerifier";
import { rpcMethod } from "./method";

export const withdrawVerifier = rpcMethod<WithdrawVerifierArgs>(ix, "authority");
