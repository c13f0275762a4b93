// The demo network's shapes: its configuration, its world, and the phases that act on it.
import type { Keypair, PublicKey } from "@solana/web3.js";
import type { Ctx } from "../context";
import type { Localnet } from "../localnet";
import type { PoolParamsInput } from "../actions";

export interface PoolSpec {
  gpuClass: string;
  /** Opening price, base units per GPU-hour. */
  referencePrice: bigint;
  /** Buyers' typical payment per trade, base units. */
  ticket: bigint;
}

export interface DemoConfig {
  name: "full" | "short";
  pools: PoolSpec[];
  /** Seconds the clock moves per step, and the number of steps. */
  stepSecs: bigint;
  steps: number;
  /** LP stakes at the start (per pool) and their length. */
  lpsPerPool: number;
  lpSecs: bigint;
  /** A late LP joins each pool at this step (0: none), staking `lateLpSecs`. */
  lateLpStep: number;
  lateLpSecs: bigint;
  sellersPerPool: number;
  sellerSecs: bigint;
  /** Share of a seller stake's hours sold at once, bps. */
  sellBps: number;
  buyers: number;
  /** Rental length range, buckets. */
  rentalBuckets: [number, number];
  /** Samples per step in the plots (projected between trades: the pool decays deterministically). */
  samplesPerStep: number;
  seed: number;
  outDir: string;
}

export type Role = "admin" | "lp" | "seller" | "buyer" | "verifier" | "keeper";

export interface Participant {
  name: string;
  role: Role;
  kp: Keypair;
  tokens: PublicKey;
  /** Tokens minted to it at the start. */
  funded: bigint;
  ctx: Ctx;
}

export interface StakeRecord {
  address: PublicKey;
  /** The device account it stakes. */
  device: PublicKey;
  owner: Participant;
  pool: string;
  kind: "lp" | "seller";
  end: bigint;
  gpuSeconds: bigint;
  settled: boolean;
  /** Failed by verdicts (the dishonest miner). */
  failed?: boolean;
  paidOut?: bigint;
  burned?: bigint;
}

export interface RentalRecord {
  address: PublicKey;
  buyer: Participant;
  pool: string;
  end: bigint;
  gpuSeconds: bigint;
  terminated: boolean;
}

export interface Sample {
  t: bigint;
  pool: string;
  /** Tokens per GPU-hour (NaN without hours). */
  price: number;
  /** GPU-hours in the pool. */
  hours: number;
  utility: number;
}

export interface PoolBook {
  spec: PoolSpec;
  address: PublicKey;
  params: PoolParamsInput;
  burned: { certificates: bigint; fees: bigint; settlements: bigint };
  trades: { buys: number; extends: number; terminates: number; sells: number; lpAdds: number; rejected: number };
  hoursBought: bigint;
  hoursSold: bigint;
}

export interface DemoWorld {
  config: DemoConfig;
  net: Localnet;
  /** The admin's context (pays for permissionless work like settlement). */
  ctx: Ctx;
  mint: PublicKey;
  decimals: number;
  mintAuthority: Keypair;
  t0: bigint;
  participants: Participant[];
  pools: Map<string, PoolBook>;
  stakes: StakeRecord[];
  rentals: RentalRecord[];
  samples: Sample[];
  /** Transactions the demo itself sent through the CLI's actions. */
  eventCount: number;
  /** Device account (base58) → the device key the miner's agent holds. */
  deviceKeys: Map<string, Keypair>;
  /** Token accounts the protocol set-up created (foundation, team, rewards vault). */
  protocolAccounts: PublicKey[];
  /** The keeper library settles expired stakes (phase 2); the demo then only watches. */
  keeperSettles: boolean;
  /** One line of what happens, prefixed with the demo clock. */
  log(line: string): void;
  now(): Promise<bigint>;
  warpTo(t: bigint): Promise<void>;
  rand(): number;
  /** Funded participant with its token account. */
  participant(name: string, role: Role, tokens: bigint): Promise<Participant>;
}

/**
 * A phase of the demo: `setup` runs once in order, `step` at every clock step (after the clock
 * moved), `finish` after the last step, `summary` adds its part to the final JSON. Phase 2
 * (epochs + rewards by the keeper library, verification by the verifier library) plugs in here.
 */
export interface DemoPhase {
  name: string;
  setup?(w: DemoWorld): Promise<void>;
  step?(w: DemoWorld, index: number): Promise<void>;
  finish?(w: DemoWorld): Promise<void>;
  summary?(w: DemoWorld): Record<string, unknown>;
}

export interface RoleSummary {
  role: Role;
  participants: number;
  funded: string;
  final: string;
  pnl: string;
}

export interface DemoSummary {
  config: string;
  wallSeconds: number;
  transactions: number;
  clock: { start: string; end: string; simulatedSeconds: string };
  pools: Record<string, unknown>[];
  roles: RoleSummary[];
  participants: Record<string, unknown>[];
  tokens: {
    minted: string;
    emitted: string;
    supplyEnd: string;
    burnedBySupply: string;
    burnedByEvents: string;
    slashed: string;
    participantBalances: string;
    vaultBalances: string;
    protocolBalances: string;
    conserved: boolean;
  };
  stakes: { created: number; settled: number; expiredUnsettled: number; openAccounts: number };
  rentals: { created: number; terminated: number };
  phases: { name: string; status: "ran" | "skipped"; why?: string }[];
  plots: string[];
  [phase: string]: unknown;
}
