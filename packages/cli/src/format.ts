// Human output: units, tables, times; and parsing of user amounts and durations.
import { usage } from "./errors";

/** Base units → "12.345678" with `decimals` (trailing zeros trimmed). */
export function tokens(v: bigint, decimals = 6): string {
  const neg = v < 0n;
  const a = neg ? -v : v;
  const d = 10n ** BigInt(decimals);
  const frac = (a % d).toString().padStart(decimals, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${a / d}${frac ? "." + frac : ""}`;
}

/** GPU-seconds → GPU-hours with two decimals. */
export const gpuHours = (secs: bigint): string => (Number(secs) / 3600).toFixed(2);

/** A price fraction (base units per GPU-hour) → tokens per GPU-hour. */
export function price(p: { num: bigint; den: bigint }, decimals = 6): string {
  if (p.den === 0n) return "-";
  return (Number((p.num * 1_000_000n) / p.den) / 1e6 / 10 ** decimals).toFixed(4);
}
export const priceNumber = (p: { num: bigint; den: bigint }, decimals = 6): number =>
  p.den === 0n ? NaN : Number((p.num * 1_000_000n) / p.den) / 1e6 / 10 ** decimals;

export function duration(secs: bigint | number): string {
  let s = Number(secs);
  const neg = s < 0;
  s = Math.abs(s);
  const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
  const parts = d ? [`${d}d`, h ? `${h}h` : ""] : h ? [`${h}h`, m ? `${m}m` : ""] : m ? [`${m}m`] : [`${s % 60}s`];
  return (neg ? "-" : "") + parts.filter(Boolean).join("");
}

export const isoTime = (t: bigint) => new Date(Number(t) * 1000).toISOString().replace(".000Z", "Z");

/** Fixed-width table; numbers (and "-") right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const num = (s: string) => /^[-+]?[\d.,]+[%hmsd]?$|^-$/.test(s);
  const line = (r: string[]) => r.map((c, i) => (num(c) && i > 0 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** "90", "90s", "15m", "6h", "2d", "1h30m" → seconds. */
export function parseDuration(v: string, what = "duration"): bigint {
  const s = v.trim();
  if (/^\d+$/.test(s)) return BigInt(s);
  const re = /(\d+)([smhd])/g;
  let total = 0n, m: RegExpExecArray | null, seen = "";
  while ((m = re.exec(s))) {
    total += BigInt(m[1]) * { s: 1n, m: 60n, h: 3600n, d: 86400n }[m[2] as "s"];
    seen += m[0];
  }
  if (!seen || seen !== s || total <= 0n) throw usage(`bad ${what} ${JSON.stringify(v)}: use seconds or e.g. 90m, 6h, 2d, 1h30m`);
  return total;
}

/** A non-negative integer of base units (or a GPU-second count). */
export function parseInteger(v: string, what: string): bigint {
  if (!/^\d+$/.test(v.trim())) throw usage(`bad ${what} ${JSON.stringify(v)}: expected a whole number`);
  return BigInt(v.trim());
}

/** Token amount: "12.5" (tokens, with the mint's decimals) or "12500000u" (base units). */
export function parseTokens(v: string, decimals: number, what = "amount"): bigint {
  const s = v.trim();
  if (/^\d+u$/.test(s)) return BigInt(s.slice(0, -1));
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m || (m[2] && m[2].length > decimals)) throw usage(`bad ${what} ${JSON.stringify(v)}: tokens like 12.5 (at most ${decimals} decimals) or base units like 12500000u`);
  return BigInt(m[1]) * 10n ** BigInt(decimals) + BigInt((m[2] ?? "").padEnd(decimals, "0") || "0");
}

/** GPU-hours "6" / "1.5" → GPU-seconds. */
export function parseGpuHours(v: string, what = "--hours"): bigint {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(v.trim());
  if (!m) throw usage(`bad ${what} ${JSON.stringify(v)}: GPU-hours like 6 or 1.5`);
  const secs = Math.round(Number(v) * 3600);
  if (secs <= 0) throw usage(`bad ${what} ${JSON.stringify(v)}: must be more than zero`);
  return BigInt(secs);
}

export function parseBps(v: string, what = "--slippage-bps"): number {
  if (!/^\d+$/.test(v) || Number(v) > 10_000) throw usage(`bad ${what} ${JSON.stringify(v)}: basis points 0-10000`);
  return Number(v);
}
