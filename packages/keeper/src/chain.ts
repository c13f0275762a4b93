// One consistent-enough read of what the cranks need: the chain's clock and slot, the protocol,
// the pools (by address once known), and the stakes (keys-only getProgramAccounts, then batched fetches).
import { AccountInfo, Connection, PublicKey, SYSVAR_CLOCK_PUBKEY } from "@solana/web3.js";
import { accounts, gpa, rpc } from "@pinfi/sdk";

/** Reads retry transport trouble (429, dropped connections, timeouts) with backoff, like sends. */
export const READ_TRIES = 6;
const retried = <T>(f: () => Promise<T>) => rpc.withRetries(f, READ_TRIES, 100);
import type { Pool, Protocol, Stake } from "@pinfi/sdk";

export interface Keyed<T> {
  address: PublicKey;
  account: T;
}

export interface ChainView {
  slot: number;
  /** The Clock sysvar's unix_timestamp: what the program's `now()` will see. */
  now: bigint;
  protocol: Protocol;
  pools: Keyed<Pool>[];
}

/** `unix_timestamp` of the Clock sysvar (offset 32: slot, epoch_start_timestamp, epoch, leader_schedule_epoch). */
export async function chainClock(connection: Connection, commitment: "processed" | "confirmed" | "finalized" = "confirmed"): Promise<{ slot: number; now: bigint }> {
  const info = await retried(() => connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY, commitment));
  if (!info) throw new Error("no Clock sysvar");
  return { slot: Number(info.data.readBigUInt64LE(0)), now: info.data.readBigInt64LE(32) };
}

/**
 * Pool addresses per (RPC, program), found once by getProgramAccounts. `protocol.poolCount` says
 * when a pool was added; otherwise the pools are read by address — O(pools), not a scan of every
 * program account (a `getProgramAccounts` is, on the localnet, and grows with the stakes).
 */
const poolAddresses = new Map<string, PublicKey[]>();

async function readPools(connection: Connection, programId: PublicKey, commitment: "processed" | "confirmed" | "finalized", poolCount: bigint): Promise<Keyed<Pool>[]> {
  const key = `${connection.rpcEndpoint} ${programId.toBase58()}`;
  const known = poolAddresses.get(key);
  if (known && BigInt(known.length) === poolCount) {
    const infos: (AccountInfo<Buffer> | null)[] = [];
    for (let i = 0; i < known.length; i += 100) infos.push(...(await retried(() => connection.getMultipleAccountsInfo(known.slice(i, i + 100), commitment))));
    if (infos.every((info) => info && info.owner.equals(programId))) return infos.map((info, i) => ({ address: known[i], account: accounts.decodePool(info!.data) }));
  }
  const pools = await retried(() => gpa.allPools(connection, { programId, commitment }));
  poolAddresses.set(key, pools.map((p) => p.address));
  return pools;
}

export async function readView(connection: Connection, programId: PublicKey, commitment: "processed" | "confirmed" | "finalized"): Promise<ChainView> {
  const [{ slot, now }, protocol] = await Promise.all([
    chainClock(connection, commitment),
    retried(() => accounts.fetchProtocolSingleton(connection, { programId, commitment })),
  ]);
  if (!protocol) throw new Error(`no PinFi protocol account for program ${programId.toBase58()}`);
  const pools = await readPools(connection, programId, commitment, BigInt(protocol.poolCount));
  return { slot, now, protocol, pools };
}

export async function readStakes(connection: Connection, programId: PublicKey, commitment: "processed" | "confirmed" | "finalized"): Promise<Keyed<Stake>[]> {
  return retried(() => gpa.allStakes(connection, { programId, commitment }));
}

/** Which of `addresses` still exist (owned by the program). */
export async function existing(connection: Connection, addresses: PublicKey[], programId: PublicKey, commitment: "processed" | "confirmed" | "finalized"): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < addresses.length; i += 100) {
    const chunk = addresses.slice(i, i + 100);
    const infos = await retried(() => connection.getMultipleAccountsInfo(chunk, commitment));
    infos.forEach((info, j) => {
      if (info && info.owner.equals(programId)) out.add(chunk[j].toBase58());
    });
  }
  return out;
}

export { retried };
