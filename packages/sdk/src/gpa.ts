// getProgramAccounts with typed filters. Offsets come from the IDL layout, never hand-counted;
// results are fetched keys-only first, then in batches, so large sets stay within RPC limits.
import { Commitment, Connection, GetProgramAccountsFilter, PublicKey } from "@solana/web3.js";
import { bs58 } from "./anchor";
import { idl, snake } from "./idl";
import { PROGRAM_ID } from "./constants";
import { AccountName, decodeAccount } from "./accounts/decode";
import type { BurnCertificate, Challenge, ChallengeOutcome, Device, Epoch, Pool, PoolEpoch, Rental, Stake, Verifier } from "./types";

const DISCRIMINATOR_LEN = 8;
const PRIMITIVE: Record<string, number> = { bool: 1, u8: 1, i8: 1, u16: 2, i16: 2, u32: 4, i32: 4, u64: 8, i64: 8, u128: 16, i128: 16, pubkey: 32 };
const typeDefs = new Map((idl.types ?? []).map((t) => [t.name, t]));

/** Borsh size of a fixed-size IDL type; variable-size types have no fixed offset after them. */
function sizeOf(ty: any): number {
  if (typeof ty === "string" && ty in PRIMITIVE) return PRIMITIVE[ty];
  if (typeof ty === "object" && "array" in ty) return sizeOf(ty.array[0]) * Number(ty.array[1]);
  if (typeof ty === "object" && "defined" in ty) {
    const def: any = typeDefs.get(ty.defined.name);
    if (def?.type.kind === "struct") return (def.type.fields ?? []).reduce((n: number, f: any) => n + sizeOf(f.type), 0);
    if (def?.type.kind === "enum" && def.type.variants.every((v: any) => !v.fields?.length)) return 1;
  }
  throw new Error(`${JSON.stringify(ty)} has no fixed size`);
}

/** Byte offset of `field` (camelCase or snake_case) in `account`'s data, discriminator included. */
export function fieldOffset(account: AccountName, field: string): number {
  const fields: any[] = (typeDefs.get(account) as any).type.fields;
  const name = snake(field);
  let offset = DISCRIMINATOR_LEN;
  for (const f of fields) {
    if (f.name === name) return offset;
    offset += sizeOf(f.type);
  }
  throw new Error(`${account} has no field ${field}`);
}

export function discriminatorFilter(account: AccountName): GetProgramAccountsFilter {
  const disc = (idl.accounts ?? []).find((a) => a.name === account)!.discriminator;
  return { memcmp: { offset: 0, bytes: bs58.encode(Buffer.from(disc)) } };
}

export function pubkeyFilter(account: AccountName, field: string, key: PublicKey): GetProgramAccountsFilter {
  return { memcmp: { offset: fieldOffset(account, field), bytes: key.toBase58() } };
}

/**
 * Accounts whose unit-enum `field` is `variant` (camelCase, as decoded: `"pending"`): the borsh
 * tag byte is the variant's index in the IDL.
 */
export function enumFilter(account: AccountName, field: string, variant: string): GetProgramAccountsFilter {
  const type = ((typeDefs.get(account) as any).type.fields as any[]).find((f) => f.name === snake(field))?.type;
  const def: any = type && typeof type === "object" && "defined" in type ? typeDefs.get(type.defined.name) : undefined;
  if (def?.type.kind !== "enum") throw new Error(`${account}.${field} is not an enum`);
  const index = def.type.variants.findIndex((v: any) => v.name.charAt(0).toLowerCase() + v.name.slice(1) === variant);
  if (index < 0) throw new Error(`${variant} is not a ${def.name}`);
  return { memcmp: { offset: fieldOffset(account, field), bytes: bs58.encode(Buffer.from([index])) } };
}

export interface GpaOptions {
  programId?: PublicKey;
  commitment?: Commitment;
  /** Accounts per getMultipleAccountsInfo call (RPC limit: 100). */
  batchSize?: number;
}

