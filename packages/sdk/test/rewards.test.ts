// PoCPS multipliers and emission (ports of crates/pinfi-math/src/{pocps,emission}.rs) against the
// published reference values and the Rust unit tests; the claim window and quote against the
// program's rules. The on-chain agreement, to the base unit, is tests/e2e/epochs.test.ts.
import { expect } from "chai";
import { constants, math as m, quotes, PinfiProgramError } from "../src";

const P = m.pocps;
const ONE = P.POCPS_ONE;
const f = (q: bigint) => Number(q) / Number(ONE);
const DAY = 86_400n;
const TOKEN = 1_000_000n;

describe("math: PoCPS multipliers (pocps.rs)", () => {
  it("expNeg agrees with Math.exp to 2 ulp and is floored", () => {
    for (let i = 0; i < 2_000; i++) {
      const x = i / 80;
      const q = BigInt(Math.floor(x * Number(ONE)));
      const want = Math.exp(-Number(q) / Number(ONE)) * Number(ONE);
      const got = Number(P.expNeg(q));
      expect(Math.abs(got - want), `x=${x}`).to.be.at.most(2);
      expect(got).to.be.at.most(want + 1e-6);
    }
    expect(P.expNeg(0n)).to.equal(ONE);
    expect(P.expNeg(m.U128_MAX)).to.equal(0n);
    expect(P.expNeg(1n << 100n)).to.equal(0n, "x << 32 overflows: saturates");
  });

  it("published reference values (protocol-notes §6.2)", () => {
    expect(Math.abs(f(P.pot(0n, 30n * DAY)) - 0.1)).to.be.below(5e-4);
    expect(Math.abs(f(P.pot(15n * DAY, 30n * DAY)) - 0.316)).to.be.below(5e-4);
    expect(P.pot(30n * DAY, 30n * DAY)).to.equal(ONE);
    expect(Math.abs(f(P.pol(900n, 1_000n)) - 0.481)).to.be.below(5e-4);
    expect(Math.abs(f(P.pol(686n, 1_000n)) - 0.1)).to.be.below(5e-4);
    expect(Math.abs(f(P.pol(500n, 1_000n)) - 0.0257)).to.be.below(5e-5);
    expect(Math.abs(f(P.pol(0n, 1_000n)) - 0.00066)).to.be.below(5e-6);
    expect(P.pol(5n, 0n)).to.equal(ONE);
    expect(Math.abs(f(P.pow(9_000n)) - 0.481)).to.be.below(5e-4);
    expect(P.pow(12_000n)).to.equal(ONE);
  });

  it("exponents round up, products down: never above the real value", () => {
    for (const age of [0n, 1n, 3_600n, 10n * DAY, 29n * DAY + 86_399n]) {
      const exact = Math.exp((-2.303 * Number(30n * DAY - age)) / Number(30n * DAY));
      expect(f(P.pot(age, 30n * DAY))).to.be.at.most(exact + 1e-9);
      expect(f(P.pot(age, 30n * DAY))).to.be.at.least(exact - 1e-6);
    }
    const m1 = P.multiplier(P.pot(0n, 100n), ONE, P.pow(9_000n));
    expect(m1).to.equal((((P.pot(0n, 100n) * ONE) >> 32n) * P.pow(9_000n)) >> 32n);
    expect(P.multiplier(ONE, ONE, ONE)).to.equal(ONE);
  });

  it("apply burns what it does not pay (and caps the multiplier at 1)", () => {
    const mult = P.multiplier(P.pot(0n, 100n), ONE, P.pow(9_000n));
    for (const standard of [0n, 1n, 7n, 1_000_000n, m.U64_MAX]) {
      const [a, b] = P.applyMultiplier(standard, mult);
      expect(a + b).to.equal(standard);
      expect(Number(a)).to.be.at.most(Number(standard) * f(mult) + 1);
    }
    expect(P.applyMultiplier(123n, ONE)).to.deep.equal([123n, 0n]);
    expect(P.applyMultiplier(123n, ONE * 5n)).to.deep.equal([123n, 0n]);
    expect(P.applyMultiplier(123n, 0n)).to.deep.equal([0n, 123n]);
  });

  it("refuses arguments outside Rust's types", () => {
    expect(() => P.pot(-1n, 10n)).to.throw(/u64/);
    expect(() => P.expNeg(-1n)).to.throw(/u128/);
  });
});

