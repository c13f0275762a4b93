import { expect } from "chai";
import { ComputeBudgetInstruction, Connection, Keypair, PublicKey, TransactionMessage, VersionedTransaction } from "@solana/web3.js";
import { connectionFor, errors, instructions, PinfiProgramError, PinfiSdkError, PROGRAM_ID, rpc, transactions } from "../src";
import { bs58 } from "../src/anchor";
import { encodeEvent, key, sample } from "./helpers";

const hash = () => Keypair.generate().publicKey.toBase58();
const P = PROGRAM_ID.toBase58();

/** Just enough of a Connection, scripted per test. */
function stub(over: Record<string, unknown> = {}) {
  const calls: Record<string, unknown[][]> = {};
  const rec = (name: string, f: (...a: any[]) => unknown) => async (...a: any[]) => ((calls[name] ??= []).push(a), f(...a));
  const base: Record<string, (...a: any[]) => unknown> = {
    getLatestBlockhash: () => ({ blockhash: hash(), lastValidBlockHeight: 100 }),
    getRecentPrioritizationFees: () => [],
    simulateTransaction: () => ({ context: { slot: 1 }, value: { err: null, logs: [], unitsConsumed: 50_000 } }),
    sendRawTransaction: (raw: Uint8Array) => bs58.encode(VersionedTransaction.deserialize(raw).signatures[0]),
    getSignatureStatuses: () => ({ context: { slot: 1 }, value: [{ slot: 5, confirmations: 1, err: null, confirmationStatus: "confirmed" }] }),
    getBlockHeight: () => 50,
    getTransaction: () => null,
    ...(over as any),
  };
  const connection = Object.fromEntries(Object.entries(base).map(([k, f]) => [k, rec(k, f)])) as unknown as Connection;
  return { connection, calls };
}

const decompile = (tx: VersionedTransaction) => TransactionMessage.decompile(tx.message).instructions;
const ix = (payer: PublicKey) => instructions.markStakeFailed({ admin: payer, pool: key(2), stake: key(3) });
const fast = { pollMs: 1, backoffMs: 1, resendMs: 1_000 };

