// pinfi-verifier configuration: defaults ← YAML/JSON file ← PINFI_VERIFIER_* environment ← flags.
import { ConfigError, bool, int, loadLayers, mapValue, num, oneOf, str, strList } from "../service/config";
import { LEVELS, Level } from "../service/log";
import { constants } from "@pinfi/sdk";

const { ENDPOINT_LEN } = constants;

export interface VerifierConfig {
  rpcUrl: string;
  /** Program id; @pinfi/idl's when empty. */
  programId: string;
  /** The verifier authority's key file (solana-keygen JSON); registered with register_verifier. */
  keypair: string;
  /** Where evidence bundles are kept, as <sha256>.json. */
  evidenceDir: string;
  /** Days evidence is kept (dispute window); 0: forever. */
  evidenceRetentionDays: number;
  /** Mean time between challenges of one device, seconds (Poisson). */
  meanIntervalSecs: number;
  /** Synchronized sweeps a day (all devices of one operator and class at once); 0: none. */
  sweepsPerDay: number;
  /** Most devices one sweep challenges (sweeps do not wait for maxConcurrent). */
  maxSweepDevices: number;
  /** Rounds of lottery secrets committed at a time (when the protocol's lottery is on). */
  lotteryRounds: number;
  /** Re-read live stakes every this many seconds. */
  refreshSecs: number;
  maxConcurrent: number;
  /** params_id per pool GPU class name, e.g. { H100: 1, RTX4090: 2 }. */
  paramsByClass: Record<string, number>;
  /** params_id for pools not in paramsByClass. */
  defaultParamsId: number;
  /** Allow test classes (ids ≥ 0xFF00): localnet/devnet only. */
  allowTestClasses: boolean;
  /** Restrict to these pools (class names or addresses) / devices (addresses); empty: all. */
  pools: string[];
  devices: string[];
  /** RTT samples before each release (3–5). */
  pings: number;
  /** 0: derived from the class deadline (2 × (D + allowance) + 2 s). */
  commitTimeoutMs: number;
  openTimeoutMs: number;
  expire: { others: boolean; own: boolean; intervalSecs: number };
  /** /health, /metrics and /evidence; `publicUrl` (the URL others reach it at) is published on chain when set. */
  http: { enabled: boolean; host: string; port: number; publicUrl: string };
  /** The native core for the openings' checks: "auto" (build and use it when possible), "off", or a poc-verify binary. */
  nativeVerifier: string;
  /** Challenge each eligible device once, expire stale challenges, exit. */
  once: boolean;
  log: { level: Level };
}

export const VERIFIER_DEFAULTS: VerifierConfig = {
  rpcUrl: "http://127.0.0.1:8899",
  programId: "",
  keypair: "~/.config/solana/id.json",
  evidenceDir: "./evidence",
  evidenceRetentionDays: 7,
  meanIntervalSecs: 3_600,
  sweepsPerDay: 3,
  maxSweepDevices: 64,
  lotteryRounds: 65_536,
  refreshSecs: 60,
  maxConcurrent: 4,
  paramsByClass: mapValue({}),
  defaultParamsId: 1,
  allowTestClasses: false,
  pools: [],
  devices: [],
  pings: 4,
  commitTimeoutMs: 0,
  openTimeoutMs: 0,
  expire: { others: true, own: false, intervalSecs: 60 },
  http: { enabled: true, host: "127.0.0.1", port: 9464, publicUrl: "" },
  nativeVerifier: "auto",
  once: false,
  log: { level: "info" },
};

export function loadVerifierConfig(o: { file?: string; env?: NodeJS.ProcessEnv; overrides?: Record<string, unknown> } = {}): VerifierConfig {
  const c = loadLayers(VERIFIER_DEFAULTS, { ...o, prefix: "PINFI_VERIFIER" });
  str(c.rpcUrl, "rpcUrl");
  str(c.programId, "programId", true);
  str(c.keypair, "keypair");
  str(c.evidenceDir, "evidenceDir");
  num(c.evidenceRetentionDays, "evidenceRetentionDays", 0);
  num(c.meanIntervalSecs, "meanIntervalSecs", 1);
  num(c.sweepsPerDay, "sweepsPerDay", 0);
  int(c.maxSweepDevices, "maxSweepDevices", 1, 1024);
  // 2^16 rounds: a 16-hash path keeps open_challenge inside one 1232-byte transaction.
  int(c.lotteryRounds, "lotteryRounds", 1, 1 << 16);
  num(c.refreshSecs, "refreshSecs", 1);
  int(c.maxConcurrent, "maxConcurrent", 1, 256);
  if (typeof c.paramsByClass !== "object" || c.paramsByClass === null || Array.isArray(c.paramsByClass)) throw new ConfigError("paramsByClass: a mapping of class name to params id");
  for (const [k, v] of Object.entries(c.paramsByClass)) int(v, `paramsByClass.${k}`, 0, 0xffff);
  int(c.defaultParamsId, "defaultParamsId", 0, 0xffff);
  bool(c.allowTestClasses, "allowTestClasses");
  strList(c.pools, "pools");
  strList(c.devices, "devices");
  int(c.pings, "pings", 3, 5);
  int(c.commitTimeoutMs, "commitTimeoutMs", 0);
  int(c.openTimeoutMs, "openTimeoutMs", 0);
  bool(c.expire.others, "expire.others");
  bool(c.expire.own, "expire.own");
  num(c.expire.intervalSecs, "expire.intervalSecs", 1);
  bool(c.http.enabled, "http.enabled");
  str(c.http.host, "http.host");
  int(c.http.port, "http.port", 0, 65_535);
  str(c.http.publicUrl, "http.publicUrl", true);
  if (c.http.publicUrl !== "" && !/^https?:\/\/\S+$/.test(c.http.publicUrl)) throw new ConfigError(`http.publicUrl: an http(s) URL, got ${JSON.stringify(c.http.publicUrl)}`);
  if (Buffer.byteLength(c.http.publicUrl, "utf8") > ENDPOINT_LEN) throw new ConfigError(`http.publicUrl: at most ${ENDPOINT_LEN} bytes (the on-chain endpoint)`);
  str(c.nativeVerifier, "nativeVerifier");
  bool(c.once, "once");
  oneOf(c.log.level, "log.level", LEVELS);
  return c;
}
