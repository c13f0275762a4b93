import { acceptAdmin as ix, AcceptAdminArgs } from "../instructions/acceptAdmin";
import { rpcMethod } from "./method";

export const acceptAdmin = rpcMethod<AcceptAdminArgs>(ix, "pendingAdmin");
