import { expect } from "chai";
import { accounts, math as m, PinfiProgramError, quotes } from "../src";
import type { Pool, Stake } from "../src";
import { encodeAccount, sample } from "./helpers";

const T0 = 1_699_999_200n; // a bucket boundary
const B = 3_600n;
const params = {
  swapFeeBps: 30, minStakeSecs: 3600, maxStakeSecs: 200 * 3600, bucketSecs: 3600,
  burnPerGpuHour: 1_000n, maintenancePerGpuHour: 250n, collateralBps: 15_000, referencePrice: 2_000_000n,
};
const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/** A real Pool account (encoded as the program stores it) after an LP deposit and a sale. */
function syntheticPool(): Pool {
  const reserve = m.Reserve.create(B, T0);
  const core = m.PoolCore.empty(reserve);
  const slots = m.emptySlots();
  const curve = { feeBps: 30n, collateralBps: 15_000n, referencePrice: params.referencePrice };
  core.addLiquidity(slots, curve, T0 + 10n, T0 + 48n * B, 48n * 3600n - 10n);
  core.sellHours(slots, curve, T0 + 100n, T0 + 24n * B, 7_200n);
  const value = {
    ...sample({ defined: { name: "Pool" } }),
    params,
    utilityReserve: core.utilityReserve,
    lpSupply: core.lpSupply,
    escrowTotal: core.escrowTotal,
    collateralTotal: core.collateralTotal,
    reserve: { rateSum: reserve.rateSum, rateEndSum: reserve.rateEndSum, scale: reserve.scale, cursor: reserve.cursor },
    slots,
  };
  return accounts.decodePool(encodeAccount("Pool", value));
}

const stake = (over: Partial<Stake>): Stake => ({ ...sample({ defined: { name: "Stake" } }), lpShares: 0n, failed: false, ...over });
const programError = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).to.be.instanceOf(PinfiProgramError);
    return (e as PinfiProgramError).errorName;
  }
  throw new Error("did not throw");
};

