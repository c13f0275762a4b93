// Sweeps expired stakes. Per pool, one `settle_expired` instruction claims (when due) and settles
// as many stakes as a transaction holds (bytes, account locks, the 64-entry instruction trace;
// v0 + lookup tables when enabled). A failed seller booked by a rental owes its renter
// compensation, which the sweep refuses: such a stake goes alone, claim_rewards + settle_stake
// (with the rental and its buyer's tokens), the claim in the same group as its settlement.
import { AddressLookupTableAccount, PublicKey, TransactionInstruction } from "@solana/web3.js";
import { accounts, constants, instructions, pdas, quotes } from "@pinfi/sdk";
import type { Pool, Protocol, Stake } from "@pinfi/sdk";
import type { Crank, CrankContext } from "../context";
import { existing, Keyed, readStakes, readView, retried } from "../chain";
import { sendGroups } from "../groups";
import { splitIntoInstructions, tablePicker } from "../batch";
import type { Classified } from "../classify";

const ata = (owner: PublicKey, mint: PublicKey) =>
  PublicKey.findProgramAddressSync([owner.toBuffer(), constants.TOKEN_PROGRAM_ID.toBuffer(), mint.toBuffer()], constants.ASSOCIATED_TOKEN_PROGRAM_ID)[0];

interface Planned {
  stake: Keyed<Stake>;
  /** The sweep entry (settle_expired), or, for a stake owing a renter, its own instructions. */
  sweep?: instructions.SettleExpiredStake;
  instructions?: TransactionInstruction[];
  trace: number;
  accounts: PublicKey[];
}

/**
 * Instruction-trace entries at most (programs/pinfi): claim_rewards = itself + transfer + burn
 * + emit_cpi!; settle_stake = itself + one transfer or burn + emit_cpi! (zero amounts skip CPIs).
 */
export const TRACE = { claimRewards: 4, settleStake: 3, settleStakeWithRenter: 4, settleExpired: instructions.settleExpiredTrace } as const;

/** A failed seller stake that was booked by a rental: its settlement names the rental and the renter's tokens. */
export const needsRenter = (s: Stake) => s.kind === "seller" && s.failed && !s.bookedBy.equals(PublicKey.default);

/** The instructions settling one stake now, or why it cannot be settled yet. */
export function planSettlement(
  stake: Keyed<Stake>,
  pool: Pool,
  protocol: Protocol,
  ownerTokens: PublicKey,
  programId: PublicKey,
  renter?: { rental: PublicKey; buyerTokens: PublicKey },
): { instructions: TransactionInstruction[]; trace: number } | { waitingForEpoch: true } {
  const s = stake.account;
  const common = { pool: s.pool, stake: stake.address, ownerTokens, utilityMint: protocol.utilityMint, programId };
  const out: TransactionInstruction[] = [];
  if (quotes.settleNeedsClaim(s, protocol)) {
    const win = quotes.claimWindow(s, pool, protocol);
    if (!win || !win.complete) return { waitingForEpoch: true };
    out.push(instructions.claimRewards({ ...common, device: s.device, fromEpoch: win.fromEpoch, toEpoch: win.toEpoch }));
  }
  out.push(instructions.settleStake({ ...common, owner: s.owner, ...(renter ? { renter } : {}) }));
  return { instructions: out, trace: (renter ? TRACE.settleStakeWithRenter : TRACE.settleStake) + (out.length > 1 ? TRACE.claimRewards : 0) };
}

/** A stake's entry in a settle_expired sweep, or `null` while its last epoch is not closed. */
export function planSweep(stake: Keyed<Stake>, pool: Pool, protocol: Protocol, ownerTokens: PublicKey): instructions.SettleExpiredStake | null {
  try {
    return instructions.settleExpiredStake(stake, pool, protocol, ownerTokens);
  } catch (e) {
    if ((e as { errorName?: string }).errorName === "RewardsUnclaimed") return null;
    throw e;
  }
}

/** One settle_expired over planned stakes of one pool. */
function sweepInstruction(items: Planned[], utilityMint: PublicKey, programId: PublicKey): TransactionInstruction {
  return instructions.settleExpired({ pool: items[0].stake.account.pool, utilityMint, programId, stakes: items.map((p) => p.sweep!) });
}

/** Accounts a stake's settlement will name (for lookup tables), assuming every epoch it needs is closed. */
function settlementAccounts(stake: Keyed<Stake>, protocol: Protocol, ownerTokens: PublicKey, programId: PublicKey): PublicKey[] {
  const s = stake.account;
  const out = [s.device, stake.address, s.owner, ownerTokens, s.pool, pdas.vault(s.pool, programId)[0], pdas.protocol(programId)[0], protocol.utilityMint, constants.TOKEN_PROGRAM_ID, pdas.eventAuthority(programId)[0]];
  if (quotes.settleNeedsClaim(s, protocol)) {
    const win = quotes.claimWindow(s, { nextEpoch: 1n << 62n }, protocol);
    if (win) out.push(pdas.rewardsVault(programId)[0], pdas.poolEpoch(s.pool, win.fromEpoch, programId)[0], pdas.poolEpoch(s.pool, win.toEpoch, programId)[0]);
  }
  return out;
}

