import { settleStake as ix, SettleStakeArgs } from "../instructions/settleStake";
import { forInstruction } from "./forInstruction";

export const settleStake = forInstruction<SettleStakeArgs>(ix, null);