describe("quotes on a synthetic pool", () => {
  const pool = syntheticPool();
  const now = T0 + 1_000n;
  const H = quotes.hourReserveAt(pool, now);
  const U = pool.utilityReserve;

  it("the pool is live", () => {
    expect(H > 0n && U > 0n).to.equal(true);
  });

  it("quoteBuy: constant product at `now`, fee up, hours down; the pool object is untouched", () => {
    const before = JSON.stringify(pool, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    const q = quotes.quoteBuy(pool, 1_000_000n, now, T0 + 10n * B);
    const fee = ceilDiv(1_000_000n * 30n, 10_000n);
    expect(q.fee).to.equal(fee);
    expect(q.hoursOut).to.equal((H * (1_000_000n - fee)) / (U + 1_000_000n - fee));
    expect(q.utilityAfter).to.equal(U + 1_000_000n - fee);
    expect(q.hoursAfter).to.equal(H - q.hoursOut);
    expect(q.rentalRate).to.equal(m.rateFloor(q.hoursOut, T0 + 10n * B, now));
    expect(JSON.stringify(pool, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).to.equal(before);
  });

  it("quoteBuy refuses what the program refuses, by its error name", () => {
    expect(programError(() => quotes.quoteBuy(pool, 0n, now))).to.equal("ZeroAmount");
    expect(programError(() => quotes.quoteBuy(pool, 1_000n, now, T0 + 10n * B + 1n))).to.equal("InvalidEnd");
    expect(programError(() => quotes.quoteBuy(pool, 1_000n, now, T0 + 300n * B))).to.equal("InvalidDuration");
    expect(programError(() => quotes.quoteBuy(pool, 1_000n, T0 + 100n * B))).to.equal("EmptyReserve");
  });

  it("quoteBuy refuses a rental needing more than MAX_RENTAL_DEVICES devices (TooManyDevices)", () => {
    // The shortest window makes the rate (devices) largest: grow the buy until it needs 9 devices.
    const end = m.alignUp(now + 1n, B);
    let tokens = 1_000n;
    let last = 0;
    for (; tokens < 1n << 62n; tokens *= 2n) {
      let devices: number | null;
      try {
        devices = quotes.devicesFor(quotes.quoteBuy(pool, tokens, now, end).rentalRate!);
      } catch (e) {
        expect((e as PinfiProgramError).errorName).to.equal("TooManyDevices");
        devices = null;
      }
      if (devices === null) break;
      last = devices;
    }
    expect(tokens < 1n << 62n, "some buy needs more than 8 devices").to.equal(true);
    expect(last).to.be.at.most(quotes.MAX_RENTAL_DEVICES);
    expect(programError(() => quotes.quoteBuy(pool, tokens, now, end))).to.equal("TooManyDevices");
    // Without a rental end, nothing is placed: the quote stands.
    expect(quotes.quoteBuy(pool, tokens, now).hoursOut > 0n).to.equal(true);
  });

  it("quoteBuyExactOut pays enough for at least the hours asked", () => {
    const q = quotes.quoteBuyExactOut(pool, 3_600n, now);
    expect(q.hoursOut >= 3_600n).to.equal(true);
    expect(q.tokensIn).to.equal(m.grossForNetCeil(m.tokensInForHoursCeil(U, H, 3_600n), 30n));
    expect(programError(() => quotes.quoteBuyExactOut(pool, H, now))).to.equal("InsufficientHours");
  });

  it("quoteSell: tokens down, fee and collateral up, stake checks in the program's order", () => {
    const end = T0 + 24n * B;
    const seller = stake({ kind: "seller", end, rate: m.RATE_ONE, start: T0 });
    const q = quotes.quoteSell(pool, 3_600n, seller, now);
    expect(q.grossOut).to.equal((U * q.hoursCredited) / (H + q.hoursCredited));
    expect(q.hoursCredited <= 3_600n).to.equal(true);
    expect(q.fee).to.equal(ceilDiv(q.grossOut * 30n, 10_000n));
    expect(q.sellerOut).to.equal(q.grossOut - q.fee);
    expect(q.collateral).to.equal(ceilDiv(q.grossOut * 15_000n, 10_000n));
    expect(q.stakeRateAfter).to.equal(m.withdraw(m.RATE_ONE, end, now, 3_600n));
    expect(quotes.quoteSell(pool, 3_600n, end, now).grossOut).to.equal(q.grossOut);
    expect(programError(() => quotes.quoteSell(pool, 3_600n, { ...seller, kind: "lp" }, now))).to.equal("WrongStakeKind");
    expect(programError(() => quotes.quoteSell(pool, 3_600n, seller, end))).to.equal("StakeExpired");
    expect(programError(() => quotes.quoteSell(pool, 3_600n, { ...seller, failed: true }, now))).to.equal("AlreadyFailed");
    expect(programError(() => quotes.quoteSell(pool, 10n ** 9n, seller, now))).to.equal("InsufficientHours");
    expect(programError(() => quotes.quoteSell(pool, 3_600n, T0 + 24n * B + 5n, now))).to.equal("InvalidEnd");
  });

  it("quoteAddLiquidity: all the stake's hours, equal-value tokens rounded up, shares down", () => {
    const lp = stake({ kind: "lp", end: T0 + 30n * B, rate: m.RATE_ONE });
    const q = quotes.quoteAddLiquidity(pool, lp, now);
    expect(q.hours).to.equal(T0 + 30n * B - now);
    expect(q.tokensIn).to.equal(ceilDiv(U * q.hoursCredited, H));
    expect(q.shares).to.equal((pool.lpSupply * q.tokensIn) / U);
    expect(programError(() => quotes.quoteAddLiquidity(pool, { ...lp, lpShares: 1n }, now))).to.equal("LiquidityAlreadyAdded");
    expect(programError(() => quotes.quoteAddLiquidity(pool, { ...lp, kind: "seller" }, now))).to.equal("WrongStakeKind");
  });

  it("rentals: extend buys the missing hours exact-out, terminate sells the rest without collateral", () => {
    const end = T0 + 5n * B;
    const rental = { end, rate: m.rateFloor(7_200n, end, now) };
    const ext = quotes.quoteExtendRental(pool, rental, T0 + 8n * B, now);
    const held = quotes.rentalBalanceAt(rental, now);
    expect(ext.hoursNeeded).to.equal(m.balanceFloor(rental.rate, T0 + 8n * B, now) - held);
    expect(ext.hoursOut >= ext.hoursNeeded).to.equal(true);
    expect(ext.newRate).to.equal(m.rateFloor(held + ext.hoursOut, T0 + 8n * B, now));
    const term = quotes.quoteTerminateRental(pool, rental, now);
    expect(term.buyerOut).to.equal(term.grossOut - term.fee);
    expect(term.hoursReturned <= held).to.equal(true);
    expect(programError(() => quotes.quoteTerminateRental(pool, rental, end))).to.equal("RentalEnded");
    expect(programError(() => quotes.quoteExtendRental(pool, rental, end, now))).to.equal("InvalidEnd");
  });

  it("hourReserveAt decays to zero at the last lot's end; spotPrice rises as it decays", () => {
    let prev = H;
    for (let t = now; t <= T0 + 49n * B; t += 1_800n) {
      const h = quotes.hourReserveAt(pool, t);
      expect(h <= prev, `H(${t})`).to.equal(true);
      prev = h;
    }
    expect(quotes.hourReserveAt(pool, T0 + 48n * B)).to.equal(0n);
    const p0 = quotes.spotPrice(pool, now);
    const p1 = quotes.spotPrice(pool, now + 3_600n);
    expect(p0).to.deep.equal({ num: U * 3_600n, den: H });
    expect(p1.num * p0.den > p0.num * p1.den).to.equal(true);
    expect(quotes.spotPrice(pool, T0 + 48n * B).den).to.equal(0n);
  });

  it("settlement, certificate burn and maintenance fee", () => {
    expect(quotes.lpSettlementValue(pool, pool.lpSupply / 3n)).to.equal(((pool.lpSupply / 3n) * U) / pool.lpSupply);
    expect(programError(() => quotes.lpSettlementValue(pool, pool.lpSupply + 1n))).to.equal("InsufficientHours");
    const failedSeller = stake({ kind: "seller", end: now, maintenanceEscrow: 5n, collateral: 7n, failed: true });
    expect(quotes.quoteSettle({ ...pool, escrowTotal: 5n }, failedSeller, now)).to.deep.equal({ paidOut: 0n, burned: 12n });
    expect(quotes.quoteSettle({ ...pool, escrowTotal: 5n }, { ...failedSeller, failed: false }, now)).to.deep.equal({ paidOut: 12n, burned: 0n });
    // Books that do not hold the stake's escrow underflow, as `release_seller` does on chain.
    expect(programError(() => quotes.quoteSettle(pool, failedSeller, now))).to.equal("MathOverflow");
    expect(programError(() => quotes.quoteSettle(pool, stake({ kind: "lp", end: now + 1n }), now))).to.equal("StakeNotEnded");
    expect(quotes.certificateBurn(pool, 5_400n)).to.equal(1_500n);
    expect(quotes.certificateBurn(pool, 1n)).to.equal(1n);
    expect(quotes.maintenanceFee(pool, 3_601n)).to.equal(251n);
    expect(programError(() => quotes.certificateBurn(pool, 0n))).to.equal("ZeroAmount");
    expect(programError(() => quotes.certificateBurn(pool, 201n * 3_600n))).to.equal("InvalidDuration");
  });

  it("a math overflow surfaces as MathOverflow with the failing operation", () => {
    const huge = { ...pool, params: { ...pool.params, referencePrice: 2n ** 64n - 1n }, utilityReserve: 0n };
    const lp = stake({ kind: "lp", end: T0 + 30n * B, rate: m.RATE_ONE * 1_000n });
    const e = (() => {
      try {
        quotes.quoteAddLiquidity(huge, lp, now);
      } catch (err) {
        return err as PinfiProgramError;
      }
    })();
    expect(e?.errorName).to.equal("MathOverflow");
    expect(e?.message).to.contain("u128->u64");
  });

  it("stakeBalanceAt decays one GPU-second per second for one device", () => {
    const s = { rate: m.RATE_ONE, end: T0 + B };
    expect(quotes.stakeBalanceAt(s, T0)).to.equal(3_600n);
    expect(quotes.stakeBalanceAt(s, T0 + 3_599n)).to.equal(1n);
    expect(quotes.stakeBalanceAt(s, T0 + B + 9n)).to.equal(0n);
  });
});

