// Every PDA of the program, with the seeds of programs/pinfi/src/constants.rs.
import { PublicKey } from "@solana/web3.js";
import {
  CERTIFICATE_SEED,
  CHALLENGE_SEED,
  DEVICE_SEED,
  EPOCH_SEED,
  EVENT_AUTHORITY_SEED,
  GPU_CLASS_LEN,
  POOL_EPOCH_SEED,
  POOL_SEED,
  PROGRAM_ID,
  PROTOCOL_SEED,
  RENTAL_SEED,
  REWARDS_VAULT_SEED,
  STAKE_SEED,
  VAULT_SEED,
  VERIFIER_SEED,
  VERIFIER_VAULT_SEED,
} from "./constants";
import { PinfiSdkError } from "./errors/base";
import { arg } from "./math/checked";

/** `[address, bump]`. */
export type Pda = [PublicKey, number];

const find = (seeds: Uint8Array[], programId: PublicKey): Pda => PublicKey.findProgramAddressSync(seeds, programId);

/** Little-endian u64, as `index.to_le_bytes()` in the seeds. */
export function u64Le(v: bigint | number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(arg(BigInt(v), "u64", "seed"));
  return b;
}

/** `"H100"` → 16 zero-padded bytes; the program's rule: 1–16 of `[A-Za-z0-9_-]`. */
export function gpuClassBytes(name: string): Buffer {
  if (typeof name !== "string" || !/^[A-Za-z0-9_-]{1,16}$/.test(name)) {
    throw new PinfiSdkError("InvalidArgument", `InvalidGpuClass: ${JSON.stringify(name)} must be 1-${GPU_CLASS_LEN} of [A-Za-z0-9_-]`, false);
  }
  const out = Buffer.alloc(GPU_CLASS_LEN);
  out.write(name, "ascii");
  return out;
}

/** The stored 16 bytes back to the name (stops at the first zero, as the program does). */
export function gpuClassName(bytes: Uint8Array | number[]): string {
  const b = Buffer.from(bytes as Uint8Array);
  const end = b.indexOf(0);
  return b.subarray(0, end < 0 ? b.length : end).toString("ascii");
}

const classSeed = (gpuClass: string | Uint8Array | number[]) =>
  typeof gpuClass === "string" ? gpuClassBytes(gpuClass) : Buffer.from(gpuClass as Uint8Array);

export const protocol = (programId = PROGRAM_ID) => find([PROTOCOL_SEED], programId);
export const pool = (gpuClass: string | Uint8Array | number[], programId = PROGRAM_ID) => find([POOL_SEED, classSeed(gpuClass)], programId);
export const vault = (poolAddress: PublicKey, programId = PROGRAM_ID) => find([VAULT_SEED, poolAddress.toBuffer()], programId);
export const device = (deviceKey: PublicKey, programId = PROGRAM_ID) => find([DEVICE_SEED, deviceKey.toBuffer()], programId);
export const certificate = (owner: PublicKey, poolAddress: PublicKey, nonce: bigint | number, programId = PROGRAM_ID) =>
  find([CERTIFICATE_SEED, owner.toBuffer(), poolAddress.toBuffer(), u64Le(nonce)], programId);
export const stake = (deviceAddress: PublicKey, index: bigint | number, programId = PROGRAM_ID) =>
  find([STAKE_SEED, deviceAddress.toBuffer(), u64Le(index)], programId);
export const rental = (poolAddress: PublicKey, buyer: PublicKey, id: bigint | number, programId = PROGRAM_ID) =>
  find([RENTAL_SEED, poolAddress.toBuffer(), buyer.toBuffer(), u64Le(id)], programId);
/** A verifier's account, by the key that signs for it. */
export const verifier = (authority: PublicKey, programId = PROGRAM_ID) => find([VERIFIER_SEED, authority.toBuffer()], programId);
/** The token account holding a verifier's stake (owned by the verifier account). */
export const verifierVault = (verifierAddress: PublicKey, programId = PROGRAM_ID) => find([VERIFIER_VAULT_SEED, verifierAddress.toBuffer()], programId);
/** Challenge `id` of a device account; the next one is `device.challengeCount`. */
export const challenge = (deviceAddress: PublicKey, id: bigint | number, programId = PROGRAM_ID) =>
  find([CHALLENGE_SEED, deviceAddress.toBuffer(), u64Le(id)], programId);
/** Closed epoch `index` (exists once `close_epoch(index)` landed). */
export const epoch = (index: bigint | number, programId = PROGRAM_ID) => find([EPOCH_SEED, u64Le(index)], programId);
/** One pool's part of closed epoch `index` (exists once `close_pool_epoch(index)` landed for it). */
export const poolEpoch = (poolAddress: PublicKey, index: bigint | number, programId = PROGRAM_ID) =>
  find([POOL_EPOCH_SEED, poolAddress.toBuffer(), u64Le(index)], programId);
/** The token account (owned by the protocol PDA) holding minted miners' rewards until claimed. */
export const rewardsVault = (programId = PROGRAM_ID) => find([REWARDS_VAULT_SEED], programId);
export const eventAuthority = (programId = PROGRAM_ID) => find([EVENT_AUTHORITY_SEED], programId);
