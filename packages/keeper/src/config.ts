// Keeper configuration: defaults, a YAML file, then environment overrides, then CLI flags; every
// value checked, and any problem reported as one line (`ConfigError`).
//
// Environment: PINFI_KEEPER_<PATH>, the path in SCREAMING_SNAKE_CASE with `__` between levels,
// e.g. PINFI_KEEPER_RPC_URL, PINFI_KEEPER_SETTLEMENTS__MAX_PER_TX, PINFI_KEEPER_HTTP__PORT.
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";

export type Commitment = "processed" | "confirmed" | "finalized";

export interface KeeperConfig {
  /** JSON-RPC endpoint; the localnet by default. */
  rpcUrl: string;
  /** Websocket endpoint, when not the RPC port + 1 (only used by web3.js internals). */
  wsUrl: string;
  /** Solana CLI keypair file (JSON array of 64 bytes): pays fees and rent of created accounts. */
  keypair: string;
  /** Program id; @pinfi/idl's by default. */
  programId: string;
  commitment: Commitment;
  /** Pause between runs of the loop, ms. */
  intervalMs: number;
  /** Simulate and log every transaction instead of sending it. */
  dryRun: boolean;
  /** One run of every crank, then exit. */
  once: boolean;
  epochs: {
    enabled: boolean;
    /** Epoch closes sent per run at most (catching up after downtime happens over several runs). */
    maxPerRun: number;
  };
  settlements: {
    enabled: boolean;
    /** Settlements per transaction at most (the byte and account-lock limits may allow fewer). */
    maxPerTx: number;
    /** Account locks per transaction: 64 on mainnet today, 128 where SIMD-0191's raise is active. */
    maxAccountLocks: number;
    /** Stakes settled per run at most. */
    maxPerRun: number;
    /** v0 transactions with address lookup tables holding the stakes' accounts ("auto") or legacy-size packing ("off"). */
    lookupTables: "auto" | "off";
    /** Stakes ending within this many seconds get their lookup table ahead of time (it must warm up a slot). */
    lookaheadSecs: number;
    /** How long to wait for a fresh lookup table to become usable before packing without it, ms. */
    tableWarmupMs: number;
  };
  rentals: {
    /** Place waiting rentals on devices (earliest expiry first) and refund those not placed within the protocol's placement window. */
    enabled: boolean;
  };
  fees: {
    /** Priority fee: "auto" (median of getRecentPrioritizationFees over the written accounts), a fixed micro-lamports/CU, or 0 for none. */
    priority: "auto" | number;
    maxMicroLamports: number;
    /** Compute-unit limit: "simulate" (simulated × 1.2), a fixed number, or "none" (the runtime default). */
    computeUnitLimit: "simulate" | "none" | number;
  };
  retry: {
    /** Attempts per transaction for retryable (transport) errors. */
    attempts: number;
    baseMs: number;
    maxMs: number;
  };
  http: {
    enabled: boolean;
    host: string;
    /** 0 picks a free port (logged at start). */
    port: number;
    /** /health fails when the last slot reading is older than this, ms. */
    maxSlotAgeMs: number;
    /** /health fails when no crank run succeeded for this long, ms. */
    maxCrankAgeMs: number;
  };
  log: {
    level: "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";
  };
}

export const DEFAULTS: KeeperConfig = {
  rpcUrl: "http://127.0.0.1:8899",
  wsUrl: "",
  keypair: "~/.config/solana/id.json",
  programId: "",
  commitment: "confirmed",
  intervalMs: 5_000,
  dryRun: false,
  once: false,
  epochs: { enabled: true, maxPerRun: 32 },
  settlements: { enabled: true, maxPerTx: 32, maxAccountLocks: 64, maxPerRun: 2_000, lookupTables: "auto", lookaheadSecs: 3_600, tableWarmupMs: 2_000 },
  rentals: { enabled: true },
  fees: { priority: "auto", maxMicroLamports: 1_000_000, computeUnitLimit: "simulate" },
  retry: { attempts: 5, baseMs: 250, maxMs: 10_000 },
  http: { enabled: true, host: "127.0.0.1", port: 9464, maxSlotAgeMs: 60_000, maxCrankAgeMs: 300_000 },
  log: { level: "info" },
};

