import { setDeviceEndpoint as ix, SetDeviceEndpointArgs } from "../instructions/setDeviceEndpoint";
import { forInstruction } from "./forInstruction";

export const setDeviceEndpoint = forInstruction<SetDeviceEndpointArgs>(ix, "owner");