describe("transactions: buildTransaction", () => {
  const payer = key(1);

  it("compiles an unsigned v0 transaction with nothing added when not asked", async () => {
    const { connection } = stub();
    const blockhash = hash();
    const tx = await transactions.buildTransaction({ connection, payer, instructions: [ix(payer)], blockhash });
    expect(tx.version).to.equal(0);
    expect(tx.message.recentBlockhash).to.equal(blockhash);
    expect(tx.message.staticAccountKeys[0].equals(payer)).to.equal(true);
    expect(decompile(tx).map((i) => i.programId.toBase58())).to.deep.equal([P]);
  });

  it("prepends ComputeBudget limit then price", async () => {
    const { connection } = stub();
    const tx = await transactions.buildTransaction({ connection, payer, instructions: [ix(payer)], computeUnitLimit: 90_000, computeUnitPrice: 7 });
    const [limit, price, main] = decompile(tx);
    expect(ComputeBudgetInstruction.decodeSetComputeUnitLimit(limit).units).to.equal(90_000);
    expect(ComputeBudgetInstruction.decodeSetComputeUnitPrice(price).microLamports).to.equal(7n);
    expect(main.programId.equals(PROGRAM_ID)).to.equal(true);
  });

  it("`simulate` sizes the limit at 1.2× the simulated units, capped at 1.4M", async () => {
    for (const [units, want] of [[100_000, 120_000], [1_300_000, 1_400_000], [1, 2]]) {
      const { connection, calls } = stub({ simulateTransaction: () => ({ context: { slot: 1 }, value: { err: null, logs: [], unitsConsumed: units } }) });
      const tx = await transactions.buildTransaction({ connection, payer, instructions: [ix(payer)], computeUnitLimit: "simulate" });
      expect(ComputeBudgetInstruction.decodeSetComputeUnitLimit(decompile(tx)[0]).units).to.equal(want);
      expect((calls.simulateTransaction[0][1] as any).replaceRecentBlockhash).to.equal(true);
    }
  });

  it("`simulate` throws the typed error the transaction would fail with", async () => {
    const logs = [`Program ${P} invoke [1]`, `Program ${P} failed: custom program error: 0x1788`];
    const { connection } = stub({ simulateTransaction: () => ({ context: { slot: 1 }, value: { err: { InstructionError: [1, { Custom: 6024 }] }, logs } }) });
    const err = await transactions.buildTransaction({ connection, payer, instructions: [ix(payer)], computeUnitLimit: "simulate" }).catch((e) => e);
    expect(err).to.be.instanceOf(PinfiProgramError);
    expect(err.errorName).to.equal("AlreadyFailed");
  });

  it("`auto` price is the median recent fee on the written accounts, clamped", async () => {
    const fees = [5, 1, 100, 7].map((prioritizationFee, slot) => ({ slot, prioritizationFee }));
    const { connection, calls } = stub({ getRecentPrioritizationFees: () => fees });
    const tx = await transactions.buildTransaction({ connection, payer, instructions: [ix(payer)], computeUnitPrice: "auto" });
    expect(ComputeBudgetInstruction.decodeSetComputeUnitPrice(decompile(tx)[0]).microLamports).to.equal(6n);
    const locked = (calls.getRecentPrioritizationFees[0][0] as any).lockedWritableAccounts.map((k: PublicKey) => k.toBase58());
    expect(locked).to.deep.equal([key(2).toBase58(), key(3).toBase58()]);
    const capped = await transactions.buildTransaction({ connection, payer, instructions: [ix(payer)], computeUnitPrice: "auto", maxComputeUnitPrice: 3 });
    expect(ComputeBudgetInstruction.decodeSetComputeUnitPrice(decompile(capped)[0]).microLamports).to.equal(3n);
    const none = await transactions.buildTransaction({ connection: stub().connection, payer, instructions: [ix(payer)], computeUnitPrice: "auto" });
    expect(decompile(none)).to.have.lengthOf(1);
  });

  it("per-instruction builders default the fee payer to the paying signer", async () => {
    const { connection } = stub();
    const tx = await transactions.buyHours({
      connection, buyer: key(11), pool: key(6), rentalId: 1n, buyerTokens: key(12), utilityMint: key(2), tokensIn: 5n, end: 3600n, minHoursOut: 0n,
    });
    expect(tx.message.staticAccountKeys[0].equals(key(11))).to.equal(true);
    const err = await transactions.settleStake({ connection, pool: key(6), stake: key(3), owner: key(4), ownerTokens: key(5), utilityMint: key(2) }).catch((e) => e);
    expect(err).to.be.instanceOf(PinfiSdkError);
    const open = await transactions.openChallenge({
      connection, authority: key(15), pool: key(6), device: key(8), stake: key(3), deviceChallengeCount: 0, paramsId: 1, nonceCommit: new Uint8Array(32),
    });
    expect(open.message.staticAccountKeys[0].equals(key(15))).to.equal(true);
    const expire = { connection, challenge: key(17), verifierAuthority: key(15), pool: key(6) };
    expect(await transactions.expireChallenge(expire).catch((e) => e)).to.be.instanceOf(PinfiSdkError);
    expect((await transactions.expireChallenge({ ...expire, payer: key(20) })).message.staticAccountKeys[0].equals(key(20))).to.equal(true);
  });
});

