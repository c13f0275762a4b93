import { settleExpired as ix, SettleExpiredArgs } from "../instructions/settleExpired";
import { forInstruction } from "./forInstruction";

export const settleExpired = forInstruction<SettleExpiredArgs>(ix, null);
