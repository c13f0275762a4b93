import { expireChallenge as ix, ExpireChallengeArgs } from "../instructions/expireChallenge";
import { forInstruction } from "./forInstruction";

export const expireChallenge = forInstruction<ExpireChallengeArgs>(ix, null);
