// Reads back every PinFi transaction of the demo and sums what its events say was burned and
// minted, per pool: the books the conservation check compares with the token supply. Whoever
// sent the transaction (the demo, the keeper library, a verifier) does not matter.
import { Connection, PublicKey } from "@solana/web3.js";
import { events } from "../sdk";

export interface Ledger {
  transactions: number;
  /** Burned per pool address (base58), and "" for protocol-level burns (verifier slashes). */
  burned: Map<string, { certificates: bigint; fees: bigint; settlements: bigint; rewards: bigint; slashes: bigint }>;
  /** Minted by closed epochs (emission). */
  emitted: bigint;
  /** Stakes marked failed by verdicts, and verdicts by outcome. */
  failedStakes: string[];
  verdicts: Record<string, number>;
  rewardsPaid: bigint;
  epochsClosed: number;
  /** What settling failed stakes burned (their escrow and collateral): the miners' slash. */
  minerSlashes: { stake: string; burned: bigint }[];
}

export async function readLedger(connection: Connection, programId: PublicKey): Promise<Ledger> {
  const sigs: string[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await connection.getSignaturesForAddress(programId, { before, limit: 1000 });
    sigs.push(...page.filter((s) => !s.err).map((s) => s.signature));
    if (page.length < 1000) break;
    before = page[page.length - 1].signature;
  }
  const l: Ledger = { transactions: sigs.length, burned: new Map(), emitted: 0n, failedStakes: [], verdicts: {}, rewardsPaid: 0n, epochsClosed: 0, minerSlashes: [] };
  const book = (pool: unknown) => {
    const k = pool instanceof PublicKey ? pool.toBase58() : "";
    if (!l.burned.has(k)) l.burned.set(k, { certificates: 0n, fees: 0n, settlements: 0n, rewards: 0n, slashes: 0n });
    return l.burned.get(k)!;
  };
  for (const sig of sigs) {
    const tx = await connection.getTransaction(sig, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
    const evs = events.eventsFromTransaction(tx, programId);
    // Settlements, one per stake, whether a stake settled alone or in a `settle_expired` sweep.
    for (const s of events.settlementsOf(evs)) {
      book(s.pool).settlements += s.burned;
      book(s.pool).rewards += s.rewardsBurned;
      l.rewardsPaid += s.rewardsPaid;
      if (s.failed) l.minerSlashes.push({ stake: s.stake.toBase58(), burned: s.burned });
    }
    for (const e of evs) {
      const d = e.data as Record<string, unknown>;
      switch (e.name) {
        case "CertificateBurned": book(d.pool).certificates += d.burned as bigint; break;
        case "HoursBought": case "HoursSold": case "RentalTerminated": book(d.pool).fees += d.feeBurned as bigint; break;
        case "RewardsClaimed": book(d.pool).rewards += d.burned as bigint; l.rewardsPaid += d.paid as bigint; break;
        case "PoolEpochClosed": book(d.pool).rewards += d.burned as bigint; break;
        case "VerifierSlashed": book(null).slashes += d.burned as bigint; break;
        case "EpochClosed": l.emitted += d.minted as bigint; l.epochsClosed++; break;
        case "VerdictPosted":
          l.verdicts[String(d.outcome)] = (l.verdicts[String(d.outcome)] ?? 0) + 1;
          if (d.stakeFailed) l.failedStakes.push((d.stake as PublicKey).toBase58());
          break;
      }
    }
  }
  return l;
}

export const totalBurned = (b: { certificates: bigint; fees: bigint; settlements: bigint; rewards: bigint; slashes: bigint }) =>
  b.certificates + b.fees + b.settlements + b.rewards + b.slashes;
