// User-facing quotes from a fetched Pool account and a time: the program's own checks, in its
// order, then the same math on a copy of the pool. A quote for `now` is exactly what a
// transaction landing with Clock `unix_timestamp == now` computes; it throws the
// `PinfiProgramError` that transaction would fail with.
import * as m from "./math";
import { PinfiProgramError, PinfiErrorName } from "./errors";
import type { Device, Pool, PoolEpoch, Protocol, Rental, Stake } from "./types";
import { MAX_RENTAL_DEVICES as C_MAX_RENTAL_DEVICES } from "./constants";

/** The parts of a Pool account the math reads. */
export type PoolLike = Pick<Pool, "utilityReserve" | "lpSupply" | "escrowTotal" | "collateralTotal" | "reserve" | "params" | "slots">;
export type StakeLike = Pick<Stake, "end" | "rate"> & Partial<Pick<Stake, "kind" | "failed" | "lpShares">>;
export type RentalLike = Pick<Rental, "end" | "rate">;

/** A private copy of the pool's books for the math (`Pool::core`, `Pool::curve`). */
export function poolCore(pool: PoolLike): { core: m.PoolCore; slots: bigint[]; curve: m.CurveParams } {
  const r = pool.reserve;
  const reserve = new m.Reserve(r.rateSum, r.rateEndSum, r.scale, r.cursor, BigInt(pool.params.bucketSecs));
  const core = new m.PoolCore(pool.utilityReserve, pool.lpSupply, pool.escrowTotal, pool.collateralTotal, reserve);
  const curve = {
    feeBps: BigInt(pool.params.swapFeeBps),
    collateralBps: BigInt(pool.params.collateralBps),
    referencePrice: pool.params.referencePrice,
  };
  return { core, slots: [...pool.slots], curve };
}

const reject = (name: PinfiErrorName): never => {
  throw new PinfiProgramError(name);
};

/** Runs math the way the program does (`.pinfi()?`): a math error becomes its program error. */
function onChain<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof m.MathError) throw new PinfiProgramError("MathOverflow", { cause: e }, e.op);
    if (e instanceof m.PoolMathError) throw new PinfiProgramError(m.PROGRAM_ERROR_OF[e.kind], { cause: e });
    throw e;
  }
}

/** `window_end`: a bucket boundary after `now`, at most `maxSecs` away; returns the seconds. */
function windowEnd(pool: PoolLike, end: bigint, now: bigint, minSecs: bigint): bigint {
  if (!(end > now && end % BigInt(pool.params.bucketSecs) === 0n)) reject("InvalidEnd");
  const secs = end - now;
  if (secs < minSecs || secs > BigInt(pool.params.maxStakeSecs)) reject("InvalidDuration");
  return secs;
}

/** The pool right after a trade, as its event reports it. */
export interface After {
  hoursAfter: bigint;
  utilityAfter: bigint;
}
const after = (core: m.PoolCore, slots: bigint[], now: bigint): After => ({
  hoursAfter: core.hoursAt(slots, now),
  utilityAfter: core.utilityReserve,
});

export interface BuyQuote extends m.HoursBought, After {
  /** The new rental's rate, when `end` was given. */
  rentalRate?: bigint;
}

/** `buy_hours`: `tokensIn` (fee included) at `now`; pass the rental's `end` to check and rate it. */
export function quoteBuy(pool: PoolLike, tokensIn: bigint, now: bigint, end?: bigint): BuyQuote {
  return onChain(() => {
    if (end !== undefined) windowEnd(pool, end, now, 1n);
    if (tokensIn <= 0n) reject("ZeroAmount");
    const { core, slots, curve } = poolCore(pool);
    const bought = core.buyHours(slots, curve, now, tokensIn);
    const rentalRate = end !== undefined ? m.rateFloor(bought.hoursOut, end, now) : undefined;
    // buy_hours places the rental on whole devices, at most MAX_RENTAL_DEVICES of them.
    if (rentalRate !== undefined) devicesFor(rentalRate);
    return { ...bought, ...after(core, slots, now), ...(rentalRate !== undefined ? { rentalRate } : {}) };
  });
}

/** Exact out: the gross `tokensIn` for at least `hoursOut`, and what buying with it yields. */
export function quoteBuyExactOut(pool: PoolLike, hoursOut: bigint, now: bigint): BuyQuote {
  return onChain(() => {
    const { core, slots, curve } = poolCore(pool);
    const tokensIn = core.quoteBuyExactOut(slots, curve, now, hoursOut);
    return { ...core.buyHours(slots, curve, now, tokensIn), ...after(core, slots, now) };
  });
}

