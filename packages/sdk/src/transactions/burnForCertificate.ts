import { burnForCertificate as ix, BurnForCertificateArgs } from "../instructions/burnForCertificate";
import { forInstruction } from "./forInstruction";

export const burnForCertificate = forInstruction<BurnForCertificateArgs>(ix, "owner");
