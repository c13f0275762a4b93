// The simulation's instruction layer against the SDK's own quotes (which run the program's
// checks in its order): same inputs, same numbers, on random pools.
import { expect } from "chai";
import { math, quotes } from "@pinfi/sdk";
import { E2E_POOL, MAX_RENTAL_DEVICES, SimPool } from "../src/model/pool";
import { Prng } from "../src/prng";
import { HOUR, TOKEN } from "../src/units";
import { asPoolAccount } from "./helpers";

const NOW = 1_700_002_800n;

function outcome<T>(f: () => T): { ok: true; v: T } | { ok: false } {
  try {
    return { ok: true, v: f() };
  } catch {
    return { ok: false };
  }
}

function randomPool(rng: Prng): { pool: SimPool; now: bigint } {
  const pool = SimPool.create({ ...E2E_POOL, referencePrice: 1n + rng.big(5n * TOKEN) }, NOW);
  for (let k = 0; k < 1 + rng.int(6); k++) {
    pool.addLiquidity(pool.openStake("lp", NOW, NOW + BigInt(1 + rng.int(160)) * HOUR, BigInt(1 + rng.int(30))), NOW);
  }
  return { pool, now: NOW + BigInt(rng.int(5 * 3_600)) };
}

describe("simulation pool = SDK quotes", () => {
  const rng = new Prng(2024);

  it("buys, sells, LP deposits and terminations agree with quotes.* to the base unit", () => {
    for (let s = 0; s < 150; s++) {
      const { pool, now } = randomPool(rng);
      const end = math.alignUp(now, HOUR) + BigInt(1 + rng.int(48)) * HOUR;
      const account = asPoolAccount(pool);

      const tokensIn = TOKEN / 10n + rng.big(10n * TOKEN);
      const bought = outcome(() => pool.clone().buyHours(tokensIn, now, end));
      // The program places a rental on at most 8 whole devices: the SDK's quote refuses more (TooManyDevices), like the sim.
      let qb: ReturnType<typeof quotes.quoteBuy> | undefined;
      try {
        qb = quotes.quoteBuy(account, tokensIn, now, end);
      } catch (e) {
        expect((e as { errorName?: string }).errorName).to.equal("TooManyDevices");
        const rate = quotes.quoteBuy(account, tokensIn, now).hoursOut; // the same trade, no rental to place
        expect(math.divCeil(math.rateFloor(rate, end, now), math.RATE_ONE) > MAX_RENTAL_DEVICES).to.equal(true);
      }
      expect(bought.ok).to.equal(qb !== undefined);
      if (bought.ok && qb) expect([bought.v.bought.hoursOut, bought.v.rental.rate]).to.deep.equal([qb.hoursOut, qb.rentalRate]);

      const stake = pool.clone().openStake("seller", now, end);
      const hours = 1n + rng.big(math.balanceFloor(stake.rate, end, now));
      const qs = quotes.quoteSell(account, hours, { ...stake, kind: "seller", failed: false }, now);
      const seller = pool.clone();
      const sold = seller.sellHours(seller.openStake("seller", now, end), hours, now);
      expect([sold.grossOut, sold.fee, sold.sellerOut, sold.collateral]).to.deep.equal([qs.grossOut, qs.fee, qs.sellerOut, qs.collateral]);
      expect(seller.hoursAt(now)).to.equal(qs.hoursAfter);

      const lp = pool.clone();
      const lpStake = lp.openStake("lp", now, end);
      const qa = quotes.quoteAddLiquidity(account, { ...lpStake, kind: "lp" }, now);
      const added = lp.addLiquidity(lpStake, now);
      expect([added.tokensIn, added.shares, lp.hoursAt(now)]).to.deep.equal([qa.tokensIn, qa.shares, qa.hoursAfter]);

      const renter = pool.clone();
      const { rental } = renter.buyHours(renter.quoteBuyExactOut(HOUR, now), now, end);
      const later = now + BigInt(rng.int(Number(end - now)));
      // Past every lot's end the pool is empty: then both must refuse.
      const qt = outcome(() => quotes.quoteTerminateRental(asPoolAccount(renter), rental, later));
      const term = outcome(() => renter.terminateRental(rental, later));
      expect(term.ok).to.equal(qt.ok);
      if (qt.ok && term.ok) expect([term.v.sellerOut, term.v.fee]).to.deep.equal([qt.v.buyerOut, qt.v.fee]);
    }
  });

  it("settlement pays what quotes.lpSettlementValue says, and a failed step leaves the pool unchanged", () => {
    const { pool } = randomPool(rng);
    const stake = pool.openStake("lp", NOW, NOW + 10n * HOUR);
    pool.addLiquidity(stake, NOW);
    const at = NOW + 10n * HOUR;
    const expected = quotes.lpSettlementValue(asPoolAccount(pool), stake.lpShares);
    expect(pool.clone().settle(stake, at).paidOut).to.equal(expected);
    const before = JSON.stringify(asPoolAccount(pool), (_, v) => (typeof v === "bigint" ? v.toString() : v));
    expect(pool.attempt((q) => q.sellHours(q.openStake("seller", at, at + HOUR), 10n * HOUR, at))).to.equal(undefined);
    expect(JSON.stringify(asPoolAccount(pool), (_, v) => (typeof v === "bigint" ? v.toString() : v))).to.equal(before);
  });

  it("rejects the windows the program rejects", () => {
    const pool = SimPool.create(E2E_POOL, NOW);
    expect(() => pool.openStake("lp", NOW, NOW + 1_800n)).to.throw(/InvalidEnd/);
    expect(() => pool.openStake("lp", NOW, NOW + 8n * 24n * HOUR)).to.throw(/InvalidDuration/);
  });
});