export interface ExtendQuote extends BuyQuote {
  hoursNeeded: bigint;
  newRate: bigint;
}

/** `extend_rental` to `newEnd`: the missing hours bought exact-out at `now`. */
export function quoteExtendRental(pool: PoolLike, rental: RentalLike, newEnd: bigint, now: bigint): ExtendQuote {
  return onChain(() => {
    if (now >= rental.end) reject("RentalEnded");
    if (newEnd <= rental.end) reject("InvalidEnd");
    windowEnd(pool, newEnd, now, 1n);
    const held = m.balanceFloor(rental.rate, rental.end, now);
    const hoursNeeded = m.checked.sub(m.balanceFloor(rental.rate, newEnd, now), held, "u64");
    if (hoursNeeded === 0n) reject("ZeroAmount");
    const { core, slots, curve } = poolCore(pool);
    const tokensIn = core.quoteBuyExactOut(slots, curve, now, hoursNeeded);
    const bought = core.buyHours(slots, curve, now, tokensIn);
    const newRate = m.rateFloor(m.checked.add(held, bought.hoursOut, "u64"), newEnd, now);
    devicesFor(newRate);
    return { ...bought, ...after(core, slots, now), hoursNeeded, newRate };
  });
}

export interface SellQuote extends m.HoursSold, After {
  /** The stake's rate after the hours left it, when a stake was given. */
  stakeRateAfter?: bigint;
}

/**
 * `sell_hours`: `hours` of a seller stake ending at `stakeEnd` at `now`. Pass the Stake account
 * itself to run every check the program does (kind, failed, the stake's balance).
 */
export function quoteSell(pool: PoolLike, hours: bigint, stakeEnd: bigint | StakeLike, now: bigint): SellQuote {
  return onChain(() => {
    const stake = typeof stakeEnd === "bigint" ? undefined : stakeEnd;
    const end = stake ? stake.end : (stakeEnd as bigint);
    if (stake?.kind !== undefined && stake.kind !== "seller") reject("WrongStakeKind");
    if (now >= end) reject("StakeExpired");
    if (stake?.failed) reject("AlreadyFailed");
    const stakeRateAfter = stake ? m.withdraw(stake.rate, end, now, hours) : undefined;
    const { core, slots, curve } = poolCore(pool);
    const sold = core.sellHours(slots, curve, now, end, hours);
    return { ...sold, ...after(core, slots, now), ...(stakeRateAfter !== undefined ? { stakeRateAfter } : {}) };
  });
}

export interface TerminateQuote extends After {
  hoursReturned: bigint;
  grossOut: bigint;
  fee: bigint;
  buyerOut: bigint;
}

/** `terminate_rental`: the unused hours sold back at `now`, fee burned, no collateral. */
export function quoteTerminateRental(pool: PoolLike, rental: RentalLike, now: bigint): TerminateQuote {
  return onChain(() => {
    if (now >= rental.end) reject("RentalEnded");
    const remaining = m.balanceFloor(rental.rate, rental.end, now);
    if (remaining === 0n) reject("ZeroAmount");
    const { core, slots, curve } = poolCore(pool);
    const sold = core.sellHours(slots, { ...curve, collateralBps: 0n }, now, rental.end, remaining);
    return { hoursReturned: sold.hoursCredited, grossOut: sold.grossOut, fee: sold.fee, buyerOut: sold.sellerOut, ...after(core, slots, now) };
  });
}

export interface AddLiquidityQuote extends m.LiquidityAdded, After {
  /** The stake's whole balance at `now`, which leaves it. */
  hours: bigint;
}

/** `add_liquidity`: all of an LP stake's hours at `now` plus equal-value tokens. */
export function quoteAddLiquidity(pool: PoolLike, stake: StakeLike, now: bigint): AddLiquidityQuote {
  return onChain(() => {
    if (stake.kind !== undefined && stake.kind !== "lp") reject("WrongStakeKind");
    if (stake.lpShares !== undefined && stake.lpShares !== 0n) reject("LiquidityAlreadyAdded");
    if (now >= stake.end) reject("StakeExpired");
    const hours = m.balanceFloor(stake.rate, stake.end, now);
    m.withdraw(stake.rate, stake.end, now, hours);
    const { core, slots, curve } = poolCore(pool);
    const added = core.addLiquidity(slots, curve, now, stake.end, hours);
    return { ...added, hours, ...after(core, slots, now) };
  });
}

