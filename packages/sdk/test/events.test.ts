import { expect } from "chai";
import { PublicKey, TransactionInstruction, TransactionMessage } from "@solana/web3.js";
import { events, EventSequencer, PROGRAM_ID } from "../src";
import type { PinfiEvent } from "../src";
import { bs58 } from "../src/anchor";
import { idl } from "../src/idl";
import { encodeEvent, key, sample } from "./helpers";

const TOKEN = new PublicKey("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");

describe("events: decoding emit_cpi! data", () => {
  for (const ev of idl.events ?? []) {
    it(`${ev.name} decodes to its plain value`, () => {
      const value = sample({ defined: { name: ev.name } });
      const decoded = events.decodeEventData(encodeEvent(ev.name, value));
      expect(decoded?.name).to.equal(ev.name);
      expect(decoded?.data).to.deep.equal(value);
    });
  }

  it("ignores data without the event tag or with an unknown discriminator", () => {
    const good = encodeEvent("HoursBought", sample({ defined: { name: "HoursBought" } }));
    expect(events.decodeEventData(good.subarray(8))).to.equal(null);
    const unknown = Buffer.from(good);
    unknown[8] ^= 0xff;
    expect(events.decodeEventData(unknown)).to.equal(null);
    expect(events.decodeEventData(Buffer.alloc(4))).to.equal(null);
  });

  it("decodes proof-of-compute enums by their camelCase names, and strings", () => {
    for (const reason of ["admin", "wrongProof", "strikes"] as const) {
      const value = { ...sample({ defined: { name: "StakeFailed" } }), reason };
      expect(events.decodeEventData(encodeEvent("StakeFailed", value))?.data).to.deep.equal(value);
    }
    for (const outcome of ["pass", "late", "wrong", "noOpen", "noResponse"] as const) {
      const value = { ...sample({ defined: { name: "VerdictPosted" } }), outcome };
      expect(events.decodeEventData(encodeEvent("VerdictPosted", value))?.data).to.deep.include({ outcome });
    }
    const endpoint = { ...sample({ defined: { name: "DeviceEndpointSet" } }), endpoint: "http://10.0.0.7:9000/ü" };
    expect(events.decodeEventData(encodeEvent("DeviceEndpointSet", endpoint))?.data).to.deep.equal(endpoint);
  });

  it("puts verifier events in the protocol's stream and challenge events in their pool's", () => {
    const registered = events.decodeEventData(encodeEvent("VerifierRegistered", sample({ defined: { name: "VerifierRegistered" } })))!;
    expect(events.streamOf(registered)).to.equal("protocol");
    const opened = { ...sample({ defined: { name: "ChallengeOpened" } }), pool: key(50) };
    expect(events.streamOf(events.decodeEventData(encodeEvent("ChallengeOpened", opened))!)).to.equal(key(50).toBase58());
  });

  const bought = { ...sample({ defined: { name: "HoursBought" } }), pool: key(50), seq: 7n };
  const settled = { ...sample({ defined: { name: "StakeSettled" } }), pool: key(50), seq: 8n, kind: "lp" };

  it("finds events in a confirmed transaction's compiled inner instructions, in order", () => {
    const payer = key(1);
    const top = new TransactionInstruction({ programId: PROGRAM_ID, keys: [{ pubkey: key(2), isSigner: false, isWritable: true }, { pubkey: TOKEN, isSigner: false, isWritable: false }], data: Buffer.alloc(8) });
    const message = new TransactionMessage({ payerKey: payer, recentBlockhash: PublicKey.default.toBase58(), instructions: [top] }).compileToV0Message();
    const keys = message.staticAccountKeys;
    const programIndex = keys.findIndex((k) => k.equals(PROGRAM_ID));
    const tokenIndex = keys.findIndex((k) => k.equals(TOKEN));
    const tx = {
      slot: 1,
      transaction: { message, signatures: [] },
      meta: {
        err: null,
        loadedAddresses: { writable: [], readonly: [] },
        innerInstructions: [
          {
            index: 0,
            instructions: [
              { programIdIndex: tokenIndex, accounts: [], data: bs58.encode(Buffer.from([3, 1, 0, 0, 0, 0, 0, 0, 0])) },
              { programIdIndex: programIndex, accounts: [], data: bs58.encode(encodeEvent("HoursBought", bought)) },
              { programIdIndex: programIndex, accounts: [], data: bs58.encode(encodeEvent("StakeSettled", settled)) },
              { programIdIndex: tokenIndex, accounts: [], data: bs58.encode(encodeEvent("StakeSettled", settled)) },
            ],
          },
        ],
      },
    } as any;
    const found = events.eventsFromTransaction(tx);
    expect(found.map((e) => e.name)).to.deep.equal(["HoursBought", "StakeSettled"]);
    expect(found[0].data).to.deep.equal(bought);
    expect(events.eventsFromTransaction({ ...tx, meta: { ...tx.meta, err: { InstructionError: [0, "X"] } } })).to.deep.equal([]);
  });

  it("finds events in simulation's partially decoded inner instructions", () => {
    const inner = [
      { index: 1, instructions: [{ programId: PROGRAM_ID, accounts: [], data: bs58.encode(encodeEvent("StakeSettled", settled)) }] },
      { index: 0, instructions: [{ programId: PROGRAM_ID, accounts: [], data: bs58.encode(encodeEvent("HoursBought", bought)) }] },
    ];
    expect(events.eventsFromInnerInstructions(inner as any).map((e) => e.data.seq)).to.deep.equal([7n, 8n]);
    expect(events.eventsFromInnerInstructions(inner as any, [], key(9))).to.deep.equal([]);
  });
});

