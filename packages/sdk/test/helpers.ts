import { Keypair, PublicKey } from "@solana/web3.js";
import { BN } from "../src/anchor";
import { coder, idl, toIdl } from "../src/idl";

export const key = (n: number) => new PublicKey(new Uint8Array(32).fill(n));
export const newKey = () => Keypair.generate().publicKey;

// coder.accounts.encode() writes into a fixed 1000-byte buffer (too small for a Pool): use its layout.
const layouts: Map<string, { encode(v: any, b: Buffer): number }> = new Map(
  [...(coder.accounts as any).accountLayouts].map(([name, l]: [string, any]) => [name, l.layout]),
);

/** Encodes a plain (camelCase, bigint) account value exactly as the program stores it. */
export function encodeAccount(name: string, value: any): Buffer {
  const buf = Buffer.alloc(1 << 16);
  const raw = toIdl({ defined: { name } }, value);
  return Buffer.concat([coder.accounts.accountDiscriminator(name), buf.subarray(0, layouts.get(name)!.encode(raw, buf))]);
}

/** An event's `emit_cpi!` instruction data from a plain value. */
export function encodeEvent(name: string, value: any): Buffer {
  const ev = (idl.events ?? []).find((e) => e.name === name)!;
  const body = coder.types.encode(name, toIdl({ defined: { name } }, value));
  return Buffer.concat([Buffer.from([0xe4, 0x45, 0xa5, 0x2e, 0x51, 0xcb, 0x9a, 0x1d]), Buffer.from(ev.discriminator), body]);
}

const typeDefs = new Map((idl.types ?? []).map((t) => [t.name, t]));
const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** A plain value of every IDL type, distinct per field so misplaced bytes show. */
export function sample(ty: any, seed = 1): any {
  if (typeof ty === "string") {
    if (ty === "bool") return true;
    if (["u8", "u16", "u32"].includes(ty)) return seed % 200;
    if (ty === "u64") return BigInt(seed) * 1_000_003n;
    if (ty === "i64") return -BigInt(seed) * 7n;
    if (ty === "u128") return (1n << 127n) + BigInt(seed);
    if (ty === "pubkey") return key(seed % 250);
    if (ty === "string") return `https://device-${seed}.example:8443/challenge`;
    throw new Error(`unsupported ${ty}`);
  }
  if ("option" in ty) return sample(ty.option, seed);
  if ("vec" in ty) return [sample(ty.vec, seed)];
  if ("array" in ty) return Array.from({ length: Number(ty.array[1]) }, (_, i) => sample(ty.array[0], seed + i));
  const def: any = typeDefs.get(ty.defined.name);
  if (def.type.kind === "enum") return def.type.variants[def.type.variants.length - 1].name.toLowerCase();
  return Object.fromEntries(def.type.fields.map((f: any, i: number) => [camel(f.name), sample(f.type, seed * 31 + i + 1)]));
}

export const bn = (v: bigint) => new BN(v.toString());
