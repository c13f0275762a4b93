import { setDeviceEndpoint as ix, SetDeviceEndpointArgs } from "../instructions/setDeviceEndpoint";
import { rpcMethod } from "./method";

export const setDeviceEndpoint = rpcMethod<SetDeviceEndpointArgs>(ix, "owner");
