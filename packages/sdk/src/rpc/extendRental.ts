import { extendRental as ix, ExtendRentalArgs } from "../instructions/extendRental";
import { rpcMethod } from "./method";

export const extendRental = rpcMethod<ExtendRentalArgs>(ix, "buyer");
