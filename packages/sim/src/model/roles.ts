// The four roles' payoffs at a quasi-static state (docs/economics.md §3). Every token amount is
// what the SDK's pool math returns for the trade; payoffs are per device and per LP window T.
import { math } from "@pinfi/sdk";
import { Book, demandPerHour, T0 } from "./book";
import { Economy } from "./economy";
import { HOUR } from "../units";

/** The parts of the payoffs that do not depend on the reward y, for one price α. */
export interface PricePayoffs {
  alpha: bigint;
  /** Seller: tokens for all T hours sold now, minus cost·T. */
  seller: bigint;
  /** LP without reward, genuine buyers active: settlement − deposit − cost·T. */
  lpWithBuyers: bigint;
  /** LP without reward and without buyers (price above δ). */
  lpAlone: bigint;
  /** Gross tokens for one GPU-hour bought now (fee included). */
  buyOneHour: bigint;
}

const windowSecs = (eco: Economy) => BigInt(eco.windowHours) * HOUR;

/** Seller: a fresh one-device stake over T, all of it sold at once (mainnet sells whole lots). */
export function sellerPayoff(eco: Economy, book: Book): bigint {
  const p = book.pool.clone();
  const stake = p.openStake("seller", T0, T0 + windowSecs(eco));
  const sold = p.sellHours(stake, math.balanceFloor(stake.rate, stake.end, T0), T0);
  // Escrow and collateral come back at settlement (honest seller): not a cost.
  return sold.sellerOut - eco.cost * BigInt(eco.windowHours);
}

/**
 * LP without its block reward: a fresh one-device stake over T plus equal-value tokens, settled at
 * `shares / L × U_end`. Quasi-static: the state is held, so genuine buyers pay the same net amount
 * into U every hour and U compounds by it; nothing else moves U (dissipation and renewing cohorts
 * change H, not U; equal-value deposits and settlements leave U per share unchanged).
 */
export function lpPayoffBeforeReward(eco: Economy, book: Book, buyers: boolean): bigint {
  const p = book.pool.clone();
  const stake = p.openStake("lp", T0, T0 + windowSecs(eco));
  const added = p.addLiquidity(stake, T0);
  const u0 = p.core.utilityReserve;
  let uEnd = u0;
  if (buyers) {
    const gross = p.quoteBuyExactOut(demandPerHour(eco), T0);
    const net = gross - math.feeCeil(gross, p.setup.swapFeeBps);
    for (let h = 0; h < eco.windowHours; h++) uEnd += math.mulDivFloor(net, uEnd, u0);
  }
  const payout = math.lpPayoutFloor(added.shares, p.core.lpSupply, uEnd);
  return payout - added.tokensIn - eco.cost * BigInt(eco.windowHours);
}

/** Everything at price α that does not depend on y or δ. */
export function pricePayoffs(eco: Economy, book: Book, alpha: bigint): PricePayoffs {
  return {
    alpha,
    seller: sellerPayoff(eco, book),
    lpWithBuyers: lpPayoffBeforeReward(eco, book, true),
    lpAlone: lpPayoffBeforeReward(eco, book, false),
    buyOneHour: book.pool.quoteBuyExactOut(HOUR, T0),
  };
}

/** Genuine buyer: the marginal GPU-hour is worth δ to them. */
export const genuinePayoff = (pp: PricePayoffs, delta: bigint): bigint => delta - pp.buyOneHour;

/** LP with its reward γ per staked GPU-hour. */
export const lpPayoff = (eco: Economy, pp: PricePayoffs, gamma: bigint, buyers: boolean): bigint =>
  (buyers ? pp.lpWithBuyers : pp.lpAlone) + gamma * BigInt(eco.windowHours);

