import { PublicKey } from "@solana/web3.js";
import { SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID } from "../constants";
import { certificate, protocol } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

export interface BurnForCertificateArgs extends ProgramOption {
  owner: PublicKey;
  pool: PublicKey;
  utilityMint: PublicKey;
  ownerTokens: PublicKey;
  /** Any u64 the owner has not used for this pool: part of the certificate's PDA. */
  nonce: Int;
  gpuSeconds: Int;
}

export function burnForCertificate(a: BurnForCertificateArgs) {
  return build(
    "burn_for_certificate",
    { nonce: a.nonce, gpuSeconds: a.gpuSeconds },
    [
      meta(a.owner, "ws"),
      meta(protocol(a.programId)[0]),
      meta(a.pool, "w"),
      meta(a.utilityMint, "w"),
      meta(a.ownerTokens, "w"),
      meta(certificate(a.owner, a.pool, a.nonce, a.programId)[0], "w"),
      meta(TOKEN_PROGRAM_ID),
      meta(SYSTEM_PROGRAM_ID),
    ],
    a.programId,
  );
}
