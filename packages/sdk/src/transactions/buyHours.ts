import { buyHours as ix, BuyHoursArgs } from "../instructions/buyHours";
import { forInstruction } from "./forInstruction";

export const buyHours = forInstruction<BuyHoursArgs>(ix, "buyer");