/** GPU-seconds in the pool at any time `t` (later lots expire on their boundaries). */
export const hourReserveAt = (pool: PoolLike, t: bigint): bigint => onChain(() => poolCore(pool).core.hoursAt(pool.slots, t));

/** Marginal price `U / H(t)` in base units per GPU-hour, as a fraction; `den` 0 = no price. */
export function spotPrice(pool: PoolLike, t: bigint): { num: bigint; den: bigint } {
  return { num: pool.utilityReserve * m.SECONDS_PER_HOUR, den: hourReserveAt(pool, t) };
}

/** What `shares` settle for now: `shares / L × U`, rounded down. */
export const lpSettlementValue = (pool: PoolLike, shares: bigint): bigint => onChain(() => poolCore(pool).core.removeLiquidity(shares));

/** `settle_stake` at `now`: what the owner is paid and what is burned. */
export function quoteSettle(pool: PoolLike, stake: Pick<Stake, "end" | "kind" | "failed" | "lpShares" | "maintenanceEscrow" | "collateral">, now: bigint) {
  return onChain(() => {
    if (now < stake.end) reject("StakeNotEnded");
    if (stake.kind === "lp") return { paidOut: lpSettlementValue(pool, stake.lpShares), burned: 0n };
    poolCore(pool).core.releaseSeller(stake.maintenanceEscrow, stake.collateral);
    const held = m.checked.add(stake.maintenanceEscrow, stake.collateral, "u64");
    return stake.failed ? { paidOut: 0n, burned: held } : { paidOut: held, burned: 0n };
  });
}

export const stakeBalanceAt = (stake: Pick<Stake, "rate" | "end">, t: bigint): bigint => onChain(() => m.balanceFloor(stake.rate, stake.end, t));
export const rentalBalanceAt = (rental: RentalLike, t: bigint): bigint => onChain(() => m.balanceFloor(rental.rate, rental.end, t));

/** Maintenance fee a seller stake of `secs` escrows. */
export const maintenanceFee = (pool: PoolLike, secs: bigint): bigint =>
  onChain(() => m.perHourChargeCeil(pool.params.maintenancePerGpuHour, secs));
/** `burn_for_certificate`: tokens burned for a certificate covering `secs` GPU-seconds. */
export function certificateBurn(pool: PoolLike, secs: bigint): bigint {
  return onChain(() => {
    if (secs <= 0n) reject("ZeroAmount");
    if (secs > BigInt(pool.params.maxStakeSecs)) reject("InvalidDuration");
    return m.perHourChargeCeil(pool.params.burnPerGpuHour, secs);
  });
}

// ---------------------------------------------------------------------------------------------
// Epochs and block rewards (instructions/epoch/*.rs).

export type EmissionLike = Pick<Protocol["emission"], "genesis" | "epochSecs" | "perDay" | "halvingSecs" | "maxSupply" | "minersBps" | "foundationBps" | "potRampSecs">;
export type ProtocolLike = { emission: EmissionLike } & Partial<Pick<Protocol, "emitted" | "nextEpoch" | "totalWeight">>;
export type PoolEpochLike = Pick<PoolEpoch, "start" | "end" | "rho" | "accStart">;
export type RewardStakeLike = Pick<Stake, "end" | "rewardsCursor" | "failed">;
export type RewardDeviceLike = Pick<Device, "registeredAt" | "perfBps" | "rewardsEarned">;

/** `EmissionParams::configured`: epochs exist only once `epochSecs > 0`. */
export const emissionConfigured = (p: ProtocolLike) => Number(p.emission.epochSecs) > 0;

/** `EmissionParams::schedule`; `null` before `configure_emission`. */
export function emissionSchedule(p: ProtocolLike): m.Schedule | null {
  return emissionConfigured(p) ? new m.Schedule(p.emission) : null;
}

/** What `close_epoch(index)` mints and how it splits, given `emittedBefore` (`protocol.emitted`). */
export function quoteCloseEpoch(p: ProtocolLike, index: bigint, emittedBefore = p.emitted ?? 0n): m.Split & { start: bigint; end: bigint } {
  return onChain(() => {
    const s = emissionSchedule(p) ?? reject("EmissionNotConfigured");
    const [start, end] = s.epochBounds(index);
    const minted = s.epochEmission(index, emittedBefore);
    return { ...m.split(minted, p.emission.minersBps, p.emission.foundationBps), start, end };
  });
}

/** The share of an epoch's miners' tokens a pool takes at `close_pool_epoch` (before any cap by what is left). */
export function poolShare(miners: bigint, weight: bigint, totalWeight: bigint): bigint {
  return totalWeight === 0n ? 0n : onChain(() => m.mulDivFloor(miners, weight, totalWeight));
}

