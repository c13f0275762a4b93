import { setPoolWeight as ix, SetPoolWeightArgs } from "../instructions/setPoolWeight";
import { rpcMethod } from "./method";

export const setPoolWeight = rpcMethod<SetPoolWeightArgs>(ix, "admin");
