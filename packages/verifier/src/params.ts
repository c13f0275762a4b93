// One table of parameter classes (docs/proof-of-compute.md §2.2 of the design). `paramsId` is the u16
// the chain stores with a challenge; ids ≥ 0xFF00 are test/CPU classes that a production
// deployment must refuse.

export interface ParamClass {
  readonly name: string;
  readonly paramsId: number;
  /** Inner dimension = output columns = bytes per transcript row. */
  readonly n: number;
  /** Rows of X. */
  readonly m: number;
  /** Chain length: X_1 … X_L are committed and retained. */
  readonly L: number;
  /** Merkle leaf and walk read size; always n / CHUNKS_PER_ROW. */
  readonly chunkBytes: number;
  readonly walkers: number;
  /** Reads per walker. */
  readonly steps: number;
  /** Sampled (t, i) row-steps per challenge. */
  readonly k: number;
  /** Entries recomputed per sampled row. */
  readonly c: number;
  /** Walkers re-executed per challenge. */
  readonly kw: number;
  /** D(class): commit deadline, t1 − t0, before the RTT allowance. */
  readonly deadlineMs: number;
  /** D_open: from the open request to the openings, before the RTT allowance. */
  readonly openDeadlineMs: number;
  /** Claimed VRAM the transcript is sized to (0 for CPU classes). */
  readonly vramBytes: number;
  /** false: deadlines are estimates from spec sheets (§4.2), not calibrated runs (§2.5). */
  readonly calibrated: boolean;
}

/** A row node covers 16 chunks (a perfect 4-level subtree); small classes shrink the chunk, not the count. */
export const CHUNKS_PER_ROW = 16;
/** Per-RTT-sample cap, so a miner cannot buy itself time by answering pings slowly (§5 #14). */
export const RTT_CAP_MS = 500;
/** Fixed slack added to the RTT estimate (§2.3 step 8). */
export const RTT_SLACK_MS = 50;
/** Ids at or above this are CPU/test classes. */
export const TEST_PARAMS_ID_MIN = 0xff00;

const GiB = 1024 ** 3;

const table: ParamClass[] = [
  {
    name: "H100-SXM-80G", paramsId: 1, n: 16384, m: 16384, L: 256, chunkBytes: 1024,
    walkers: 1 << 24, steps: 64, k: 64, c: 8, kw: 32,
    deadlineMs: 2900, openDeadlineMs: 2000, vramBytes: 80 * GiB, calibrated: false,
  },
  {
    name: "RTX-4090-24G", paramsId: 2, n: 16384, m: 4096, L: 300, chunkBytes: 1024,
    walkers: 1 << 22, steps: 64, k: 64, c: 8, kw: 32,
    deadlineMs: 2200, openDeadlineMs: 2000, vramBytes: 24 * GiB, calibrated: false,
  },
  // CPU classes. Deadlines leave room for a loaded 2-core CI machine; they test logic, not hardware.
  {
    name: "cpu-bench", paramsId: 0xfff0, n: 2048, m: 256, L: 16, chunkBytes: 128,
    walkers: 1 << 14, steps: 64, k: 64, c: 8, kw: 32,
    deadlineMs: 120_000, openDeadlineMs: 10_000, vramBytes: 0, calibrated: false,
  },
  {
    name: "ci", paramsId: 0xfffe, n: 256, m: 64, L: 8, chunkBytes: 16,
    walkers: 256, steps: 16, k: 64, c: 4, kw: 32,
    deadlineMs: 5000, openDeadlineMs: 5000, vramBytes: 0, calibrated: false,
  },
  {
    name: "ci-tiny", paramsId: 0xffff, n: 64, m: 16, L: 4, chunkBytes: 4,
    walkers: 64, steps: 8, k: 64, c: 4, kw: 16,
    deadlineMs: 5000, openDeadlineMs: 5000, vramBytes: 0, calibrated: false,
  },
];

export const PARAM_CLASSES: readonly ParamClass[] = table.map((p) => Object.freeze(checkParams(p)));

export function paramsByName(name: string): ParamClass {
  const p = PARAM_CLASSES.find((c) => c.name === name);
  if (!p) throw new Error(`unknown parameter class ${name}`);
  return p;
}

export function paramsById(paramsId: number): ParamClass {
  const p = PARAM_CLASSES.find((c) => c.paramsId === paramsId);
  if (!p) throw new Error(`unknown params_id ${paramsId}`);
  return p;
}

/** The claimed VRAM decides the class (and so the transcript size): the largest class that fits. */
export function paramsForVram(vramBytes: number): ParamClass {
  const fits = PARAM_CLASSES.filter((c) => c.vramBytes > 0 && c.vramBytes <= vramBytes);
  if (fits.length === 0) throw new Error(`no GPU class for ${vramBytes} bytes of VRAM`);
  return fits.reduce((a, b) => (b.vramBytes > a.vramBytes ? b : a));
}

export function rowCount(p: ParamClass): number {
  return p.L * p.m;
}
export function transcriptBytes(p: ParamClass): number {
  return p.L * p.m * p.n;
}
export function chunkCount(p: ParamClass): number {
  return p.L * p.m * CHUNKS_PER_ROW;
}
/** int8 multiply-adds ×2 (the "ops" of a TOPS figure) of Phase A. */
export function phaseAOps(p: ParamClass): number {
  return 2 * p.m * p.n * p.n * p.L;
}

/** Throws on a class the algorithm cannot run exactly; returns it otherwise. */
export function checkParams(p: ParamClass): ParamClass {
  const bad = (why: string): never => {
    throw new Error(`parameter class ${p.name}: ${why}`);
  };
  const int = (v: number) => Number.isSafeInteger(v) && v > 0;
  for (const f of ["n", "m", "L", "chunkBytes", "walkers", "steps", "k", "c", "kw", "deadlineMs", "openDeadlineMs"] as const) {
    if (!int(p[f])) bad(`${f} must be a positive integer`);
  }
  if (!Number.isInteger(p.paramsId) || p.paramsId < 0 || p.paramsId > 0xffff) bad("paramsId must be a u16");
  // n multiple of 64: 16 chunks per row, each a whole number of u32 words (walk absorb) — and WMMA tiles.
  if (p.n % 64 !== 0) bad("n must be a multiple of 64");
  if (p.chunkBytes * CHUNKS_PER_ROW !== p.n) bad(`chunkBytes must be n/${CHUNKS_PER_ROW}`);
  // |Y| ≤ n·128² must stay below 2³¹ so int32 accumulation is exact; the doc caps K at 65536.
  if (p.n > 65536) bad("n must be ≤ 65536");
  if (p.m < 2 || p.m > 1 << 30) bad("m out of range");
  if (p.m % 16 !== 0) bad("m must be a multiple of 16 (tensor-core tiles)");
  // Walk addresses are a u32 word mod the chunk count.
  if (chunkCount(p) > 2 ** 32) bad("chunk count must fit in u32");
  if (p.walkers > 2 ** 32) bad("walkers must fit in u32");
  if (p.c > p.n || p.kw > p.walkers) bad("more samples than items");
  return p;
}
