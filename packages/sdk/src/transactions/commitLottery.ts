import { commitLottery as ix, CommitLotteryArgs } from "../instructions/commitLottery";
import { forInstruction } from "./forInstruction";

export const commitLottery = forInstruction<CommitLotteryArgs>(ix, "authority");
