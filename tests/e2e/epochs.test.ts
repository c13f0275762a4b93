// Epochs and block rewards on the localnet through the SDK only: emission minted per epoch as the
// schedule says, pools' shares by weight, claims whose `paid` / `burned` the SDK predicts to the
// base unit before sending (PoT, PoL and PoW multipliers included), settlement that waits for the
// claim (claim + settle in one transaction), and every base unit of the emission accounted for.
import { expect } from "chai";
import { Keypair, PublicKey } from "@solana/web3.js";
import { createAssociatedTokenAccount, transfer } from "@solana/spl-token";
import { accounts, errors, EventSequencer, instructions, pdas, PinfiClient, quotes, rpc } from "@pinfi/sdk";
import type { EventOf, Pool, Protocol } from "@pinfi/sdk";
import { alignUp, HOUR, POOL_PARAMS, User, World } from "./world";
import { programError, rejects } from "./expect";


describe("epochs and block rewards through the SDK", function () {
  this.timeout(300_000);
  let w: World;
  let h100: PublicKey, a100: PublicKey;
  let t0: bigint, G: bigint;
  let lp: User, seller: User, miner: User;
  let foundation: PublicKey, team: PublicKey;
  const seq = new EventSequencer({ fromStart: true });
  const track = (r: { events: Parameters<EventSequencer["observe"]>[0][] }) => r.events.forEach((e) => seq.observe(e));
  /** Every epoch close's expected split, by index. */
  const closed: ReturnType<typeof quotes.quoteCloseEpoch>[] = [];
  const stakes: Record<string, { stake: PublicKey; device: PublicKey; owner: User; pool: PublicKey }> = {};
  const stakeNew = async (owner: User, pl: PublicKey, kind: "lp" | "seller", end: bigint) => {
    const s = await w.stakeNewDevice(owner, pl, kind, end);
    track(s);
    return { stake: s.stake, device: s.device, owner, pool: pl };
  };

  const protocol = async () => (await accounts.fetchProtocolSingleton(w.connection))!;
  const pool = async (p: PublicKey) => (await accounts.fetchPool(w.connection, p))!;
  const event = <N extends "RewardsClaimed" | "EpochClosed" | "PoolEpochClosed">(r: { events: { name: string; data: unknown }[] }, name: N) =>
    r.events.find((e) => e.name === name)!.data as EventOf<N>;

  async function closeEpoch(index: bigint) {
    const p = await protocol();
    const q = quotes.quoteCloseEpoch(p, index);
    const [supply, f, t, v] = [await w.supply(), await w.balance(foundation), await w.balance(team), await w.balance(pdas.rewardsVault()[0])];
    const r = await rpc.closeEpoch({ connection: w.connection, cranker: w.admin, index, utilityMint: w.mint, foundation, team });
    track(r);
    expect((await w.supply()) - supply).to.equal(q.total);
    expect((await w.balance(foundation)) - f).to.equal(q.foundation);
    expect((await w.balance(team)) - t).to.equal(q.team);
    expect((await w.balance(pdas.rewardsVault()[0])) - v).to.equal(q.miners);
    expect(event(r, "EpochClosed").minted).to.equal(q.total);
    closed[Number(index)] = q;
    for (const pl of [h100, a100]) {
      const before = await pool(pl);
      const e = (await accounts.fetchEpochByIndex(w.connection, index))!;
      const rp = await rpc.closePoolEpoch({ connection: w.connection, cranker: w.admin, pool: pl, index, utilityMint: w.mint });
      track(rp);
      const pe = (await accounts.fetchPoolEpochByIndex(w.connection, pl, index))!;
      expect(pe.share).to.equal(quotes.poolShare(e.miners, before.weight, e.totalWeight));
      expect(pe.accStart).to.equal(before.accReward);
      if (pe.deviceSeconds === 0n) expect(pe.burned).to.equal(pe.share, "nobody staked: burned");
      else expect(pe.rho).to.equal((pe.share << 64n) / pe.deviceSeconds);
    }
  }

  /** Claims with the SDK's window, after predicting paid/burned; checks balances, supply, event. */
  async function claim(name: string): Promise<quotes.ClaimQuote> {
    const { stake, device, owner, pool: pl } = stakes[name];
    const [p, s, d, po] = [await protocol(), (await accounts.fetchStake(w.connection, stake))!, (await accounts.fetchDevice(w.connection, device))!, await pool(pl)];
    const win = quotes.claimWindow(s, po, p);
    expect(win, `${name} has something to claim`).to.not.equal(null);
    const from = (await accounts.fetchPoolEpochByIndex(w.connection, pl, win!.fromEpoch))!;
    const to = (await accounts.fetchPoolEpochByIndex(w.connection, pl, win!.toEpoch))!;
    const q = quotes.quoteClaim(p, s, d, from, to, await w.balance(owner.tokens), await w.now());
    const [bal, supply] = [await w.balance(owner.tokens), await w.supply()];
    const r = await rpc.claimRewards({
      connection: w.connection, payer: w.admin, pool: pl, device, stake, ownerTokens: owner.tokens, fromEpoch: win!.fromEpoch, toEpoch: win!.toEpoch, utilityMint: w.mint,
    });
    track(r);
    expect((await w.balance(owner.tokens)) - bal, `${name} paid`).to.equal(q.paid);
    expect(supply - (await w.supply()), `${name} burned`).to.equal(q.burned);
    const ev = event(r, "RewardsClaimed");
    expect([ev.standard, ev.multiplier, ev.paid, ev.burned, ev.from, ev.to]).to.deep.equal([q.standard, q.multiplier, q.paid, q.burned, q.from, q.to]);
    const after = (await accounts.fetchStake(w.connection, stake))!;
    expect(after.rewardsCursor).to.equal(win!.to);
    return q;
  }

  before(async () => {
    w = await World.start();
    seq.seed("protocol", (await protocol()).seq); // World.start initialized it
    const creator = await w.user(0n);
    for (const gpuClass of ["H100", "A100"]) {
      track(await rpc.createPool({ connection: w.connection, creator: creator.kp, utilityMint: w.mint, gpuClass, params: POOL_PARAMS }));
    }
    [h100, a100] = [pdas.pool("H100")[0], pdas.pool("A100")[0]];
    lp = await w.user(1_000_000_000n);
    seller = await w.user(100_000_000n);
    miner = await w.user(10_000_000n);
    foundation = await createAssociatedTokenAccount(w.connection, w.admin, w.mint, Keypair.generate().publicKey);
    team = await createAssociatedTokenAccount(w.connection, w.admin, w.mint, Keypair.generate().publicKey);
    t0 = alignUp(await w.now(), HOUR);
    await w.warpTo(t0);
    G = t0 + HOUR;
  });
  after(() => w?.stop());

  const params = () => ({
    genesis: G, epochSecs: Number(HOUR), perDay: 24_000_000n, halvingSecs: 365n * 86_400n, maxSupply: 1n << 50n,
    minersBps: 7_000, foundationBps: 2_000, potRampSecs: 30 * 86_400, foundation, team,
  });

  it("configure_emission needs the mint authority on the protocol PDA, then works once", async () => {
    const e = await rejects(rpc.configureEmission({ connection: w.connection, admin: w.admin, utilityMint: w.mint, params: params() }));
    expect(programError(e)).to.equal("MintAuthorityNotProtocol");
    await w.mintAuthorityToProtocol();
    track(await rpc.configureEmission({ connection: w.connection, admin: w.admin, utilityMint: w.mint, params: params() }));
    const p = await protocol();
    expect(p.emission.genesis).to.equal(G);
    expect(p.emission.foundation.equals(foundation)).to.equal(true);
    expect(quotes.emissionConfigured(p)).to.equal(true);
    expect(await w.balance(pdas.rewardsVault()[0])).to.equal(0n);
    const again = await rejects(rpc.configureEmission({ connection: w.connection, admin: w.admin, utilityMint: w.mint, params: params() }));
    expect(again.retryable).to.equal(false);
  });

  it("pool weights: H100 3, A100 1", async () => {
    track(await rpc.setPoolWeight({ connection: w.connection, admin: w.admin, pool: h100, weight: 3n }));
    track(await rpc.setPoolWeight({ connection: w.connection, admin: w.admin, pool: a100, weight: 1n }));
    expect((await protocol()).totalWeight).to.equal(4n);
    expect((await pool(h100)).weight).to.equal(3n);
  });

  it("stakes across genesis and epochs", async () => {
    // a: LP from before genesis to G + 3 h. b: seller from G + 0.5 h to G + 2 h. c: a miner who
    // will sell what it earns (PoL), G + 0.5 h to G + 3 h.
    stakes.a = await stakeNew(lp, h100, "lp", G + 3n * HOUR);
    await w.warpTo(G + HOUR / 2n);
    stakes.b = await stakeNew(seller, h100, "seller", G + 2n * HOUR);
    stakes.c = await stakeNew(miner, h100, "seller", G + 3n * HOUR);
    // The miner keeps nothing: every claim's PoL then depends on what it holds of its rewards.
    const sink = await createAssociatedTokenAccount(w.connection, w.admin, w.mint, Keypair.generate().publicKey);
    const left = await w.balance(miner.tokens);
    if (left > 0n) await transfer(w.connection, miner.kp, miner.tokens, sink, miner.kp, left);
    expect((await pool(h100)).stakeCount).to.equal(3n);
  });

  it("epochs close in order, once, after their end; each mints the schedule to the base unit", async () => {
    expect(programError(await rejects(rpc.closeEpoch({ connection: w.connection, cranker: w.admin, index: 0n, utilityMint: w.mint, foundation, team })))).to.equal("EpochNotOver");
    await w.warpTo(G + HOUR);
    await closeEpoch(0n);
    // A repeat cannot create the Epoch account again; a later index is out of order or not over.
    const repeat = await rejects(rpc.closeEpoch({ connection: w.connection, cranker: w.admin, index: 0n, utilityMint: w.mint, foundation, team }));
    expect(repeat.retryable).to.equal(false);
    expect(programError(await rejects(rpc.closeEpoch({ connection: w.connection, cranker: w.admin, index: 2n, utilityMint: w.mint, foundation, team })))).to.equal("WrongEpoch");
    expect(programError(await rejects(rpc.closeEpoch({ connection: w.connection, cranker: w.admin, index: 1n, utilityMint: w.mint, foundation, team })))).to.equal("EpochNotOver");
    const again = await rejects(rpc.closePoolEpoch({ connection: w.connection, cranker: w.admin, pool: h100, index: 0n, utilityMint: w.mint }));
    expect(again.retryable).to.equal(false);
    expect((await protocol()).nextEpoch).to.equal(1n);
    const pe = (await accounts.fetchPoolEpochByIndex(w.connection, h100, 0n))!;
    expect(pe.share).to.equal(525_000n, "¾ of 700k");
    expect(pe.deviceSeconds).to.equal(3_600n + 1_800n + 1_800n);
    const empty = (await accounts.fetchPoolEpochByIndex(w.connection, a100, 0n))!;
    expect([empty.share, empty.burned]).to.deep.equal([175_000n, 175_000n]);
  });

  it("claims pay exactly what the SDK predicts (PoT ≈ 0.1 on a 30-day ramp); a repeat is a no-op", async () => {
    const qa = await claim("a");
    expect(qa.standard).to.equal(((525_000n << 64n) / 7_200n * 3_600n) >> 64n);
    expect(Number(qa.paid) / Number(qa.standard)).to.be.closeTo(0.1, 0.002);
    const qc = await claim("c");
    expect(qc.paid > 0n).to.equal(true);
    // Nothing new closed: the window is empty; sending anyway pays nothing.
    const s = (await accounts.fetchStake(w.connection, stakes.a.stake))!;
    expect(quotes.claimWindow(s, await pool(h100), await protocol())).to.equal(null);
    const bal = await w.balance(lp.tokens);
    track(await rpc.claimRewards({ connection: w.connection, payer: w.admin, pool: h100, device: stakes.a.device, stake: stakes.a.stake, ownerTokens: lp.tokens, fromEpoch: 0n, toEpoch: 0n, utilityMint: w.mint }));
    expect(await w.balance(lp.tokens)).to.equal(bal);
  });

  it("PoL: a miner that sold half of what it earned gets ~2.6 % of its standard reward", async () => {
    await w.warpTo(G + 2n * HOUR);
    await closeEpoch(1n);
    const earned = (await accounts.fetchDevice(w.connection, stakes.c.device))!.rewardsEarned;
    const held = await w.balance(miner.tokens);
    expect(held).to.equal(earned);
    const sink = await createAssociatedTokenAccount(w.connection, w.admin, w.mint, Keypair.generate().publicKey);
    await transfer(w.connection, miner.kp, miner.tokens, sink, miner.kp, held / 2n + (held % 2n));
    const q = await claim("c");
    // PoT ≈ 0.1 (hours into a 30-day ramp) × PoL(held = half of earned) ≈ 0.0257.
    expect(Number(q.multiplier) / 2 ** 32).to.be.closeTo(0.1 * 0.0257, 0.0003);
  });

  it("settle_stake waits for the claim to the stake's end; claim + settle in one transaction", async () => {
    // b ended at G + 2 h, inside closed epoch 1.
    const b = stakes.b;
    const e = await rejects(rpc.settleStake({ connection: w.connection, payer: w.admin, pool: h100, stake: b.stake, owner: seller.kp.publicKey, ownerTokens: seller.tokens, utilityMint: w.mint }));
    expect(programError(e)).to.equal("RewardsUnclaimed");
    const [p, s, d, po] = [await protocol(), (await accounts.fetchStake(w.connection, b.stake))!, (await accounts.fetchDevice(w.connection, b.device))!, await pool(h100)];
    const win = quotes.claimWindow(s, po, p)!;
    expect(win.complete).to.equal(true);
    const q = quotes.quoteClaim(
      p, s, d, (await accounts.fetchPoolEpochByIndex(w.connection, h100, win.fromEpoch))!, (await accounts.fetchPoolEpochByIndex(w.connection, h100, win.toEpoch))!,
      await w.balance(seller.tokens), await w.now(),
    );
    const settle = quotes.quoteSettle(po, s, await w.now());
    const bal = await w.balance(seller.tokens);
    const client = new PinfiClient({ connection: w.connection, payer: w.admin });
    const common = { pool: h100, stake: b.stake, ownerTokens: seller.tokens, utilityMint: w.mint };
    track(await client.send([
      instructions.claimRewards({ ...common, device: b.device, fromEpoch: win.fromEpoch, toEpoch: win.toEpoch }),
      instructions.settleStake({ ...common, owner: seller.kp.publicKey }),
    ]));
    expect((await w.balance(seller.tokens)) - bal).to.equal(q.paid + settle.paidOut);
    expect(await accounts.fetchStake(w.connection, b.stake)).to.equal(null, "closed, rent returned");
  });

  it("a and c: claimed to their end across epochs 1–2, settled", async () => {
    await w.warpTo(G + 3n * HOUR);
    await closeEpoch(2n);
    for (const name of ["a", "c"]) {
      const q = await claim(name);
      expect(q.paid + q.burned).to.equal(q.standard);
      const { stake, owner } = stakes[name];
      const s = (await accounts.fetchStake(w.connection, stake))!;
      expect(s.rewardsCursor).to.equal(s.end);
      track(await rpc.settleStake({ connection: w.connection, payer: w.admin, pool: h100, stake, owner: owner.kp.publicKey, ownerTokens: owner.tokens, utilityMint: w.mint }));
    }
  });

  it("every base unit of the emission: minted = foundation + team + paid + burned + vault dust", async () => {
    const p: Protocol = await protocol();
    const sum = (k: "total" | "miners" | "foundation" | "team") => closed.reduce((n, q) => n + q[k], 0n);
    expect(p.emitted).to.equal(sum("total"));
    expect(p.emitted).to.equal(3n * 1_000_000n);
    expect(await w.balance(foundation)).to.equal(sum("foundation"));
    expect(await w.balance(team)).to.equal(sum("team"));
    const [h, a]: Pool[] = [await pool(h100), await pool(a100)];
    const vault = await w.balance(pdas.rewardsVault()[0]);
    expect(h.rewardsPaid + h.rewardsBurned + a.rewardsPaid + a.rewardsBurned + vault).to.equal(sum("miners"));
    expect(vault <= 6n, `only rounding dust stays: ${vault}`).to.equal(true);
    expect(seq.gaps().size, JSON.stringify([...seq.gaps()], (_k, v) => (typeof v === "bigint" ? String(v) : v))).to.equal(0);
  });
});