describe("math: emission schedule (emission.rs)", () => {
  const loopin = (epochSecs: bigint) =>
    new m.Schedule({ genesis: 1_712_620_800n, epochSecs, perDay: 100_000n * TOKEN, halvingSecs: 365n * DAY, maxSupply: 73_000_000n * TOKEN });

  it("daily epochs follow the published schedule", () => {
    const s = loopin(DAY);
    expect(s.epochEmission(0n, 0n)).to.equal(100_000n * TOKEN);
    expect(s.epochEmission(364n, 0n)).to.equal(100_000n * TOKEN);
    expect(s.epochEmission(365n, 0n)).to.equal(50_000n * TOKEN);
    expect(s.epochEmission(730n, 0n)).to.equal(25_000n * TOKEN);
  });

  it("an epoch across a halving is split by era", () => {
    const s = new m.Schedule({ ...loopin(DAY), halvingSecs: DAY + DAY / 2n });
    expect(s.epochEmission(1n, 0n)).to.equal(50_000n * TOKEN + 25_000n * TOKEN);
  });

  it("converges under the cap, and the cap trims", () => {
    const s = loopin(DAY);
    let total = 0n;
    for (let e = 0n; e < 365n * 40n; e++) total += s.epochEmission(e, total);
    expect(total <= s.maxSupply).to.equal(true);
    expect(s.maxSupply - total < 365n * 41n).to.equal(true);
    const tight = new m.Schedule({ ...s, maxSupply: 150_000n * TOKEN });
    expect(tight.epochEmission(1n, 100_000n * TOKEN)).to.equal(50_000n * TOKEN);
    expect(tight.epochEmission(2n, 150_000n * TOKEN)).to.equal(0n);
  });

  it("short test epochs emit pro rata; epochAt", () => {
    const s = loopin(60n);
    expect(s.epochEmission(0n, 0n)).to.equal((100_000n * TOKEN * 60n) / DAY);
    expect(s.epochAt(s.genesis + 119n)).to.equal(1n);
    expect(s.epochAt(s.genesis - 1n)).to.equal(null);
  });

  it("split assigns every base unit", () => {
    for (const total of [0n, 1n, 2n, 3n, 9n, 10n, 99_999n, 100_000n * TOKEN, m.U64_MAX / 10_001n]) {
      const s = m.split(total, 7_000, 2_000);
      expect(s.miners + s.foundation + s.team).to.equal(total);
      expect(s.team >= total / 10n && s.team <= total / 10n + 2n).to.equal(true);
    }
    expect(m.split(100_000n, 7_000, 2_000)).to.deep.equal({ total: 100_000n, miners: 70_000n, foundation: 20_000n, team: 10_000n });
  });
});

