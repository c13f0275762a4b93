// `npm run -w @pinfi/sim bench`: the full phase-diagram sweep at the default grid (goal < 60 s
// on 2 cores), in cells per second; the same labels without the speculator cache (every cell
// simulates its own window, on a coarser grid); one Monte-Carlo run.
import { cpus } from "node:os";
import { DEFAULT_ECONOMY, PANELS } from "./model/economy";
import { DEFAULT_MC, runMonteCarlo } from "./model/montecarlo";
import { DEFAULT_GRID, Grid, sweep } from "./model/sweep";

process.env.PINFI_SIM_QUIET = process.env.PINFI_SIM_QUIET ?? "1";

function time<T>(f: () => T): { v: T; s: number } {
  const t = process.hrtime.bigint();
  const v = f();
  return { v, s: Number(process.hrtime.bigint() - t) / 1e9 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main(): void {
  console.log(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), one thread`);
  const runs = 3;
  const full: number[] = [];
  let cells = 0;
  for (let k = 0; k < runs; k++) {
    const r = time(() => sweep(DEFAULT_ECONOMY, DEFAULT_GRID, PANELS));
    cells = r.v.reduce((a, p) => a + p.labels.length, 0);
    full.push(r.s);
  }
  const s = median(full);
  console.log(`full sweep, default grid (${DEFAULT_GRID.x.step} × ${DEFAULT_GRID.y.step}, ${PANELS.length} panels, ${cells} cells): median ${s.toFixed(2)} s of ${runs} → ${Math.round(cells / s)} cells/s (goal: < 60 s)`);

  const coarse: Grid = { x: { ...DEFAULT_GRID.x, step: 0.05 }, y: { ...DEFAULT_GRID.y, step: 0.05 } };
  const cached = time(() => sweep(DEFAULT_ECONOMY, coarse, PANELS));
  const uncached = time(() => sweep(DEFAULT_ECONOMY, coarse, PANELS, false));
  const n = cached.v.reduce((a, p) => a + p.labels.length, 0);
  const same = cached.v.every((p, i) => p.labels.every((l, j) => l === uncached.v[i].labels[j]));
  console.log(`coarse grid (0.05, ${n} cells): cached ${cached.s.toFixed(2)} s (${Math.round(n / cached.s)} cells/s), every cell simulated ${uncached.s.toFixed(2)} s (${Math.round(n / uncached.s)} cells/s); labels identical: ${same}`);
  console.log(`  → the default grid without the cache would take ≈ ${((cells / n) * uncached.s).toFixed(0)} s`);

  const mc = time(() => runMonteCarlo(DEFAULT_MC));
  const trades = DEFAULT_MC.days * 24 * (DEFAULT_MC.buyers + DEFAULT_MC.speculators);
  console.log(`Monte-Carlo run (${DEFAULT_MC.providers} providers, ${DEFAULT_MC.buyers} buyers, ${DEFAULT_MC.days} days): ${mc.s.toFixed(2)} s (≈ ${Math.round(trades / mc.s)} buyer decisions/s)`);
}

main();
