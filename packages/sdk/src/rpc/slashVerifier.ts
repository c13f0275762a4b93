import { slashVerifier as ix, SlashVerifierArgs } from "../instructions/slashVerifier";
import { rpcMethod } from "./method";

export const slashVerifier = rpcMethod<SlashVerifierArgs>(ix, "admin");
