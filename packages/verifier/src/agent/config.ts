// pinfi-miner configuration: defaults ← YAML/JSON file ← PINFI_MINER_* environment ← flags.
import { ConfigError, bool, int, loadLayers, oneOf, str, strList } from "../service/config";
import { LEVELS, Level } from "../service/log";
import { constants } from "@pinfi/sdk";

const { ENDPOINT_LEN } = constants;

export interface MinerConfig {
  /** JSON-RPC endpoint of the cluster. */
  rpcUrl: string;
  /** Program id; @pinfi/idl's when empty. */
  programId: string;
  /** Device key files (solana-keygen JSON): the keys registered in the Device accounts. */
  devices: string[];
  /** The devices' owner key file: only needed to publish the endpoint on chain. */
  ownerKeypair: string;
  listen: { host: string; port: number };
  /** Public URL verifiers use (goes on chain, ≤ 128 bytes); default http://<listen.host>:<port>. */
  endpoint: string;
  /** Publish `endpoint` on every device whose on-chain record differs, at start. */
  setEndpoint: boolean;
  /** "auto": GPU prover when it runs here, else the CPU reference; "cpu": always CPU. */
  backend: "auto" | "cpu";
  /** Accept test parameter classes (ids ≥ 0xFF00): localnet/devnet only. */
  allowTestClasses: boolean;
  /** Stake watch period, seconds (0: off). */
  watchIntervalSecs: number;
  /** How long a proof is kept for its openings, seconds. */
  keepProofSecs: number;
  log: { level: Level };
}

export const MINER_DEFAULTS: MinerConfig = {
  rpcUrl: "http://127.0.0.1:8899",
  programId: "",
  devices: [],
  ownerKeypair: "",
  listen: { host: "0.0.0.0", port: 7070 },
  endpoint: "",
  setEndpoint: true,
  backend: "auto",
  allowTestClasses: false,
  watchIntervalSecs: 30,
  keepProofSecs: 120,
  log: { level: "info" },
};

export function loadMinerConfig(o: { file?: string; env?: NodeJS.ProcessEnv; overrides?: Record<string, unknown> } = {}): MinerConfig {
  const c = loadLayers(MINER_DEFAULTS, { ...o, prefix: "PINFI_MINER" });
  str(c.rpcUrl, "rpcUrl");
  str(c.programId, "programId", true);
  strList(c.devices, "devices");
  if (c.devices.length === 0) throw new ConfigError("devices: at least one device key file");
  str(c.ownerKeypair, "ownerKeypair", true);
  str(c.listen.host, "listen.host");
  int(c.listen.port, "listen.port", 0, 65_535);
  str(c.endpoint, "endpoint", true);
  if (Buffer.byteLength(c.endpoint) > ENDPOINT_LEN) throw new ConfigError(`endpoint: at most ${ENDPOINT_LEN} bytes (the Device account's limit)`);
  bool(c.setEndpoint, "setEndpoint");
  oneOf(c.backend, "backend", ["auto", "cpu"] as const);
  bool(c.allowTestClasses, "allowTestClasses");
  int(c.watchIntervalSecs, "watchIntervalSecs", 0);
  int(c.keepProofSecs, "keepProofSecs", 1);
  oneOf(c.log.level, "log.level", LEVELS);
  return c;
}
