// One pool driven instruction by instruction on the SDK's own math (`math.PoolCore`), with the
// program's handler rules around it (stake windows, escrow, rental rates). A step here and the
// same instruction on chain must leave identical books; `chain/replay.ts` checks exactly that.
import { math } from "@pinfi/sdk";
import { spot } from "../units";

/** The pool parameters the handlers read (the program's `PoolParams`, as bigints). */
export interface PoolSetup {
  swapFeeBps: bigint;
  collateralBps: bigint;
  referencePrice: bigint;
  bucketSecs: bigint;
  minStakeSecs: bigint;
  maxStakeSecs: bigint;
  burnPerGpuHour: bigint;
  maintenancePerGpuHour: bigint;
}

/** The e2e suite's pool (tests/e2e/world.ts): 30 bps fee, 2× collateral, 1 h buckets, 7 d max. */
export const E2E_POOL: PoolSetup = {
  swapFeeBps: 30n,
  collateralBps: 20_000n,
  referencePrice: 2_000_000n,
  bucketSecs: 3_600n,
  minStakeSecs: 3_600n,
  maxStakeSecs: 7n * 24n * 3_600n,
  burnPerGpuHour: 100_000n,
  maintenancePerGpuHour: 50_000n,
};

export type StakeKind = "lp" | "seller";

/** A rental is placed on at most this many whole devices (programs/pinfi/src/state/rental.rs; not in the SDK yet). */
export const MAX_RENTAL_DEVICES = 8n;

/** A stake of `devices` devices (the program's stakes have one; cohorts aggregate several). */
export interface SimStake {
  kind: StakeKind;
  end: bigint;
  rate: bigint;
  lpShares: bigint;
  maintenanceEscrow: bigint;
  collateral: bigint;
  tokens: bigint;
}

export interface SimRental {
  end: bigint;
  rate: bigint;
  paid: bigint;
}

export class SimPool {
  constructor(
    readonly setup: PoolSetup,
    public core: math.PoolCore,
    public slots: bigint[],
  ) {}

  /** `create_pool` at `now`. */
  static create(setup: PoolSetup, now: bigint): SimPool {
    return new SimPool(setup, math.PoolCore.empty(math.Reserve.create(setup.bucketSecs, now)), math.emptySlots());
  }

  clone(): SimPool {
    return new SimPool(this.setup, this.core.clone(), [...this.slots]);
  }

  /**
   * Runs `f` on a copy and keeps the copy only if `f` returns: a failed step leaves the pool as it
   * was, as a failed transaction leaves the account (the math may stop half-way).
   */
  attempt<T>(f: (p: SimPool) => T): T | undefined {
    const copy = this.clone();
    try {
      const out = f(copy);
      this.core = copy.core;
      this.slots = copy.slots;
      return out;
    } catch {
      return undefined;
    }
  }

  get curve(): math.CurveParams {
    return { feeBps: this.setup.swapFeeBps, collateralBps: this.setup.collateralBps, referencePrice: this.setup.referencePrice };
  }

  hoursAt(now: bigint): bigint {
    return this.core.hoursAt(this.slots, now);
  }

  /** Spot price in base units per GPU-hour (float, for axes and plots). */
  priceAt(now: bigint): number {
    return spot(this.core.utilityReserve, this.hoursAt(now));
  }

  /** `window_end`: the program's check on a stake's or rental's end. */
  checkEnd(end: bigint, now: bigint, minSecs: bigint): void {
    if (!(end > now && end % this.setup.bucketSecs === 0n)) throw new Error(`InvalidEnd: ${end} at ${now}`);
    const secs = end - now;
    if (secs < minSecs || secs > this.setup.maxStakeSecs) throw new Error(`InvalidDuration: ${secs} s`);
  }

  /** Tokens burned for a certificate covering `secs` GPU-seconds (`burn_for_certificate`). */
  certificateBurn(secs: bigint): bigint {
    return math.perHourChargeCeil(this.setup.burnPerGpuHour, secs);
  }

