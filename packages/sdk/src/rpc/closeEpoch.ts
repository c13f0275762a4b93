import { closeEpoch as ix, CloseEpochArgs } from "../instructions/closeEpoch";
import { rpcMethod } from "./method";

export const closeEpoch = rpcMethod<CloseEpochArgs>(ix, "cranker");
