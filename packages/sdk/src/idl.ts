// The IDL as the BorshCoder sees it (snake_case), and the conversion of decoded values to plain
// SDK objects: camelCase keys, bigint for every 64/128-bit integer, unit enums as strings.
import { PublicKey } from "@solana/web3.js";
import type { Pinfi } from "@pinfi/idl";
import { BN, BorshCoder, Idl, IdlTypes } from "./anchor";
import { IDL } from "./constants";

export const idl = IDL as unknown as Idl;
export const coder = new BorshCoder(idl);

type AnchorStakeKind = IdlTypes<Pinfi>["stakeKind"];
type AnchorChallengeOutcome = IdlTypes<Pinfi>["challengeOutcome"];
type AnchorFailReason = IdlTypes<Pinfi>["failReason"];
type AnchorRentalStatus = IdlTypes<Pinfi>["rentalStatus"];
export type StakeKind = "lp" | "seller";
/** `ChallengeOutcome` of state/verification.rs: `pending` until a verdict, `expired` when none came. */
export type ChallengeOutcome = "pending" | "pass" | "late" | "wrong" | "noOpen" | "noResponse" | "expired";
/** `FailReason` of events.rs: why a stake failed. */
export type FailReason = "admin" | "wrongProof" | "strikes";
/** `RentalStatus` of state/rental.rs: `waiting` for devices, or `placed` on them. */
export type RentalStatus = "waiting" | "placed";

/** An Anchor-decoded type with BN → bigint and the unit enums → their camelCase names. */
export type Plain<T> = T extends BN
  ? bigint
  : T extends PublicKey
    ? PublicKey
    : T extends AnchorStakeKind
      ? StakeKind
      : T extends AnchorChallengeOutcome
        ? ChallengeOutcome
        : T extends AnchorFailReason
          ? FailReason
          : T extends AnchorRentalStatus
            ? RentalStatus
            : T extends Array<infer E>
              ? Plain<E>[]
              : T extends object
                ? { [K in keyof T]: Plain<T[K]> }
                : T;

const typeDefs = new Map((idl.types ?? []).map((t) => [t.name, t]));
export const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
export const snake = (s: string) => s.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());

/** Converts a BorshCoder value of IDL type `ty` to its plain form. */
export function plain(ty: any, v: any): any {
  if (typeof ty === "string") return BN.isBN(v) ? BigInt(v.toString()) : v;
  if ("option" in ty) return v === null || v === undefined ? null : plain(ty.option, v);
  if ("vec" in ty) return v.map((x: any) => plain(ty.vec, x));
  if ("array" in ty) return Array.from(v as ArrayLike<unknown>, (x) => plain(ty.array[0], x));
  if ("defined" in ty) return plainDefined(ty.defined.name, v);
  throw new Error(`unsupported IDL type ${JSON.stringify(ty)}`);
}

export function plainDefined(name: string, v: any): any {
  const def: any = typeDefs.get(name);
  if (!def) throw new Error(`type ${name} is not in the IDL`);
  if (def.type.kind === "struct") {
    return Object.fromEntries((def.type.fields ?? []).map((f: any) => [camel(f.name), plain(f.type, v[f.name])]));
  }
  if (def.type.kind === "enum") {
    // The program's enums are unit-only (StakeKind, ChallengeOutcome, FailReason, RentalStatus); a variant with
    // data would need a shape here.
    const [variant] = Object.keys(v);
    if (Object.keys(v[variant] ?? {}).length) throw new Error(`${name}::${variant} carries data`);
    return lowerFirst(variant);
  }
  return plain(def.type.alias, v);
}

/** The inverse for instruction arguments: camelCase plain values to what BorshCoder encodes. */
export function toIdl(ty: any, v: any): any {
  if (typeof ty === "string") {
    if (typeof v !== "bigint" && typeof v !== "number") return v;
    const int = /^([ui])(8|16|32|64|128|256)$/.exec(ty);
    if (!int) return v;
    // Borsh would silently write |v| or truncate: refuse anything outside the type.
    const [bits, signed] = [BigInt(int[2]), int[1] === "i"];
    const big = BigInt(v);
    const [lo, hi] = signed ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n];
    if (big < lo || big > hi) throw new RangeError(`${String(v)} is not a ${ty}`);
    return bits >= 64n ? new BN(big.toString()) : Number(big);
  }
  if ("option" in ty) return v === null || v === undefined ? null : toIdl(ty.option, v);
  if ("vec" in ty) return v.map((x: any) => toIdl(ty.vec, x));
  if ("array" in ty) return Array.from(v as ArrayLike<unknown>, (x) => toIdl(ty.array[0], x));
  const def: any = typeDefs.get(ty.defined.name);
  if (def.type.kind === "struct") {
    return Object.fromEntries((def.type.fields ?? []).map((f: any) => [f.name, toIdl(f.type, v[camel(f.name)])]));
  }
  if (def.type.kind === "enum") {
    const variant = def.type.variants.find((x: any) => lowerFirst(x.name) === v);
    if (!variant) throw new Error(`${v} is not a ${ty.defined.name}`);
    return { [variant.name]: {} };
  }
  return toIdl(def.type.alias, v);
}