export class SettlementCrank implements Crank {
  readonly name = "settlements";

  async run(ctx: CrankContext): Promise<void> {
    const { cfg, connection, programId } = ctx;
    const view = await readView(connection, programId, cfg.commitment);
    const stakes = await readStakes(connection, programId, cfg.commitment);
    const pools = new Map(view.pools.map((p) => [p.address.toBase58(), p.account]));
    const mint = view.protocol.utilityMint;
    const byUrgency = (a: Keyed<Stake>, b: Keyed<Stake>) =>
      a.account.pool.toBase58().localeCompare(b.account.pool.toBase58()) || (a.account.end < b.account.end ? -1 : a.account.end > b.account.end ? 1 : 0) || a.address.toBase58().localeCompare(b.address.toBase58());
    const due = stakes.filter((s) => s.account.end <= view.now).sort(byUrgency);
    ctx.report.backlog += due.length;
    ctx.metrics.backlog.set(due.length);

    // The owners' token accounts: their associated account, or any account of theirs for the mint.
    const owners = [...new Map(due.map((s) => [s.account.owner.toBase58(), s.account.owner])).values()];
    const tokens = await this.ownerTokenAccounts(ctx, owners, mint);

    const renters = await this.renterAccounts(ctx, due.filter((s) => needsRenter(s.account)), mint, tokens);

    const planned: Planned[] = [];
    let waiting = 0;
    for (const s of due) {
      if (planned.length >= cfg.settlements.maxPerRun) break;
      const pool = pools.get(s.account.pool.toBase58());
      const ownerTokens = tokens.get(s.account.owner.toBase58());
      if (!pool) continue;
      if (!ownerTokens) {
        ctx.log.warn({ stake: s.address.toBase58(), owner: s.account.owner.toBase58() }, "owner has no token account of the utility mint: cannot settle");
        ctx.metrics.failures.inc({ error: "NoOwnerTokenAccount", crank: "settle" });
        continue;
      }
      const accounts = settlementAccounts(s, view.protocol, ownerTokens, programId);
      if (needsRenter(s.account)) {
        const plan = planSettlement(s, pool, view.protocol, ownerTokens, programId, renters.get(s.address.toBase58()));
        if ("waitingForEpoch" in plan) waiting++;
        else planned.push({ stake: s, instructions: plan.instructions, trace: plan.trace, accounts });
        continue;
      }
      const sweep = planSweep(s, pool, view.protocol, ownerTokens);
      if (!sweep) waiting++;
      else planned.push({ stake: s, sweep, trace: 2, accounts });
    }
    ctx.report.waitingForEpoch += waiting;
    ctx.metrics.waitingForEpoch.set(waiting);

    // Lookup tables: those due now, and those ending soon so their table is warm by then.
    let lookupTables = undefined;
    if (ctx.tables && cfg.settlements.lookupTables === "auto" && !cfg.dryRun) {
      const soon = stakes.filter((s) => s.account.end > view.now && s.account.end <= view.now + BigInt(cfg.settlements.lookaheadSecs)).sort(byUrgency);
      const soonTokens = await this.ownerTokenAccounts(ctx, [...new Map(soon.map((s) => [s.account.owner.toBase58(), s.account.owner])).values()], mint);
      const upcoming = soon.flatMap((s) => {
        const t = soonTokens.get(s.account.owner.toBase58());
        return t ? settlementAccounts(s, view.protocol, t, programId) : [];
      });
      const needed = planned.flatMap((p) => p.accounts);
      if (!(await ctx.tables.ensure([...needed, ...upcoming]))) ctx.log.warn("lookup tables could not be extended; packing without the missing ones");
      if (planned.length) lookupTables = await ctx.tables.usable(needed, cfg.settlements.tableWarmupMs);
    }
    if (!planned.length) {
      await this.retireTables(ctx, stakes, new Set(), view.protocol, tokens);
      return;
    }

    const byKey = new Map(planned.map((p) => [p.stake.address.toBase58(), p]));
    const settledNow = new Set<string>();
    const hooks = this.hooks(ctx, byKey, settledNow);
    const price = await ctx.sender.priorityFee(planned[0].sweep ? [sweepInstruction(planned.slice(0, 1), view.protocol.utilityMint, programId)] : planned[0].instructions!);

    // Sweeps: per pool, in expiry order, as many stakes per settle_expired as a transaction holds.
    const sweeps = planned.filter((p) => p.sweep);
    const tablesFor = tablePicker(lookupTables);
    const byPool = new Map<string, Planned[]>();
    for (const p of sweeps) byPool.set(p.stake.account.pool.toBase58(), [...(byPool.get(p.stake.account.pool.toBase58()) ?? []), p]);
    for (const group of byPool.values()) {
      if (ctx.signal.aborted) break;
      const build = (items: string[]) => sweepInstruction(items.map((i) => byKey.get(i)!), view.protocol.utilityMint, programId);
      const batches = splitIntoInstructions(group.map((p) => p.stake.address.toBase58()), build, {
        payer: ctx.payer.publicKey,
        lookupTables,
        prefix: ctx.sender.budgetPrefix(price),
        maxAccountLocks: cfg.settlements.maxAccountLocks,
        maxItems: cfg.settlements.maxPerTx,
        traceOf: instructions.settleExpiredTrace,
        tablesFor,
      });
      for (const b of batches) {
        if (ctx.signal.aborted) break;
        await this.sendSweep(ctx, b.items, build, price, tablesFor ? (ixs) => tablesFor(ixs) : () => lookupTables, hooks);
      }
    }

    // Stakes owing a renter: claim_rewards + settle_stake(renter) groups, packed like with like.
    const singles = planned.filter((p) => p.instructions).sort((a, b) => a.trace - b.trace || byUrgency(a.stake, b.stake));
    await sendGroups(ctx, "settle", "settle", singles.map((p) => ({ item: p.stake.address.toBase58(), instructions: p.instructions!, trace: p.trace })), {
      price,
      lookupTables,
      maxGroups: cfg.settlements.maxPerTx,
      before: hooks.before,
      landed: hooks.landed,
      simulated: () => undefined,
      failed: hooks.failed,
    });
    await this.retireTables(ctx, stakes, settledNow, view.protocol, tokens);
  }

