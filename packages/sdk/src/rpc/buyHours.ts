import { buyHours as ix, BuyHoursArgs } from "../instructions/buyHours";
import { rpcMethod } from "./method";

export const buyHours = rpcMethod<BuyHoursArgs>(ix, "buyer");
