import { initializeProtocol as ix, InitializeProtocolArgs } from "../instructions/initializeProtocol";
import { forInstruction } from "./forInstruction";

export const initializeProtocol = forInstruction<InitializeProtocolArgs>(ix, "admin");
