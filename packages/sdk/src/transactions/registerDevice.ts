import { registerDevice as ix, RegisterDeviceArgs } from "../instructions/registerDevice";
import { forInstruction } from "./forInstruction";

export const registerDevice = forInstruction<RegisterDeviceArgs>(ix, "owner");
