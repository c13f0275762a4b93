// The quasi-static state of a cell: a pool whose LP book is in steady rotation (one cohort of
// `cohortDevices` ends every bucket, T cohorts live) at spot price α. Every cohort is deposited at
// α, so the state is fixed by α alone; how a real book got there is not modelled.
import { Economy } from "./economy";
import { SimPool, SimStake } from "./pool";
import { HOUR } from "../units";

/** A fixed, bucket-aligned start time: results must not depend on the wall clock. */
export const T0 = 1_700_002_800n;

export interface Book {
  pool: SimPool;
  /** Live LP cohorts, `cohorts[k]` ending at `T0 + (k+1)·HOUR`. */
  cohorts: SimStake[];
}

/** The steady book at price `alpha` (base units per GPU-hour). */
export function steadyBook(eco: Economy, alpha: bigint): Book {
  // The first deposit lands on empty reserves and is priced at the reference price.
  const pool = SimPool.create({ ...eco.pool, referencePrice: alpha }, T0);
  const cohorts: SimStake[] = [];
  for (let k = 1; k <= eco.windowHours; k++) {
    const stake = pool.openStake("lp", T0, T0 + BigInt(k) * HOUR, eco.cohortDevices);
    pool.addLiquidity(stake, T0);
    cohorts.push(stake);
  }
  return { pool, cohorts };
}


/** Live devices N = cohort × T. */
export const liveDevices = (eco: Economy): bigint => eco.cohortDevices * BigInt(eco.windowHours);

/** Genuine demand per hour in GPU-seconds: u × N device-hours. */
export const demandPerHour = (eco: Economy): bigint => BigInt(Math.round(eco.utilisation * Number(liveDevices(eco)) * Number(HOUR)));
