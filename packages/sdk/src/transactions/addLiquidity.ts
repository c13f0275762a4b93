import { addLiquidity as ix, AddLiquidityArgs } from "../instructions/addLiquidity";
import { forInstruction } from "./forInstruction";

export const addLiquidity = forInstruction<AddLiquidityArgs>(ix, "owner");
