// SVG by string building: a chart is a frame with linear axes; marks are added in data units.
// Deliberately small: rectangles, lines, polylines, circles, text, a legend, a hatch pattern.

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const n = (v: number) => (Math.round(v * 100) / 100).toString();

export interface Range {
  min: number;
  max: number;
}

export interface FrameOptions {
  x: number;
  y: number;
  width: number;
  height: number;
  xr: Range;
  yr: Range;
  title?: string;
  xLabel?: string;
  yLabel?: string;
  xTicks?: number[];
  yTicks?: number[];
}

/** One plotting area inside a document: data → pixel mapping, clipped marks, axes. */
export class Frame {
  private readonly parts: string[] = [];
  private static count = 0;
  readonly clip: string;

  constructor(readonly o: FrameOptions) {
    this.clip = `clip${Frame.count++}`;
  }

  px(x: number): number {
    return this.o.x + ((x - this.o.xr.min) / (this.o.xr.max - this.o.xr.min)) * this.o.width;
  }

  py(y: number): number {
    return this.o.y + this.o.height - ((y - this.o.yr.min) / (this.o.yr.max - this.o.yr.min)) * this.o.height;
  }

  rect(x0: number, y0: number, x1: number, y1: number, attrs: string): void {
    const [a, b] = [this.px(Math.min(x0, x1)), this.py(Math.max(y0, y1))];
    this.parts.push(`<rect x="${n(a)}" y="${n(b)}" width="${n(this.px(Math.max(x0, x1)) - a)}" height="${n(this.py(Math.min(y0, y1)) - b)}" ${attrs}/>`);
  }

  polyline(points: [number, number][], attrs: string): void {
    const pts = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)).map(([x, y]) => `${n(this.px(x))},${n(this.py(y))}`);
    if (pts.length > 1) this.parts.push(`<polyline fill="none" points="${pts.join(" ")}" ${attrs}/>`);
  }

  line(x0: number, y0: number, x1: number, y1: number, attrs: string): void {
    this.polyline([[x0, y0], [x1, y1]], attrs);
  }

  circle(x: number, y: number, r: number, attrs: string): void {
    this.parts.push(`<circle cx="${n(this.px(x))}" cy="${n(this.py(y))}" r="${r}" ${attrs}/>`);
  }

  text(x: number, y: number, s: string, attrs = ""): void {
    this.parts.push(`<text x="${n(this.px(x))}" y="${n(this.py(y))}" ${attrs}>${esc(s)}</text>`);
  }

  toString(): string {
    const { x, y, width, height, xr, yr } = this.o;
    const ticks = (r: Range, given?: number[]) => given ?? niceTicks(r);
    const axis: string[] = [`<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="none" stroke="#333"/>`];
    for (const t of ticks(xr, this.o.xTicks)) {
      axis.push(`<line x1="${n(this.px(t))}" y1="${y + height}" x2="${n(this.px(t))}" y2="${y + height + 4}" stroke="#333"/>`);
      axis.push(`<text x="${n(this.px(t))}" y="${y + height + 16}" text-anchor="middle" font-size="11">${fmtTick(t)}</text>`);
    }
    for (const t of ticks(yr, this.o.yTicks)) {
      axis.push(`<line x1="${x - 4}" y1="${n(this.py(t))}" x2="${x}" y2="${n(this.py(t))}" stroke="#333"/>`);
      axis.push(`<text x="${x - 7}" y="${n(this.py(t) + 4)}" text-anchor="end" font-size="11">${fmtTick(t)}</text>`);
    }
    if (this.o.title) axis.push(`<text x="${x + width / 2}" y="${y - 8}" text-anchor="middle" font-size="13" font-weight="bold">${esc(this.o.title)}</text>`);
    if (this.o.xLabel) axis.push(`<text x="${x + width / 2}" y="${y + height + 34}" text-anchor="middle" font-size="12">${esc(this.o.xLabel)}</text>`);
    if (this.o.yLabel) {
      axis.push(`<text transform="translate(${x - 40},${y + height / 2}) rotate(-90)" text-anchor="middle" font-size="12">${esc(this.o.yLabel)}</text>`);
    }
    return [
      `<clipPath id="${this.clip}"><rect x="${x}" y="${y}" width="${width}" height="${height}"/></clipPath>`,
      `<g clip-path="url(#${this.clip})">${this.parts.join("")}</g>`,
      ...axis,
    ].join("\n");
  }
}

function fmtTick(t: number): string {
  const a = Math.abs(t);
  return a >= 1e4 || (a > 0 && a < 1e-2) ? t.toExponential(0) : String(Math.round(t * 1000) / 1000);
}

export function niceTicks(r: Range, target = 6): number[] {
  const span = r.max - r.min;
  if (!(span > 0)) return [r.min];
  const raw = span / target;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(r.min / step) * step; t <= r.max + step * 1e-9; t += step) out.push(Math.round(t / step) * step);
  return out;
}

/** A whole document: frames, a legend, defs (a hatch pattern for genuine buyers). */
export class Doc {
  private readonly items: string[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  add(part: Frame | string): this {
    this.items.push(part.toString());
    return this;
  }

  legend(x: number, y: number, entries: { label: string; swatch: string }[], columns = 1): this {
    const colWidth = 210;
    entries.forEach((e, i) => {
      const cx = x + (i % columns) * colWidth;
      const cy = y + Math.floor(i / columns) * 18;
      this.items.push(`<g transform="translate(${cx},${cy})">${e.swatch}<text x="22" y="10" font-size="11">${esc(e.label)}</text></g>`);
    });
    return this;
  }

  toString(): string {
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}" font-family="DejaVu Sans, Arial, sans-serif">`,
      `<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#555" stroke-width="1"/></pattern></defs>`,
      `<rect width="100%" height="100%" fill="white"/>`,
      ...this.items,
      `</svg>`,
    ].join("\n");
  }
}

export const swatchRect = (fill: string, extra = "") => `<rect width="16" height="12" fill="${fill}" stroke="#666" ${extra}/>`;
export const swatchLine = (stroke: string, dash = "") => `<line x1="0" y1="6" x2="16" y2="6" stroke="${stroke}" stroke-width="2" ${dash ? `stroke-dasharray="${dash}"` : ""}/>`;
