import { expect } from "chai";
import { DEFAULT_MC, runMonteCarlo } from "../src/model/montecarlo";
import { Prng } from "../src/prng";

const small = { ...DEFAULT_MC, days: 16, providers: 40, buyers: 30 };

describe("Monte-Carlo", function () {
  this.timeout(60_000);

  it("is reproducible from its seed, and the seed matters", () => {
    const a = runMonteCarlo(small);
    const b = runMonteCarlo(small);
    expect(b.days).to.deep.equal(a.days);
    expect(b.price).to.deep.equal(a.price);
    const c = runMonteCarlo({ ...small, seed: small.seed + 1 });
    expect(c.price).to.not.deep.equal(a.price);
  });

  it("too little reward: no LP stays and no market forms; enough reward: LPs, sellers and buyers coexist", () => {
    const low = runMonteCarlo({ ...small, rewardY: 0.3 });
    expect(low.verdict.holds).to.equal(false);
    expect(low.verdict.why).to.match(/no liquidity/);
    const mid = runMonteCarlo({ ...small, rewardY: 1.0 });
    expect(mid.verdict.lpShare).to.be.above(0.05);
    expect(mid.verdict.sellerShare).to.be.above(0.05);
    expect(mid.verdict.fill).to.be.above(0.2);
  });

  it("rewards minted and burned add up to the standard reward (PoCPS time ramp)", () => {
    const r = runMonteCarlo({ ...small, rewardY: 1.0 });
    const paid = r.days.reduce((a, d) => a + d.rewardsPaid, 0n);
    const burned = r.days.reduce((a, d) => a + d.rewardsBurned, 0n);
    expect(paid > 0n).to.equal(true);
    expect(burned >= 0n).to.equal(true);
  });
});

describe("Prng", () => {
  it("gives the same stream for the same seed and is roughly uniform", () => {
    const a = new Prng(1);
    const b = new Prng(1);
    const xs = Array.from({ length: 10_000 }, () => a.next());
    expect(Array.from({ length: 10_000 }, () => b.next())).to.deep.equal(xs);
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    expect(mean).to.be.closeTo(0.5, 0.01);
    expect(new Prng(2).next()).to.not.equal(xs[0]);
  });
});
