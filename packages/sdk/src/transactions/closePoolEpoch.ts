import { closePoolEpoch as ix, ClosePoolEpochArgs } from "../instructions/closePoolEpoch";
import { forInstruction } from "./forInstruction";

export const closePoolEpoch = forInstruction<ClosePoolEpochArgs>(ix, "cranker");
