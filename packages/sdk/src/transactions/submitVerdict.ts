import { submitVerdict as ix, SubmitVerdictArgs } from "../instructions/submitVerdict";
import { forInstruction } from "./forInstruction";

export const submitVerdict = forInstruction<SubmitVerdictArgs>(ix, "authority");
