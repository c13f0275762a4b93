import { burnForCertificate as ix, BurnForCertificateArgs } from "../instructions/burnForCertificate";
import { rpcMethod } from "./method";

export const burnForCertificate = rpcMethod<BurnForCertificateArgs>(ix, "owner");
