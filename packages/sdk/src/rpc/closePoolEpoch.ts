import { closePoolEpoch as ix, ClosePoolEpochArgs } from "../instructions/closePoolEpoch";
import { rpcMethod } from "./method";

export const closePoolEpoch = rpcMethod<ClosePoolEpochArgs>(ix, "cranker");
