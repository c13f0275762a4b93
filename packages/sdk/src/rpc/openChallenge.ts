import { openChallenge as ix, OpenChallengeArgs } from "../instructions/openChallenge";
import { rpcMethod } from "./method";

export const openChallenge = rpcMethod<OpenChallengeArgs>(ix, "authority");
