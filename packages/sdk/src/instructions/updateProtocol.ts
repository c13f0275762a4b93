import { PublicKey } from "@solana/web3.js";
import { protocol } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

/** Proof-of-compute rules (`VerificationParams`); the program checks their ranges. */
export interface VerificationParamsInput {
  /** Utility base units a verifier must keep staked to open challenges. */
  minVerifierStake: Int;
  unbondingSecs: number;
  /** Slots after `open_challenge` within which the verdict must land. */
  verdictWindowSlots: number;
  strikeWindowSecs: number;
  strikesToFail: number;
  distinctVerifiersToFail: number;
  verifierStrikesToSuspend: number;
}

/** Each field left out stays as it is. */
export interface UpdateProtocolArgs extends ProgramOption {
  admin: PublicKey;
  paused?: boolean;
  params?: { maxSwapFeeBps: number; minBurnPerGpuHour: Int; minCollateralBps: number };
  /** Proposes the next admin, who takes over by signing `acceptAdmin`; the current admin withdraws a proposal. */
  newAdmin?: PublicKey;
  verification?: VerificationParamsInput;
  /** Seconds a rental may wait for devices before anyone may refund it. */
  rentalPlacementSecs?: number;
  /** Verifier–device pairing: slots per round (≤ 240; 0 turns it off) and draws per device per round. */
  lottery?: { roundSlots: number; draws: number };
}

export function updateProtocol(a: UpdateProtocolArgs) {
  const args = { paused: a.paused ?? null, params: a.params ?? null, newAdmin: a.newAdmin ?? null, verification: a.verification ?? null, rentalPlacementSecs: a.rentalPlacementSecs ?? null, lottery: a.lottery ?? null };
  return build("update_protocol", { args }, [meta(a.admin, "s"), meta(protocol(a.programId)[0], "w")], a.programId);
}