/** `PoolEpoch::acc_at`: accumulated standard reward per device-second at `t`, Q64.64 wrapping. */
export function accAt(pe: PoolEpochLike, t: bigint): bigint {
  const c = t < pe.start ? pe.start : t > pe.end ? pe.end : t;
  return (pe.accStart + pe.rho * (c - pe.start)) & m.U128_MAX;
}

/** `PoolEpoch::contains` (both ends inclusive). */
export const poolEpochContains = (pe: Pick<PoolEpoch, "start" | "end">, t: bigint) => pe.start <= t && t <= pe.end;

/** Whether `settle_stake` needs a claim first (`RewardsUnclaimed` otherwise). */
export function settleNeedsClaim(stake: RewardStakeLike, p: ProtocolLike): boolean {
  return emissionConfigured(p) && stake.end > p.emission.genesis && stake.rewardsCursor < stake.end;
}

export interface ClaimWindow {
  /** Index of the pool epoch containing `from` (the `fromEpoch` account). */
  fromEpoch: bigint;
  /** Index of the pool epoch containing `to` (the `toEpoch` account). */
  toEpoch: bigint;
  /** `max(stake.rewardsCursor, genesis)`. */
  from: bigint;
  /** `min(stake.end, end of toEpoch)`: the cursor after the claim. */
  to: bigint;
  /** `to == stake.end`: after this claim the stake may be settled. */
  complete: boolean;
}

/**
 * The pool epochs a `claim_rewards` should name: `fromEpoch` contains the stake's cursor (or
 * genesis), `toEpoch` is the one containing `stake.end`, or the pool's last closed epoch when that
 * one is not closed yet. `null` when there is nothing to claim (emission not configured, no pool
 * epoch closed, stake ended before genesis, or already claimed as far as the pool has closed).
 * At an epoch boundary (which two epochs contain) the closed / earlier one is chosen.
 */
export function claimWindow(stake: RewardStakeLike, pool: Pick<Pool, "nextEpoch">, p: ProtocolLike): ClaimWindow | null {
  const s = emissionSchedule(p);
  if (!s || pool.nextEpoch === 0n) return null;
  const lastClosed = pool.nextEpoch - 1n;
  const from = stake.rewardsCursor > s.genesis ? stake.rewardsCursor : s.genesis;
  if (stake.end <= from) return null;
  // The epoch containing stake.end, the earlier one at a boundary (it closes first).
  const endIdx = containing(s, stake.end, "earlier");
  const toEpoch = endIdx < lastClosed ? endIdx : lastClosed;
  const toEnd = s.epochStart(toEpoch + 1n);
  const to = stake.end < toEnd ? stake.end : toEnd;
  if (to <= from) return null;
  // `from` may sit on the boundary after the last closed epoch: the earlier epoch contains it.
  let fromEpoch = containing(s, from, "later");
  if (fromEpoch > toEpoch) fromEpoch = containing(s, from, "earlier");
  return { fromEpoch, toEpoch, from, to, complete: to === stake.end };
}

function containing(s: m.Schedule, t: bigint, prefer: "earlier" | "later"): bigint {
  const idx = s.epochAt(t) ?? 0n;
  return prefer === "earlier" && idx > 0n && s.epochStart(idx) === t ? idx - 1n : idx;
}

export interface ClaimQuote {
  /** Standard reward of the window (device-seconds × reward per device-second). */
  standard: bigint;
  /** PoT × PoL × PoW, Q32.32 (0 for a failed stake). */
  multiplier: bigint;
  paid: bigint;
  burned: bigint;
  from: bigint;
  to: bigint;
  /** A repeated (or empty) claim: pays nothing and changes nothing. */
  noop: boolean;
}

/**
 * `claim_rewards` exactly as the program computes it, for a transaction landing at `now`.
 * `ownerTokensAmount` is the balance of `ownerTokens` before the claim (PoL reads it).
 */
