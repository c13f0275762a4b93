import { PublicKey } from "@solana/web3.js";
import { TOKEN_PROGRAM_ID } from "../constants";
import { protocol, vault } from "../pdas";
import { build, meta, ProgramOption } from "./common";

/**
 * Permissionless once a rental has waited longer than `protocol.rentalPlacementSecs`: the buyer
 * gets the purchase value of what is left back, bookings are released, the account closes.
 */
export interface RefundRentalArgs extends ProgramOption {
  pool: PublicKey;
  rental: PublicKey;
  /** The rental's buyer: receives its rent. */
  buyer: PublicKey;
  buyerTokens: PublicKey;
  /** The rental's `assigned` stakes, its first `assignedCount`, in order (remaining accounts). */
  assigned: PublicKey[];
}

export function refundRental(a: RefundRentalArgs) {
  const ix = build(
    "refund_rental",
    {},
    [
      meta(protocol(a.programId)[0]),
      meta(a.pool, "w"),
      meta(a.rental, "w"),
      meta(a.buyer, "w"),
      meta(a.buyerTokens, "w"),
      meta(vault(a.pool, a.programId)[0], "w"),
      meta(TOKEN_PROGRAM_ID),
    ],
    a.programId,
  );
  ix.keys.push(...a.assigned.map((k) => meta(k, "w")));
  return ix;
}
