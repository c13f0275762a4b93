import { setVerifierEndpoint as ix, SetVerifierEndpointArgs } from "../instructions/setVerifierEndpoint";
import { forInstruction } from "./forInstruction";

export const setVerifierEndpoint = forInstruction<SetVerifierEndpointArgs>(ix, "authority");
