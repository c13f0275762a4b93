import { createPool as ix, CreatePoolArgs } from "../instructions/createPool";
import { forInstruction } from "./forInstruction";

export const createPool = forInstruction<CreatePoolArgs>(ix, "creator");
