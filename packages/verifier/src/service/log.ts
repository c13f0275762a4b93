// JSON-lines logging for the miner agent and the verifier daemon: one object per line on stdout
// (`{"time":…,"level":"info","name":"pinfi-verifier","msg":…, …fields}`), so operators can grep
// and log shippers can parse without a dependency. Byte strings are hex, keys base58, bigints decimal.

export type Level = "debug" | "info" | "warn" | "error" | "silent";
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
export const LEVELS = Object.keys(RANK) as Level[];

export type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(fields: Fields): Logger;
}

export interface LoggerOptions {
  name: string;
  level?: Level;
  /** Where lines go; stdout by default. */
  sink?: (line: string) => void;
  base?: Fields;
}

/** A value as it appears in a log line. */
export function logValue(v: unknown, depth = 0): unknown {
  if (v === null || v === undefined) return v ?? null;
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString("hex");
  if (v instanceof Error) return { error: v.name, message: v.message };
  if (typeof v === "object") {
    const b58 = (v as { toBase58?: () => string }).toBase58;
    if (typeof b58 === "function") return b58.call(v);
    if (depth > 4) return "[…]";
    if (Array.isArray(v)) return v.map((x) => logValue(x, depth + 1));
    const out: Fields = {};
    for (const [k, x] of Object.entries(v as Fields)) out[k] = logValue(x, depth + 1);
    return out;
  }
  return v;
}

export function jsonLogger(o: LoggerOptions): Logger {
  const min = RANK[o.level ?? "info"];
  const sink = o.sink ?? ((line: string) => process.stdout.write(line + "\n"));
  const make = (base: Fields): Logger => {
    const emit = (level: Exclude<Level, "silent">) => (msg: string, fields: Fields = {}) => {
      if (RANK[level] < min) return;
      const line = { time: new Date().toISOString(), level, name: o.name, msg, ...(logValue(base) as Fields), ...(logValue(fields) as Fields) };
      sink(JSON.stringify(line));
    };
    return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error"), child: (f) => make({ ...base, ...f }) };
  };
  return make(o.base ?? {});
}

export const silentLogger: Logger = jsonLogger({ name: "silent", level: "silent" });
