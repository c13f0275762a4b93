// The verifier's draws (§2.3 step 9). Rows and walkers are drawn independently and uniformly
// (with replacement, so P(pass) for a prover that skipped a fraction q of row-steps is exactly
// (1 − q)^k); columns are drawn after the openings arrive, c distinct per row. Every draw is
// recorded in the evidence bundle, so the source only has to be unpredictable to the miner.

import * as crypto from "node:crypto";
import { concat, u64le } from "./bytes";
import { sha256 } from "./hash";
import { ParamClass } from "./params";
import type { OpenRequestMsg } from "./wire";

/** Uniform integer in [0, bound). */
export type RandomSource = (bound: number) => number;

export const cryptoRandom: RandomSource = (bound) => crypto.randomInt(bound);

/** Deterministic source for tests and benchmarks only (SHA-256 in counter mode, rejection sampling). */
export function seededRandom(seed: Uint8Array): RandomSource {
  let ctr = 0n;
  let buf: Uint8Array = new Uint8Array(0);
  let off = 0;
  const next48 = (): number => {
    if (off + 6 > buf.length) {
      buf = sha256(concat(seed, u64le(ctr++)));
      off = 0;
    }
    let v = 0;
    for (let i = 0; i < 6; i++) v = v * 256 + buf[off++];
    return v;
  };
  return (bound) => {
    if (!Number.isInteger(bound) || bound < 1 || bound > 2 ** 48) throw new Error("random bound out of range");
    const limit = 2 ** 48 - (2 ** 48 % bound);
    for (;;) {
      const v = next48();
      if (v < limit) return v % bound;
    }
  };
}

export function drawRequest(p: ParamClass, challengeId: bigint, rand: RandomSource = cryptoRandom): OpenRequestMsg {
  const rows: [number, number][] = [];
  for (let s = 0; s < p.k; s++) rows.push([rand(p.L), rand(p.m)]);
  const walkers: number[] = [];
  for (let s = 0; s < p.kw; s++) walkers.push(rand(p.walkers));
  return { challengeId: challengeId.toString(), rows, walkers };
}

/** c distinct columns for each of `rows` sampled rows. */
export function drawColumns(p: ParamClass, rows: number, rand: RandomSource = cryptoRandom): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const picked = new Set<number>();
    while (picked.size < p.c) picked.add(rand(p.n));
    out.push([...picked]);
  }
  return out;
}