export interface Keyed<T> {
  address: PublicKey;
  account: T;
}

/** All `account`s matching `filters`: keys-only GPA, then batched fetches (closed ones skipped). */
export async function findAccounts<T>(
  connection: Connection,
  account: AccountName,
  filters: GetProgramAccountsFilter[],
  opts: GpaOptions = {},
): Promise<Keyed<T>[]> {
  const programId = opts.programId ?? PROGRAM_ID;
  const keys = await connection.getProgramAccounts(programId, {
    commitment: opts.commitment,
    dataSlice: { offset: 0, length: 0 },
    filters: [discriminatorFilter(account), ...filters],
  });
  const addresses = keys.map((k) => k.pubkey);
  const out: Keyed<T>[] = [];
  const batch = opts.batchSize ?? 100;
  for (let i = 0; i < addresses.length; i += batch) {
    const chunk = addresses.slice(i, i + batch);
    const infos = await connection.getMultipleAccountsInfo(chunk, opts.commitment);
    infos.forEach((info, j) => {
      if (info && info.owner.equals(programId)) out.push({ address: chunk[j], account: decodeAccount<T>(account, info.data) });
    });
  }
  return out;
}

const by = <T>(account: AccountName) => (field: string) => (connection: Connection, key: PublicKey, opts?: GpaOptions) =>
  findAccounts<T>(connection, account, [pubkeyFilter(account, field, key)], opts);

export const stakesByOwner = by<Stake>("Stake")("owner");
export const stakesByPool = by<Stake>("Stake")("pool");
export const stakesByDevice = by<Stake>("Stake")("device");
export const rentalsByBuyer = by<Rental>("Rental")("buyer");
export const rentalsByPool = by<Rental>("Rental")("pool");
export const devicesByOwner = by<Device>("Device")("owner");
export const devicesByPool = by<Device>("Device")("pool");
export const certificatesByOwner = by<BurnCertificate>("BurnCertificate")("owner");
export const allPools = (connection: Connection, opts?: GpaOptions) => findAccounts<Pool>(connection, "Pool", [], opts);
export const allVerifiers = (connection: Connection, opts?: GpaOptions) => findAccounts<Verifier>(connection, "Verifier", [], opts);
export const challengesByDevice = by<Challenge>("Challenge")("device");
export const challengesByStake = by<Challenge>("Challenge")("stake");
export const challengesByPool = by<Challenge>("Challenge")("pool");
/** Challenges of a verifier, by its authority (the challenge's `verifier` field), not its PDA. */
export const challengesByVerifier = by<Challenge>("Challenge")("verifier");
/** Challenges with a given outcome; with `verifier` (an authority), only that verifier's. */
export const challengesByOutcome = (connection: Connection, outcome: ChallengeOutcome, verifier?: PublicKey, opts?: GpaOptions) =>
  findAccounts<Challenge>(
    connection,
    "Challenge",
    [enumFilter("Challenge", "outcome", outcome), ...(verifier ? [pubkeyFilter("Challenge", "verifier", verifier)] : [])],
    opts,
  );
/** Challenges still waiting for a verdict (to decide, or to expire once their window closed). */
export const openChallenges = (connection: Connection, verifier?: PublicKey, opts?: GpaOptions) =>
  challengesByOutcome(connection, "pending", verifier, opts);
/** Every closed epoch (prefer `pdas.epoch(i)` when the index is known). */
export const allEpochs = (connection: Connection, opts?: GpaOptions) => findAccounts<Epoch>(connection, "Epoch", [], opts);
/** A pool's closed epochs (prefer `pdas.poolEpoch(pool, i)` when the index is known). */
export const poolEpochsByPool = by<PoolEpoch>("PoolEpoch")("pool");
/** Every stake, of every pool (keepers filter ended ones by `end`). */
export const allStakes = (connection: Connection, opts?: GpaOptions) => findAccounts<Stake>(connection, "Stake", [], opts);
