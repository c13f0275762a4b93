import { expect } from "chai";
import { Keypair, PublicKey } from "@solana/web3.js";
import { pdas, PROGRAM_ID } from "@pinfi/sdk";
import type { Pool, Protocol, Stake } from "@pinfi/sdk";
import { needsRenter, planSettlement, TRACE } from "../src";

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
});