  private hooks(ctx: CrankContext, byKey: Map<string, Planned>, settledNow: Set<string>) {
    const { connection, programId, cfg } = ctx;
    return {
      /** Settled meanwhile (a racing keeper, or our own landed-but-unconfirmed send): done, not resent. */
      before: async (items: string[]) => {
        const alive = await existing(connection, items.map((i) => byKey.get(i)!.stake.address), programId, cfg.commitment);
        for (const i of items.filter((i) => !alive.has(i))) {
          if (settledNow.has(i)) continue;
          this.done(ctx, i, "other");
          settledNow.add(i);
        }
        return items.filter((i) => alive.has(i));
      },
      landed: (items: string[], signature: string) => {
        ctx.report.settled += items.length;
        ctx.report.settlementsPerTx.push(items.length);
        ctx.metrics.batchSize.set(items.length);
        for (const i of items) {
          this.done(ctx, i, "self");
          settledNow.add(i);
        }
        ctx.log.debug({ signature, stakes: items }, "settled");
      },
      failed: (item: string, f: Classified) => {
        if (f.class === "done") {
          if (!settledNow.has(item)) this.done(ctx, item, "other");
          settledNow.add(item);
        } else if (f.class !== "notDue") ctx.report.failures++;
        ctx.log.info({ stake: item, error: f.name, errorClass: f.class }, "stake not settled this run");
      },
    };
  }

  /**
   * One settle_expired transaction over `items`. A failure names the instruction, not the stake:
   * stakes found closed meanwhile are dropped (done) and the rest resent; otherwise the run is
   * halved until the failing stake stands alone, and only it is reported (never the others).
   */
  private async sendSweep(
    ctx: CrankContext,
    items: string[],
    build: (items: string[]) => TransactionInstruction,
    price: bigint,
    tablesFor: (instructions: TransactionInstruction[]) => AddressLookupTableAccount[] | undefined,
    hooks: ReturnType<SettlementCrank["hooks"]>,
    checked = false,
  ): Promise<void> {
    if (!checked) items = await hooks.before(items);
    if (!items.length || ctx.signal.aborted) return;
    const ix = build(items);
    const out = await ctx.sender.send("settle", "settle_expired", [ix], { price, lookupTables: tablesFor([ix]), fields: { groups: items.length } });
    if (out.status === "landed") {
      ctx.report.transactions++;
      hooks.landed(items, out.signature);
      return;
    }
    if (out.status === "simulated") {
      ctx.report.simulated++;
      return;
    }
    const { failure } = out;
    const inProgram = (failure.error as { instructionIndex?: number }).instructionIndex !== undefined;
    if (!inProgram || failure.class === "retry") {
      // Not the stakes' doing (transport, fee payer, ...): all wait for a later run.
      for (const i of items) hooks.failed(i, failure);
      return;
    }
    const alive = await hooks.before(items);
    if (alive.length < items.length) return this.sendSweep(ctx, alive, build, price, tablesFor, hooks, true);
    // The stake is still there: whatever failed (a missing pool epoch, say) is not "already done".
    if (items.length === 1) return hooks.failed(items[0], failure.class === "done" ? { ...failure, class: "stale" } : failure);
    const half = Math.ceil(items.length / 2);
    ctx.log.info({ groups: items.length, error: failure.name }, "settle_expired failed: bisecting the batch");
    await this.sendSweep(ctx, items.slice(0, half), build, price, tablesFor, hooks, true);
    await this.sendSweep(ctx, items.slice(half), build, price, tablesFor, hooks, true);
  }

