import { expect } from "chai";
import { Connection, PublicKey } from "@solana/web3.js";
import { accounts, gpa, pdas, PinfiSdkError, PROGRAM_ID } from "../src";
import { idl } from "../src/idl";
import { bs58 } from "../src/anchor";
import { encodeAccount, key, sample } from "./helpers";

const NAMES = ["Protocol", "Pool", "Device", "BurnCertificate", "Stake", "Rental", "Verifier", "Challenge", "Epoch", "PoolEpoch"] as const;
const decoders: Record<string, (d: Buffer) => unknown> = {
  Protocol: accounts.decodeProtocol,
  Pool: accounts.decodePool,
  Device: accounts.decodeDevice,
  BurnCertificate: accounts.decodeBurnCertificate,
  Stake: accounts.decodeStake,
  Rental: accounts.decodeRental,
  Verifier: accounts.decodeVerifier,
  Challenge: accounts.decodeChallenge,
  Epoch: accounts.decodeEpoch,
  PoolEpoch: accounts.decodePoolEpoch,
};

describe("accounts: decoders", () => {
  it("cover every account of the IDL", () => {
    expect([...NAMES].sort()).to.deep.equal((idl.accounts ?? []).map((a) => a.name).sort());
  });

  for (const name of NAMES) {
    it(`${name}: encode with BorshCoder, decode with the SDK, same plain value`, () => {
      const value = sample({ defined: { name } });
      const decoded = decoders[name](encodeAccount(name, value));
      expect(decoded).to.deep.equal(value);
    });
  }

  it("gives bigint for every 64/128-bit integer, numbers for small ones, strings for enums", () => {
    const value = sample({ defined: { name: "Stake" } });
    const stake = accounts.decodeStake(encodeAccount("Stake", { ...value, kind: "lp", rate: 2n ** 128n - 1n, start: -5n }));
    expect(stake.rate).to.equal(2n ** 128n - 1n);
    expect(stake.start).to.equal(-5n);
    expect(stake.kind).to.equal("lp");
    expect(typeof stake.version).to.equal("number");
    const pool = accounts.decodePool(encodeAccount("Pool", sample({ defined: { name: "Pool" } })));
    expect(pool.slots).to.have.lengthOf(256);
    expect(typeof pool.slots[255]).to.equal("bigint");
    expect(typeof pool.params.swapFeeBps).to.equal("number");
    expect(typeof pool.params.referencePrice).to.equal("bigint");
  });

  it("decodes proof-of-compute state: outcome names, the endpoint string, the strike log", () => {
    const outcomes = ["pending", "pass", "late", "wrong", "noOpen", "noResponse", "expired"] as const;
    for (const outcome of outcomes) {
      const c = accounts.decodeChallenge(encodeAccount("Challenge", { ...sample({ defined: { name: "Challenge" } }), outcome }));
      expect(c.outcome).to.equal(outcome);
    }
    const device = accounts.decodeDevice(encodeAccount("Device", { ...sample({ defined: { name: "Device" } }), endpoint: "", perfBps: 8_888, challengeCount: 3n }));
    expect(device.endpoint).to.equal("");
    expect(device.perfBps).to.equal(8_888);
    expect(device.challengeCount).to.equal(3n);
    const stake = accounts.decodeStake(encodeAccount("Stake", sample({ defined: { name: "Stake" } })));
    expect(stake.strikeLog).to.have.lengthOf(4);
    expect(typeof stake.strikeLog[0].at).to.equal("bigint");
    const v = accounts.decodeVerifier(encodeAccount("Verifier", sample({ defined: { name: "Verifier" } })));
    expect(typeof v.staked).to.equal("bigint");
    expect(typeof v.pending).to.equal("number");
  });

  it("fetch a verifier by authority and a challenge by device and id, at their PDAs", async () => {
    const asked: string[] = [];
    const data = { Verifier: encodeAccount("Verifier", sample({ defined: { name: "Verifier" } })), Challenge: encodeAccount("Challenge", sample({ defined: { name: "Challenge" } })) };
    let next: Buffer = data.Verifier;
    const connection = { getAccountInfo: async (k: PublicKey) => (asked.push(k.toBase58()), { owner: PROGRAM_ID, data: next }) } as unknown as Connection;
    expect(await accounts.fetchVerifierByAuthority(connection, key(5))).to.deep.equal(accounts.decodeVerifier(data.Verifier));
    next = data.Challenge;
    expect(await accounts.fetchChallengeById(connection, key(6), 2n)).to.deep.equal(accounts.decodeChallenge(data.Challenge));
    expect(asked).to.deep.equal([pdas.verifier(key(5))[0].toBase58(), pdas.challenge(key(6), 2n)[0].toBase58()]);
  });

  it("refuses another account's data", () => {
    const data = encodeAccount("Stake", sample({ defined: { name: "Stake" } }));
    expect(() => accounts.decodeRental(data)).to.throw(PinfiSdkError, /not a Rental/);
  });

  const stub = (info: unknown) => ({ getAccountInfo: async () => info }) as unknown as Connection;

  it("fetchers return null for a missing account and refuse a foreign owner", async () => {
    expect(await accounts.fetchPool(stub(null), key(1))).to.equal(null);
    const data = encodeAccount("Rental", sample({ defined: { name: "Rental" } }));
    const rental = await accounts.fetchRental(stub({ owner: PROGRAM_ID, data }), key(1));
    expect(rental?.id).to.be.a("bigint");
    let err: unknown;
    await accounts.fetchRental(stub({ owner: key(2), data }), key(1)).catch((e) => (err = e));
    expect(err).to.be.instanceOf(PinfiSdkError);
  });
});

