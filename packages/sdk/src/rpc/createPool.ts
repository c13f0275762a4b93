import { createPool as ix, CreatePoolArgs } from "../instructions/createPool";
import { rpcMethod } from "./method";

export const createPool = rpcMethod<CreatePoolArgs>(ix, "creator");
