import { configureEmission as ix, ConfigureEmissionArgs } from "../instructions/configureEmission";
import { rpcMethod } from "./method";

export const configureEmission = rpcMethod<ConfigureEmissionArgs>(ix, "admin");
