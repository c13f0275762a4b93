// The verifier side of the pairing lottery (decisions.md §31; the program's manager/lottery.rs):
// round secrets derived from the verifier's key, their Merkle tree, tickets, and the draw that
// decides whether this verifier may challenge a device in a round. Every rule here is the
// program's; the e2e suite has the program accept or refuse what this computes.
import { createHmac } from "node:crypto";
import { PublicKey } from "@solana/web3.js";
import { concat, ascii } from "../bytes";
import { sha256 } from "../hash";
import { MerkleTree, leafHash } from "../merkle";

const DRAW_DOMAIN = ascii("pinfi/lottery/v1");
const SECRET_DOMAIN = ascii("pinfi/lottery/secret");
const U64_MAX = (1n << 64n) - 1n;

/** What the Verifier account records of a commitment (`LotteryCommitment`). */
export interface Commitment {
  root: Uint8Array;
  startSlot: bigint;
  rounds: number;
  roundSlots: number;
}

export interface Ticket {
  round: bigint;
  secret: Uint8Array;
  path: Uint8Array[];
}

const u64le = (v: bigint) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, v, true);
  return b;
};

/**
 * A verifier's secrets for one commitment: HMAC(key, domain ‖ start slot ‖ round), so a restarted
 * daemon rebuilds the same tree from its key and the commitment on chain, and nobody else can.
 */
export class RoundSecrets {
  readonly tree: MerkleTree;
  private readonly secrets: Uint8Array[];

  constructor(key: Uint8Array, readonly startSlot: bigint, readonly rounds: number) {
    if (!Number.isInteger(rounds) || rounds < 1) throw new Error("lottery: rounds must be a positive integer");
    this.secrets = Array.from({ length: rounds }, (_, r) => {
      const round = new Uint8Array(4);
      new DataView(round.buffer).setUint32(0, r, true);
      return new Uint8Array(createHmac("sha256", key).update(concat(SECRET_DOMAIN, u64le(startSlot), round)).digest());
    });
    const leaves = new Uint8Array(rounds * 32);
    this.secrets.forEach((s, r) => leaves.set(leafHash(s), r * 32));
    this.tree = new MerkleTree(leaves);
  }

  get root(): Uint8Array {
    return this.tree.root;
  }

  secret(round: bigint): Uint8Array {
    return this.secrets[Number(round)];
  }

  ticket(round: bigint): Ticket {
    return { round, secret: this.secret(round), path: this.tree.path(Number(round)) };
  }
}

/** The round `slot` falls in, or null outside the commitment. */
export function roundAt(slot: bigint, c: Commitment): bigint | null {
  if (c.roundSlots === 0 || slot < c.startSlot) return null;
  const round = (slot - c.startSlot) / BigInt(c.roundSlots);
  return round < BigInt(c.rounds) ? round : null;
}

export const roundStart = (c: Commitment, round: bigint): bigint => c.startSlot + round * BigInt(c.roundSlots);

/** The draw of a round secret for a device: the first 8 bytes (LE) of the domain-separated hash. */
export function draw(secret: Uint8Array, slotHash: Uint8Array, device: PublicKey): bigint {
  const h = sha256(concat(DRAW_DOMAIN, secret, slotHash, device.toBytes()));
  return new DataView(h.buffer, h.byteOffset, 8).getBigUint64(0, true);
}

/** Each of `verifiers` wins a device with probability `draws / verifiers` (always when draws ≥ verifiers). */
export function wins(d: bigint, draws: number, verifiers: number): boolean {
  if (verifiers === 0 || draws === 0) return false;
  if (draws >= verifiers) return true;
  return d < (U64_MAX / BigInt(verifiers)) * BigInt(draws);
}

/** The newest SlotHashes entry at or before `slot` (raw sysvar data: u64 count, then (slot, hash) newest first). */
export function slotHashAt(sysvar: Uint8Array, slot: bigint): Uint8Array | null {
  if (sysvar.length < 8) return null;
  const view = new DataView(sysvar.buffer, sysvar.byteOffset, sysvar.byteLength);
  const count = Number(view.getBigUint64(0, true));
  for (let e = 0; e < count; e++) {
    const at = 8 + 40 * e;
    if (at + 40 > sysvar.length) return null;
    if (view.getBigUint64(at, true) <= slot) return sysvar.slice(at + 8, at + 40);
  }
  return null;
}
