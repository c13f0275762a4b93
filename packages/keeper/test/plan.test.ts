import { expect } from "chai";
import { Keypair, PublicKey } from "@solana/web3.js";
import { pdas, PROGRAM_ID } from "@pinfi/sdk";
import type { Pool, Protocol, Stake } from "@pinfi/sdk";
import { needsRenter, planSettlement, planSweep, TRACE } from "../src";

const key = () => Keypair.generate().publicKey;
const G = 1_000_000n;
const H = 3_600n;
const pool = pdas.pool("H100")[0];
const protocol = (epochSecs: number) =>
  ({ utilityMint: key(), emission: { genesis: G, epochSecs, perDay: 24_000_000n, halvingSecs: 10n ** 9n, maxSupply: 1n << 50n, minersBps: 7_000, foundationBps: 2_000, potRampSecs: 1 } }) as unknown as Protocol;
const stake = (o: Partial<Stake>) =>
  ({ address: key(), account: { owner: key(), pool, device: key(), kind: "lp", failed: false, end: G + 2n * H, rewardsCursor: G - H, bookedBy: PublicKey.default, bookedUntil: 0n, ...o } as unknown as Stake });

describe("settlement planning", () => {
  it("claim + settle when emission needs it and the stake's last epoch is closed; waits otherwise", () => {
    const s = stake({});
    const plan = planSettlement(s, { nextEpoch: 2n } as Pool, protocol(3_600), key(), PROGRAM_ID);
    expect("instructions" in plan && plan.instructions.length).to.equal(2);
    expect("trace" in plan && plan.trace).to.equal(TRACE.claimRewards + TRACE.settleStake);
    expect(planSettlement(s, { nextEpoch: 1n } as Pool, protocol(3_600), key(), PROGRAM_ID)).to.deep.equal({ waitingForEpoch: true });
  });

  it("settle only without emission (or a stake ended before genesis)", () => {
    const plan = planSettlement(stake({}), { nextEpoch: 0n } as Pool, protocol(0), key(), PROGRAM_ID);
    expect("instructions" in plan && plan.instructions.length).to.equal(1);
    const before = planSettlement(stake({ end: G - H }), { nextEpoch: 0n } as Pool, protocol(3_600), key(), PROGRAM_ID);
    expect("instructions" in before && before.trace).to.equal(TRACE.settleStake);
  });

  it("a failed seller booked by a rental names the rental and the renter's tokens", () => {
    const rental = key();
    const s = stake({ kind: "seller", failed: true, bookedBy: rental, end: G - H });
    expect(needsRenter(s.account)).to.equal(true);
    expect(needsRenter(stake({ kind: "seller", failed: true }).account)).to.equal(false);
    const buyerTokens = key();
    const plan = planSettlement(s, { nextEpoch: 0n } as Pool, protocol(0), key(), PROGRAM_ID, { rental, buyerTokens });
    if (!("instructions" in plan)) throw new Error("expected a plan");
    const keys = plan.instructions[0].keys;
    expect(keys.slice(-2).map((k) => k.pubkey.toBase58())).to.deep.equal([rental.toBase58(), buyerTokens.toBase58()]);
    expect(plan.trace).to.equal(TRACE.settleStakeWithRenter);
  });

  it("sweep entries: the claim window's epochs when emission needs them, none before genesis, null while the last epoch is open", () => {
    const s = stake({});
    const owner = key();
    const e = planSweep(s, { nextEpoch: 2n } as Pool, protocol(3_600), owner);
    expect(e && [e.stake.toBase58(), e.device.toBase58(), e.ownerTokens.toBase58(), e.fromEpoch, e.toEpoch]).to.deep.equal([s.address.toBase58(), s.account.device.toBase58(), owner.toBase58(), 0n, 1n]);
    expect(planSweep(s, { nextEpoch: 1n } as Pool, protocol(3_600), owner)).to.equal(null);
    const pre = planSweep(stake({ end: G - H }), { nextEpoch: 0n } as Pool, protocol(3_600), owner);
    expect(pre && pre.fromEpoch).to.equal(undefined);
    // A stake owing a renter is not a sweep's: the program would refuse it.
    expect(() => planSweep(stake({ kind: "seller", failed: true, bookedBy: key() }), { nextEpoch: 0n } as Pool, protocol(0), owner)).to.throw(/RenterAccountsMissing/);
    expect(TRACE.settleExpired(29)).to.equal(62); // + a compute-limit instruction: 63 ≤ 64
  });
});