  /** `create_stake` of `devices` devices until `end`: a seller's maintenance fee is escrowed. */
  openStake(kind: StakeKind, now: bigint, end: bigint, devices = 1n): SimStake {
    this.checkEnd(end, now, this.setup.minStakeSecs);
    const secs = end - now;
    const maintenanceEscrow = kind === "seller" ? math.perHourChargeCeil(this.setup.maintenancePerGpuHour, secs * devices) : 0n;
    this.core.lockEscrow(maintenanceEscrow);
    return { kind, end, rate: math.RATE_ONE * devices, lpShares: 0n, maintenanceEscrow, collateral: 0n, tokens: 0n };
  }

  /** `add_liquidity`: all the stake's hours plus equal-value tokens. */
  addLiquidity(stake: SimStake, now: bigint): math.LiquidityAdded {
    if (stake.kind !== "lp" || stake.lpShares !== 0n || now >= stake.end) throw new Error("add_liquidity: bad stake");
    const hours = math.balanceFloor(stake.rate, stake.end, now);
    stake.rate = math.withdraw(stake.rate, stake.end, now, hours);
    const added = this.core.addLiquidity(this.slots, this.curve, now, stake.end, hours);
    stake.lpShares = added.shares;
    stake.tokens = added.tokensIn;
    return added;
  }

  /** `sell_hours`: `hours` of a seller stake into the pool; collateral locked, fee burned. */
  sellHours(stake: SimStake, hours: bigint, now: bigint): math.HoursSold {
    if (stake.kind !== "seller" || now >= stake.end) throw new Error("sell_hours: bad stake");
    stake.rate = math.withdraw(stake.rate, stake.end, now, hours);
    const sold = this.core.sellHours(this.slots, this.curve, now, stake.end, hours);
    stake.tokens += sold.sellerOut;
    stake.collateral += sold.collateral;
    return sold;
  }

  /** `buy_hours`: `tokensIn` (fee included) for a rental used over `[now, end]`. */
  buyHours(tokensIn: bigint, now: bigint, end: bigint): { bought: math.HoursBought; rental: SimRental } {
    this.checkEnd(end, now, 1n);
    const bought = this.core.buyHours(this.slots, this.curve, now, tokensIn);
    const rate = math.rateFloor(bought.hoursOut, end, now);
    if (math.divCeil(rate, math.RATE_ONE) > MAX_RENTAL_DEVICES) throw new Error("TooManyDevices");
    return { bought, rental: { end, rate, paid: tokensIn } };
  }

  /**
   * Many genuine buyers' purchases of one hour as one trade on the math, without rentals: each
   * real rental holds at most MAX_RENTAL_DEVICES devices, and on a constant product one trade of Δ
   * equals the trades summing to Δ up to rounding. For aggregate flows only, never in a replay.
   */
  buyFlow(tokensIn: bigint, now: bigint): math.HoursBought {
    return this.core.buyHours(this.slots, this.curve, now, tokensIn);
  }

  /** Gross tokens that buy at least `hours` now (the SDK's exact-out quote). */
  quoteBuyExactOut(hours: bigint, now: bigint): bigint {
    return this.core.quoteBuyExactOut(this.slots, this.curve, now, hours);
  }

  /** `terminate_rental`: the unused hours sold back as a lot ending at the rental's end, no collateral. */
  terminateRental(rental: SimRental, now: bigint): math.HoursSold {
    const remaining = math.balanceFloor(rental.rate, rental.end, now);
    if (remaining === 0n) throw new Error("terminate_rental: nothing left");
    return this.core.sellHours(this.slots, { ...this.curve, collateralBps: 0n }, now, rental.end, remaining);
  }

  /** `settle_stake`: an LP is paid its share of `U`; an honest seller gets escrow and collateral back. */
  settle(stake: SimStake, now: bigint, failed = false): { paidOut: bigint; burned: bigint } {
    if (now < stake.end) throw new Error("settle_stake: not ended");
    if (stake.kind === "lp") return { paidOut: this.core.removeLiquidity(stake.lpShares), burned: 0n };
    this.core.releaseSeller(stake.maintenanceEscrow, stake.collateral);
    const held = stake.maintenanceEscrow + stake.collateral;
    return failed ? { paidOut: 0n, burned: held } : { paidOut: held, burned: 0n };
  }
}
