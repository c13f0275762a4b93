import { refundRental as ix, RefundRentalArgs } from "../instructions/refundRental";
import { rpcMethod } from "./method";

export const refundRental = rpcMethod<RefundRentalArgs>(ix, null);
