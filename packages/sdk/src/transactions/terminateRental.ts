import { terminateRental as ix, TerminateRentalArgs } from "../instructions/terminateRental";
import { forInstruction } from "./forInstruction";

export const terminateRental = forInstruction<TerminateRentalArgs>(ix, "buyer");
