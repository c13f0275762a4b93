import { submitVerdict as ix, SubmitVerdictArgs } from "../instructions/submitVerdict";
import { rpcMethod } from "./method";

export const submitVerdict = rpcMethod<SubmitVerdictArgs>(ix, "authority");
