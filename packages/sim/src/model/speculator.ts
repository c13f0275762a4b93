// Speculating buyer: buys a rental now and terminates it at the best later bucket, selling the
// unused hours back at that moment's price (the program's `terminate_rental`). It profits only
// when the price rises faster than the rental decays, by more than two fees.
import { Background, Window } from "./window";
import { Book, T0 } from "./book";
import { Economy } from "./economy";
import { HOUR } from "../units";

export interface SpeculatorResult {
  /** Best round-trip profit found (base units), or the last one tried if none was positive. */
  profit: bigint;
  /** Hours held at the best exit. */
  exitHour: number;
}

/** Searches the exits bucket by bucket; stops at the first profitable one (only the sign labels a cell). */
export function speculate(eco: Economy, book: Book, bg: Background, firstOnly = true): SpeculatorResult {
  const w = Window.from(eco, book, T0, bg);
  w.sellersAct();
  const gross = w.pool.quoteBuyExactOut(HOUR, T0);
  const { rental } = w.pool.buyHours(gross, T0, T0 + BigInt(eco.rentalHours) * HOUR);
  let best: SpeculatorResult = { profit: -gross, exitHour: 0 };
  for (let h = 1; h <= eco.windowHours && h < eco.rentalHours; h++) {
    w.step();
    let pinned: boolean;
    try {
      w.buyersAct();
      pinned = w.sellersAct();
    } catch {
      break; // the book ran dry: nothing left to trade against
    }
    let profit: bigint;
    try {
      profit = w.pool.clone().terminateRental(rental, w.now).sellerOut - rental.paid;
    } catch {
      continue;
    }
    if (best.exitHour === 0 || profit > best.profit) best = { profit, exitHour: h };
    if (profit > 0n && firstOnly) return best;
    // Sellers hold the price at their entry from now on while the rental keeps decaying.
    if (pinned && profit <= 0n) break;
  }
  return best;
}
