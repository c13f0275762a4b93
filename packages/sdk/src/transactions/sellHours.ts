import { sellHours as ix, SellHoursArgs } from "../instructions/sellHours";
import { forInstruction } from "./forInstruction";

export const sellHours = forInstruction<SellHoursArgs>(ix, "owner");
