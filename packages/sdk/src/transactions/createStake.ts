import { createStake as ix, CreateStakeArgs } from "../instructions/createStake";
import { forInstruction } from "./forInstruction";

export const createStake = forInstruction<CreateStakeArgs>(ix, "owner");
