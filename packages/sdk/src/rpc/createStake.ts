import { createStake as ix, CreateStakeArgs } from "../instructions/createStake";
import { rpcMethod } from "./method";

export const createStake = rpcMethod<CreateStakeArgs>(ix, "owner");
