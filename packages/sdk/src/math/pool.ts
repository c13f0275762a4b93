// Pure state transitions of one pool (crates/pinfi-math/src/pool.rs). Like the Rust, a transition
// that throws may have changed `this` or the slots part-way: work on `clone()`s.
import { add, arg, sub } from "./checked";
import {
  checkKNonDecreasing,
  collateralCeil,
  equalValueTokensCeil,
  feeCeil,
  grossForNetCeil,
  hoursOutFloor,
  lpPayoutFloor,
  lpSharesFloor,
  tokensInForHoursCeil,
  tokensOutFloor,
} from "./curve";
import { rateFloor } from "./decay";
import { fail } from "./errors";
import { Reserve } from "./reserve";

/** Per-pool parameters the transitions need (u16, u32, u64). */
export interface CurveParams {
  feeBps: bigint;
  collateralBps: bigint;
  referencePrice: bigint;
}

export interface LiquidityAdded {
  hoursCredited: bigint;
  tokensIn: bigint;
  shares: bigint;
}

export interface HoursSold {
  hoursCredited: bigint;
  /** Tokens leaving `U`, fee included. */
  grossOut: bigint;
  fee: bigint;
  sellerOut: bigint;
  collateral: bigint;
}

export interface HoursBought {
  tokensIn: bigint;
  fee: bigint;
  hoursOut: bigint;
}

export class PoolCore {
  constructor(
    /** `U`, base units. */
    public utilityReserve: bigint,
    /** `L`, LP shares outstanding. */
    public lpSupply: bigint,
    public escrowTotal: bigint,
    public collateralTotal: bigint,
    public reserve: Reserve,
  ) {}

  static empty(reserve: Reserve): PoolCore {
    return new PoolCore(0n, 0n, 0n, 0n, reserve);
  }

  clone(): PoolCore {
    return new PoolCore(this.utilityReserve, this.lpSupply, this.escrowTotal, this.collateralTotal, this.reserve.clone());
  }

  /** What the vault must hold at least: `U + escrows + collateral`. */
  vaultExpected(): bigint {
    return add(add(this.utilityReserve, this.escrowTotal, "u64"), this.collateralTotal, "u64");
  }

  hoursAt(slots: readonly bigint[], now: bigint): bigint {
    return this.reserve.hoursAt(slots, now);
  }

  /** LP path: `hours` ending at `end` plus equal-value tokens. */
  addLiquidity(slots: bigint[], p: CurveParams, now: bigint, end: bigint, hours: bigint): LiquidityAdded {
    const h0 = this.reserveAfterExpiry(slots, now);
    const hoursCredited = this.reserve.addLot(slots, now, end, rateFloor(hours, end, now));
    const tokensIn = equalValueTokensCeil(this.utilityReserve, h0, hoursCredited, p.referencePrice);
    if (tokensIn === 0n) fail("ZeroAmount");
    const shares = lpSharesFloor(this.lpSupply, this.utilityReserve, tokensIn);
    if (shares === 0n) fail("ZeroAmount");
    this.utilityReserve = add(this.utilityReserve, tokensIn, "u64");
    this.lpSupply = add(this.lpSupply, shares, "u64");
    return { hoursCredited, tokensIn, shares };
  }

  /** Seller path: `hours` ending at `end` into the pool at this instant's constant product. */
  sellHours(slots: bigint[], p: CurveParams, now: bigint, end: bigint, hours: bigint): HoursSold {
    const u0 = this.utilityReserve;
    const h0 = this.reserveAfterExpiry(slots, now);
    const hoursCredited = this.reserve.addLot(slots, now, end, rateFloor(hours, end, now));
    const grossOut = tokensOutFloor(u0, h0, hoursCredited);
    if (grossOut === 0n) fail("ZeroAmount");
    const fee = feeCeil(grossOut, p.feeBps);
    const sellerOut = sub(grossOut, fee, "u64");
    const collateral = collateralCeil(grossOut, p.collateralBps);
    this.utilityReserve = sub(u0, grossOut, "u64");
    this.collateralTotal = add(this.collateralTotal, collateral, "u64");
    checkKNonDecreasing(u0, h0, this.utilityReserve, this.reserve.hoursAt(slots, now));
    return { hoursCredited, grossOut, fee, sellerOut, collateral };
  }

  /** Buyer path: `tokensIn` (fee included) for hours drawn pro rata from every live lot. */
  buyHours(slots: bigint[], p: CurveParams, now: bigint, tokensIn: bigint): HoursBought {
    const u0 = this.utilityReserve;
    const h0 = this.reserveAfterExpiry(slots, now);
    const fee = feeCeil(tokensIn, p.feeBps);
    const net = sub(tokensIn, fee, "u64");
    const hoursOut = hoursOutFloor(u0, h0, net);
    if (hoursOut === 0n) fail("ZeroAmount");
    const h1 = this.reserve.removeProRata(slots, now, hoursOut);
    this.utilityReserve = add(u0, net, "u64");
    checkKNonDecreasing(u0, h0, this.utilityReserve, h1);
    return { tokensIn, fee, hoursOut };
  }

  /** Gross tokens a buyer must pay now to receive at least `hoursOut`. */
  quoteBuyExactOut(slots: readonly bigint[], p: CurveParams, now: bigint, hoursOut: bigint): bigint {
    const h = this.reserve.hoursAt(slots, now);
    return grossForNetCeil(tokensInForHoursCeil(this.utilityReserve, h, hoursOut), p.feeBps);
  }

  /** LP settlement: `shares / L × U`, rounded down; no shares, nothing owed. */
  removeLiquidity(shares: bigint): bigint {
    arg(shares, "u64", "shares");
    if (shares === 0n) return 0n;
    const payout = lpPayoutFloor(shares, this.lpSupply, this.utilityReserve);
    this.utilityReserve = sub(this.utilityReserve, payout, "u64");
    this.lpSupply = sub(this.lpSupply, shares, "u64");
    return payout;
  }

  lockEscrow(amount: bigint): void {
    this.escrowTotal = add(this.escrowTotal, arg(amount, "u64", "amount"), "u64");
  }

  /** Releases a settled seller stake's escrow and collateral from the books. */
  releaseSeller(escrow: bigint, collateral: bigint): void {
    arg(escrow, "u64", "escrow"), arg(collateral, "u64", "collateral");
    this.escrowTotal = sub(this.escrowTotal, escrow, "u64");
    this.collateralTotal = sub(this.collateralTotal, collateral, "u64");
  }

  private reserveAfterExpiry(slots: bigint[], now: bigint): bigint {
    this.reserve.advance(slots, now);
    return this.reserve.hoursAt(slots, now);
  }
}
