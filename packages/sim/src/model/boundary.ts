// Exact (grid-free) boundaries of the providers' choice, from the payoffs at one price.
import { steadyBook } from "./book";
import { Economy } from "./economy";
import { pricePayoffs, PricePayoffs } from "./roles";
import { toBase } from "../units";

export const payoffsAt = (eco: Economy, x: number): PricePayoffs => {
  const alpha = toBase(x, eco.cost);
  return pricePayoffs(eco, steadyBook(eco, alpha), alpha);
};

const perWindow = (eco: Economy, v: bigint) => Number(v) / (Number(eco.cost) * eco.windowHours);

/**
 * The reward y above which providers choose LP at price x: LP must beat both selling and staying
 * out, `γT ≥ max(π_S, 0) − π_LP(γ = 0)`. With `buyers` false the LP has no buyer income.
 */
export function lpThreshold(eco: Economy, x: number, buyers: boolean, pay = payoffsAt(eco, x)): number {
  const lp = buyers ? pay.lpWithBuyers : pay.lpAlone;
  return perWindow(eco, (pay.seller > 0n ? pay.seller : 0n) - lp);
}

/** f(x) of a panel: the LP threshold with genuine buyers present iff they buy at x (x < x_g). */
export function lpBoundary(eco: Economy, x: number, xg: number): number {
  const pay = payoffsAt(eco, x);
  return lpThreshold(eco, x, pay.buyOneHour <= toBase(xg, eco.cost), pay);
}

/** Lowest price (in x) at which selling pays: bisection on the exact sale of one lot. */
export function sellerEntry(eco: Economy, lo = 0.5, hi = 2, tol = 1e-4): number {
  while (hi - lo > tol) {
    const mid = (lo + hi) / 2;
    if (payoffsAt(eco, mid).seller > 0n) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Highest price (in x) at which the marginal genuine buyer still buys, for cut-off x_g. */
export function genuineCutoff(eco: Economy, xg: number, tol = 1e-4): number {
  const delta = toBase(xg, eco.cost);
  let [lo, hi] = [tol, 2 * xg + 1];
  while (hi - lo > tol) {
    const mid = (lo + hi) / 2;
    if (payoffsAt(eco, mid).buyOneHour <= delta) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Price x at which providers switch from LP to selling at reward y (LPs above, sellers below). */
export function crossing(eco: Economy, y: number, xg: number, lo = 1, hi = 3, tol = 1e-4): number | undefined {
  const sells = (x: number) => lpBoundary(eco, x, xg) > y && payoffsAt(eco, x).seller > 0n;
  if (!sells(hi)) return undefined;
  if (sells(lo)) return lo;
  while (hi - lo > tol) {
    const mid = (lo + hi) / 2;
    if (sells(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
