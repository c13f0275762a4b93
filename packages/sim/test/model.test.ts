// The model's building blocks: the steady book, the drift it implies, the roles' payoffs and the
// sweep's labels, each against what the mechanism says they must be.
import { expect } from "chai";
import { steadyBook, T0 } from "../src/model/book";
import { payoffsAt, sellerEntry } from "../src/model/boundary";
import { DEFAULT_ECONOMY } from "../src/model/economy";
import { GENUINE, LP, SELLER, SPECULATOR, describe as names } from "../src/model/labels";
import { speculate } from "../src/model/speculator";
import { centres, labelAt, sweep } from "../src/model/sweep";
import { trajectory } from "../src/model/trajectory";
import { hoursToReach, isqrt, priceFloor, Window } from "../src/model/window";
import { Prng } from "../src/prng";
import { HOUR, TOKEN } from "../src/units";

process.env.PINFI_SIM_QUIET = "1";
const eco = DEFAULT_ECONOMY;
const coarse = { x: { min: 0, max: 3, step: 0.1 }, y: { min: 0, max: 1.5, step: 0.1 } };

describe("model", () => {
  it("the steady book sits at the asked price with N·(T+1)/2 device-hours", () => {
    const book = steadyBook(eco, 1_234_567n);
    const h = book.pool.hoursAt(T0);
    expect(h).to.equal(eco.cohortDevices * HOUR * BigInt((eco.windowHours * (eco.windowHours + 1)) / 2));
    const p = priceFloor(book.pool, T0)!;
    expect(Number(p)).to.be.closeTo(1_234_567, 2);
  });

  it("an untraded renewing book drifts up (dissipation), and sellers at their entry stop it", () => {
    const book = steadyBook(eco, TOKEN);
    const free = Window.from(eco, book, T0, { lpRenew: true, delta: 0n });
    for (let h = 0; h < eco.windowHours; h++) free.step();
    // Deposits at ever higher prices, settlements at NAV: P grows like e^{zt/T}, z = 2(1 − e^{−z}) ≈ 1.594.
    expect(free.pool.priceAt(free.now) / Number(TOKEN)).to.be.within(4.6, 5.3);
    const capped = Window.from(eco, book, T0, { lpRenew: true, delta: 0n, sellerEntry: (TOKEN * 11n) / 10n });
    for (let h = 0; h < 6; h++) {
      capped.step();
      capped.sellersAct();
    }
    expect(capped.pool.priceAt(capped.now) / Number(TOKEN)).to.be.closeTo(1.1, 0.001);
  });

  it("hoursToReach brings a constant-product pool to the target price", () => {
    const rng = new Prng(5);
    for (let k = 0; k < 50; k++) {
      const u = 1_000n + rng.big(10n ** 12n);
      const h = 3_600n + rng.big(10n ** 9n);
      const target = ((u * HOUR) / h) * 9n / 10n;
      const add = hoursToReach(u, h, target);
      const after = (u * h * HOUR) / ((h + add) * (h + add));
      expect(Number(after) / Number(target)).to.be.closeTo(1, 1e-3);
    }
    expect(isqrt(10n ** 30n)).to.equal(10n ** 15n);
    expect(isqrt(99n)).to.equal(9n);
  });

  it("payoffs: sellers break even just above cost, LPs without buyers lose exactly their cost", () => {
    expect(sellerEntry(eco)).to.be.within(1.0, 1.01);
    const pay = payoffsAt(eco, 1.5);
    expect(pay.lpAlone).to.equal(-eco.cost * BigInt(eco.windowHours));
    expect(pay.lpWithBuyers > pay.lpAlone).to.equal(true);
  });

  it("a speculator cannot profit where sellers already hold the price", () => {
    const book = steadyBook(eco, TOKEN * 2n);
    const r = speculate(eco, book, { lpRenew: true, delta: 0n, sellerEntry: TOKEN * 2n });
    expect(r.profit < 0n).to.equal(true);
  });

  it("the sweep labels cells consistently with the payoffs", () => {
    const [d] = sweep(eco, coarse, [{ id: "d", xg: 1.31 }]);
    expect(d.xs).to.deep.equal(centres(coarse.x));
    d.xs.forEach((x, i) =>
      d.ys.forEach((y, j) => {
        const l = labelAt(d, i, j);
        if (l & SELLER) expect(x, `seller at ${x},${y}`).to.be.above(1);
        expect(Boolean(l & GENUINE), `genuine at ${x}`).to.equal(x < 1.3);
        expect((l & LP) && (l & SELLER)).to.equal(0);
      }),
    );
    // The sweep is a pure function of its inputs.
    expect(sweep(eco, coarse, [{ id: "d", xg: 1.31 }])[0].labels).to.deep.equal(d.labels);
    expect(names(LP | GENUINE | SPECULATOR)).to.equal("LP+genuine+speculator");
  });

  it("the diagram does not depend on the cost level: every axis is normalised by β + pθ", () => {
    const [a] = sweep(eco, coarse, [{ id: "c", xg: 1.32 }]);
    const [b] = sweep({ ...eco, cost: eco.cost * 3n }, coarse, [{ id: "c", xg: 1.32 }]);
    expect(b.labels).to.deep.equal(a.labels);
  });

  it("a trajectory at y = 0.79 drifts right and is held where sellers enter", () => {
    const pts = trajectory(eco, 1.0, 0.79, 1.31, 24);
    expect(pts[0].x).to.be.closeTo(1.0, 0.03); // after the first hour's buyers
    const held = pts.filter((p) => p.sellers);
    expect(held.length).to.be.above(0);
    expect(Math.max(...pts.slice(-6).map((p) => p.x))).to.be.below(1.25);
  });
});
