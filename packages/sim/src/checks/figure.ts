// Items 1–7 of protocol-notes §9.1: the paper's Fig. 4 as digitised, against the model's
// phase diagram (sweep labels) and its exact boundaries (bisection on the same payoffs).
import { Check, fmt, within } from "./check";
import { AXIS_TOLERANCE, fDigitised, F_POINTS, PANEL_TARGETS, SELLER_EDGE_X, SPECULATOR_EDGE, TRAJECTORY } from "../digitised";
import { crossing, genuineCutoff, lpBoundary, sellerEntry } from "../model/boundary";
import { CALIBRATION_POINT } from "../model/calibrate";
import { Economy, PANELS } from "../model/economy";
import { GENUINE, LP, SELLER, SPECULATOR } from "../model/labels";
import { labelAt, PanelResult } from "../model/sweep";

const nearest = (v: number[], t: number) => v.reduce((best, c, i) => (Math.abs(c - t) < Math.abs(v[best] - t) ? i : best), 0);

/** Edge of a contiguous run of `bit` starting at the axis origin, along a row (x) or a column (y). */
function runEdge(r: PanelResult, bit: number, along: "x" | "y", at: number): number | undefined {
  const fixed = nearest(along === "x" ? r.ys : r.xs, at);
  const axis = along === "x" ? r.xs : r.ys;
  let edge: number | undefined;
  for (let k = 0; k < axis.length; k++) {
    const l = along === "x" ? labelAt(r, k, fixed) : labelAt(r, fixed, k);
    if (!(l & bit)) break;
    edge = axis[k] + (axis[1] - axis[0]) / 2;
  }
  return edge;
}

