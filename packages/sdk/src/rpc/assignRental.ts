import { assignRental as ix, AssignRentalArgs } from "../instructions/assignRental";
import { rpcMethod } from "./method";

export const assignRental = rpcMethod<AssignRentalArgs>(ix, null);
