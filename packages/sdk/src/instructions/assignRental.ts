import { PublicKey } from "@solana/web3.js";
import { build, meta, ProgramOption } from "./common";

/**
 * Permissionless: binds a waiting rental to devices. `candidates` are stakes (passed writable as
 * remaining accounts), earliest expiry first; unusable ones are skipped on chain, and a call that
 * books none fails with `NoEligibleStake` (the caller's view is stale).
 */
export interface AssignRentalArgs extends ProgramOption {
  pool: PublicKey;
  rental: PublicKey;
  candidates: PublicKey[];
}

export function assignRental(a: AssignRentalArgs) {
  const ix = build("assign_rental", {}, [meta(a.pool, "w"), meta(a.rental, "w")], a.programId);
  ix.keys.push(...a.candidates.map((k) => meta(k, "w")));
  return ix;
}
