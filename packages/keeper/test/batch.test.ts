import { expect } from "chai";
import { AddressLookupTableAccount, ComputeBudgetProgram, Keypair, PublicKey } from "@solana/web3.js";
import { instructions, pdas } from "@pinfi/sdk";
import { GroupTooLargeError, MAX_INSTRUCTION_TRACE, MAX_TRANSACTION_BYTES, measure, pack, splitIntoInstructions } from "../src";

const payer = Keypair.generate().publicKey;
const mint = Keypair.generate().publicKey;
const pool = pdas.pool("H100")[0];

/** claim_rewards + settle_stake of a stake with its own device, owner and token account. */
function stakeGroup(i: number, sharedOwner?: PublicKey) {
  const [device, stake, ownerOwn, tokensOwn] = [0, 1, 2, 3].map(() => Keypair.generate().publicKey);
  const owner = sharedOwner ?? ownerOwn;
  const ownerTokens = sharedOwner ? pdas.pool("T")[0] : tokensOwn;
  return {
    item: i,
    accounts: [device, stake, owner, ownerTokens],
    instructions: [
      instructions.claimRewards({ pool, device, stake, ownerTokens, fromEpoch: 3n, toEpoch: 4n, utilityMint: mint }),
      instructions.settleStake({ pool, stake, owner, ownerTokens, utilityMint: mint }),
    ],
  };
}
const table = (addresses: PublicKey[]) =>
  new AddressLookupTableAccount({ key: Keypair.generate().publicKey, state: { deactivationSlot: 2n ** 64n - 1n, lastExtendedSlot: 0, lastExtendedSlotStartIndex: 0, authority: payer, addresses } });
const shared = [pool, mint, pdas.protocol()[0], pdas.rewardsVault()[0], pdas.vault(pool)[0], pdas.poolEpoch(pool, 3n)[0], pdas.poolEpoch(pool, 4n)[0], pdas.eventAuthority()[0], new PublicKey("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA")];

describe("batching", () => {
  const groups = Array.from({ length: 45 }, (_, i) => stakeGroup(i));

  it("legacy-size packing: 4 claim + settle per transaction under 1232 bytes", () => {
    const batches = pack(groups, { payer, maxAccountLocks: 128 });
    expect(batches[0].items).to.have.lengthOf(4);
    for (const b of batches) expect(b.measure.bytes).to.be.at.most(MAX_TRANSACTION_BYTES);
    expect(batches.flatMap((b) => b.items)).to.deep.equal(groups.map((g) => g.item), "every group once, in order");
  });

  it("v0 + lookup table: 21 per transaction without a compute budget, 20 with limit and price", () => {
    const lookupTables = [table([...shared, ...groups.flatMap((g) => g.accounts)])];
    const bare = pack(groups, { payer, lookupTables, maxAccountLocks: 128, maxGroups: 64 });
    expect(bare[0].items).to.have.lengthOf(21);
    expect(bare[0].measure.bytes).to.be.at.most(MAX_TRANSACTION_BYTES);
    const prefix = [ComputeBudgetProgram.setComputeUnitLimit({ units: 1_400_000 }), ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 1_000 })];
    expect(pack(groups, { payer, lookupTables, prefix, maxAccountLocks: 128 })[0].items).to.have.lengthOf(20);
    expect(pack(groups, { payer, lookupTables, prefix: prefix.slice(0, 1), maxAccountLocks: 128 })[0].items).to.have.lengthOf(20);
  });

  it("the account-lock limit binds first at 64 locks (mainnet today): 13 stakes of distinct owners", () => {
    const lookupTables = [table([...shared, ...groups.flatMap((g) => g.accounts)])];
    const b = pack(groups, { payer, lookupTables, maxAccountLocks: 64 });
    expect(b[0].items).to.have.lengthOf(13);
    expect(b[0].measure.accounts).to.be.at.most(64);
  });

  it("96 locks (the proposed v1-transaction limit, SIMD-0596): 21 stakes of distinct owners", () => {
    const lookupTables = [table([...shared, ...groups.flatMap((g) => g.accounts)])];
    const b = pack(groups, { payer, lookupTables, maxAccountLocks: 96 });
    expect(b[0].items).to.have.lengthOf(21);
    expect(b[0].measure.accounts).to.be.at.most(96);
  });

  it("stakes of one operator share owner accounts: more fit under 64 locks", () => {
    const owner = Keypair.generate().publicKey;
    const same = Array.from({ length: 40 }, (_, i) => stakeGroup(i, owner));
    const lookupTables = [table([...shared, owner, pdas.pool("T")[0], ...same.flatMap((g) => g.accounts)])];
    expect(pack(same, { payer, lookupTables, maxAccountLocks: 64 })[0].items.length).to.be.at.least(20);
  });

  it("the 64-entry instruction trace (CPIs included): 9 claim + settle, 21 settle-only", () => {
    const lookupTables = [table([...shared, ...groups.flatMap((g) => g.accounts)])];
    const prefix = [ComputeBudgetProgram.setComputeUnitLimit({ units: 1_400_000 })];
    const claimAndSettle = groups.map((g) => ({ ...g, trace: 7 }));
    expect(pack(claimAndSettle, { payer, lookupTables, prefix, maxAccountLocks: 128 }).map((b) => b.items.length)).to.deep.equal([9, 9, 9, 9, 9]);
    const settleOnly = groups.map((g) => ({ ...g, instructions: g.instructions.slice(1), trace: 3 }));
    const b = pack(settleOnly, { payer, lookupTables, maxAccountLocks: 128 });
    expect(b[0].items.length).to.equal(21);
    expect(b[0].trace).to.be.at.most(64);
  });

  it("caps groups per transaction; a group that fits nowhere throws", () => {
    expect(pack(groups, { payer, maxGroups: 2 })[0].items).to.have.lengthOf(2);
    const huge = { item: 0, instructions: Array.from({ length: 12 }, () => stakeGroup(0).instructions).flat() };
    expect(() => pack([huge], { payer })).to.throw(GroupTooLargeError);
    expect(measure(payer, huge.instructions)).to.equal(null);
  });
});

