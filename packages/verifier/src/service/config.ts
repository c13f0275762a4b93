// Configuration loading shared by pinfi-miner and pinfi-verifier: defaults, then a YAML or JSON
// file, then environment overrides, then command-line overrides; the caller checks the result.
//
// Environment: <PREFIX>_<PATH>, the path in SCREAMING_SNAKE_CASE with `__` between levels, e.g.
// PINFI_VERIFIER_RPC_URL, PINFI_VERIFIER_HTTP__PORT, PINFI_MINER_DEVICES (a JSON value).
// A value is read as JSON when it parses (numbers, booleans, arrays), else as a string.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { expandHome } from "./keypair";

export class ConfigError extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** `over` on top of `base`; keys must exist in `shape` (the defaults), except inside maps (replaced whole). */
export function deepMerge<T>(base: T, over: unknown, shape: unknown = base, path = ""): T {
  if (over === undefined) return base;
  if (!isObj(over)) throw new ConfigError(`${path || "config"}: expected a mapping`);
  const out: Obj = { ...(base as Obj) };
  const sh = shape as Obj;
  for (const [k, v] of Object.entries(over)) {
    if (!(k in sh)) throw new ConfigError(`unknown config key ${path}${k}`);
    out[k] = isObj(sh[k]) && !isMap(sh[k]) ? deepMerge(out[k], v, sh[k], `${path}${k}.`) : v;
  }
  return out as T;
}

/** Objects whose keys are free-form (maps), marked by an empty default `{}` with this symbol. */
const MAPS = new WeakSet<object>();
export function mapValue<T extends Obj>(v: T): T {
  MAPS.add(v);
  return v;
}
const isMap = (v: unknown): boolean => isObj(v) && MAPS.has(v);

export function readConfigFile(path: string): Obj {
  let text: string;
  try {
    text = readFileSync(expandHome(path), "utf8");
  } catch (e) {
    throw new ConfigError(`config ${path}: ${(e as Error).message}`);
  }
  let v: unknown;
  try {
    v = parse(text); // YAML 1.2 is a superset of JSON
  } catch (e) {
    throw new ConfigError(`config ${path}: ${(e as Error).message}`);
  }
  if (v === null || v === undefined) return {};
  if (!isObj(v)) throw new ConfigError(`config ${path}: expected a mapping at the top level`);
  return v;
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => "_" + c).toUpperCase();

/** Overrides from `<prefix>_<PATH>` variables for every key of `shape` (maps take a JSON object). */
export function envOverrides(shape: Obj, prefix: string, env: NodeJS.ProcessEnv): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(shape)) {
    const name = `${prefix}_${snake(k)}`;
    if (isObj(v) && !isMap(v)) {
      // nested names use "__" between levels
      const nested = envOverrides(v, `${prefix}_${snake(k)}_`, env);
      if (Object.keys(nested).length > 0) out[k] = nested;
      continue;
    }
    const raw = env[name];
    if (raw === undefined) continue;
    out[k] = typeof v === "string" ? raw : parseEnv(raw);
  }
  return out;
}

function parseEnv(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export function loadLayers<T>(defaults: T, o: { file?: string; env?: NodeJS.ProcessEnv; prefix: string; overrides?: Obj }): T {
  let c = defaults;
  if (o.file) c = deepMerge(c, readConfigFile(o.file), defaults);
  if (o.env) c = deepMerge(c, envOverrides(defaults as Obj, o.prefix, o.env), defaults);
  if (o.overrides) c = deepMerge(c, o.overrides, defaults);
  return c;
}

// Checks, each throwing one ConfigError line.
export function num(v: unknown, name: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) throw new ConfigError(`${name}: expected a number in [${min}, ${max}], got ${JSON.stringify(v)}`);
  return v;
}
export function int(v: unknown, name: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  num(v, name, min, max);
  if (!Number.isInteger(v)) throw new ConfigError(`${name}: expected an integer, got ${v}`);
  return v as number;
}
export function str(v: unknown, name: string, allowEmpty = false): string {
  if (typeof v !== "string" || (!allowEmpty && v.length === 0)) throw new ConfigError(`${name}: expected a${allowEmpty ? "" : " non-empty"} string`);
  return v;
}
export function bool(v: unknown, name: string): boolean {
  if (typeof v !== "boolean") throw new ConfigError(`${name}: expected true or false`);
  return v;
}
export function strList(v: unknown, name: string): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) throw new ConfigError(`${name}: expected a list of strings`);
  return v as string[];
}
export function oneOf<T extends string>(v: unknown, name: string, options: readonly T[]): T {
  if (!options.includes(v as T)) throw new ConfigError(`${name}: expected one of ${options.join(", ")}`);
  return v as T;
}