/** A configuration problem, always one line. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, " "));
    this.name = "ConfigError";
  }
}

type Rule = (v: unknown, path: string) => unknown;
const fail = (path: string, want: string, v: unknown): never => {
  throw new ConfigError(`config: ${path} must be ${want}, got ${JSON.stringify(v)}`);
};
const int = (min: number, max = Number.MAX_SAFE_INTEGER): Rule => (v, p) =>
  (typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? v : fail(p, `an integer in [${min}, ${max}]`, v));
const bool: Rule = (v, p) => (typeof v === "boolean" ? v : fail(p, "true or false", v));
const str = (pattern?: RegExp, want = "a string"): Rule => (v, p) => (typeof v === "string" && (!pattern || pattern.test(v)) ? v : fail(p, want, v));
const oneOf = (...xs: unknown[]): Rule => (v, p) => (xs.includes(v) ? v : fail(p, `one of ${xs.map((x) => JSON.stringify(x)).join(", ")}`, v));
const either = (a: Rule, b: Rule, want: string): Rule => (v, p) => {
  try {
    return a(v, p);
  } catch {
    try {
      return b(v, p);
    } catch {
      return fail(p, want, v);
    }
  }
};

const RULES: Record<string, Rule> = {
  rpcUrl: str(/^https?:\/\/\S+$/, "an http(s) URL"),
  wsUrl: str(/^(wss?:\/\/\S+)?$/, "a ws(s) URL or empty"),
  keypair: str(/./, "a file path"),
  programId: str(/^([1-9A-HJ-NP-Za-km-z]{32,44})?$/, "a base58 public key or empty"),
  commitment: oneOf("processed", "confirmed", "finalized"),
  intervalMs: int(10),
  dryRun: bool,
  once: bool,
  "epochs.enabled": bool,
  "epochs.maxPerRun": int(1),
  "settlements.enabled": bool,
  "settlements.maxPerTx": int(1, 64),
  "settlements.maxAccountLocks": int(16, 256),
  "settlements.maxPerRun": int(1),
  "settlements.lookupTables": oneOf("auto", "off"),
  "settlements.lookaheadSecs": int(0),
  "settlements.tableWarmupMs": int(0),
  "rentals.enabled": bool,
  "fees.priority": either(oneOf("auto"), int(0), '"auto" or an integer ≥ 0 (micro-lamports per CU)'),
  "fees.maxMicroLamports": int(0),
  "fees.computeUnitLimit": either(oneOf("simulate", "none"), int(1, 1_400_000), '"simulate", "none" or an integer in [1, 1400000]'),
  "retry.attempts": int(1, 100),
  "retry.baseMs": int(0),
  "retry.maxMs": int(0),
  "http.enabled": bool,
  "http.host": str(/^\S+$/, "a host name or address"),
  "http.port": int(0, 65_535),
  "http.maxSlotAgeMs": int(1),
  "http.maxCrankAgeMs": int(1),
  "log.level": oneOf("trace", "debug", "info", "warn", "error", "fatal", "silent"),
};

const upperSnake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
/** The environment variable of a config path. */
export const envName = (path: string) => "PINFI_KEEPER_" + path.split(".").map(upperSnake).join("__");

function suggest(key: string, options: string[]): string {
  const near = options.find((o) => o.toLowerCase() === key.toLowerCase() || o.toLowerCase().startsWith(key.toLowerCase().slice(0, 4)));
  return near ? ` (did you mean ${near}?)` : "";
}

/** Flattens a parsed document onto known paths, refusing unknown keys and wrong shapes. */
function flatten(doc: unknown, prefix: string, out: Record<string, unknown>): void {
  if (doc === null || doc === undefined) return;
  if (typeof doc !== "object" || Array.isArray(doc)) throw new ConfigError(`config: ${prefix || "the document"} must be a mapping`);
  for (const [k, v] of Object.entries(doc as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${k}` : k;
    const isSection = Object.keys(RULES).some((r) => r.startsWith(path + "."));
    if (isSection) flatten(v, path, out);
    else if (path in RULES) out[path] = v;
    else {
      const siblings = Object.keys(RULES).filter((r) => r.startsWith(prefix ? prefix + "." : "")).map((r) => r.slice(prefix ? prefix.length + 1 : 0).split(".")[0]);
      throw new ConfigError(`config: unknown key ${path}${suggest(k, [...new Set(siblings)])}`);
    }
  }
}

/** Parses YAML text (reported as `file:line:col`). */
export function parseYaml(text: string, file = "<config>"): Record<string, unknown> {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const [line, col] = e.linePos?.[0] ? [e.linePos[0].line, e.linePos[0].col] : [0, 0];
    throw new ConfigError(`config: ${file}:${line}:${col}: ${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`);
  }
  const out: Record<string, unknown> = {};
  flatten(doc.toJS(), "", out);
  return out;
}

/** An environment value, typed like the path's default. */
function fromEnv(path: string, raw: string): unknown {
  const def = get(DEFAULTS, path);
  if (typeof def === "boolean") return raw === "true" || raw === "1" ? true : raw === "false" || raw === "0" ? false : raw;
  if (typeof def === "number" || (/^\d+$/.test(raw) && path !== "keypair")) return /^-?\d+$/.test(raw) ? Number(raw) : raw;
  return raw;
}

function get(o: any, path: string): unknown {
  return path.split(".").reduce((x, k) => x?.[k], o);
}
function set(o: any, path: string, v: unknown): void {
  const keys = path.split(".");
  const last = keys.pop()!;
  keys.reduce((x, k) => x[k], o)[last] = v;
}

export interface LoadOptions {
  /** A YAML file; optional. */
  file?: string;
  /** Environment (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Highest precedence (CLI flags), by path. */
  overrides?: Record<string, unknown>;
}

/** Defaults ← file ← environment ← overrides, validated. Throws `ConfigError` (one line). */
export function loadConfig(o: LoadOptions = {}): KeeperConfig {
  const cfg: KeeperConfig = structuredClone(DEFAULTS);
  const values: Record<string, [unknown, string]> = {};
  if (o.file) {
    let text: string;
    try {
      text = readFileSync(o.file, "utf8");
    } catch (e) {
      throw new ConfigError(`config: cannot read ${o.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    for (const [k, v] of Object.entries(parseYaml(text, o.file))) values[k] = [v, k];
  }
  const env = o.env ?? process.env;
  for (const path of Object.keys(RULES)) {
    const raw = env[envName(path)];
    if (raw !== undefined && raw !== "") values[path] = [fromEnv(path, raw), envName(path)];
  }
  for (const [path, v] of Object.entries(o.overrides ?? {})) {
    if (!(path in RULES)) throw new ConfigError(`config: unknown option ${path}`);
    if (v !== undefined) values[path] = [v, path];
  }
  for (const [path, [v, origin]] of Object.entries(values)) {
    set(cfg, path, RULES[path](v, origin === path ? path : `${path} (${origin})`));
  }
  if (cfg.retry.maxMs < cfg.retry.baseMs) throw new ConfigError(`config: retry.maxMs (${cfg.retry.maxMs}) must be ≥ retry.baseMs (${cfg.retry.baseMs})`);
  return cfg;
}
