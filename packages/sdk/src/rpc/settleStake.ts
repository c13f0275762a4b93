import { settleStake as ix, SettleStakeArgs } from "../instructions/settleStake";
import { rpcMethod } from "./method";

export const settleStake = rpcMethod<SettleStakeArgs>(ix, null);
