// User-facing quotes from a fetched Pool account and a time: the program's own checks, in its
// order, then the same math on a copy of the pool. A quote for `now` is exactly what a
// transaction landing with Clock `unix_timestamp == now` computes; it throws the
// `PinfiProgramError` that transaction would fail with.
import * as m from "./math";
import { PinfiProgramError, PinfiErrorName } from "./errors";
import type { Pool, Rental, Stake } from "./types";

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
