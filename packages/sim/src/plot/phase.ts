// The phase diagram: one frame per panel, cells coloured by the roles active there, the paper's
// digitised boundaries drawn over them (black) and the model's own LP boundary (dashed).
import { Doc, Frame, swatchLine, swatchRect } from "./svg";
import { fDigitised, PANEL_E_TRAJECTORIES, PANEL_TARGETS, SELLER_EDGE_X, SPECULATOR_EDGE } from "../digitised";
import { GENUINE, LP, SELLER, SPECULATOR } from "../model/labels";
import { PanelResult } from "../model/sweep";

export const COLORS = { lp: "#8fd19e", seller: "#7fd6e8", none: "#ffffff", speculator: "#e05a5a" };

/** Model boundary samples per panel: (x, f_model(x)). */
export type Boundary = [number, number][];

function drawCells(f: Frame, r: PanelResult): void {
  const [dx, dy] = [r.xs[1] - r.xs[0], r.ys[1] - r.ys[0]];
  const nx = r.xs.length;
  r.ys.forEach((y, j) => {
    let i = 0;
    while (i < nx) {
      const l = r.labels[j * nx + i];
      let k = i + 1;
      while (k < nx && r.labels[j * nx + k] === l) k++;
      const [x0, x1, y0, y1] = [r.xs[i] - dx / 2, r.xs[k - 1] + dx / 2, y - dy / 2, y + dy / 2];
      const base = l & LP ? COLORS.lp : l & SELLER ? COLORS.seller : COLORS.none;
      f.rect(x0, y0, x1, y1, `fill="${base}" stroke="${base}" stroke-width="0.3"`);
      if (l & SPECULATOR) f.rect(x0, y0, x1, y1, `fill="${COLORS.speculator}" fill-opacity="0.45" stroke="none"`);
      if (l & GENUINE) f.rect(x0, y0, x1, y1, `fill="url(#hatch)" fill-opacity="0.5" stroke="none"`);
      i = k;
    }
  });
}

function drawDigitised(f: Frame, r: PanelResult): void {
  const ink = `stroke="#000" stroke-width="1.6"`;
  f.polyline([[0, SPECULATOR_EDGE.y], [SPECULATOR_EDGE.x, SPECULATOR_EDGE.y], [SPECULATOR_EDGE.x, 0]], ink);
  f.line(SELLER_EDGE_X, 0, SELLER_EDGE_X, fDigitised(SELLER_EDGE_X), ink);
  const curve: [number, number][] = [];
  for (let x = 1; x <= 3.0001; x += 0.02) curve.push([x, fDigitised(x)]);
  f.polyline(curve, ink);
  const xg = PANEL_TARGETS[r.id].xg;
  f.line(xg, 0, xg, 2, `stroke="#000" stroke-width="1.2" stroke-dasharray="2,3"`);
  const limit = PANEL_TARGETS[r.id].limit;
  if (limit) f.rect(limit[0] - 0.02, limit[1] - 0.012, limit[0] + 0.02, limit[1] + 0.012, `fill="#3050c0" stroke="#000"`);
  if (r.id === "e") {
    for (const t of PANEL_E_TRAJECTORIES) {
      f.line(1, t.y, xg, t.y, `stroke="#6a1b9a" stroke-width="1.2" stroke-dasharray="5,2"`);
      f.text(0.93, t.y - 0.004, t.id, `font-size="10" text-anchor="end" fill="#6a1b9a"`);
    }
  }
}

/** The five panels of F4 with the model's labels and both sets of boundaries. */
export function phaseDiagramSvg(panels: PanelResult[], boundaries: Record<string, Boundary>, subtitle: string): string {
  const doc = new Doc(1300, 700);
  doc.add(`<text x="650" y="22" text-anchor="middle" font-size="15" font-weight="bold">PinFi phase diagram on the program's pool math (model) vs the paper's Fig. 4 (digitised, black)</text>`);
  doc.add(`<text x="650" y="40" text-anchor="middle" font-size="11" fill="#444">${subtitle}</text>`);
  panels.forEach((r, k) => {
    const zoom = r.id === "e";
    const f = new Frame({
      x: 70 + (k % 3) * 420, y: 75 + Math.floor(k / 3) * 310, width: 340, height: zoom ? 220 : 200,
      xr: zoom ? { min: 0, max: 1.5 } : { min: 0, max: 3 }, yr: zoom ? { min: 0.6, max: 1.0 } : { min: 0, max: 1.5 },
      title: `(${r.id}) x_g = ${r.xg}${zoom ? " (zoom)" : ""}`, xLabel: "x = α/(β+pθ)", yLabel: "y = γ/(β+pθ)",
    });
    drawCells(f, r);
    drawDigitised(f, r);
    f.polyline(boundaries[r.id] ?? [], `stroke="#1b5e20" stroke-width="1.6" stroke-dasharray="6,3"`);
    doc.add(f);
  });
  doc.legend(905, 400, [
    { label: "liquidity providers", swatch: swatchRect(COLORS.lp) },
    { label: "sellers", swatch: swatchRect(COLORS.seller) },
    { label: "speculating buyers (red tint)", swatch: swatchRect(COLORS.speculator, `fill-opacity="0.45"`) },
    { label: "LPs + speculating buyers", swatch: swatchRect(COLORS.lp) + swatchRect(COLORS.speculator, `fill-opacity="0.45"`) },
    { label: "genuine buyers (hatched)", swatch: swatchRect("url(#hatch)") },
    { label: "no role active", swatch: swatchRect(COLORS.none) },
    { label: "paper, digitised (§4.4)", swatch: swatchLine("#000") },
    { label: "paper's x_g", swatch: swatchLine("#000", "2,3") },
    { label: "model: LP above / sellers below", swatch: swatchLine("#1b5e20", "6,3") },
    { label: "paper: LP equilibrium limit", swatch: swatchRect("#3050c0") },
    { label: "paper: panel (e) trajectories", swatch: swatchLine("#6a1b9a", "5,2") },
  ]);
  return doc.toString();
}
