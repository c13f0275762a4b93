import { PublicKey } from "@solana/web3.js";
import { SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID } from "../constants";
import { protocol, rewardsVault } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

/** `EmissionParams` of state/epoch.rs (protocol-notes §5). */
export interface EmissionParamsInput {
  /** Start of epoch 0 (unix seconds); not in the past when configured. */
  genesis: Int;
  /** One day on mainnet, seconds in tests (u32). */
  epochSecs: number;
  /** Base units per day before the first halving. */
  perDay: Int;
  halvingSecs: Int;
  /** Hard cap of everything ever emitted. */
  maxSupply: Int;
  /** 7_000: the miners' share, spread over pools by weight. */
  minersBps: number;
  /** 2_000 to `foundation`; the team takes the rest. */
  foundationBps: number;
  /** T0 of the PoT multiplier (30 days on mainnet). */
  potRampSecs: number;
  /** Token accounts (utility mint) receiving the foundation and team shares. */
  foundation: PublicKey;
  team: PublicKey;
}

/**
 * Once, by the admin: the emission schedule, and the rewards vault created. The utility mint's mint
 * authority must already be the protocol PDA (`MintAuthorityNotProtocol` otherwise).
 */
export interface ConfigureEmissionArgs extends ProgramOption {
  admin: PublicKey;
  utilityMint: PublicKey;
  params: EmissionParamsInput;
}

export function configureEmission(a: ConfigureEmissionArgs) {
  return build(
    "configure_emission",
    { params: a.params },
    [
      meta(a.admin, "ws"),
      meta(protocol(a.programId)[0], "w"),
      meta(a.utilityMint),
      meta(rewardsVault(a.programId)[0], "w"),
      meta(a.params.foundation),
      meta(a.params.team),
      meta(TOKEN_PROGRAM_ID),
      meta(SYSTEM_PROGRAM_ID),
    ],
    a.programId,
  );
}
