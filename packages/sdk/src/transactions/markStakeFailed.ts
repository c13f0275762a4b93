import { markStakeFailed as ix, MarkStakeFailedArgs } from "../instructions/markStakeFailed";
import { forInstruction } from "./forInstruction";

export const markStakeFailed = forInstruction<MarkStakeFailedArgs>(ix, "admin");
