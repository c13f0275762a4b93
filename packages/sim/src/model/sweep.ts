// The phase-diagram sweep: every cell of the (x, y) grid of every panel labelled by the roles
// active at its quasi-static state (docs/economics.md §5). Cells are labelled at their centres.
import { Book, steadyBook } from "./book";
import { Economy, PANELS } from "./economy";
import { GENUINE, LP, SELLER, SPECULATOR } from "./labels";
import { genuinePayoff, lpPayoff, pricePayoffs, PricePayoffs } from "./roles";
import { speculate } from "./speculator";
import { Progress } from "../progress";
import { toBase } from "../units";

export interface Axis {
  min: number;
  max: number;
  step: number;
}

export interface Grid {
  x: Axis;
  y: Axis;
}

/** F4's axes (panels a–d) at 0.01: 300 × 150 cells per panel, 225 000 in all. */
export const DEFAULT_GRID: Grid = { x: { min: 0, max: 3, step: 0.01 }, y: { min: 0, max: 1.5, step: 0.01 } };

export const centres = (a: Axis): number[] => {
  const n = Math.round((a.max - a.min) / a.step);
  return Array.from({ length: n }, (_, i) => a.min + (i + 0.5) * a.step);
};

export interface Panel {
  id: string;
  xg: number;
}

export interface PanelResult extends Panel {
  xs: number[];
  ys: number[];
  /** Row-major (y outer, x inner) role bit sets. */
  labels: Uint8Array;
}

/** The providers' choice: the better of LP and seller if it pays, else none. */
export function providerChoice(lp: bigint, seller: bigint): number {
  if (lp > 0n && lp >= seller) return LP;
  if (seller > 0n && seller > lp) return SELLER;
  return 0;
}

/** Payoffs of each column's price, shared by all panels. */
export interface Column {
  x: number;
  book: Book;
  pay: PricePayoffs;
}

export function columns(eco: Economy, xs: number[]): Column[] {
  return xs.map((x) => {
    const alpha = toBase(x, eco.cost);
    const book = steadyBook(eco, alpha);
    return { x, book, pay: pricePayoffs(eco, book, alpha) };
  });
}

/**
 * Labels of one panel; `tick` is called once per cell. The speculator's window depends on the
 * cell only through (price, LP renewal, sellers' entry), so cells sharing those share one run
 * unless `cache` is false (the benchmark measures both).
 */
export function sweepPanel(eco: Economy, panel: Panel, cols: Column[], ys: number[], tick: () => void = () => {}, cache = true): PanelResult {
  const delta = toBase(panel.xg, eco.cost);
  const nx = cols.length;
  const labels = new Uint8Array(nx * ys.length);
  const genuine = cols.map((c) => genuinePayoff(c.pay, delta) >= 0n);
  const specCache = new Map<string, boolean>();
  ys.forEach((y, j) => {
    const gamma = toBase(y, eco.cost);
    const row = cols.map((c, i) => providerChoice(lpPayoff(eco, c.pay, gamma, genuine[i]), c.pay.seller));
    const entry = row.findIndex((r) => r === SELLER);
    const sellerEntry = entry >= 0 ? cols[entry].pay.alpha : undefined;
    cols.forEach((c, i) => {
      const lpRenew = row[i] === LP;
      const key = `${i}|${lpRenew}|${entry}|${genuine[i]}`;
      let spec = cache ? specCache.get(key) : undefined;
      if (spec === undefined) {
        spec = speculate(eco, c.book, { lpRenew, delta, sellerEntry }).profit > 0n;
        specCache.set(key, spec);
      }
      labels[j * nx + i] = row[i] | (genuine[i] ? GENUINE : 0) | (spec ? SPECULATOR : 0);
      tick();
    });
  });
  return { ...panel, xs: cols.map((c) => c.x), ys, labels };
}

/** All panels of F4 on `grid`, with a progress bar. */
export function sweep(eco: Economy, grid: Grid = DEFAULT_GRID, panels: readonly Panel[] = PANELS, cache = true): PanelResult[] {
  const xs = centres(grid.x);
  const ys = centres(grid.y);
  const bar = new Progress("sweep", xs.length + panels.length * xs.length * ys.length);
  const cols = xs.map((x) => {
    const [c] = columns(eco, [x]);
    bar.tick();
    return c;
  });
  const out = panels.map((p) => sweepPanel(eco, p, cols, ys, () => bar.tick(), cache));
  bar.end();
  return out;
}

export const labelAt = (r: PanelResult, i: number, j: number): number => r.labels[j * r.xs.length + i];