  /** Lookup tables no unsettled stake needs any more are deactivated, and closed (rent back) when allowed. */
  private async retireTables(ctx: CrankContext, stakes: Keyed<Stake>[], settled: Set<string>, protocol: Protocol, tokens: Map<string, PublicKey>) {
    if (!ctx.tables || ctx.cfg.dryRun) return;
    // Only per-stake accounts keep a table alive; shared ones (protocol, pool, mint, …) are re-appended when needed.
    const live = new Set<string>();
    for (const s of stakes) {
      if (settled.has(s.address.toBase58())) continue;
      const t = tokens.get(s.account.owner.toBase58());
      for (const a of [s.address, s.account.device, s.account.owner, ...(t ? [t] : [])]) live.add(a.toBase58());
    }
    try {
      const retired = await ctx.tables.retire(live);
      const closed = await ctx.tables.reclaim();
      if (retired || closed) ctx.log.info({ deactivated: retired, closed, pendingClose: ctx.tables.pendingClose }, "lookup tables retired");
    } catch (e) {
      ctx.log.warn({ err: String(e) }, "lookup table clean-up failed; retried next run");
    }
  }

  private done(ctx: CrankContext, _stake: string, by: "self" | "other") {
    if (by === "other") ctx.report.alreadyDone++;
    ctx.metrics.done.inc({ crank: "settle", by });
  }

  /**
   * The booking rental and its buyer's token account for each failed, booked seller stake. A
   * rental closed since needs no compensation; the program then only checks the rental key, so
   * the owner's token account stands in for the renter's.
   */
  private async renterAccounts(ctx: CrankContext, stakes: Keyed<Stake>[], mint: PublicKey, ownerTokens: Map<string, PublicKey>) {
    const out = new Map<string, { rental: PublicKey; buyerTokens: PublicKey }>();
    if (!stakes.length) return out;
    const rentals = stakes.map((s) => s.account.bookedBy);
    const infos: (import("@solana/web3.js").AccountInfo<Buffer> | null)[] = [];
    for (let i = 0; i < rentals.length; i += 100) infos.push(...(await retried(() => ctx.connection.getMultipleAccountsInfo(rentals.slice(i, i + 100), ctx.cfg.commitment))));
    const buyers = new Map<string, PublicKey>();
    infos.forEach((info, i) => {
      if (info && info.owner.equals(ctx.programId) && info.data.length > 0) buyers.set(stakes[i].address.toBase58(), accounts.decodeRental(info.data).buyer);
    });
    const buyerTokens = await this.ownerTokenAccounts(ctx, [...new Map([...buyers.values()].map((b) => [b.toBase58(), b])).values()], mint);
    for (const [i, s] of stakes.entries()) {
      const buyer = buyers.get(s.address.toBase58());
      const tokens = buyer ? buyerTokens.get(buyer.toBase58()) : ownerTokens.get(s.account.owner.toBase58());
      if (tokens) out.set(s.address.toBase58(), { rental: rentals[i], buyerTokens: tokens });
    }
    return out;
  }

  private async ownerTokenAccounts(ctx: CrankContext, owners: PublicKey[], mint: PublicKey): Promise<Map<string, PublicKey>> {
    const out = new Map<string, PublicKey>();
    const atas = owners.map((o) => ata(o, mint));
    for (let i = 0; i < atas.length; i += 100) {
      const infos = await retried(() => ctx.connection.getMultipleAccountsInfo(atas.slice(i, i + 100), ctx.cfg.commitment));
      infos.forEach((info, j) => {
        if (info && info.owner.equals(constants.TOKEN_PROGRAM_ID)) out.set(owners[i + j].toBase58(), atas[i + j]);
      });
    }
    for (const o of owners.filter((o) => !out.has(o.toBase58()))) {
      const found = await retried(() => ctx.connection.getTokenAccountsByOwner(o, { mint }, ctx.cfg.commitment)).catch(() => null);
      if (found?.value.length) out.set(o.toBase58(), found.value[0].pubkey);
    }
    return out;
  }
}