describe("gpa: filters", () => {
  const cases: [string, string, (c: Connection, k: PublicKey) => Promise<unknown>][] = [
    ["Stake", "owner", gpa.stakesByOwner],
    ["Stake", "pool", gpa.stakesByPool],
    ["Stake", "device", gpa.stakesByDevice],
    ["Rental", "buyer", gpa.rentalsByBuyer],
    ["Rental", "pool", gpa.rentalsByPool],
    ["Device", "owner", gpa.devicesByOwner],
    ["Device", "pool", gpa.devicesByPool],
    ["BurnCertificate", "owner", gpa.certificatesByOwner],
    ["Challenge", "device", gpa.challengesByDevice],
    ["Challenge", "stake", gpa.challengesByStake],
    ["Challenge", "pool", gpa.challengesByPool],
    ["Challenge", "verifier", gpa.challengesByVerifier],
  ];

  for (const [account, field] of cases) {
    it(`${account}.${field}: the offset points at the field in encoded data`, () => {
      const target = key(201);
      const data = encodeAccount(account, { ...sample({ defined: { name: account } }), [field]: target });
      const offset = gpa.fieldOffset(account as any, field);
      expect(data.subarray(offset, offset + 32).equals(target.toBuffer())).to.equal(true);
    });
  }

  it("filters challenges by outcome: the enum's tag byte at its offset", async () => {
    for (const [i, outcome] of (["pending", "pass", "late", "wrong", "noOpen", "noResponse", "expired"] as const).entries()) {
      const data = encodeAccount("Challenge", { ...sample({ defined: { name: "Challenge" } }), outcome });
      const f = gpa.enumFilter("Challenge", "outcome", outcome) as { memcmp: { offset: number; bytes: string } };
      expect(data[f.memcmp.offset]).to.equal(i);
      expect([...bs58.decode(f.memcmp.bytes)]).to.deep.equal([i]);
    }
    expect(() => gpa.enumFilter("Challenge", "outcome", "Pending")).to.throw(/not a ChallengeOutcome/);
    expect(() => gpa.enumFilter("Challenge", "verifier", "pending")).to.throw(/not an enum/);
    const calls: any[] = [];
    const connection = {
      getProgramAccounts: async (_p: PublicKey, config: any) => (calls.push(config.filters), []),
      getMultipleAccountsInfo: async () => [],
    } as unknown as Connection;
    await gpa.openChallenges(connection);
    await gpa.openChallenges(connection, key(8));
    await gpa.challengesByOutcome(connection, "expired");
    expect(calls[0]).to.deep.equal([gpa.discriminatorFilter("Challenge"), gpa.enumFilter("Challenge", "outcome", "pending")]);
    expect(calls[1]).to.deep.equal([...calls[0], gpa.pubkeyFilter("Challenge", "verifier", key(8))]);
    expect(calls[2][1]).to.deep.equal(gpa.enumFilter("Challenge", "outcome", "expired"));
  });

  it("has no fixed offset past the device's endpoint string", () => {
    expect(gpa.fieldOffset("Device", "endpoint")).to.be.a("number");
    expect(() => gpa.fieldOffset("Device", "challengeCount")).to.throw(/no fixed size/);
  });

  it("offsets past fixed-size structs and arrays too", () => {
    const value = sample({ defined: { name: "Pool" } });
    const data = encodeAccount("Pool", { ...value, seq: 0x0102030405060708n });
    const off = gpa.fieldOffset("Pool", "seq");
    expect(data.readBigUInt64LE(off)).to.equal(0x0102030405060708n);
    expect(() => gpa.fieldOffset("Pool", "nope")).to.throw(/no field/);
  });

  it("fetches keys only, then in batches of 100, filtering by discriminator and field", async () => {
    const stakes = Array.from({ length: 250 }, (_, i) => ({ pubkey: key((i % 200) + 1), i }));
    const calls: { gpa: any[]; batches: number[] } = { gpa: [], batches: [] };
    const data = encodeAccount("Stake", sample({ defined: { name: "Stake" } }));
    const connection = {
      getProgramAccounts: async (program: PublicKey, config: any) => {
        calls.gpa.push({ program, config });
        return stakes.map((s) => ({ pubkey: s.pubkey, account: { data: Buffer.alloc(0) } }));
      },
      getMultipleAccountsInfo: async (keys: PublicKey[]) => {
        calls.batches.push(keys.length);
        return keys.map((_, j) => (j === 0 ? null : { owner: PROGRAM_ID, data }));
      },
    } as unknown as Connection;
    const found = await gpa.stakesByOwner(connection, key(77));
    expect(calls.batches).to.deep.equal([100, 100, 50]);
    expect(found).to.have.lengthOf(247); // one closed account per batch is skipped
    const { program, config } = calls.gpa[0];
    expect(program.equals(PROGRAM_ID)).to.equal(true);
    expect(config.dataSlice).to.deep.equal({ offset: 0, length: 0 });
    expect(config.filters).to.deep.equal([gpa.discriminatorFilter("Stake"), { memcmp: { offset: gpa.fieldOffset("Stake", "owner"), bytes: key(77).toBase58() } }]);
    expect(found[0].account.kind).to.be.oneOf(["lp", "seller"]);
  });
});
