import { refundRental as ix, RefundRentalArgs } from "../instructions/refundRental";
import { forInstruction } from "./forInstruction";

export const refundRental = forInstruction<RefundRentalArgs>(ix, null);
