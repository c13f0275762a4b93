import { assignRental as ix, AssignRentalArgs } from "../instructions/assignRental";
import { forInstruction } from "./forInstruction";

export const assignRental = forInstruction<AssignRentalArgs>(ix, null);
