import { markStakeFailed as ix, MarkStakeFailedArgs } from "../instructions/markStakeFailed";
import { rpcMethod } from "./method";

export const markStakeFailed = rpcMethod<MarkStakeFailedArgs>(ix, "admin");
