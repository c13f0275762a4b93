// A trajectory at fixed reward y: the pool starts at price x₀ in steady rotation and moves hour
// by hour. Each hour providers choose by the payoffs at the current price (quasi-static): LPs
// renew or not; sellers enter above the price where selling beats LP. This is how the state
// drifts along x in the phase diagram (protocol-notes §4.4 panel e).
import { steadyBook, T0 } from "./book";
import { crossing, payoffsAt } from "./boundary";
import { Economy } from "./economy";
import { LP } from "./labels";
import { lpPayoff } from "./roles";
import { providerChoice } from "./sweep";
import { Window } from "./window";
import { toBase } from "../units";

export interface TrajectoryPoint {
  hour: number;
  /** Price over cost. */
  x: number;
  /** Hour reserve, GPU-hours. */
  hours: number;
  lpRenew: boolean;
  sellers: boolean;
}

export function trajectory(eco: Economy, x0: number, y: number, xg: number, hours: number): TrajectoryPoint[] {
  const delta = toBase(xg, eco.cost);
  const gamma = toBase(y, eco.cost);
  const entry = crossing(eco, y, xg);
  const w = Window.from(eco, steadyBook(eco, toBase(x0, eco.cost)), T0, {
    lpRenew: true, delta, sellerEntry: entry === undefined ? undefined : toBase(entry, eco.cost),
  });
  const out: TrajectoryPoint[] = [];
  const x = () => w.pool.priceAt(w.now) / Number(eco.cost);
  for (let h = 0; h <= hours; h++) {
    if (h > 0 && Number.isFinite(x()) && x() > 0) {
      const pay = payoffsAt(eco, x());
      const buyers = pay.buyOneHour <= delta;
      w.bg.lpRenew = providerChoice(lpPayoff(eco, pay, gamma, buyers), pay.seller) === LP;
    }
    if (h > 0) w.step();
    let sellers = false;
    try {
      w.buyersAct();
      sellers = w.sellersAct();
    } catch {
      // an exhausted book: nothing trades this hour
    }
    out.push({ hour: h, x: x(), hours: Number(w.pool.hoursAt(w.now)) / 3600, lpRenew: w.bg.lpRenew, sellers });
  }
  return out;
}
