// Rental placement and refunds (instructions/crank/{assign_rental,refund_rental}.rs):
// - assign: a waiting rental is bound to stakes that can serve it — same pool, pooled hours,
//   started, not failed, alive for the whole rental window, not booked by another rental —
//   earliest expiry first (the program re-checks each and skips the unusable; a call that books
//   none fails `NoEligibleStake`: our view was stale);
// - refund: a rental still waiting `protocol.rentalPlacementSecs` after it began waiting is
//   refunded at its purchase value and its partial bookings released (`PlacementWindowOpen`
//   before that: not due).
// One rental per transaction (each names up to 8 + slack stakes); the rental's status makes a
// repeat a no-op refusal (`RentalNotWaiting`, or the closed account): counted as done.
import { PublicKey } from "@solana/web3.js";
import { constants, gpa, instructions } from "@pinfi/sdk";
import type { Rental, Stake } from "@pinfi/sdk";
import type { Crank, CrankContext } from "../context";
import { Keyed, readStakes, readView, retried } from "../chain";

/** Candidates passed beyond the devices still needed, in case some got booked meanwhile. */
export const CANDIDATE_SLACK = 4;

/** `can_serve` of programs/pinfi/src/manager/rentals.rs. */
export function canServe(stakeKey: PublicKey, stake: Stake, rentalKey: PublicKey, rental: Rental, now: bigint): boolean {
  const already = rental.assigned.slice(0, rental.assignedCount).some((k) => k.equals(stakeKey));
  return (
    stake.pool.equals(rental.pool) &&
    !stake.failed &&
    stake.hoursPooled > 0n &&
    stake.start <= now &&
    stake.end >= rental.end &&
    (stake.bookedUntil <= now || stake.bookedBy.equals(rentalKey)) &&
    !already
  );
}

/** Stakes to offer a waiting rental, earliest expiry first. */
export function candidatesFor(rental: Keyed<Rental>, stakes: Keyed<Stake>[], now: bigint, slack = CANDIDATE_SLACK): PublicKey[] {
  const need = rental.account.devices - rental.account.assignedCount;
  return stakes
    .filter((s) => canServe(s.address, s.account, rental.address, rental.account, now))
    .sort((a, b) => (a.account.end < b.account.end ? -1 : a.account.end > b.account.end ? 1 : a.address.toBase58().localeCompare(b.address.toBase58())))
    .slice(0, Math.max(0, need) + slack)
    .map((s) => s.address);
}

export class RentalCrank implements Crank {
  readonly name = "rentals";

  async run(ctx: CrankContext): Promise<void> {
    const { cfg, connection, programId } = ctx;
    const view = await readView(connection, programId, cfg.commitment);
    const waiting = (
      await retried(() => gpa.findAccounts<Rental>(connection, "Rental", [gpa.enumFilter("Rental", "status", "waiting")], { programId, commitment: cfg.commitment }))
    ).sort((a, b) => (a.account.waitingSince < b.account.waitingSince ? -1 : a.account.waitingSince > b.account.waitingSince ? 1 : 0));
    ctx.metrics.rentalsWaiting.set(waiting.length);
    ctx.report.rentalsWaiting += waiting.length;
    if (!waiting.length) return;
    const stakes = await readStakes(connection, programId, cfg.commitment);
    const window = BigInt(view.protocol.rentalPlacementSecs);
    for (const r of waiting) {
      if (ctx.signal.aborted) return;
      const rental = r.account;
      if (view.now >= rental.waitingSince + window) {
        await this.refund(ctx, r, view.protocol.utilityMint);
        continue;
      }
      if (view.now >= rental.end) continue; // ended unplaced: refundable once the window passes
      const candidates = candidatesFor(r, stakes, view.now);
      if (!candidates.length) continue; // nothing can serve it now; refunded after the window
      const ix = instructions.assignRental({ pool: rental.pool, rental: r.address, candidates, programId });
      const out = await ctx.sender.send("rental", "assign_rental", [ix], { price: await ctx.sender.priorityFee([ix]), fields: { rental: r.address.toBase58(), candidates: candidates.length } });
      if (out.status === "landed") {
        ctx.report.transactions++;
        ctx.report.rentalsAssigned++;
        ctx.metrics.done.inc({ crank: "assignRental", by: "self" });
        // Book locally what the program will have booked (earliest first), so the next rental of this run skips them.
        let free = rental.devices - rental.assignedCount;
        for (const k of candidates) {
          if (free <= 0) break;
          const s = stakes.find((x) => x.address.equals(k))!;
          if (canServe(s.address, s.account, r.address, rental, view.now)) {
            s.account.bookedUntil = rental.end;
            s.account.bookedBy = r.address;
            free--;
          }
        }
      } else if (out.status === "simulated") ctx.report.simulated++;
      else if (out.failure.class === "done") {
        ctx.report.alreadyDone++;
        ctx.metrics.done.inc({ crank: "assignRental", by: "other" });
      } else if (out.failure.class === "fatal" || out.failure.class === "retry") ctx.report.failures++;
    }
  }

  private async refund(ctx: CrankContext, r: Keyed<Rental>, mint: PublicKey) {
    const { connection, cfg, programId } = ctx;
    const rental = r.account;
    let buyerTokens = PublicKey.findProgramAddressSync([rental.buyer.toBuffer(), constants.TOKEN_PROGRAM_ID.toBuffer(), mint.toBuffer()], constants.ASSOCIATED_TOKEN_PROGRAM_ID)[0];
    if (!(await retried(() => connection.getAccountInfo(buyerTokens, cfg.commitment)))) {
      const found = await retried(() => connection.getTokenAccountsByOwner(rental.buyer, { mint }, cfg.commitment));
      if (!found.value.length) {
        ctx.log.warn({ rental: r.address.toBase58() }, "buyer has no token account of the utility mint: cannot refund");
        ctx.metrics.failures.inc({ error: "NoBuyerTokenAccount", crank: "rental" });
        return;
      }
      buyerTokens = found.value[0].pubkey;
    }
    const ix = instructions.refundRental({ pool: rental.pool, rental: r.address, buyer: rental.buyer, buyerTokens, assigned: rental.assigned.slice(0, rental.assignedCount), programId });
    const out = await ctx.sender.send("rental", "refund_rental", [ix], { price: await ctx.sender.priorityFee([ix]), fields: { rental: r.address.toBase58() } });
    if (out.status === "landed") {
      ctx.report.transactions++;
      ctx.report.rentalsRefunded++;
      ctx.metrics.done.inc({ crank: "refundRental", by: "self" });
    } else if (out.status === "simulated") ctx.report.simulated++;
    else if (out.failure.class === "done") {
      ctx.report.alreadyDone++;
      ctx.metrics.done.inc({ crank: "refundRental", by: "other" });
    } else if (out.failure.class === "fatal" || out.failure.class === "retry") ctx.report.failures++;
  }
}
