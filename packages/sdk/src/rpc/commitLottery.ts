import { commitLottery as ix, CommitLotteryArgs } from "../instructions/commitLottery";
import { rpcMethod } from "./method";

export const commitLottery = rpcMethod<CommitLotteryArgs>(ix, "authority");
