import { withdrawVerifier as ix, WithdrawVerifierArgs } from "../instructions/withdrawVerifier";
import { forInstruction } from "./forInstruction";

export const withdrawVerifier = forInstruction<WithdrawVerifierArgs>(ix, "authority");
