import { settleExpired as ix, SettleExpiredArgs } from "../instructions/settleExpired";
import { rpcMethod } from "./method";

export const settleExpired = rpcMethod<SettleExpiredArgs>(ix, null);
