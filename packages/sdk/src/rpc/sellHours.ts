import { sellHours as ix, SellHoursArgs } from "../instructions/sellHours";
import { rpcMethod } from "./method";

export const sellHours = rpcMethod<SellHoursArgs>(ix, "owner");
