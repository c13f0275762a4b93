import { setPoolWeight as ix, SetPoolWeightArgs } from "../instructions/setPoolWeight";
import { forInstruction } from "./forInstruction";

export const setPoolWeight = forInstruction<SetPoolWeightArgs>(ix, "admin");
