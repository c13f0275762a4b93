import { configureEmission as ix, ConfigureEmissionArgs } from "../instructions/configureEmission";
import { forInstruction } from "./forInstruction";

export const configureEmission = forInstruction<ConfigureEmissionArgs>(ix, "admin");
