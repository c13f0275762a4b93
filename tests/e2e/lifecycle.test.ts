// The whole life of a pool through the SDK only, every balance checked to the base unit against
// the SDK's quote computed before the transaction.
import { expect } from "chai";
import { Keypair, PublicKey } from "@solana/web3.js";
import { accounts, EventSequencer, pdas, quotes, rpc } from "@pinfi/sdk";
import { alignUp, HOUR, POOL_PARAMS, User, World } from "./world";

describe("pool lifecycle through the SDK", function () {
  this.timeout(300_000);
  let w: World;
  let pool: PublicKey;
  let t0: bigint;
  const seq = new EventSequencer({ fromStart: true });
  const track = (r: { events: Parameters<EventSequencer["observe"]>[0][] }) => r.events.forEach((e) => seq.observe(e));

  const fetchPool = async () => (await accounts.fetchPool(w.connection, pool))!;

  /** Registers a fresh device, burns a certificate for `[now, end]` and opens a stake. */
  async function stake(owner: User, kind: "lp" | "seller", end: bigint): Promise<PublicKey> {
    const deviceKey = Keypair.generate();
    track(await rpc.registerDevice({ connection: w.connection, owner: owner.kp, deviceKey, pool, specsHash: new Uint8Array(32) }));
    const device = pdas.device(deviceKey.publicKey)[0];
    const now = await w.now();
    const nonce = BigInt(Date.now());
    const before = await w.balance(owner.tokens);
    track(await rpc.burnForCertificate({
      connection: w.connection, owner: owner.kp, pool, utilityMint: w.mint, ownerTokens: owner.tokens, nonce, gpuSeconds: end - now,
    }));
    expect(before - (await w.balance(owner.tokens))).to.equal(quotes.certificateBurn(await fetchPool(), end - now));
    const fee = kind === "seller" ? quotes.maintenanceFee(await fetchPool(), end - now) : 0n;
    const mid = await w.balance(owner.tokens);
    track(await rpc.createStake({
      connection: w.connection, owner: owner.kp, pool, device, deviceStakeCount: 0n, ownerTokens: owner.tokens,
      kind, end, certificateNonce: nonce,
    }));
    expect(mid - (await w.balance(owner.tokens))).to.equal(fee, "maintenance fee escrowed");
    return pdas.stake(device, 0n)[0];
  }

  before(async () => {
    w = await World.start();
    const creator = await w.user(0n);
    for (const gpuClass of ["H100", "A100", "RTX4090"]) {
      track(await rpc.createPool({ connection: w.connection, creator: creator.kp, utilityMint: w.mint, gpuClass, params: POOL_PARAMS }));
    }
    pool = pdas.pool("H100")[0];
    t0 = alignUp(await w.now(), HOUR);
    await w.warpTo(t0);
  });
  after(() => w?.stop());

  it("creates three pools with their own parameters", async () => {
    const p = await fetchPool();
    expect(p.params.bucketSecs).to.equal(3_600);
    expect((await accounts.fetchProtocolSingleton(w.connection))!.poolCount).to.equal(3);
  });

  let lp: User, lpStake: PublicKey, seller: User, sellStake: PublicKey, buyer: User, rental: PublicKey;

  it("an LP adds a 24 h stake plus equal-value tokens", async () => {
    lp = await w.user(1_000_000_000n);
    lpStake = await stake(lp, "lp", t0 + 24n * HOUR);
    const [p, s, now] = [await fetchPool(), (await accounts.fetchStake(w.connection, lpStake))!, await w.now()];
    const q = quotes.quoteAddLiquidity(p, s, now);
    const before = await w.balance(lp.tokens);
    track(await rpc.addLiquidity({ connection: w.connection, owner: lp.kp, pool, stake: lpStake, ownerTokens: lp.tokens, maxTokensIn: q.tokensIn }));
    expect(before - (await w.balance(lp.tokens))).to.equal(q.tokensIn);
    expect(q.tokensIn).to.equal(48_000_000n, "24 GPU-h at the reference price of 2 tokens");
    expect((await fetchPool()).lpSupply).to.equal(q.shares);
  });

  it("hours decay as the clock moves: the price drifts up", async () => {
    const p0 = quotes.spotPrice(await fetchPool(), t0);
    await w.warpTo(t0 + 6n * HOUR);
    const p = await fetchPool();
    expect(quotes.hourReserveAt(p, t0 + 6n * HOUR)).to.equal(18n * HOUR);
    const p6 = quotes.spotPrice(p, t0 + 6n * HOUR);
    // P(τ) = P0 / (1 − τ/T): 24/18 of the start price.
    expect(p6.num * p0.den * 18n).to.equal(p0.num * p6.den * 24n);
    // The on-chain view (return data through simulateTransaction) agrees with the SDK's math.
    const snap = await rpc.poolSnapshot({ connection: w.connection, pool, feePayer: w.admin.publicKey });
    expect(snap.at).to.equal(t0 + 6n * HOUR);
    expect(snap.hours).to.equal(quotes.hourReserveAt(p, snap.at));
    expect(snap.seq).to.equal(p.seq);
  });

  it("a seller sells hours: fee burned, collateral locked", async () => {
    seller = await w.user(100_000_000n);
    sellStake = await stake(seller, "seller", t0 + 12n * HOUR);
    const [p, s, now] = [await fetchPool(), (await accounts.fetchStake(w.connection, sellStake))!, await w.now()];
    const q = quotes.quoteSell(p, 21_600n, s, now);
    const before = await w.balance(seller.tokens);
    track(await rpc.sellHours({
      connection: w.connection, owner: seller.kp, pool, stake: sellStake, ownerTokens: seller.tokens, utilityMint: w.mint,
      hours: 21_600n, minTokensOut: q.sellerOut,
    }));
    expect((await w.balance(seller.tokens)) - before).to.equal(q.sellerOut - q.collateral);
    expect(q.grossOut).to.equal(12_000_000n);
    expect((await fetchPool()).utilityReserve).to.equal(36_000_000n);
  });

  it("a buyer rents, extends and terminates early", async () => {
    buyer = await w.user(50_000_000n);
    const end = t0 + 10n * HOUR;
    let now = await w.now();
    const q = quotes.quoteBuy(await fetchPool(), 3_000_000n, now, end);
    track(await rpc.buyHours({
      connection: w.connection, buyer: buyer.kp, pool, rentalId: 1n, buyerTokens: buyer.tokens, utilityMint: w.mint,
      tokensIn: 3_000_000n, end, minHoursOut: q.hoursOut,
    }));
    rental = pdas.rental(pool, buyer.kp.publicKey, 1n)[0];
    const r = (await accounts.fetchRental(w.connection, rental))!;
    expect(r.gpuSeconds).to.equal(q.hoursOut);
    expect(await w.balance(buyer.tokens)).to.equal(47_000_000n);

    const ext = quotes.quoteExtendRental(await fetchPool(), r, t0 + 12n * HOUR, now);
    track(await rpc.extendRental({
      connection: w.connection, buyer: buyer.kp, pool, rental, buyerTokens: buyer.tokens, utilityMint: w.mint,
      newEnd: t0 + 12n * HOUR, maxTokensIn: ext.tokensIn,
    }));
    expect(await w.balance(buyer.tokens)).to.equal(47_000_000n - ext.tokensIn);

    await w.warpTo(t0 + 8n * HOUR);
    now = await w.now();
    const term = quotes.quoteTerminateRental(await fetchPool(), (await accounts.fetchRental(w.connection, rental))!, now);
    const before = await w.balance(buyer.tokens);
    track(await rpc.terminateRental({
      connection: w.connection, buyer: buyer.kp, pool, rental, buyerTokens: buyer.tokens, utilityMint: w.mint, minTokensOut: term.buyerOut,
    }));
    expect((await w.balance(buyer.tokens)) - before).to.equal(term.buyerOut);
    expect(await accounts.fetchRental(w.connection, rental)).to.equal(null);
  });

  it("settles the seller at its end and the LP at its end", async () => {
    await w.warpTo(t0 + 12n * HOUR);
    const s = (await accounts.fetchStake(w.connection, sellStake))!;
    const qs = quotes.quoteSettle(await fetchPool(), s, await w.now());
    let before = await w.balance(seller.tokens);
    track(await rpc.settleStake({ connection: w.connection, payer: w.admin, pool, stake: sellStake, owner: seller.kp.publicKey, ownerTokens: seller.tokens, utilityMint: w.mint }));
    expect((await w.balance(seller.tokens)) - before).to.equal(qs.paidOut);
    expect(qs.paidOut).to.equal(s.collateral + s.maintenanceEscrow);

    await w.warpTo(t0 + 24n * HOUR);
    const p = await fetchPool();
    before = await w.balance(lp.tokens);
    track(await rpc.settleStake({ connection: w.connection, payer: w.admin, pool, stake: lpStake, owner: lp.kp.publicKey, ownerTokens: lp.tokens, utilityMint: w.mint }));
    expect((await w.balance(lp.tokens)) - before).to.equal(quotes.lpSettlementValue(p, p.lpSupply));
    const after = await fetchPool();
    expect([after.utilityReserve, after.lpSupply, after.escrowTotal, after.collateralTotal]).to.deep.equal([0n, 0n, 0n, 0n]);
    expect(await w.balance(after.vault)).to.equal(0n);
  });

  it("every pool event arrived once, numbered without gaps", () => {
    expect(seq.gaps().size).to.equal(0);
  });
});
