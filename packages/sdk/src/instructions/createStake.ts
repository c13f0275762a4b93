import { PublicKey } from "@solana/web3.js";
import { SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID } from "../constants";
import { certificate, protocol, stake, vault } from "../pdas";
import type { StakeKind } from "../idl";
import { build, Int, meta, ProgramOption } from "./common";

export type CreateStakeArgs = ProgramOption & {
  owner: PublicKey;
  pool: PublicKey;
  /** The device account (`pdas.device(deviceKey)`). */
  device: PublicKey;
  /** The device's `stakeCount` now: the new stake's PDA index. */
  deviceStakeCount: Int;
  ownerTokens: PublicKey;
  kind: StakeKind;
  /** A bucket boundary of the pool. */
  end: Int;
} & ({ certificate: PublicKey } | { certificateNonce: Int });

export function createStake(a: CreateStakeArgs) {
  const cert = "certificate" in a ? a.certificate : certificate(a.owner, a.pool, a.certificateNonce, a.programId)[0];
  return build(
    "create_stake",
    { kind: a.kind, end: a.end },
    [
      meta(a.owner, "ws"),
      meta(protocol(a.programId)[0]),
      meta(a.pool, "w"),
      meta(a.device, "w"),
      meta(cert, "w"),
      meta(stake(a.device, a.deviceStakeCount, a.programId)[0], "w"),
      meta(a.ownerTokens, "w"),
      meta(vault(a.pool, a.programId)[0], "w"),
      meta(TOKEN_PROGRAM_ID),
      meta(SYSTEM_PROGRAM_ID),
    ],
    a.programId,
  );
}
