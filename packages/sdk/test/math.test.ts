// Ports of the Rust unit tests plus the widths where overflow must be caught.
import { expect } from "chai";
import { math as m, PinfiSdkError } from "../src";

const kind = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof m.PoolMathError) return e.kind;
    throw e;
  }
  return "ok";
};

describe("math", () => {
  it("rounds in the direction its name says (fixed.rs)", () => {
    expect(m.mulDivFloor(7n, 3n, 2n)).to.equal(10n);
    expect(m.mulDivCeil(7n, 3n, 2n)).to.equal(11n);
    expect(m.mulDivCeil(8n, 3n, 2n)).to.equal(12n);
    expect(m.divCeil(9n, 4n)).to.equal(3n);
    expect(m.divCeil(8n, 4n)).to.equal(2n);
    expect(kind(() => m.mulDivFloor(1n, 1n, 0n))).to.equal("Math");
    expect(kind(() => m.mulDivFloor(m.U128_MAX, m.U128_MAX, 1n))).to.equal("Math");
    expect(m.mulDivFloor(m.U128_MAX, m.U128_MAX, m.U128_MAX)).to.equal(m.U128_MAX);
    expect(kind(() => m.mulDivCeil(m.U128_MAX, 2n, 2n))).to.equal("ok");
    expect(kind(() => m.mulDivCeil(m.U128_MAX, 3n, 2n))).to.equal("Math");
  });

  it("curve directions (curve.rs)", () => {
    expect(m.feeCeil(1n, 30n)).to.equal(1n);
    expect(m.feeCeil(10_000n, 30n)).to.equal(30n);
    expect(m.hoursOutFloor(1_000n, 3_600n, 1_000n)).to.equal(1_800n);
    expect(m.tokensInForHoursCeil(1_000n, 3_600n, 1_800n)).to.equal(1_000n);
    expect(m.tokensInForHoursCeil(1_000n, 3_600n, 1_801n)).to.equal(1_002n);
    expect(m.tokensOutFloor(1_000n, 3_600n, 3_600n)).to.equal(500n);
    expect(m.equalValueTokensCeil(1_000n, 3_000n, 1n, 0n)).to.equal(1n);
    expect(m.equalValueTokensCeil(0n, 0n, 7_200n, 5n)).to.equal(10n);
    expect(m.lpPayoutFloor(1n, 3n, 10n)).to.equal(3n);
    expect(m.perHourChargeCeil(10n, 1n)).to.equal(1n);
    expect(m.collateralCeil(7n, 1_000_000n)).to.equal(700n);
    expect(m.grossForNetCeil(997n, 30n)).to.equal(1_000n);
    expect(kind(() => m.hoursOutFloor(0n, 5n, 5n))).to.equal("EmptyReserve");
    expect(kind(() => m.checkKNonDecreasing(10n, 10n, 11n, 9n))).to.equal("InvariantViolated");
    expect(kind(() => m.grossForNetCeil(1n, 10_000n))).to.equal("ZeroAmount");
    expect(kind(() => m.grossForNetCeil(1n, 10_001n))).to.equal("Math"); // u64 underflow of 10 000 − bps
  });

  it("decay (decay.rs)", () => {
    const end = 10_000n;
    expect(m.balanceFloor(m.RATE_ONE, end, 0n)).to.equal(10_000n);
    expect(m.balanceFloor(m.RATE_ONE, end, 9_999n)).to.equal(1n);
    expect(m.balanceFloor(m.RATE_ONE, end, 20_000n)).to.equal(0n);
    const [e2, now] = [7_200n, 1_234n];
    const before = m.balanceFloor(m.RATE_ONE, e2, now);
    const left = m.withdraw(m.RATE_ONE, e2, now, 1_000n);
    expect(m.balanceFloor(left, e2, now) + 1_000n <= before).to.equal(true);
    expect(m.balanceFloor(m.withdraw(m.RATE_ONE, e2, now, before), e2, now)).to.equal(0n);
    expect(kind(() => m.withdraw(m.RATE_ONE, e2, now, before + 1n))).to.equal("InsufficientHours");
    expect(kind(() => m.withdraw(m.RATE_ONE, e2, now, 0n))).to.equal("ZeroAmount");
    expect(kind(() => m.rateFloor(5n, e2, e2))).to.equal("BadLotEnd");
    expect(kind(() => m.balanceFloor(m.U128_MAX, 2n, 0n))).to.equal("Math"); // result beyond u64
  });

  it("checked widths and Rust casts", () => {
    expect(kind(() => m.checked.add(m.U64_MAX, 1n, "u64"))).to.equal("Math");
    expect(m.checked.add(m.U64_MAX, 1n, "u128")).to.equal(2n ** 64n);
    expect(kind(() => m.checked.sub(3n, 4n, "u64"))).to.equal("Math");
    expect(kind(() => m.checked.add(m.I64_MAX, 1n, "i64"))).to.equal("Math");
    expect(kind(() => m.checked.div(7n, 0n, "u64"))).to.equal("Math");
    expect(m.checked.div(-7n, 2n, "i64")).to.equal(-3n); // toward zero, as Rust
    expect(m.checked.asU128(-1n)).to.equal(m.U128_MAX);
    expect((() => { try { m.checked.toU64(m.U64_MAX + 1n); } catch (e) { return (e as m.MathError).op; } })()).to.equal("u128->u64");
  });

  it("refuses inputs outside the Rust parameter types (a caller bug, not Error::Math)", () => {
    expect(() => m.feeCeil(-1n, 30n)).to.throw(PinfiSdkError, /not a u64/);
    expect(() => m.feeCeil(1n, 70_000n)).to.throw(PinfiSdkError, /not a u16/);
    expect(() => m.balanceFloor(1n, 2n ** 63n, 0n)).to.throw(PinfiSdkError, /not a i64/);
    expect(() => m.feeCeil(1 as any, 30n)).to.throw(PinfiSdkError);
  });

  it("aligns to buckets with Euclidean remainders and maps negative boundaries into the ring", () => {
    expect(m.alignDown(-1n, 3_600n)).to.equal(-3_600n);
    expect(m.alignUp(-1n, 3_600n)).to.equal(0n);
    expect(m.alignUp(3_600n, 3_600n)).to.equal(3_600n);
    const r = m.Reserve.create(3_600n, 0n);
    expect(r.slot(-3_600n)).to.equal(255);
    expect(r.slot(256n * 3_600n)).to.equal(0);
    expect(kind(() => m.Reserve.create(0n, 0n))).to.equal("BadLotEnd");
  });

  it("a buy removes hours pro rata and leaves the reserve exactly at target", () => {
    const r = m.Reserve.create(3_600n, 0n);
    const slots = m.emptySlots();
    r.addLot(slots, 0n, 7_200n, m.RATE_ONE);
    r.addLot(slots, 0n, 3_600n * 10n, m.RATE_ONE * 3n);
    const h = r.hoursAt(slots, 100n);
    expect(r.removeProRata(slots, 100n, 1_000n)).to.equal(h - 1_000n);
    expect(r.hoursAt(slots, 100n)).to.equal(h - 1_000n);
    const copy = r.clone();
    copy.scale = 1n;
    expect(r.scale).to.not.equal(1n);
  });
});