describe("batching settle_expired sweeps (one instruction, six accounts per stake)", () => {
  const groups = Array.from({ length: 60 }, (_, i) => stakeGroup(i)); // 9 + 240 addresses: one table (≤ 256)
  const entry = (i: number) => {
    const [device, stake, owner, ownerTokens] = groups[i].accounts;
    return { stake, device, owner, ownerTokens, fromEpoch: 3n, toEpoch: 4n };
  };
  const build = (run: number[]) => instructions.settleExpired({ pool, utilityMint: mint, stakes: run.map(entry) });
  const items = groups.map((g) => g.item);
  const lookupTables = [table([...shared, ...groups.flatMap((g) => g.accounts)])];
  const prefix = [ComputeBudgetProgram.setComputeUnitLimit({ units: 1_400_000 })];
  const traceOf = instructions.settleExpiredTrace;

  it("distinct owners, 128 locks (localnet): 29 stakes per transaction, the trace and the locks both binding", () => {
    const b = splitIntoInstructions(items, build, { payer, lookupTables, prefix, maxAccountLocks: 128, traceOf });
    expect(b.map((x) => x.items.length)).to.deep.equal([29, 29, 2]);
    expect(b.flatMap((x) => x.items)).to.deep.equal(items, "every stake once, in order");
    for (const x of b) {
      expect(x.instructions).to.have.lengthOf(1);
      expect(x.trace).to.be.at.most(MAX_INSTRUCTION_TRACE);
      expect(x.measure.bytes).to.be.at.most(MAX_TRANSACTION_BYTES);
      expect(x.measure.accounts).to.be.at.most(128);
    }
    expect(b[0].measure.bytes).to.be.below(700, "bytes are far from binding with a table");
  });

  it("64 locks (mainnet today): 13 stakes of distinct owners; a cap (maxItems) is honoured", () => {
    expect(splitIntoInstructions(items, build, { payer, lookupTables, prefix, maxAccountLocks: 64, traceOf })[0].items).to.have.lengthOf(13);
    expect(splitIntoInstructions(items, build, { payer, lookupTables, prefix, maxAccountLocks: 128, maxItems: 20, traceOf }).map((x) => x.items.length)).to.deep.equal([20, 20, 20]);
  });

  it("without a lookup table, bytes bind: a handful per transaction", () => {
    const b = splitIntoInstructions(items.slice(0, 20), build, { payer, prefix, maxAccountLocks: 128, traceOf });
    expect(b[0].items.length).to.be.within(3, 6);
    for (const x of b) expect(x.measure.bytes).to.be.at.most(MAX_TRANSACTION_BYTES);
  });

  it("an item too large alone throws (one stake locks 16 accounts with a compute-limit instruction)", () => {
    expect(splitIntoInstructions(items.slice(0, 1), build, { payer, prefix, maxAccountLocks: 16, traceOf })[0].measure.accounts).to.equal(16);
    expect(() => splitIntoInstructions(items, build, { payer, prefix, maxAccountLocks: 15, traceOf })).to.throw(GroupTooLargeError);
  });
});