describe("rpc: sendAndConfirm", () => {
  const admin = Keypair.generate();
  const build = (connection: Connection) => transactions.buildTransaction({ connection, payer: admin.publicKey, instructions: [ix(admin.publicKey)] });

  it("re-signs with a fresh blockhash only after the old one expired unconfirmed", async () => {
    let sends = 0;
    const { connection, calls } = stub({
      sendRawTransaction: (raw: Uint8Array) => (sends++, bs58.encode(VersionedTransaction.deserialize(raw).signatures[0])),
      getSignatureStatuses: () => ({ context: { slot: 1 }, value: [sends === 1 ? null : { slot: 9, confirmations: 1, err: null, confirmationStatus: "confirmed" }] }),
      getBlockHeight: () => (sends === 1 ? 150 : 50),
    });
    const res = await rpc.sendAndConfirm({ connection, transaction: await build(connection), signers: [admin], ...fast });
    expect(calls.sendRawTransaction).to.have.lengthOf(2);
    const sent = calls.sendRawTransaction.map((a) => VersionedTransaction.deserialize(a[0] as Uint8Array));
    expect(sent[0].message.recentBlockhash).to.not.equal(sent[1].message.recentBlockhash);
    expect(res.signature).to.equal(bs58.encode(sent[1].signatures[0]));
    expect(res.slot).to.equal(9);
  });

  it("gives up after maxAttempts with a retryable BlockhashExpired", async () => {
    const { connection } = stub({ getSignatureStatuses: () => ({ context: { slot: 1 }, value: [null] }), getBlockHeight: () => 1_000 });
    const err = await rpc.sendAndConfirm({ connection, transaction: await build(connection), signers: [admin], maxAttempts: 2, ...fast }).catch((e) => e);
    expect(err).to.be.instanceOf(errors.TransportError);
    expect(err.errorName).to.equal("BlockhashExpired");
    expect(err.retryable).to.equal(true);
  });

  it("does not resend a transaction that may still land: Unconfirmed, terminal", async () => {
    const { connection, calls } = stub({ getSignatureStatuses: () => ({ context: { slot: 1 }, value: [null] }), getBlockHeight: () => 1 });
    const err = await rpc.sendAndConfirm({ connection, transaction: await build(connection), signers: [admin], timeoutMs: 20, ...fast }).catch((e) => e);
    expect(err.errorName).to.equal("Unconfirmed");
    expect(err.retryable).to.equal(false);
    expect(calls.getLatestBlockhash).to.have.lengthOf(2); // one for build, one for the single attempt
  });

  it("retries a rate-limited send, then confirms", async () => {
    let sends = 0;
    const { connection } = stub({
      sendRawTransaction: (raw: Uint8Array) => {
        if (++sends === 1) throw new Error("429 Too Many Requests");
        return bs58.encode(VersionedTransaction.deserialize(raw).signatures[0]);
      },
    });
    const res = await rpc.sendAndConfirm({ connection, transaction: await build(connection), signers: [admin], ...fast });
    expect(sends).to.equal(2);
    expect(res.signature).to.be.a("string");
  });

  it("throws the program error of a landed failure, read from its logs", async () => {
    const logs = [`Program ${P} invoke [1]`, "Program log: AnchorError occurred. Error Code: AlreadyFailed. Error Number: 6024. Error Message: x.", `Program ${P} failed: custom program error: 0x1788`];
    const { connection } = stub({
      getSignatureStatuses: () => ({ context: { slot: 1 }, value: [{ slot: 3, confirmations: 1, err: { InstructionError: [0, { Custom: 6024 }] }, confirmationStatus: "processed" }] }),
      getTransaction: () => ({ meta: { err: {}, logMessages: logs } }),
    });
    const err = await rpc.sendAndConfirm({ connection, transaction: await build(connection), signers: [admin], ...fast }).catch((e) => e);
    expect(err).to.be.instanceOf(PinfiProgramError);
    expect(err.errorName).to.equal("AlreadyFailed");
    expect(err.logs).to.deep.equal(logs);
  });

  it("refuses to send without every required signature", async () => {
    const { connection } = stub();
    const err = await rpc.sendAndConfirm({ connection, transaction: await build(connection), signers: [Keypair.generate()], ...fast }).catch((e) => e);
    expect(err).to.be.instanceOf(PinfiSdkError);
    expect(err.message).to.contain(admin.publicKey.toBase58());
  });
});