describe("quotes: claim window and claim", () => {
  const G = 1_000_000n;
  const H = 3_600n;
  const protocol = {
    emission: { genesis: G, epochSecs: 3_600, perDay: 24_000_000n, halvingSecs: 365n * DAY, maxSupply: 1n << 50n, minersBps: 7_000, foundationBps: 2_000, potRampSecs: 1 },
    emitted: 0n,
  };
  const stake = (start: bigint, end: bigint, cursor = start) => ({ end, rewardsCursor: cursor, failed: false });

  it("nothing before emission, before any pool epoch closed, or for a stake ended before genesis", () => {
    expect(quotes.claimWindow(stake(G, G + H), { nextEpoch: 1n }, { emission: { ...protocol.emission, epochSecs: 0 } })).to.equal(null);
    expect(quotes.claimWindow(stake(G, G + H), { nextEpoch: 0n }, protocol)).to.equal(null);
    expect(quotes.claimWindow(stake(G - 2n * H, G), { nextEpoch: 3n }, protocol)).to.equal(null);
    expect(quotes.settleNeedsClaim(stake(G - 2n * H, G), protocol)).to.equal(false);
    expect(quotes.settleNeedsClaim(stake(G - 2n * H, G + 1n), protocol)).to.equal(true);
  });

  it("from the cursor (or genesis) to the stake's end, or the last closed epoch", () => {
    // Stake from before genesis to G + 2.5 h: pool epochs 0..2 contain it.
    const s = stake(G - H, G + 5n * H / 2n);
    expect(quotes.claimWindow(s, { nextEpoch: 1n }, protocol)).to.deep.equal({ fromEpoch: 0n, toEpoch: 0n, from: G, to: G + H, complete: false });
    expect(quotes.claimWindow(s, { nextEpoch: 5n }, protocol)).to.deep.equal({ fromEpoch: 0n, toEpoch: 2n, from: G, to: G + 5n * H / 2n, complete: true });
    // Claimed up to G + H (the boundary): the next claim starts in epoch 1, or 0 if 1 is not closed.
    const c = stake(G - H, G + 5n * H / 2n, G + H);
    expect(quotes.claimWindow(c, { nextEpoch: 1n }, protocol)).to.equal(null, "nothing more closed");
    expect(quotes.claimWindow(c, { nextEpoch: 2n }, protocol)).to.deep.equal({ fromEpoch: 1n, toEpoch: 1n, from: G + H, to: G + 2n * H, complete: false });
    // A stake ending on a boundary needs only the epoch before it.
    const b = stake(G, G + 2n * H);
    expect(quotes.claimWindow(b, { nextEpoch: 2n }, protocol)).to.deep.equal({ fromEpoch: 0n, toEpoch: 1n, from: G, to: G + 2n * H, complete: true });
    expect(quotes.claimWindow(stake(G, G + 2n * H, G + 2n * H), { nextEpoch: 9n }, protocol)).to.equal(null, "fully claimed");
  });

  it("quoteClaim: the accumulator difference × the multiplier; repeats are no-ops", () => {
    const rho = (525_000n << 64n) / 5_400n;
    const pe = { start: G, end: G + H, rho, accStart: 0n };
    const device = { registeredAt: G - H, perfBps: 0, rewardsEarned: 0n };
    const q = quotes.quoteClaim(protocol, stake(G - H, G + 4n * H), device, pe, pe, 0n, G + 2n * H);
    expect(q.standard).to.equal((rho * 3_600n) >> 64n);
    expect(q.multiplier).to.equal(P.pow(0n), "PoT 1 (ramp 1 s), PoL 1 (nothing earned), PoW at perf 0");
    expect(q.paid + q.burned).to.equal(q.standard);
    const again = quotes.quoteClaim(protocol, stake(G - H, G + 4n * H, G + H), device, pe, pe, 0n, G + 2n * H);
    expect(again.noop).to.equal(true);
    expect(again.paid).to.equal(0n);
    const failed = quotes.quoteClaim(protocol, { ...stake(G, G + H), failed: true }, device, pe, pe, 0n, G + 2n * H);
    expect([failed.paid, failed.burned]).to.deep.equal([0n, failed.standard]);
    const later = { start: G + H, end: G + 2n * H, rho, accStart: rho * H };
    expect(() => quotes.quoteClaim(protocol, stake(G, G + 2n * H), device, later, later, 0n, G + 3n * H)).to.throw(PinfiProgramError, /WrongPoolEpoch/);
  });

  it("quoteCloseEpoch: schedule and split", () => {
    expect(quotes.quoteCloseEpoch(protocol, 0n)).to.deep.equal({ total: 1_000_000n, miners: 700_000n, foundation: 200_000n, team: 100_000n, start: G, end: G + H });
    expect(quotes.poolShare(700_000n, 3n, 4n)).to.equal(525_000n);
  });
});

