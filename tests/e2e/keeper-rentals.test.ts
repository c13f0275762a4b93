// The keeper's rentals crank on the localnet: waiting rentals placed on pooled, live, unbooked
// devices earliest-expiry first, exactly once with two keepers racing; a rental nobody can serve
// refunded at its purchase value (the SDK's quote, to the base unit) once the placement window
// has passed, exactly once.
import { expect } from "chai";
import { Keypair, PublicKey } from "@solana/web3.js";
import { accounts, pdas, quotes, rpc } from "@pinfi/sdk";
import { DEFAULTS, Keeper, KeeperConfig } from "@pinfi/keeper";
import { airdrop, alignUp, HOUR, POOL_PARAMS, User, World } from "./world";

describe("keeper: rental placement and refunds", function () {
  this.timeout(120_000);
  let w: World;
  let pool: PublicKey;
  let t0: bigint;
  let buyer: User;
  const lp: PublicKey[] = []; // stakes ending t0 + 24 h, + 6 h, + 12 h
  const payers = [Keypair.generate(), Keypair.generate()];
  const keeper = (payer: Keypair, settlements = false) => {
    const config: KeeperConfig = {
      ...structuredClone(DEFAULTS), rpcUrl: w.net.rpc, http: { ...DEFAULTS.http, enabled: false },
      log: { level: "silent" }, retry: { attempts: 4, baseMs: 20, maxMs: 100 }, settlements: { ...DEFAULTS.settlements, enabled: settlements, maxAccountLocks: 128, tableWarmupMs: 0 },
    };
    return new Keeper({ config, payer });
  };
  const rental = (id: bigint) => pdas.rental(pool, buyer.kp.publicKey, id)[0];
  const buy = async (id: bigint, end: bigint) =>
    rpc.buyHours({ connection: w.connection, buyer: buyer.kp, pool, rentalId: id, buyerTokens: buyer.tokens, utilityMint: w.mint, tokensIn: 200_000n, end, minHoursOut: 1n });

  before(async () => {
    w = await World.start();
    for (const p of payers) await airdrop(w.connection, p.publicKey, 10);
    const owner = await w.user(2_000_000_000n);
    await rpc.createPool({ connection: w.connection, creator: owner.kp, utilityMint: w.mint, gpuClass: "H100", params: POOL_PARAMS });
    pool = pdas.pool("H100")[0];
    t0 = alignUp(await w.now(), HOUR);
    await w.warpTo(t0);
    for (const h of [24n, 6n, 12n]) {
      const { stake } = await w.stakeNewDevice(owner, pool, "lp", t0 + h * HOUR);
      await rpc.addLiquidity({ connection: w.connection, owner: owner.kp, pool, stake, ownerTokens: owner.tokens, maxTokensIn: 10n ** 12n });
      lp.push(stake);
    }
    buyer = await w.user(100_000_000n);
    await buy(1n, t0 + 2n * HOUR);
    await buy(2n, t0 + 2n * HOUR);
    await buy(3n, t0 + 30n * HOUR); // outlives every stake: nobody can serve it
  });
  after(() => w?.stop());

  it("two keepers racing place each waiting rental once, earliest expiry first", async () => {
    const [a, b] = payers.map((p) => keeper(p));
    const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
    await Promise.all([a.stop(), b.stop()]);
    expect(ra.failures + rb.failures).to.equal(0);
    expect(ra.rentalsAssigned + rb.rentalsAssigned).to.equal(2);
    const [r1, r2, r3] = await Promise.all([1n, 2n, 3n].map(async (id) => (await accounts.fetchRental(w.connection, rental(id)))!));
    expect([r1.status, r2.status, r3.status]).to.deep.equal(["placed", "placed", "waiting"]);
    // The 6 h stake first, then the 12 h one; the 24 h stake stays free.
    expect(new Set([r1.assigned[0].toBase58(), r2.assigned[0].toBase58()])).to.deep.equal(new Set([lp[1].toBase58(), lp[2].toBase58()]));
    const s6 = (await accounts.fetchStake(w.connection, lp[1]))!;
    expect(s6.bookedUntil).to.equal(t0 + 2n * HOUR);
    expect((await accounts.fetchStake(w.connection, lp[0]))!.bookedUntil).to.equal(0n);
  });

  it("an unplaceable rental waits out the placement window, then is refunded at its purchase value, once", async () => {
    const k = keeper(payers[0]);
    const early = await k.runOnce();
    expect([early.rentalsRefunded, early.failures]).to.deep.equal([0, 0]);
    const p = (await accounts.fetchProtocolSingleton(w.connection))!;
    const r3 = (await accounts.fetchRental(w.connection, rental(3n)))!;
    await w.warpTo(r3.waitingSince + BigInt(p.rentalPlacementSecs));
    const q = quotes.quoteRefundRental(r3, p.rentalPlacementSecs, await w.now());
    const before = await w.balance(buyer.tokens);
    const k2 = keeper(payers[1]);
    const [ra, rb] = await Promise.all([k.runOnce(), k2.runOnce()]);
    await Promise.all([k.stop(), k2.stop()]);
    expect(ra.rentalsRefunded + rb.rentalsRefunded).to.equal(1);
    expect(ra.failures + rb.failures).to.equal(0);
    expect((await w.balance(buyer.tokens)) - before).to.equal(q.refund);
    expect(q.refund > 0n).to.equal(true);
    expect(await accounts.fetchRental(w.connection, rental(3n))).to.equal(null, "closed, rent back to the buyer");
  });

  it("a failed seller booked by a rental compensates its renter at settlement (the keeper names the rental)", async () => {
    const seller = await w.user(100_000_000n);
    const { stake } = await w.stakeNewDevice(seller, pool, "seller", t0 + 4n * HOUR);
    await rpc.sellHours({ connection: w.connection, owner: seller.kp, pool, stake, ownerTokens: seller.tokens, utilityMint: w.mint, hours: 3_600n, minTokensOut: 1n });
    await buy(4n, t0 + 3n * HOUR);
    const k = keeper(payers[0], true);
    expect((await k.runOnce()).rentalsAssigned).to.equal(1);
    const r4 = (await accounts.fetchRental(w.connection, rental(4n)))!;
    expect(r4.assigned[0].equals(stake), "the earliest-expiring live device").to.equal(true);
    await rpc.markStakeFailed({ connection: w.connection, admin: w.admin, pool, stake });
    const s = (await accounts.fetchStake(w.connection, stake))!;
    expect(s.bookedBy.equals(rental(4n))).to.equal(true);
    const owed = quotes.renterCompensation(r4, s.bookedUntil, s.failedAt, s.collateral);
    expect(owed > 0n).to.equal(true);
    await w.warpTo(t0 + 4n * HOUR);
    const before = await w.balance(buyer.tokens);
    const r = await k.runOnce();
    await k.stop();
    expect([r.settled, r.failures]).to.deep.equal([1, 0]);
    expect((await w.balance(buyer.tokens)) - before).to.equal(owed);
    expect(await accounts.fetchStake(w.connection, stake)).to.equal(null);
  });
});
