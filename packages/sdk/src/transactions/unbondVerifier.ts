import { unbondVerifier as ix, UnbondVerifierArgs } from "../instructions/unbondVerifier";
import { forInstruction } from "./forInstruction";

export const unbondVerifier = forInstruction<UnbondVerifierArgs>(ix, "authority");
