// Small helpers shared by the localnet and LiteSVM halves of the benchmark: percentiles, a clock,
// formatting, and the hand-written SVG of the confirm-latency distribution.

export const now = (): number => performance.now();

/** Nearest-rank percentile (p in 0..100) of an unsorted sample. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export const median = (sample: readonly number[]): number => percentile(sample, 50);
export const max = (sample: readonly number[]): number => sample.reduce((a, b) => Math.max(a, b), -Infinity);
export const mean = (sample: readonly number[]): number => sample.reduce((a, b) => a + b, 0) / sample.length;

export const ms = (x: number, digits = 2): string => `${x.toFixed(digits)} ms`;
export const tps = (x: number): string => `${x.toFixed(0)} tx/s`;

export const sleep = (millis: number): Promise<void> => new Promise((r) => setTimeout(r, millis));

export interface Series {
  label: string;
  color: string;
  /** Latencies in milliseconds. */
  values: readonly number[];
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Cumulative distribution of each series (x: latency in ms, y: share of transactions confirmed
 * within x), with a dashed line at the goal. No dependencies: polylines and text by hand.
 */
export function latencySvg(title: string, series: readonly Series[], goalMs: number): string {
  const W = 760;
  const H = 440;
  const left = 60;
  const right = 20;
  const top = 40;
  const bottom = 110;
  const pw = W - left - right;
  const ph = H - top - bottom;
  // Clip the x axis at the largest p99 (and the goal) so one outlier does not flatten the curves.
  const xMaxRaw = Math.max(goalMs * 1.2, ...series.map((s) => percentile(s.values, 99) * 1.15));
  const step = niceStep(xMaxRaw / 8);
  const xMax = Math.ceil(xMaxRaw / step) * step;
  const x = (v: number): number => left + (Math.min(v, xMax) / xMax) * pw;
  const y = (f: number): number => top + (1 - f) * ph;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  out.push(`<text x="${W / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>`);
  // Grid and axes.
  for (let v = 0; v <= xMax + 1e-9; v += step) {
    out.push(`<line x1="${x(v).toFixed(1)}" y1="${top}" x2="${x(v).toFixed(1)}" y2="${top + ph}" stroke="#eee"/>`);
    out.push(`<text x="${x(v).toFixed(1)}" y="${top + ph + 16}" text-anchor="middle">${fmtTick(v)}</text>`);
  }
  for (let f = 0; f <= 1.0001; f += 0.25) {
    out.push(`<line x1="${left}" y1="${y(f).toFixed(1)}" x2="${left + pw}" y2="${y(f).toFixed(1)}" stroke="#eee"/>`);
    out.push(`<text x="${left - 6}" y="${(y(f) + 4).toFixed(1)}" text-anchor="end">${Math.round(f * 100)}%</text>`);
  }
  out.push(`<rect x="${left}" y="${top}" width="${pw}" height="${ph}" fill="none" stroke="#444"/>`);
  out.push(`<text x="${left + pw / 2}" y="${top + ph + 34}" text-anchor="middle">confirm latency (ms), axis clipped at ${fmtTick(xMax)} ms</text>`);
  out.push(`<text transform="translate(16 ${top + ph / 2}) rotate(-90)" text-anchor="middle">transactions confirmed within</text>`);
  // Goal.
  out.push(`<line x1="${x(goalMs).toFixed(1)}" y1="${top}" x2="${x(goalMs).toFixed(1)}" y2="${top + ph}" stroke="#c00" stroke-dasharray="6 4"/>`);
  out.push(`<text x="${(x(goalMs) + 4).toFixed(1)}" y="${top + ph - 8}" fill="#c00">goal p50 &lt; ${goalMs} ms</text>`);
  // One CDF polyline per series.
  series.forEach((s, i) => {
    const sorted = [...s.values].sort((a, b) => a - b);
    const pts: string[] = [`${x(0).toFixed(1)},${y(0).toFixed(1)}`];
    sorted.forEach((v, k) => {
      pts.push(`${x(v).toFixed(1)},${y(k / sorted.length).toFixed(1)}`);
      pts.push(`${x(v).toFixed(1)},${y((k + 1) / sorted.length).toFixed(1)}`);
    });
    out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts.join(" ")}"/>`);
    const p50 = percentile(s.values, 50);
    const p99 = percentile(s.values, 99);
    out.push(`<circle cx="${x(p50).toFixed(1)}" cy="${y(0.5).toFixed(1)}" r="4" fill="${s.color}"/>`);
    const ly = top + ph + 52 + i * 16;
    out.push(`<line x1="${left}" y1="${ly - 4}" x2="${left + 24}" y2="${ly - 4}" stroke="${s.color}" stroke-width="3"/>`);
    out.push(
      `<text x="${left + 30}" y="${ly}">${esc(s.label)}: n=${s.values.length}, p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${max(s.values).toFixed(2)} ms</text>`,
    );
  });
  out.push("</svg>");
  return out.join("\n") + "\n";
}

function niceStep(raw: number): number {
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * mag >= raw) return m * mag;
  return 10 * mag;
}

const fmtTick = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1));
