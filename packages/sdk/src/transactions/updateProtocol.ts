import { updateProtocol as ix, UpdateProtocolArgs } from "../instructions/updateProtocol";
import { forInstruction } from "./forInstruction";

export const updateProtocol = forInstruction<UpdateProtocolArgs>(ix, "admin");
