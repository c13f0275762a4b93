import { expireChallenge as ix, ExpireChallengeArgs } from "../instructions/expireChallenge";
import { rpcMethod } from "./method";

export const expireChallenge = rpcMethod<ExpireChallengeArgs>(ix, null);
