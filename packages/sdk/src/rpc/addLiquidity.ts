import { addLiquidity as ix, AddLiquidityArgs } from "../instructions/addLiquidity";
import { rpcMethod } from "./method";

export const addLiquidity = rpcMethod<AddLiquidityArgs>(ix, "owner");
