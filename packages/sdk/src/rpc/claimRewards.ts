import { claimRewards as ix, ClaimRewardsArgs } from "../instructions/claimRewards";
import { rpcMethod } from "./method";

export const claimRewards = rpcMethod<ClaimRewardsArgs>(ix, null);