/** `panelD`: the sweep of panel (d), whose seven regions §4.4 names. */
export function figureChecks(eco: Economy, panelD: PanelResult, all: PanelResult[] = [panelD]): Check[] {
  const step = panelD.xs[1] - panelD.xs[0];
  const gridTol = AXIS_TOLERANCE + step / 2;
  const out: Check[] = [];

  // 1. Speculating-buyer region: edges of the run from the origin, along y = 0.35 and x = 0.35.
  const specX = runEdge(panelD, SPECULATOR, "x", SPECULATOR_EDGE.y / 2);
  const specY = runEdge(panelD, SPECULATOR, "y", SPECULATOR_EDGE.x / 2);
  out.push({
    id: "1x", item: 1, title: "speculating buyers: right edge (at y = 0.35)", target: fmt(SPECULATOR_EDGE.x, 2),
    measured: fmt(specX), tolerance: `±${fmt(gridTol)}`, pass: within(specX, SPECULATOR_EDGE.x, gridTol),
    note: "speculators ride the dissipative drift up to the sellers' entry price",
  });
  out.push({
    id: "1y", item: 1, title: "speculating buyers: top edge (at x = 0.35)", target: fmt(SPECULATOR_EDGE.y, 2),
    measured: fmt(specY), tolerance: `±${fmt(gridTol)}`, pass: within(specY, SPECULATOR_EDGE.y, gridTol),
    note: "LPs renewing do not stop the drift, so speculation does not end where LPs start",
  });

  // 2. Sellers only for x > 1: exact entry price, and the leftmost seller cell of every panel.
  const entry = sellerEntry(eco);
  let leftmost = Infinity;
  for (const r of all) r.labels.forEach((l, k) => l & SELLER && (leftmost = Math.min(leftmost, r.xs[k % r.xs.length] - step / 2)));
  out.push({
    id: "2", item: 2, title: "sellers only for x > 1.00 (exact entry; leftmost seller cell)", target: fmt(SELLER_EDGE_X, 2),
    measured: `${fmt(entry)}; ${fmt(leftmost)}`, tolerance: `±${fmt(AXIS_TOLERANCE, 2)}`,
    pass: within(entry, SELLER_EDGE_X, AXIS_TOLERANCE) && leftmost >= SELLER_EDGE_X - gridTol,
    note: "fee 30 bps and the price impact of one device's 24 h lot",
  });

  // 3. The LP/seller boundary f(x), in panel (d) (x_g = 1.31) as the paper's points are read there.
  for (const [x, y] of F_POINTS) {
    const m = lpBoundary(eco, x, panelD.xg);
    const calibrated = x === CALIBRATION_POINT.x && y === CALIBRATION_POINT.y;
    out.push({
      id: `3@${x.toFixed(2)}`, item: 3, title: `f(${x.toFixed(2)}): LP above, sellers below`, target: fmt(y),
      measured: fmt(m), tolerance: `±${fmt(AXIS_TOLERANCE, 2)}`, pass: within(m, y, AXIS_TOLERANCE), calibrated,
      note: calibrated ? "sets the demand u" : x > panelD.xg ? "beyond x_g: no buyers, an LP earns only γ" : "LP income from buyers is linear in x",
    });
  }

  // 4. Genuine-buyer cut-off per panel (the last price at which a GPU-hour, fee included, is ≤ δ).
  for (const p of PANELS) {
    const m = genuineCutoff(eco, p.xg);
    const t = PANEL_TARGETS[p.id].xg;
    out.push({
      id: `4${p.id}`, item: 4, title: `genuine-buyer cut-off x_g, panel (${p.id})`, target: fmt(t, 2), measured: fmt(m),
      tolerance: `±${fmt(AXIS_TOLERANCE, 2)}`, pass: within(m, t, AXIS_TOLERANCE), note: "x_g = δ/(β+pθ) by our reading; fee moves it by 0.3 %",
    });
  }

  // 5. LP equilibrium limit (x_g, f(x_g)), f taken on the buyers' side of x_g.
  for (const p of PANELS) {
    const limit = PANEL_TARGETS[p.id].limit;
    if (!limit) continue;
    const xg = genuineCutoff(eco, p.xg);
    const y = lpBoundary(eco, xg - 1e-3, p.xg);
    const calibrated = limit[0] === CALIBRATION_POINT.x && limit[1] === CALIBRATION_POINT.y;
    out.push({
      id: `5${p.id}`, item: 5, title: `LP equilibrium limit, panel (${p.id})`, target: `(${fmt(limit[0], 2)}, ${fmt(limit[1])})`,
      measured: `(${fmt(xg)}, ${fmt(y)})`, tolerance: `±${fmt(AXIS_TOLERANCE, 2)} each`,
      pass: within(xg, limit[0], AXIS_TOLERANCE) && within(y, limit[1], AXIS_TOLERANCE), calibrated,
      note: calibrated ? "the calibration point itself" : undefined,
    });
  }

  // 6. Drift at fixed y: where providers switch from LP to selling.
  const cross = crossing(eco, TRAJECTORY.y, TRAJECTORY.xg);
  out.push({
    id: "6a", item: 6, title: `trajectory y = ${TRAJECTORY.y}: LPs turn sellers at x`, target: fmt(TRAJECTORY.crossAt, 2),
    measured: fmt(cross), tolerance: `±${fmt(AXIS_TOLERANCE, 2)}`, pass: within(cross, TRAJECTORY.crossAt, AXIS_TOLERANCE),
  });
  const high = crossing(eco, TRAJECTORY.highY, TRAJECTORY.xg);
  out.push({
    id: "6b", item: 6, title: `trajectory y = ${TRAJECTORY.highY}: no switch before x_g = ${TRAJECTORY.xg}`, target: `≥ ${fmt(TRAJECTORY.xg, 2)}`,
    measured: high === undefined ? "none" : fmt(high), tolerance: `−${fmt(AXIS_TOLERANCE, 2)}`,
    pass: high === undefined || high >= TRAJECTORY.xg - AXIS_TOLERANCE,
  });

  // 7. Balanced region aG (panel d): 1 < x < x_g, y > f(x) should be exactly LPs + genuine buyers.
  let cells = 0;
  let exact = 0;
  let present = 0;
  panelD.xs.forEach((x, i) =>
    panelD.ys.forEach((y, j) => {
      if (!(x > 1 && x < panelD.xg && y > fDigitised(x))) return;
      const l = labelAt(panelD, i, j);
      cells++;
      if (l === (LP | GENUINE)) exact++;
      if ((l & (LP | GENUINE)) === (LP | GENUINE) && !(l & SELLER)) present++;
    }),
  );
  const share = cells ? exact / cells : NaN;
  out.push({
    id: "7", item: 7, title: "balanced region aG is LPs + genuine buyers only (share of its cells)", target: "≥ 0.90",
    measured: `${fmt(share)} (LP+genuine, speculators aside: ${fmt(cells ? present / cells : NaN)})`, tolerance: "—",
    pass: share >= 0.9, note: `${cells} cells of panel (d)`,
  });
  return out;
}
