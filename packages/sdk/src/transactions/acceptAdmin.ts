import { acceptAdmin as ix, AcceptAdminArgs } from "../instructions/acceptAdmin";
import { forInstruction } from "./forInstruction";

export const acceptAdmin = forInstruction<AcceptAdminArgs>(ix, "pendingAdmin");
