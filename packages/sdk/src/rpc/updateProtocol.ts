import { updateProtocol as ix, UpdateProtocolArgs } from "../instructions/updateProtocol";
import { rpcMethod } from "./method";

export const updateProtocol = rpcMethod<UpdateProtocolArgs>(ix, "admin");
