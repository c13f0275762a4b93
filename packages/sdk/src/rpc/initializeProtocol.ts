import { initializeProtocol as ix, InitializeProtocolArgs } from "../instructions/initializeProtocol";
import { rpcMethod } from "./method";

export const initializeProtocol = rpcMethod<InitializeProtocolArgs>(ix, "admin");
