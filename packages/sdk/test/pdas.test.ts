import * as fs from "fs";
import * as path from "path";
import { expect } from "chai";
import { PublicKey } from "@solana/web3.js";
import { constants, pdas, PinfiSdkError, PROGRAM_ID } from "../src";
import { key } from "./helpers";

const RUST = (file: string) => fs.readFileSync(path.resolve(__dirname, "../../../programs/pinfi/src", file), "utf8");
const RUST_CONSTANTS = RUST("constants.rs");
const RUST_DEVICE = RUST("state/device.rs");
const RUST_VERIFICATION = RUST("state/verification.rs");
const raw = (...seeds: (string | Buffer | PublicKey)[]) =>
  PublicKey.findProgramAddressSync(seeds.map((s) => (typeof s === "string" ? Buffer.from(s) : s instanceof PublicKey ? s.toBuffer() : s)), PROGRAM_ID);
const le = (v: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(v);
  return b;
};

describe("constants", () => {
  it("has every seed of programs/pinfi/src/constants.rs, byte for byte", () => {
    const seeds = [...RUST_CONSTANTS.matchAll(/pub const (\w+_SEED): &\[u8\] = b"([^"]*)";/g)];
    expect(seeds.length).to.be.at.least(10);
    for (const [, name, value] of seeds) expect((constants as any)[name]?.toString(), name).to.equal(value);
  });

  it("has GPU_CLASS_LEN and ACCOUNT_VERSION of the program", () => {
    expect(RUST_CONSTANTS).to.match(new RegExp(`GPU_CLASS_LEN: usize = ${constants.GPU_CLASS_LEN};`));
    expect(RUST_CONSTANTS).to.match(new RegExp(`ACCOUNT_VERSION: u8 = ${constants.ACCOUNT_VERSION};`));
  });

  it("has ENDPOINT_LEN and STRIKE_LOG of the program's state", () => {
    expect(RUST_DEVICE).to.match(new RegExp(`ENDPOINT_LEN: usize = ${constants.ENDPOINT_LEN};`));
    expect(RUST_VERIFICATION).to.match(new RegExp(`STRIKE_LOG: usize = ${constants.STRIKE_LOG};`));
    expect(constants.SYSVAR_SLOT_HASHES_PUBKEY.toBase58()).to.equal("SysvarS1otHashes111111111111111111111111111");
  });

  it("has the program id of the IDL and the math units", () => {
    expect(PROGRAM_ID.toBase58()).to.equal("PinFiSmKf6acCrWwuLhvZM8gWGUfWYX1iwQFePLmj3x");
    expect(constants.RATE_ONE).to.equal(2n ** 32n);
    expect(constants.SCALE_ONE).to.equal(2n ** 64n);
    expect(constants.BUCKETS).to.equal(256);
  });

  it("EVENT_IX_TAG is anchor's 0x1d9acb512ea545e4 in little-endian", () => {
    expect(constants.EVENT_IX_TAG.readBigUInt64LE()).to.equal(0x1d9acb512ea545e4n);
  });
});

describe("pdas", () => {
  const pool = key(3);
  const owner = key(4);

  it("derive from the program's raw seeds", () => {
    const padded = Buffer.concat([Buffer.from("H100"), Buffer.alloc(12)]);
    expect(pdas.protocol()).to.deep.equal(raw("protocol"));
    expect(pdas.pool("H100")).to.deep.equal(raw("pool", padded));
    expect(pdas.pool(padded)).to.deep.equal(raw("pool", padded));
    expect(pdas.vault(pool)).to.deep.equal(raw("vault", pool));
    expect(pdas.device(owner)).to.deep.equal(raw("device", owner));
    expect(pdas.certificate(owner, pool, 7n)).to.deep.equal(raw("certificate", owner, pool, le(7n)));
    expect(pdas.stake(owner, 2 ** 40)).to.deep.equal(raw("stake", owner, le(2n ** 40n)));
    expect(pdas.rental(pool, owner, 2n ** 64n - 1n)).to.deep.equal(raw("rental", pool, owner, le(2n ** 64n - 1n)));
    expect(pdas.eventAuthority()).to.deep.equal(raw("__event_authority"));
    expect(pdas.verifier(owner)).to.deep.equal(raw("verifier", owner));
    expect(pdas.verifierVault(pool)).to.deep.equal(raw("verifier_vault", pool));
    expect(pdas.challenge(pool, 0)).to.deep.equal(raw("challenge", pool, le(0n)));
    expect(pdas.challenge(pool, 2n ** 64n - 1n)).to.deep.equal(raw("challenge", pool, le(2n ** 64n - 1n)));
  });

  it("chain a verifier's vault to its account, and challenges to their device", () => {
    const [verifier] = pdas.verifier(owner);
    expect(pdas.verifierVault(verifier)).to.deep.equal(raw("verifier_vault", raw("verifier", owner)[0]));
    expect(pdas.challenge(pool, 1)[0].equals(pdas.challenge(pool, 2)[0])).to.equal(false);
    expect(pdas.challenge(pool, 1)[0].equals(pdas.challenge(owner, 1)[0])).to.equal(false);
    const other = key(9);
    expect(pdas.verifier(owner, other)[0].equals(PublicKey.findProgramAddressSync([Buffer.from("verifier"), owner.toBuffer()], other)[0])).to.equal(true);
  });

  it("honour another program id", () => {
    const other = key(9);
    expect(pdas.protocol(other)[0].equals(PublicKey.findProgramAddressSync([Buffer.from("protocol")], other)[0])).to.equal(true);
    expect(pdas.protocol(other)[0].equals(pdas.protocol()[0])).to.equal(false);
  });

  it("gpuClassBytes zero-pads valid names and round-trips", () => {
    for (const name of ["H100", "RTX4090", "a", "A-b_9", "x".repeat(16)]) {
      const b = pdas.gpuClassBytes(name);
      expect(b.length).to.equal(16);
      expect(pdas.gpuClassName(b)).to.equal(name);
    }
    expect([...pdas.gpuClassBytes("H1")]).to.deep.equal([72, 49, ...new Array(14).fill(0)]);
  });

  it("gpuClassBytes refuses what the program refuses, with a typed error", () => {
    for (const bad of ["", "x".repeat(17), "H 100", "H100!", "A/B", "Ü", "H100\0", undefined as any]) {
      expect(() => pdas.gpuClassBytes(bad), JSON.stringify(bad)).to.throw(PinfiSdkError, /InvalidGpuClass/);
    }
    try {
      pdas.gpuClassBytes("");
    } catch (e) {
      expect((e as PinfiSdkError).category).to.equal("InvalidArgument");
      expect((e as PinfiSdkError).retryable).to.equal(false);
    }
  });

  it("refuses seeds that are not u64", () => {
    expect(() => pdas.stake(owner, -1n)).to.throw(PinfiSdkError);
    expect(() => pdas.stake(owner, 2n ** 64n)).to.throw(PinfiSdkError);
    expect(() => pdas.challenge(owner, -1)).to.throw(PinfiSdkError);
    expect(() => pdas.challenge(owner, 2n ** 64n)).to.throw(PinfiSdkError);
  });
});
