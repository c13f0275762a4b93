// Text tables of the Monte-Carlo scan and the replay.
import { McResult } from "./model/montecarlo";

const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(0)}%` : "—");

export function mcTable(results: McResult[]): string {
  const head = "x_g   y     LPs   sellers  filled  drift/day  spec. P&L  equilibrium";
  const rows = results.map((r) => {
    const v = r.verdict;
    const drift = Number.isFinite(v.drift) ? `${(100 * v.drift).toFixed(1)}%` : "—";
    const spec = (Number(r.speculatorProfit) / Number(r.config.cost)).toFixed(1);
    return `${r.config.deltaX.toFixed(1).padEnd(6)}${r.config.rewardY.toFixed(1).padEnd(6)}${pct(v.lpShare).padEnd(6)}${pct(v.sellerShare).padEnd(9)}${pct(v.fill).padEnd(8)}${drift.padEnd(11)}${spec.padEnd(11)}${v.holds ? "holds" : "breaks"}: ${v.why}`;
  });
  return [head, "-".repeat(head.length + 30), ...rows].join("\n");
}
