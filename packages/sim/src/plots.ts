// Every figure of `npm run sim`, as SVG and PNG under the output folder.
import { join } from "node:path";
import { linesSvg, PALETTE, Series } from "./plot/lines";
import { writeSvgAndPng } from "./plot/png";
import { Boundary, phaseDiagramSvg } from "./plot/phase";
import { fDigitised, PANEL_E_TRAJECTORIES } from "./digitised";
import { lpBoundary } from "./model/boundary";
import { Economy } from "./model/economy";
import { McResult } from "./model/montecarlo";
import { PanelResult } from "./model/sweep";
import { trajectory } from "./model/trajectory";

/** The model's LP boundary of each panel, sampled along x. */
export function modelBoundaries(eco: Economy, panels: PanelResult[], step = 0.04): Record<string, Boundary> {
  const out: Record<string, Boundary> = {};
  for (const p of panels) {
    const pts: Boundary = [];
    for (let x = 1; x <= 3.0001; x += step) pts.push([x, lpBoundary(eco, x, p.xg)]);
    out[p.id] = pts;
  }
  return out;
}

export function writePlots(dir: string, eco: Economy, panels: PanelResult[], mc: { scan: McResult[]; halving: McResult }): string[] {
  const files: string[] = [];
  const put = (name: string, svg: string) => files.push(...Object.values(writeSvgAndPng(join(dir, name), svg)));

  put("phase-diagram", phaseDiagramSvg(panels, modelBoundaries(eco, panels),
    `cells: roles whose marginal entrant profits at the quasi-static state (docs/economics.md); u = ${eco.utilisation}, T = ${eco.windowHours} h, fee ${eco.pool.swapFeeBps} bps`));

  // Panel (e)'s trajectories pA–pD: x from 1 at fixed y, 72 hours.
  const xg = panels.find((p) => p.id === "e")?.xg ?? 1.3;
  const runs = PANEL_E_TRAJECTORIES.map((t) => ({ t, pts: trajectory(eco, 1.0, t.y, xg, 72) }));
  put("trajectories", linesSvg([
    {
      title: "Price over cost along the panel (e) trajectories (start x = 1)", xLabel: "hours", yLabel: "x = α/(β+pθ)",
      series: runs.map(({ t, pts }, k) => ({ label: `${t.id}: y = ${t.y}`, color: PALETTE[k], points: pts.map((p) => [p.hour, p.x] as [number, number]) })),
      refs: [[xg, "x_g"], [1, "cost"]],
    },
    {
      title: "Hour reserve H along the same trajectories", xLabel: "hours", yLabel: "GPU-hours in the pool",
      series: runs.map(({ t, pts }, k) => ({ label: `${t.id}: y = ${t.y}`, color: PALETTE[k], points: pts.map((p) => [p.hour, p.hours] as [number, number]) })),
      yMin: 0,
    },
  ]));

  // Monte-Carlo: price and reserve over the days for a few reward levels, and the halving run.
  const pick = [0.5, 0.8, 1.3, 2.2].flatMap((y) => mc.scan.filter((r) => r.config.deltaX === 1.3 && r.config.rewardY === y));
  const hourly = (r: McResult, what: "price" | "hours"): [number, number][] => r[what].map((v, h) => [h / 24, v]);
  put("montecarlo", linesSvg([
    {
      title: "Monte-Carlo (x_g = 1.3): spot price over median cost, hourly", xLabel: "days", yLabel: "price / cost",
      series: [...pick.map((r, k) => ({ label: `y = ${r.config.rewardY}`, color: PALETTE[k], points: hourly(r, "price") })),
        { label: "halving at day 30 (y 0.8 → 0.4)", color: "#000", dash: "4,2", points: hourly(mc.halving, "price") }],
      refs: [[1, "median cost"]], yMin: 0, yMax: 3,
    },
    {
      title: "Monte-Carlo: hour reserve", xLabel: "days", yLabel: "GPU-hours",
      series: [...pick.map((r, k) => ({ label: `y = ${r.config.rewardY}`, color: PALETTE[k], points: hourly(r, "hours") })),
        { label: "halving at day 30", color: "#000", dash: "4,2", points: hourly(mc.halving, "hours") }],
      yMin: 0,
    },
  ]));

  // Reward sensitivity: who is active as the reward grows (Monte-Carlo, second half of each run).
  const byDelta = new Map<number, McResult[]>();
  for (const r of mc.scan) byDelta.set(r.config.deltaX, [...(byDelta.get(r.config.deltaX) ?? []), r]);
  const series = (f: (r: McResult) => number, label: string, dash?: string): Series[] =>
    [...byDelta.entries()].map(([dx, rs], k) => ({ label: `${label}, x_g = ${dx}`, color: PALETTE[k], dash, points: rs.map((r) => [r.config.rewardY, f(r)] as [number, number]) }));
  put("reward-sensitivity", linesSvg([
    { title: "Reward sensitivity (Monte-Carlo): LP share (solid), seller share (dashed)", xLabel: "y = γ/(β+pθ)", yLabel: "share of providers",
      series: [...series((r) => r.verdict.lpShare, "LP"), ...series((r) => r.verdict.sellerShare, "sellers", "5,3")], yMin: 0 },
    { title: "Reward sensitivity (Monte-Carlo): genuine demand filled", xLabel: "y = γ/(β+pθ)", yLabel: "hours bought / wanted",
      series: series((r) => r.verdict.fill, "fill"), yMin: 0, yMax: 1 },
    { title: "Reward sensitivity (quasi-static): the LP threshold f(x) against demand u", xLabel: "x = α/(β+pθ)", yLabel: "y",
      series: [
        { label: "paper, digitised", color: "#000", points: Array.from({ length: 101 }, (_, i) => 1 + i * 0.02).map((x) => [x, fDigitised(x)] as [number, number]) },
        ...[0.05, eco.utilisation, 0.2, 0.3].map((u, k) => ({
          label: `model, u = ${u}${u === eco.utilisation ? " (default)" : ""}`, color: PALETTE[k + 1], dash: "6,3",
          points: Array.from({ length: 26 }, (_, i) => 1 + i * 0.08).map((x) => [x, lpBoundary({ ...eco, utilisation: u }, x, 99)] as [number, number]),
        })),
      ], yMin: 0 },
  ], 900, 300));
  return files;
}
