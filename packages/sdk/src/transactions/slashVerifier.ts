import { slashVerifier as ix, SlashVerifierArgs } from "../instructions/slashVerifier";
import { forInstruction } from "./forInstruction";

export const slashVerifier = forInstruction<SlashVerifierArgs>(ix, "admin");
