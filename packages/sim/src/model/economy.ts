// The economic parameters of one cell of the phase diagram (docs/economics.md §2). Everything is
// normalised by `cost` = β + pθ, a provider's full cost of committing one GPU-hour, so the
// paper's axes are x = α / cost (pool price) and y = γ / cost (LP block reward per GPU-hour).
import { E2E_POOL, PoolSetup } from "./pool";
import { TOKEN } from "../units";

export interface Economy {
  pool: PoolSetup;
  /** β + pθ in base units per GPU-hour: running cost plus token charges at token price p. */
  cost: bigint;
  /** T: an LP stake's and a seller lot's window, in buckets (hours). */
  windowHours: number;
  /** Devices joining the LP book every bucket; N = cohort × T devices are live. */
  cohortDevices: bigint;
  /** u: genuine demand per hour as a share of the live devices (while price ≤ δ). */
  utilisation: number;
  /** Length of a speculator's rental, in hours. */
  rentalHours: number;
}

/**
 * Defaults: the e2e pool, 1 token per GPU-hour of cost, testnet's 24 h LP stakes [B2], 960 live
 * devices, rentals as long as LP stakes. `utilisation` is the one free demand parameter and the
 * only one set from the figure: see `calibrate.ts` and docs/economics.md §4.
 */
export const DEFAULT_ECONOMY: Economy = {
  pool: E2E_POOL,
  cost: TOKEN,
  windowHours: 24,
  cohortDevices: 40n,
  utilisation: 0.1362,
  rentalHours: 24,
};

/** Genuine buyers' cut-off x_g = δ / (β+pθ) of the five panels of F4 [DIG]. */
export const PANELS = [
  { id: "a", xg: 0.7 },
  { id: "b", xg: 1.0 },
  { id: "c", xg: 1.32 },
  { id: "d", xg: 1.31 },
  { id: "e", xg: 1.3 },
] as const;
