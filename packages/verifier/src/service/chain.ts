// Small chain reads both services need, on web3.js + @pinfi/sdk only.
import { Connection, PublicKey, SYSVAR_CLOCK_PUBKEY } from "@solana/web3.js";

export interface ChainClock {
  slot: bigint;
  /** The bank's unix time (what the program compares stake start/end with). */
  unixTimestamp: bigint;
}

/** The Clock sysvar: slot u64 @0, epoch_start_timestamp @8, epoch @16, leader_schedule_epoch @24, unix_timestamp i64 @32. */
export async function chainClock(connection: Connection): Promise<ChainClock> {
  const info = await connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY);
  if (!info || info.data.length < 40) throw new Error("Clock sysvar unavailable");
  const data = Buffer.from(info.data);
  return { slot: data.readBigUInt64LE(0), unixTimestamp: data.readBigInt64LE(32) };
}

export const bytesOf = (v: ArrayLike<number>): Uint8Array => Uint8Array.from(v);
export const sameKey = (a: PublicKey, b: PublicKey): boolean => a.equals(b);

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Exponentially distributed delay with the given mean (a Poisson process's gaps), from a uniform in (0, 1]. */
export function exponentialDelay(meanMs: number, uniform: () => number): number {
  const u = Math.max(uniform(), Number.MIN_VALUE);
  return -Math.log(u) * meanMs;
}

/** A uniform in (0, 1] from the OS CSPRNG (53 bits), so schedules cannot be predicted. */
export function cryptoUniform(): number {
  const b = globalThis.crypto.getRandomValues(new Uint32Array(2));
  const x = (b[0] >>> 5) * 67108864 + (b[1] >>> 6); // 53 random bits
  return (x + 1) / 9007199254740992;
}
