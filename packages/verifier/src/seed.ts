import { ascii, concat, u32le, u64le } from "./bytes";
import { sha256 } from "./hash";

/** Everything the seed depends on: fixed on chain by open_challenge, except v_nonce (revealed at t0). */
export interface ChallengeInputs {
  programId: Uint8Array; // 32
  devicePda: Uint8Array; // 32
  challengeId: bigint; // u64
  slotHash: Uint8Array; // 32, SlotHashes entry recorded by open_challenge
  vNonce: Uint8Array; // 32, the verifier's secret; sha256(vNonce) is committed on chain
  paramsId: number; // u16
}

export const DOMAIN = "poc/v1";
export type KeyLabel = "X0" | "W" | "P";

function check32(name: string, b: Uint8Array): void {
  if (!(b instanceof Uint8Array) || b.length !== 32) throw new Error(`${name} must be 32 bytes`);
}

/** seed = SHA-256("poc/v1" ‖ program_id ‖ device_pda ‖ challenge_id(u64 LE) ‖ slot_hash ‖ v_nonce). */
export function deriveSeed(ch: ChallengeInputs): Uint8Array {
  check32("programId", ch.programId);
  check32("devicePda", ch.devicePda);
  check32("slotHash", ch.slotHash);
  check32("vNonce", ch.vNonce);
  return sha256(concat(ascii(DOMAIN), ch.programId, ch.devicePda, u64le(ch.challengeId), ch.slotHash, ch.vNonce));
}

/** The value open_challenge stores: sha256(v_nonce). */
export function nonceCommitment(vNonce: Uint8Array): Uint8Array {
  check32("vNonce", vNonce);
  return sha256(vNonce);
}

/** key(l, t) = SHA-256(seed ‖ l ‖ u32 LE t). */
export function deriveKey(seed: Uint8Array, label: KeyLabel, t: number): Uint8Array {
  return sha256(concat(seed, ascii(label), u32le(t)));
}

/** Walk seed: SHA-256(R ‖ v_nonce); the walk cannot start before R exists. */
export function walkSeed(R: Uint8Array, vNonce: Uint8Array): Uint8Array {
  return sha256(concat(R, vNonce));
}