describe("quotes: rental placement and refunds", () => {
  it("refund_value: pro rata of what is left, net of fees (manager/rentals.rs tests)", () => {
    expect(quotes.refundValue(1_000n, 10n, 3_600n, 3_600n)).to.equal(990n);
    expect(quotes.refundValue(1_000n, 10n, 3_600n, 1_800n)).to.equal(495n);
    expect(quotes.refundValue(1_000n, 10n, 3_600n, 1n)).to.equal(0n);
    expect(quotes.refundValue(1_000n, 10n, 0n, 0n)).to.equal(0n);
    expect(quotes.refundValue(1_000n, 10n, 3_600n, 7_200n)).to.equal(990n, "never more than was paid");
  });

  it("devicesFor: ceil(rate), at least 1, at most 8 (TooManyDevices above)", () => {
    expect(quotes.devicesFor(1n)).to.equal(1);
    expect(quotes.devicesFor(m.RATE_ONE)).to.equal(1);
    expect(quotes.devicesFor(m.RATE_ONE + 1n)).to.equal(2);
    expect(quotes.devicesFor(8n * m.RATE_ONE)).to.equal(8);
    expect(() => quotes.devicesFor(8n * m.RATE_ONE + 1n)).to.throw(PinfiProgramError, "TooManyDevices");
    expect(quotes.devicesForOrNull(8n * m.RATE_ONE + 1n)).to.equal(null);
    expect(quotes.devicesForOrNull(8n * m.RATE_ONE)).to.equal(8);
    expect(quotes.MAX_RENTAL_DEVICES).to.equal(8);
    expect(constants.MAX_RENTAL_DEVICES).to.equal(8);
  });

  it("quoteRefundRental: only waiting rentals, only after the placement window", () => {
    const r = { status: "waiting" as const, waitingSince: 1_000n, rate: m.RATE_ONE, end: 1_000n + 3_600n, paid: 1_000n, fees: 10n, gpuSeconds: 3_600n };
    expect(() => quotes.quoteRefundRental(r, 1_800, 2_000n)).to.throw(PinfiProgramError, /PlacementWindowOpen/);
    expect(quotes.quoteRefundRental(r, 1_800, 2_800n)).to.deep.equal({ refund: 495n, remaining: 1_800n });
    expect(quotes.quoteRefundRental(r, 1_800, 9_999n).refund).to.equal(0n);
    expect(() => quotes.quoteRefundRental({ ...r, status: "placed" }, 1_800, 9_999n)).to.throw(PinfiProgramError, /RentalNotWaiting/);
  });
});

describe("quotes: renter compensation (manager/rentals.rs)", () => {
  const rental = { end: 10_000n, rate: m.RATE_ONE, paid: 1_000n, fees: 10n, gpuSeconds: 3_600n, devices: 1 };
  it("the purchase value of what is left on the device after the failure, per device, capped by the collateral", () => {
    expect(quotes.renterCompensation(rental, 10_000n, 8_200n, 10_000n)).to.equal(495n);
    expect(quotes.renterCompensation({ ...rental, devices: 2 }, 10_000n, 8_200n, 10_000n)).to.equal(247n);
    expect(quotes.renterCompensation(rental, 10_000n, 8_200n, 100n)).to.equal(100n);
    expect(quotes.renterCompensation(rental, 9_000n, 9_000n, 10_000n)).to.equal(0n, "booking over before the failure");
    expect(quotes.renterCompensation(rental, 20_000n, 8_200n, 10_000n)).to.equal(495n, "never past the rental's end");
  });
});
