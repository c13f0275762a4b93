import { expect } from "chai";
import { ComputeBudgetProgram, Keypair, PublicKey, Transaction } from "@solana/web3.js";
import { instructions } from "@pinfi/sdk";
import { RoundSecrets, draw, roundAt, roundStart, slotHashAt, wins } from "../src/service/lottery";
import { rootFromPath, leafHash } from "../src";

describe("lottery (the program's manager/lottery.rs rules)", () => {
  const c = { root: new Uint8Array(32), startSlot: 100n, rounds: 5, roundSlots: 10 };

  it("rounds: inside the commitment only", () => {
    expect([roundAt(99n, c), roundAt(100n, c), roundAt(149n, c), roundAt(150n, c)]).to.deep.equal([null, 0n, 4n, null]);
    expect(roundAt(120n, { ...c, roundSlots: 0 })).to.equal(null);
    expect(roundStart(c, 3n)).to.equal(130n);
  });

  it("thresholds: draws/verifiers of the u64 range, everyone when draws ≥ verifiers", () => {
    const t = (2n ** 64n - 1n) / 4n;
    expect([wins(t - 1n, 1, 4), wins(t, 1, 4)]).to.deep.equal([true, false]);
    expect([wins(2n ** 64n - 1n, 2, 2), wins(0n, 0, 5), wins(0n, 1, 0)]).to.deep.equal([true, false, false]);
    let won = 0;
    for (let i = 0; i < 4000; i++) if (wins(draw(new Uint8Array(32).fill(7), new Uint8Array(32).fill(i & 255), new PublicKey(new Uint8Array(32).fill(i >> 8))), 1, 4)) won++;
    expect(won).to.be.within(800, 1200);
  });

  it("slot hashes: the newest entry at or before the slot", () => {
    const data = new Uint8Array(8 + 3 * 40);
    const view = new DataView(data.buffer);
    view.setBigUint64(0, 3n, true);
    [30n, 20n, 10n].forEach((s, e) => {
      view.setBigUint64(8 + 40 * e, s, true);
      data.fill(3 - e, 16 + 40 * e, 48 + 40 * e);
    });
    expect(Array.from(slotHashAt(data, 29n)!)).to.deep.equal(new Array(32).fill(2));
    expect(Array.from(slotHashAt(data, 30n)!)).to.deep.equal(new Array(32).fill(3));
    expect(slotHashAt(data, 9n)).to.equal(null);
    expect(slotHashAt(data.subarray(0, 50), 10n)).to.equal(null);
  });

  it("round secrets: derived from the key and the start, every ticket proves against the root", () => {
    const key = Keypair.generate().secretKey;
    const s = new RoundSecrets(key, 500n, 13);
    expect(Buffer.from(new RoundSecrets(key, 500n, 13).root).equals(Buffer.from(s.root))).to.equal(true, "deterministic");
    expect(Buffer.from(new RoundSecrets(key, 501n, 13).root).equals(Buffer.from(s.root))).to.equal(false, "bound to the start");
    for (let r = 0n; r < 13n; r++) {
      const t = s.ticket(r);
      expect(Buffer.from(rootFromPath(leafHash(t.secret), Number(r), 13, t.path)!).equals(Buffer.from(s.root))).to.equal(true);
    }
    expect(() => new RoundSecrets(key, 0n, 0)).to.throw(/rounds/);
  });

  it("open_challenge with a ticket of the largest commitment (2^16 rounds) and a priority fee fits one transaction", () => {
    const s = new RoundSecrets(Keypair.generate().secretKey, 1n, 1 << 16);
    const k = () => Keypair.generate().publicKey;
    const tx = new Transaction({ feePayer: k(), recentBlockhash: "11111111111111111111111111111111" }).add(
      ComputeBudgetProgram.setComputeUnitLimit({ units: 200_000 }),
      ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 1_000 }),
      instructions.openChallenge({
        authority: k(), pool: k(), device: k(), stake: k(), deviceChallengeCount: 2n ** 40n, paramsId: 1, nonceCommit: new Uint8Array(32),
        ticket: s.ticket(BigInt((1 << 16) - 1)),
      }),
    );
    const size = tx.serialize({ requireAllSignatures: false, verifySignatures: false }).length;
    expect(s.ticket(0n).path).to.have.length(16);
    expect(size).to.be.at.most(1232);
  });
});
