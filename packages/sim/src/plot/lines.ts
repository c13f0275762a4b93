// Line charts: several series over a shared x axis, in one frame, with a legend.
import { Doc, Frame, swatchLine } from "./svg";

export interface Series {
  label: string;
  points: [number, number][];
  color: string;
  dash?: string;
}

export const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf"];

export interface Chart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** Horizontal reference lines (value, label). */
  refs?: [number, string][];
  yMin?: number;
  yMax?: number;
}

function range(series: Series[], axis: 0 | 1, min?: number, max?: number) {
  const vals = series.flatMap((s) => s.points.map((p) => p[axis])).filter(Number.isFinite);
  const lo = min ?? Math.min(...vals);
  const hi = max ?? Math.max(...vals);
  return hi > lo ? { min: lo, max: hi } : { min: lo - 1, max: lo + 1 };
}

/** Charts stacked vertically in one document, legends to the right. */
export function linesSvg(charts: Chart[], width = 900, height = 280): string {
  const doc = new Doc(width, charts.length * height + 20);
  charts.forEach((c, k) => {
    const f = new Frame({
      x: 80, y: 40 + k * height, width: width - 340, height: height - 90,
      xr: range(c.series, 0), yr: range(c.series, 1, c.yMin, c.yMax), title: c.title, xLabel: c.xLabel, yLabel: c.yLabel,
    });
    for (const [v, label] of c.refs ?? []) {
      f.line(f.o.xr.min, v, f.o.xr.max, v, `stroke="#999" stroke-dasharray="4,3"`);
      f.text(f.o.xr.max, v, ` ${label}`, `font-size="10" fill="#666" text-anchor="end" dy="-3"`);
    }
    for (const s of c.series) f.polyline(s.points, `stroke="${s.color}" stroke-width="1.6" ${s.dash ? `stroke-dasharray="${s.dash}"` : ""}`);
    doc.add(f);
    doc.legend(width - 240, 50 + k * height, c.series.map((s) => ({ label: s.label, swatch: swatchLine(s.color, s.dash) })));
  });
  return doc.toString();
}