describe("events: settlements of both kinds", () => {
  it("StakesSettled (settle_expired) decodes with its entries, is its pool's seq, and flattens with StakeSettled", () => {
    const entry = (n: number) => ({ stake: key(60 + n), kind: n % 2 ? ("seller" as const) : ("lp" as const), failed: n === 2, paidOut: BigInt(n), burned: 1n, rewardsPaid: 10n * BigInt(n), rewardsBurned: 2n });
    const sweep = { pool: key(50), seq: 9n, settled: [entry(1), entry(2), entry(3)], utilityAfter: 77n };
    const decoded = events.decodeEventData(encodeEvent("StakesSettled", sweep))!;
    expect(decoded).to.deep.equal({ name: "StakesSettled", data: sweep });
    expect(events.streamOf(decoded)).to.equal(key(50).toBase58());
    const single = events.decodeEventData(encodeEvent("StakeSettled", { ...sample({ defined: { name: "StakeSettled" } }), pool: key(50), seq: 8n, stake: key(59), kind: "lp" }))!;
    const s = new EventSequencer();
    expect(s.observe(single).status).to.equal("first");
    expect(s.observe(decoded).status).to.equal("next"); // one seq for the whole sweep
    const flat = events.settlementsOf([single, decoded, { name: "HoursBought", data: sample({ defined: { name: "HoursBought" } }) } as PinfiEvent]);
    expect(flat.map((x) => [x.stake.toBase58(), x.via, x.seq])).to.deep.equal([
      [key(59).toBase58(), "settleStake", 8n],
      [key(61).toBase58(), "settleExpired", 9n],
      [key(62).toBase58(), "settleExpired", 9n],
      [key(63).toBase58(), "settleExpired", 9n],
    ]);
    expect(flat[2]).to.deep.include({ failed: true, paidOut: 2n, rewardsPaid: 20n, rewardsBurned: 2n, compensation: 0n });
    expect(flat[0]).to.deep.include({ rewardsPaid: 0n, rewardsBurned: 0n });
  });
});

describe("events: EventSequencer", () => {
  const pool = (p: number, seq: bigint): PinfiEvent => ({ name: "StakeFailed", data: { pool: key(p), seq, stake: key(1), reason: "admin" } });
  const protocol = (seq: bigint): PinfiEvent => ({ name: "ProtocolUpdated", data: { seq, paused: false, params: { maxSwapFeeBps: 1, minBurnPerGpuHour: 0n, minCollateralBps: 0 } } });

  it("reports next, gaps, duplicates and late arrivals per pool", () => {
    const s = new EventSequencer();
    expect(s.observe(pool(1, 5n)).status).to.equal("first");
    expect(s.observe(pool(1, 6n)).status).to.equal("next");
    const gap = s.observe(pool(1, 10n));
    expect(gap.status).to.equal("gap");
    expect(gap.missing).to.deep.equal({ from: 7n, to: 9n });
    expect(s.observe(pool(2, 1n)).status).to.equal("first"); // pools are independent streams
    expect(s.observe(pool(1, 6n)).status).to.equal("duplicate");
    expect(s.observe(pool(1, 8n)).status).to.equal("late");
    expect(s.gaps().get(key(1).toBase58())).to.deep.equal([{ from: 7n, to: 7n }, { from: 9n, to: 9n }]);
    expect(s.observe(pool(1, 8n)).status).to.equal("duplicate");
    s.observe(pool(1, 7n));
    s.observe(pool(1, 9n));
    expect(s.gaps().size).to.equal(0);
  });

  it("expects 1 first when following from the start, and can be seeded from an account", () => {
    const s = new EventSequencer({ fromStart: true });
    expect(s.observe(pool(1, 1n)).status).to.equal("next");
    expect(s.observe(pool(3, 3n)).missing).to.deep.equal({ from: 1n, to: 2n });
    expect(s.observe(protocol(1n))).to.deep.include({ stream: "protocol", status: "next" });
    s.seed(key(4), 41n);
    expect(s.observe(pool(4, 42n)).status).to.equal("next");
  });
});
