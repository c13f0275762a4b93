import { openChallenge as ix, OpenChallengeArgs } from "../instructions/openChallenge";
import { forInstruction } from "./forInstruction";

export const openChallenge = forInstruction<OpenChallengeArgs>(ix, "authority");
