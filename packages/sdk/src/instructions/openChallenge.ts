import { PublicKey } from "@solana/web3.js";
import { SYSTEM_PROGRAM_ID, SYSVAR_SLOT_HASHES_PUBKEY } from "../constants";
import { challenge, protocol, verifier } from "../pdas";
import { build, Bytes32, bytes32, Int, meta, ProgramOption } from "./common";

export interface OpenChallengeArgs extends ProgramOption {
  /** The verifier's authority: signs and pays for the challenge account. */
  authority: PublicKey;
  pool: PublicKey;
  /** The device account (`pdas.device(deviceKey)`). */
  device: PublicKey;
  /** A live stake of the device. */
  stake: PublicKey;
  /** The device's `challengeCount` now: the new challenge's PDA index. */
  deviceChallengeCount: Int;
  /** Row of the verifier parameter table the prover must use (u16). */
  paramsId: number;
  /** SHA-256 of a secret 32-byte nonce, revealed in `submit_verdict` (`nonceCommitment`). */
  nonceCommit: Bytes32;
  /** Required while the protocol's lottery is on: the round, its secret and the secret's Merkle path. */
  ticket?: LotteryTicketInput | null;
}

export interface LotteryTicketInput {
  round: Int;
  secret: Bytes32;
  path: Bytes32[];
}

export function openChallenge(a: OpenChallengeArgs) {
  return build(
    "open_challenge",
    {
      paramsId: a.paramsId,
      nonceCommit: bytes32("nonceCommit", a.nonceCommit),
      ticket: a.ticket ? { round: a.ticket.round, secret: bytes32("ticket.secret", a.ticket.secret), path: a.ticket.path.map((h, i) => bytes32(`ticket.path[${i}]`, h)) } : null,
    },
    [
      meta(a.authority, "ws"),
      meta(protocol(a.programId)[0]),
      meta(verifier(a.authority, a.programId)[0], "w"),
      meta(a.pool, "w"),
      meta(a.device, "w"),
      meta(a.stake),
      meta(challenge(a.device, a.deviceChallengeCount, a.programId)[0], "w"),
      meta(SYSVAR_SLOT_HASHES_PUBKEY),
      meta(SYSTEM_PROGRAM_ID),
    ],
    a.programId,
  );
}

/** A fresh random 32-byte nonce (Web Crypto: Node ≥ 19 and browsers). */
export function randomNonce(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(32));
}

/** `SHA-256(nonce)`, the `nonceCommit` of `open_challenge` (Web Crypto: Node ≥ 19 and browsers). */
export async function nonceCommitment(nonce: Bytes32): Promise<Uint8Array> {
  const bytes = Uint8Array.from(bytes32("nonce", nonce));
  return new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes));
}