export function quoteClaim(
  p: ProtocolLike,
  stake: RewardStakeLike,
  device: RewardDeviceLike,
  fromEpoch: PoolEpochLike,
  toEpoch: PoolEpochLike,
  ownerTokensAmount: bigint,
  now: bigint,
): ClaimQuote {
  return onChain(() => {
    if (!emissionConfigured(p)) reject("EmissionNotConfigured");
    const from = stake.rewardsCursor > p.emission.genesis ? stake.rewardsCursor : p.emission.genesis;
    const to = stake.end < toEpoch.end ? stake.end : toEpoch.end;
    if (to <= from) return { standard: 0n, multiplier: 0n, paid: 0n, burned: 0n, from, to, noop: true };
    if (!(poolEpochContains(fromEpoch, from) && poolEpochContains(toEpoch, to))) reject("WrongPoolEpoch");
    const standard = m.checked.toU64(((accAt(toEpoch, to) - accAt(fromEpoch, from)) & m.U128_MAX) >> 64n);
    let multiplier = 0n;
    if (!stake.failed) {
      const age = now > device.registeredAt ? now - device.registeredAt : 0n;
      const pot = m.pocps.pot(age, BigInt(p.emission.potRampSecs));
      const pol = m.pocps.pol(ownerTokensAmount, device.rewardsEarned);
      const pow = m.pocps.pow(BigInt(device.perfBps));
      multiplier = m.pocps.multiplier(pot, pol, pow);
    }
    const [paid, burned] = m.pocps.applyMultiplier(standard, multiplier);
    return { standard, multiplier, paid, burned, from, to, noop: false };
  });
}

// ---------------------------------------------------------------------------------------------
// Rental placement and refunds (instructions/crank/{assign_rental,refund_rental}.rs).

/** Most devices one rental can be placed on (`MAX_RENTAL_DEVICES`). */
export const MAX_RENTAL_DEVICES = C_MAX_RENTAL_DEVICES;

/**
 * `Rental::devices_for`: whole devices a rate (Q32.32 devices) needs, at least 1. A rate needing
 * more than `MAX_RENTAL_DEVICES` throws `TooManyDevices`, as `buy_hours` / `extend_rental` fail.
 */
export function devicesFor(rate: bigint): number {
  const n = (rate + m.RATE_ONE - 1n) / m.RATE_ONE;
  const devices = n < 1n ? 1n : n;
  if (devices > BigInt(MAX_RENTAL_DEVICES)) reject("TooManyDevices");
  return Number(devices);
}

/** `devicesFor` without the throw: `null` above `MAX_RENTAL_DEVICES`. */
export function devicesForOrNull(rate: bigint): number | null {
  try {
    return devicesFor(rate);
  } catch (e) {
    if (e instanceof PinfiProgramError && e.errorName === "TooManyDevices") return null;
    throw e;
  }
}

/** `refund_value` of manager/rentals.rs: the purchase price (net of fees) of what is left, floored. */
export function refundValue(paid: bigint, fees: bigint, gpuSeconds: bigint, remaining: bigint): bigint {
  if (gpuSeconds === 0n) return 0n;
  const net = paid > fees ? paid - fees : 0n;
  return onChain(() => m.mulDivFloor(net, remaining < gpuSeconds ? remaining : gpuSeconds, gpuSeconds));
}

/** What `refund_rental` pays the buyer at `now` (checks: still waiting, placement window over). */
export function quoteRefundRental(
  rental: Pick<Rental, "status" | "waitingSince" | "rate" | "end" | "paid" | "fees" | "gpuSeconds">,
  placementSecs: number | bigint,
  now: bigint,
): { refund: bigint; remaining: bigint } {
  if (rental.status !== "waiting") reject("RentalNotWaiting");
  if (now < rental.waitingSince + BigInt(placementSecs)) reject("PlacementWindowOpen");
  const remaining = now < rental.end ? onChain(() => m.balanceFloor(rental.rate, rental.end, now)) : 0n;
  return { refund: refundValue(rental.paid, rental.fees, rental.gpuSeconds, remaining), remaining };
}

/**
 * `renter_compensation` of manager/rentals.rs: what the renter of a failed seller's device gets
 * from its collateral at settlement — the purchase value of the rental's GPU-seconds left on that
 * device (one of its `devices`) from `failedAt` to `min(bookedUntil, rental.end)`, capped by the
 * collateral, rounded down.
 */
export function renterCompensation(
  rental: Pick<Rental, "end" | "rate" | "paid" | "fees" | "gpuSeconds" | "devices">,
  bookedUntil: bigint,
  failedAt: bigint,
  collateral: bigint,
): bigint {
  const until = bookedUntil < rental.end ? bookedUntil : rental.end;
  if (until <= failedAt) return 0n;
  const remaining = onChain(() => m.balanceFloor(rental.rate, until, failedAt));
  const value = refundValue(rental.paid, rental.fees, rental.gpuSeconds, remaining) / BigInt(Math.max(1, rental.devices));
  return value < collateral ? value : collateral;
}
