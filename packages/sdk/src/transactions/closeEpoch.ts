import { closeEpoch as ix, CloseEpochArgs } from "../instructions/closeEpoch";
import { forInstruction } from "./forInstruction";

export const closeEpoch = forInstruction<CloseEpochArgs>(ix, "cranker");
