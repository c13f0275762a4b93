// settle_expired failures name the instruction, not the stake: the crank re-checks which stakes
// are gone (done by someone else) and resends the rest, or halves the batch until the failing
// stake stands alone. A fake sender stands in for the chain.
import { expect } from "chai";
import { Keypair, PublicKey, TransactionInstruction } from "@solana/web3.js";
import { errors, instructions, pdas, PROGRAM_ID } from "@pinfi/sdk";
import { Metrics, SettlementCrank } from "../src";
import { emptyReport } from "../src/context";
import type { Classified } from "../src";

const pool = pdas.pool("H100")[0];
const mint = Keypair.generate().publicKey;
const FIXED = 8; // named accounts of settle_expired (event accounts included) before the six per stake

function world(n: number) {
  const stakes = Array.from({ length: n }, () => ({ address: Keypair.generate().publicKey, account: { pool, owner: Keypair.generate().publicKey, device: Keypair.generate().publicKey } }));
  const alive = new Set(stakes.map((s) => s.address.toBase58()));
  const bad = new Set<string>();
  const sent: number[] = [];
  const failure = (name: string, cls: Classified["class"]): Classified => ({ class: cls, name, error: Object.assign(new errors.PinfiSdkError("Program", name, false), { instructionIndex: 1 }) });
  /** Closed "by another keeper" right before our next send lands. */
  let racedAway: string[] = [];
  const ctx = {
    programId: PROGRAM_ID,
    cfg: { commitment: "confirmed", log: { level: "silent" } },
    connection: {
      getMultipleAccountsInfo: async (keys: PublicKey[]) => keys.map((k) => (alive.has(k.toBase58()) ? { owner: PROGRAM_ID, data: Buffer.alloc(8), lamports: 1, executable: false } : null)),
    },
    sender: {
      send: async (_kind: string, _label: string, ixs: TransactionInstruction[]) => {
        for (const r of racedAway) alive.delete(r);
        racedAway = [];
        const keys = ixs[0].keys.slice(FIXED).filter((_, i) => i % 6 === 0).map((k) => k.pubkey.toBase58());
        sent.push(keys.length);
        if (keys.some((k) => !alive.has(k))) return { status: "failed", failure: failure("AccountNotInitialized", "done") };
        if (keys.some((k) => bad.has(k))) return { status: "failed", failure: failure("WrongTokenAccount", "fatal") };
        for (const k of keys) alive.delete(k);
        return { status: "landed", signature: "sig", slot: 1 };
      },
    },
    report: emptyReport(),
    metrics: new Metrics(),
    log: { info() {}, debug() {}, warn() {}, error() {} },
    signal: new AbortController().signal,
  };
  const crank = new SettlementCrank() as unknown as {
    hooks(ctx: unknown, byKey: Map<string, unknown>, settled: Set<string>): unknown;
    sendSweep(ctx: unknown, items: string[], build: (items: string[]) => TransactionInstruction, price: bigint, tablesFor: () => undefined, hooks: unknown): Promise<void>;
  };
  const byKey = new Map(stakes.map((s) => [s.address.toBase58(), { stake: s }]));
  const build = (items: string[]) =>
    instructions.settleExpired({
      pool, utilityMint: mint,
      stakes: items.map((i) => {
        const s = byKey.get(i)!.stake;
        return { stake: s.address, device: s.account.device, owner: s.account.owner, ownerTokens: s.account.owner };
      }),
    });
  const sweep = async () => crank.sendSweep(ctx, stakes.map((s) => s.address.toBase58()), build, 0n, () => undefined, crank.hooks(ctx, byKey, new Set()));
  return { stakes, alive, bad, sent, ctx, sweep, race: (k: string[]) => (racedAway = k) };
}

describe("settle_expired sweeps: failures", () => {
  it("all land in one transaction", async () => {
    const w = world(20);
    await w.sweep();
    expect(w.sent).to.deep.equal([20]);
    expect([w.ctx.report.settled, w.ctx.report.transactions, w.alive.size]).to.deep.equal([20, 1, 0]);
    expect(w.ctx.report.settlementsPerTx).to.deep.equal([20]);
  });

  it("stakes closed by a racing keeper are dropped as done; the rest is resent at once", async () => {
    const w = world(20);
    w.race([w.stakes[3].address.toBase58(), w.stakes[11].address.toBase58()]);
    await w.sweep();
    expect(w.sent).to.deep.equal([20, 18]);
    expect([w.ctx.report.settled, w.ctx.report.alreadyDone, w.ctx.report.failures, w.alive.size]).to.deep.equal([18, 2, 0, 0]);
  });

  it("a stake failing on its own is isolated by halving; only it is reported, every other settles", async () => {
    const w = world(10);
    w.bad.add(w.stakes[6].address.toBase58());
    await w.sweep();
    expect(w.ctx.report.settled).to.equal(9);
    expect(w.ctx.report.failures).to.equal(1);
    expect([...w.alive]).to.deep.equal([w.stakes[6].address.toBase58()]);
    expect(w.sent[0]).to.equal(10);
    expect(w.sent.length).to.be.at.most(1 + 2 * Math.ceil(Math.log2(10)) + 1, "logarithmic, not one by one");
  });
});
