import { extendRental as ix, ExtendRentalArgs } from "../instructions/extendRental";
import { forInstruction } from "./forInstruction";

export const extendRental = forInstruction<ExtendRentalArgs>(ix, "buyer");
