import { terminateRental as ix, TerminateRentalArgs } from "../instructions/terminateRental";
import { rpcMethod } from "./method";

export const terminateRental = rpcMethod<TerminateRentalArgs>(ix, "buyer");
