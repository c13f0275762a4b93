// Closes every epoch whose end has passed, in order (close_epoch), then each pool's part of it
// (close_pool_epoch, all pools of one epoch packed together). Each crank names its index, so a
// repeat or a racing keeper is refused on chain (WrongEpoch / the PDA exists): counted as done.
import { instructions, quotes } from "@pinfi/sdk";
import type { Crank, CrankContext } from "../context";
import { readView } from "../chain";
import { sendGroups } from "../groups";

export class EpochCrank implements Crank {
  readonly name = "epochs";

  async run(ctx: CrankContext): Promise<void> {
    const { cfg, connection, programId } = ctx;
    let view = await readView(connection, programId, cfg.commitment);
    const schedule = quotes.emissionSchedule(view.protocol);
    if (!schedule) {
      ctx.metrics.epochLag.set({ scope: "protocol" }, 0);
      return;
    }
    const due = (index: bigint) => schedule.epochStart(index + 1n) <= view.now;
    // Epochs: strictly in order, one transaction each (each mints).
    let next = view.protocol.nextEpoch;
    const lagOf = (from: bigint) => {
      let n = 0;
      for (let i = from; due(i) && n < 1_000_000; i++) n++;
      return n;
    };
    ctx.metrics.epochLag.set({ scope: "protocol" }, lagOf(next));
    const { foundation, team } = view.protocol.emission;
    for (let sent = 0; sent < cfg.epochs.maxPerRun && due(next) && !ctx.signal.aborted; sent++) {
      const ix = instructions.closeEpoch({ cranker: ctx.payer.publicKey, index: next, utilityMint: view.protocol.utilityMint, foundation, team, programId });
      const out = await ctx.sender.send("closeEpoch", `close_epoch(${next})`, [ix], { price: await ctx.sender.priorityFee([ix]), fields: { epoch: String(next) } });
      if (out.status === "landed") {
        ctx.report.transactions++;
        ctx.report.epochsClosed++;
        ctx.metrics.done.inc({ crank: "closeEpoch", by: "self" });
      } else if (out.status === "simulated") {
        ctx.report.simulated++;
        break; // a dry run cannot go past what is really closed
      } else if (out.failure.class === "done") {
        ctx.report.alreadyDone++;
        ctx.metrics.done.inc({ crank: "closeEpoch", by: "other" });
        // Someone closed it: re-read where the protocol is.
        view = await readView(connection, programId, cfg.commitment);
        next = view.protocol.nextEpoch;
        continue;
      } else {
        if (out.failure.class !== "notDue") ctx.report.failures++;
        break;
      }
      next++;
    }
    ctx.metrics.epochLag.set({ scope: "protocol" }, lagOf(next));

    // Pool epochs: every pool up to the last closed epoch, one epoch index at a time.
    view = await readView(connection, programId, cfg.commitment);
    const closedUpTo = view.protocol.nextEpoch; // exclusive
    let worst = 0n;
    for (const p of view.pools) worst = closedUpTo - p.account.nextEpoch > worst ? closedUpTo - p.account.nextEpoch : worst;
    ctx.metrics.epochLag.set({ scope: "pools" }, Number(worst));
    const lowest = view.pools.reduce((m, p) => (p.account.nextEpoch < m ? p.account.nextEpoch : m), closedUpTo);
    for (let index = lowest; index < closedUpTo && !ctx.signal.aborted; index++) {
      const pools = view.pools.filter((p) => p.account.nextEpoch <= index);
      // A pool behind by several epochs closes them in order: only its next one now.
      const ready = pools.filter((p) => p.account.nextEpoch === index);
      if (!ready.length) continue;
      const groups = ready.map((p) => ({
        item: p.address.toBase58(),
        instructions: [instructions.closePoolEpoch({ cranker: ctx.payer.publicKey, pool: p.address, index, utilityMint: view.protocol.utilityMint, programId })],
        trace: 4, // itself, create account (system), burn, emit_cpi!
      }));
      const price = await ctx.sender.priorityFee(groups.flatMap((g) => g.instructions));
      const advanced = new Set<string>();
      await sendGroups(ctx, "closePoolEpoch", `close_pool_epoch(${index})`, groups, {
        price,
        landed: (items) => {
          items.forEach((i) => advanced.add(i));
          ctx.report.poolEpochsClosed += items.length;
          ctx.metrics.done.inc({ crank: "closePoolEpoch", by: "self" }, items.length);
        },
        failed: (_item, f) => {
          if (f.class === "done") {
            advanced.add(_item);
            ctx.report.alreadyDone++;
            ctx.metrics.done.inc({ crank: "closePoolEpoch", by: "other" });
          } else if (f.class !== "notDue") ctx.report.failures++;
        },
      });
      if (ctx.cfg.dryRun) break;
      for (const p of ready) if (advanced.has(p.address.toBase58())) p.account.nextEpoch = index + 1n;
    }
  }
}
