// Sends packed batches of independent groups; when a batch fails at one instruction, that group
// is classified on its own (done by someone else, not due, stale, failed) and the rest is resent,
// so one settled-meanwhile stake never blocks nineteen others.
import type { AddressLookupTableAccount } from "@solana/web3.js";
import { Batch, Group, pack, PackOptions } from "./batch";
import type { Classified, CrankKind } from "./classify";
import type { CrankContext } from "./context";

export interface GroupCallbacks<T> {
  /** The groups landed together in `signature`. */
  landed(items: T[], signature: string): void;
  /** A group failed on its own (class decides what it means). */
  failed(item: T, failure: Classified): void;
  /** Dry run: the batch was simulated. */
  simulated?(items: T[], ok: boolean): void;
}

export async function sendGroups<T>(
  ctx: CrankContext,
  kind: "closePoolEpoch" | "settle" | CrankKind,
  label: string,
  groups: Group<T>[],
  o: { price: bigint; lookupTables?: AddressLookupTableAccount[]; maxGroups?: number; maxTrace?: number; before?: (items: T[]) => Promise<T[]> } & GroupCallbacks<T>,
): Promise<void> {
  if (!groups.length) return;
  const prefix = ctx.sender.budgetPrefix(o.price);
  const packOpts: PackOptions = { payer: ctx.payer.publicKey, lookupTables: o.lookupTables, prefix, maxAccountLocks: ctx.cfg.settlements.maxAccountLocks, maxGroups: o.maxGroups, maxTrace: o.maxTrace };
  const batches: Batch<T>[] = pack(groups, packOpts);
  const byItem = new Map(groups.map((g) => [g.item, g]));
  for (const batch of batches) {
    if (ctx.signal.aborted) return;
    let items = o.before ? await o.before(batch.items) : batch.items;
    for (let round = 0; items.length && round < 2 * batch.items.length; round++) {
      const instructions = items.flatMap((i) => byItem.get(i)!.instructions);
      const out = await ctx.sender.send(kind as CrankKind, label, instructions, { price: o.price, lookupTables: o.lookupTables, fields: { groups: items.length } });
      if (out.status === "landed") {
        ctx.report.transactions++;
        o.landed(items, out.signature);
        break;
      }
      if (out.status === "simulated") {
        ctx.report.simulated++;
        o.simulated?.(items, out.ok);
        break;
      }
      const { failure } = out;
      const index = (failure.error as { instructionIndex?: number }).instructionIndex;
      const culprit = index === undefined ? undefined : groupAt(items, index - prefixLength(ctx, o.price), byItem);
      if (culprit === undefined) {
        // Not attributable to one group (transport, fee payer, ...): every group waits for a later run.
        if (items.length === 1 || failure.class === "retry" || failure.class === "fatal") {
          for (const i of items) o.failed(i, failure);
          break;
        }
        // Split and try one by one to find out.
        for (const i of items) await sendGroups(ctx, kind, label, [byItem.get(i)!], { ...o, maxGroups: 1 });
        break;
      }
      if (failure.name === "MaxInstructionTraceLengthExceeded") {
        // More CPIs than estimated: the groups before the one that overflowed fit; resend in
        // chunks of that many (never silently dropped).
        const fit = items.indexOf(culprit);
        if (fit < 1) {
          o.failed(culprit, failure);
          items = items.filter((i) => i !== culprit);
          continue;
        }
        ctx.log.warn({ groups: items.length, fit }, "instruction trace overflow: splitting the batch");
        for (let k = 0; k < items.length; k += fit) {
          await sendGroups(ctx, kind, label, items.slice(k, k + fit).map((i) => byItem.get(i)!), { ...o, maxGroups: fit });
        }
        break;
      }
      o.failed(culprit, failure);
      items = items.filter((i) => i !== culprit);
      // One done by someone else: others of the batch likely are too (a racing keeper); re-check them all.
      if (failure.class === "done" && o.before) items = await o.before(items);
    }
  }
}

function prefixLength(ctx: CrankContext, price: bigint): number {
  return (ctx.cfg.fees.computeUnitLimit === "none" ? 0 : 1) + (price > 0n ? 1 : 0);
}

function groupAt<T>(items: T[], index: number, byItem: Map<T, Group<T>>): T | undefined {
  let at = 0;
  for (const i of items) {
    const n = byItem.get(i)!.instructions.length;
    if (index >= at && index < at + n) return i;
    at += n;
  }
  return undefined;
}
