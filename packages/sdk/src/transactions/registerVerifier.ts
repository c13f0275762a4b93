import { registerVerifier as ix, RegisterVerifierArgs } from "../instructions/registerVerifier";
import { forInstruction } from "./forInstruction";

export const registerVerifier = forInstruction<RegisterVerifierArgs>(ix, "authority");
