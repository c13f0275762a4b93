import { registerDevice as ix, RegisterDeviceArgs } from "../instructions/registerDevice";
import { rpcMethod } from "./method";

export const registerDevice = rpcMethod<RegisterDeviceArgs>(ix, "owner");
