import { claimRewards as ix, ClaimRewardsArgs } from "../instructions/claimRewards";
import { forInstruction } from "./forInstruction";

export const claimRewards = forInstruction<ClaimRewardsArgs>(ix, null);