describe("rpc: one call per instruction", () => {
  const owner = Keypair.generate();
  const deviceKey = Keypair.generate();
  const registered = { ...sample({ defined: { name: "DeviceRegistered" } }), pool: key(6), seq: 3n };
  const args = { owner, deviceKey, pool: key(6), specsHash: new Uint8Array(32) };

  it("signs with the signers given in place of keys, and returns the decoded events", async () => {
    const { connection, calls } = stub({
      getTransaction: () => {
        const sent = VersionedTransaction.deserialize(calls.sendRawTransaction[0][0] as Uint8Array);
        const programIdIndex = sent.message.staticAccountKeys.findIndex((k) => k.equals(PROGRAM_ID));
        return {
          transaction: { message: sent.message },
          meta: { err: null, loadedAddresses: { writable: [], readonly: [] }, innerInstructions: [{ index: 0, instructions: [{ programIdIndex, accounts: [], data: bs58.encode(encodeEvent("DeviceRegistered", registered)) }] }] },
        };
      },
    });
    const res = await rpc.registerDevice({ connection, ...args, ...fast });
    const sent = VersionedTransaction.deserialize(calls.sendRawTransaction[0][0] as Uint8Array);
    expect(sent.message.staticAccountKeys[0].equals(owner.publicKey)).to.equal(true);
    expect(sent.signatures.every((s) => s.some((b) => b !== 0))).to.equal(true);
    expect(sent.signatures).to.have.lengthOf(2);
    expect(res.events).to.deep.equal([{ name: "DeviceRegistered", data: registered }]);
  });

  it("dryRun reports the named error and logs without sending", async () => {
    const logs = [`Program ${P} invoke [1]`, "Program log: AnchorError occurred. Error Code: ProtocolPaused. Error Number: 6001. Error Message: The protocol is paused."];
    const { connection, calls } = stub({ simulateTransaction: () => ({ context: { slot: 1 }, value: { err: { InstructionError: [0, { Custom: 6001 }] }, logs, unitsConsumed: 1234 } }) });
    const res = await rpc.registerDevice.dryRun({ connection, ...args, computeUnitLimit: "simulate" });
    expect(res.ok).to.equal(false);
    expect((res.error as PinfiProgramError).errorName).to.equal("ProtocolPaused");
    expect(res.logs).to.deep.equal(logs);
    expect(res.unitsConsumed).to.equal(1234);
    expect(calls.sendRawTransaction).to.equal(undefined);
    expect((calls.simulateTransaction[0][1] as any).innerInstructions).to.equal(true);
  });

  it("dryRun decodes the events a successful simulation would emit", async () => {
    const innerInstructions = [{ index: 0, instructions: [{ programId: PROGRAM_ID, accounts: [], data: bs58.encode(encodeEvent("DeviceRegistered", registered)) }] }];
    const { connection } = stub({ simulateTransaction: () => ({ context: { slot: 1 }, value: { err: null, logs: [], unitsConsumed: 9, innerInstructions } }) });
    const res = await rpc.registerDevice.dryRun({ connection, ...args });
    expect(res.ok).to.equal(true);
    expect(res.events.map((e) => e.name)).to.deep.equal(["DeviceRegistered"]);
  });
});

describe("connectionFor", () => {
  it("disables blockhash caching only for a localnet", () => {
    const flag = (c: Connection) => (c as unknown as { _disableBlockhashCaching: boolean })._disableBlockhashCaching;
    expect(flag(connectionFor("http://127.0.0.1:8899", { localnet: true }))).to.equal(true);
    expect(flag(connectionFor("http://127.0.0.1:8899"))).to.equal(false);
    expect(connectionFor("http://127.0.0.1:8899").commitment).to.equal("confirmed");
  });
});

