// Dishonest provers, for tests and benchmarks (and the lead's end-to-end suite): each one is a
// Responder, the interface an agent presents to a verifier for one challenge. Not exported from
// the package index on purpose: import "@pinfi/verifier/dist/cheats".

import { concat } from "./bytes";
import { layout } from "./openings";
import { ParamClass } from "./params";
import { Prover, commitTranscript, commitWalk, phaseA, phaseB, proveSync } from "./prover";
import { RandomSource, seededRandom } from "./samples";
import { ChallengeInputs, deriveSeed, walkSeed } from "./seed";
import { DeviceSigner } from "./sign";
import { CommitMsg, OpenRequestMsg, signCommit, signOpenBody, signOpenings } from "./wire";

/** What a miner agent gives a verifier for one challenge. */
export interface Responder {
  commit(): CommitMsg;
  /** The openings message (encoded body ‖ signature). */
  open(req: OpenRequestMsg): Uint8Array;
}

export function honest(prover: Prover, signer: DeviceSigner): Responder {
  return {
    commit: () => signCommit(prover, signer),
    open: (req) => signOpenings(prover, req, signer),
  };
}

/** Builds a Prover from a transcript the cheater chose to commit (Phase B over that transcript). */
function proverOver(p: ParamClass, ch: ChallengeInputs, transcript: Int8Array): Prover {
  const tree = commitTranscript(p, transcript);
  const u8 = new Uint8Array(transcript.buffer, transcript.byteOffset, transcript.byteLength);
  const finals = phaseB(p, walkSeed(tree.root, ch.vNonce), (a) => u8.subarray(a * p.chunkBytes, (a + 1) * p.chunkBytes));
  return new Prover({ params: p, challenge: ch, transcript, tree, finals, walkTree: commitWalk(finals) });
}

/** Row X_{t+1}[i] committed wrong (every byte flipped by 0x55); later steps computed from it, consistently. */
export function wrongRow(p: ParamClass, ch: ChallengeInputs, signer: DeviceSigner, target: { t: number; i: number }): Responder {
  const transcript = phaseA(p, deriveSeed(ch), {
    afterStep: (t, next) => {
      if (t !== target.t) return;
      for (let k = 0; k < p.n; k++) next[target.i * p.n + k] ^= 0x55;
    },
  });
  return honest(proverOver(p, ch, transcript), signer);
}

/**
 * Skipped work: in every step exactly round(q·m) of the output rows (chosen at random) are never
 * computed (garbage stands in), and the chain goes on from whatever was committed. A sampled
 * row-step lands on a skipped one with probability q, so P(pass) = (1 − q)^k.
 */
export function skipRows(p: ParamClass, ch: ChallengeInputs, signer: DeviceSigner, q: number, rand: RandomSource = seededRandom(deriveSeed(ch))): Responder {
  const skip = Math.round(q * p.m);
  const transcript = phaseA(p, deriveSeed(ch), {
    afterStep: (_t, next) => {
      const rows = Array.from({ length: p.m }, (_, i) => i);
      for (let s = 0; s < skip; s++) {
        const pick = s + rand(p.m - s); // partial Fisher–Yates: `skip` distinct rows
        [rows[s], rows[pick]] = [rows[pick], rows[s]];
        for (let k = 0; k < p.n; k++) next[rows[s] * p.n + k] = rand(256);
      }
    },
  });
  return honest(proverOver(p, ch, transcript), signer);
}

/** Honest values, but one Merkle sibling of the first opened row (or, with no rows, first walker chunk) is altered. */
export function wrongPath(prover: Prover, signer: DeviceSigner): Responder {
  return {
    commit: () => signCommit(prover, signer),
    open: (req) => {
      const tampered: Prover = Object.create(prover);
      tampered.openBody = (r: OpenRequestMsg) => {
        const body = prover.openBody(r);
        const path = body.rows.length > 0 ? body.rows[0].next.path : body.walkers[0].chunks[0].path;
        path[path.length - 32] ^= 1; // the top sibling
        return body;
      };
      return signOpenings(tampered, req, signer);
    },
  };
}

/**
 * Transcript too small for the claimed VRAM, kind 1: the miner only has room for a fraction of the
 * transcript, so it commits to a chain run with fewer rows (what fits) in a smaller tree.
 */
export function smallTranscript(p: ParamClass, ch: ChallengeInputs, signer: DeviceSigner, rowsFraction = 0.5): Responder {
  const fits: ParamClass = { ...p, m: Math.max(16, Math.floor((p.m * rowsFraction) / 16) * 16) };
  const small = proveSync(fits, ch);
  // Its paths are shorter than the claimed class's: sent well-formed, the missing levels as zeros.
  const full = layout(p);
  const padded = (path: Uint8Array, len: number) => concat(path, new Uint8Array(len - path.length));
  return {
    commit: () => signCommit(small, signer),
    open: (req) => {
      // Answers what it can from the small transcript; indices beyond it wrap around.
      const clamped: OpenRequestMsg = { ...req, rows: req.rows.map(([t, i]) => [t, i % fits.m]), walkers: req.walkers.map((w) => w % fits.walkers) };
      const body = small.openBody(clamped);
      body.rows.forEach((o, s) => {
        o.i = req.rows[s][1];
      });
      body.walkers.forEach((o, s) => {
        o.w = req.walkers[s];
        for (const c of o.chunks) c.path = padded(c.path, full.chunkPath);
      });
      for (const o of body.rows) for (const r of [o.row, o.partner, o.next]) if (r) r.path = padded(r.path, full.rowPath);
      return signOpenBody(p, ch, body, signer);
    },
  };
}

/**
 * Transcript too small for the claimed VRAM, kind 2: the miner computes the whole chain and R (it
 * has the compute), but keeps only a fraction of the rows resident; the walk reads zeros where
 * rows were dropped, and openings of dropped rows return zeros.
 */
export function smallVram(p: ParamClass, ch: ChallengeInputs, signer: DeviceSigner, keepFraction = 0.5): Responder {
  const transcript = phaseA(p, deriveSeed(ch));
  const tree = commitTranscript(p, transcript); // R over the real transcript, computed before dropping
  const rows = p.L * p.m;
  const kept = (r: number) => r < Math.floor(rows * keepFraction);
  const resident = transcript.slice();
  for (let r = 0; r < rows; r++) if (!kept(r)) resident.fill(0, r * p.n, (r + 1) * p.n);
  const u8 = new Uint8Array(resident.buffer);
  const finals = phaseB(p, walkSeed(tree.root, ch.vNonce), (a) => u8.subarray(a * p.chunkBytes, (a + 1) * p.chunkBytes));
  const prover = new Prover({ params: p, challenge: ch, transcript: resident, tree, finals, walkTree: commitWalk(finals) });
  return honest(prover, signer);
}

/** Signs with a key that is not the device's registered key. */
export const wrongKey = (prover: Prover, otherSigner: DeviceSigner): Responder => honest(prover, otherSigner);

/**
 * Replays a response made for an earlier challenge. `resign: false` resends the old commit as is;
 * `resign: true` signs the old R/R2 under the new challenge (the device key is the miner's own)
 * and answers openings from the old transcript.
 */
export function replay(old: Prover, current: ChallengeInputs, signer: DeviceSigner, resign: boolean): Responder {
  const oldCommit = signCommit(old, signer);
  return {
    commit: () => (resign ? signCommit({ challenge: current, R: old.R, R2: old.R2 }, signer) : oldCommit),
    open: (req) => signOpenings({ params: old.params, challenge: current, openBody: (r) => old.openBody(r) }, req, signer),
  };
}
