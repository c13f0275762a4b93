import { expect } from "chai";
import {
  paramsByName, proveSync, generateSigner, drawRequest, drawColumns, seededRandom, signCommit, signOpenings, signOpenBody, checkItems,
  deriveSeed, verify, verifyWith, NativeVerifier, buildNativeVerifier, OpeningsItems, ParamClass, ChallengeInputs, OpenRequestMsg, Prover,
} from "../src";
import { NO_CXX } from "../src/nativeVerifier";
import { concat, toHex } from "../src/bytes";
import * as cheats from "../src/cheats";
import { newChallenge } from "./helpers";

const tiny = paramsByName("ci-tiny");
const ci = paramsByName("ci");

interface Case {
  what: string;
  p: ParamClass;
  ch: ChallengeInputs;
  R: Uint8Array;
  R2: Uint8Array;
  request: OpenRequestMsg;
  columns: number[][];
  openings: Uint8Array;
}

/** Honest and dishonest openings of every kind the checks tell apart, with their commitments' roots. */
function cases(p: ParamClass): Case[] {
  const out: Case[] = [];
  const ch = newChallenge(p);
  const signer = generateSigner();
  const prover = proveSync(p, ch);
  const rand = seededRandom(new Uint8Array(32).fill(p.n & 0xff));
  const request = drawRequest(p, ch.challengeId, rand);
  request.rows[0] = [0, 3]; // a t = 0 sample (rows regenerated), whatever the draw
  const columns = drawColumns(p, request.rows.length, rand);
  const add = (what: string, openings: Uint8Array, roots: { R: Uint8Array; R2: Uint8Array } = prover, req = request) =>
    out.push({ what, p, ch, R: roots.R, R2: roots.R2, request: req, columns, openings });
  const body = () => prover.openBody(request);
  const honest = signOpenings(prover, request, signer);
  add("honest", honest);
  const wrong = { t: request.rows[1][0], i: request.rows[1][1] };
  const wr = cheats.wrongRow(p, ch, signer, wrong);
  add("wrong row (bad_entry)", wr.open(request), rootsOf(p, ch, wr.commit()));
  add("wrong path", cheats.wrongPath(prover, signer).open(request));
  const skip = cheats.skipRows(p, ch, signer, 0.5);
  add("skipped rows", skip.open(request), rootsOf(p, ch, skip.commit()));
  const small = cheats.smallTranscript(p, ch, signer);
  add("small transcript (padded paths)", small.open(request), rootsOf(p, ch, small.commit()));
  const vram = cheats.smallVram(p, ch, signer);
  add("small VRAM (bad walks)", vram.open(request), rootsOf(p, ch, vram.commit()));
  add("checked against other roots", honest, { R: new Uint8Array(32).fill(1), R2: new Uint8Array(32).fill(2) });
  add("other samples than requested", signOpenings(prover, drawRequest(p, ch.challengeId, rand), signer));
  const b1 = body();
  b1.rows[0].row = b1.rows[0].partner = b1.rows[1].row; // rows sent for a t = 0 sample
  add("rows for t = 0", signOpenBody(p, ch, b1, signer));
  const b2 = body();
  b2.rows[1].t = p.L + 5;
  b2.walkers[0].w = p.walkers;
  add("sample and walker indices out of range", signOpenBody(p, ch, b2, signer));
  const b3 = body();
  b3.rows[2].row = null;
  b3.rows[2].partner = null;
  add("no rows for t > 0", signOpenBody(p, ch, b3, signer));
  const b4 = body();
  b4.walkers[1].final = new Uint8Array(16).fill(7);
  add("bad walk final", signOpenBody(p, ch, b4, signer));
  const flipped = honest.slice();
  flipped[honest.length - 64 - 40] ^= 1;
  add("a byte flipped after signing", flipped);
  add("a byte too many", concat(honest, new Uint8Array(1)));
  add("a byte short", honest.subarray(0, honest.length - 1));
  add("empty", new Uint8Array(0));
  return out;
}

function rootsOf(p: ParamClass, ch: ChallengeInputs, commit: { R: string; R2: string }): { R: Uint8Array; R2: Uint8Array } {
  return { R: Uint8Array.from(Buffer.from(commit.R, "hex")), R2: Uint8Array.from(Buffer.from(commit.R2, "hex")) };
}

const plain = (x: OpeningsItems) => ({ ...x, digest: toHex(x.digest) });

describe("native verifier core (cuda/verify.cpp) = checkItems", () => {
  let core: NativeVerifier | null = null;
  before(async function () {
    this.timeout(120_000);
    try {
      core = await NativeVerifier.start(await buildNativeVerifier());
    } catch (e) {
      // Only acceptable reason: no compiler here, and then the message says so.
      expect((e as Error).message).to.equal(NO_CXX);
    }
  });
  after(() => core?.close());

  for (const p of [tiny, ci]) {
    it(`decides every case exactly as the TypeScript checks on ${p.name} (digest, format, coverage, each failure)`, async function () {
      if (!core) return;
      const all = cases(p);
      const kinds = new Set<string>();
      for (const c of all) {
        const seed = deriveSeed(c.ch);
        const ts = checkItems(c.p, seed, c.R, c.R2, c.ch.vNonce, c.request, c.columns, c.openings);
        const native = await core.check({ params: c.p, seed, vNonce: c.ch.vNonce, R: c.R, R2: c.R2, request: c.request, columns: c.columns, openings: c.openings });
        expect(plain(native), c.what).to.deep.equal(plain(ts));
        for (const f of ts.failures) kinds.add(f.reason);
        if (ts.malformed) kinds.add("malformed");
        if (!ts.covers && !ts.malformed) kinds.add("not covering");
      }
      // The cases reach every kind of failure the checks know.
      expect([...kinds].sort()).to.deep.equal(
        ["bad_chunk_path", "bad_entry", "bad_row_path", "bad_walk", "bad_walk_path", "malformed", "malformed_item", "not covering"].sort(),
      );
    });
  }

  it("agrees with the TypeScript checks on openings with random bytes changed (200 messages)", async function () {
    if (!core) return;
    const base = cases(tiny)[0];
    const seed = deriveSeed(base.ch);
    const rand = seededRandom(new Uint8Array(32).fill(42));
    for (let trial = 0; trial < 200; trial++) {
      const msg = base.openings.slice();
      for (let f = 0; f <= trial % 3; f++) msg[rand(msg.length)] ^= 1 + rand(255);
      const q = { params: base.p, seed, vNonce: base.ch.vNonce, R: base.R, R2: base.R2, request: base.request, columns: base.columns, openings: msg };
      const ts = checkItems(q.params, seed, q.R, q.R2, q.vNonce, q.request, q.columns, msg);
      expect(plain(await core.check(q)), `trial ${trial}`).to.deep.equal(plain(ts));
    }
  });

  it("refuses what it cannot check with a clear error, and keeps serving", async function () {
    if (!core) return;
    const c = cases(tiny)[0];
    const q = { params: c.p, seed: deriveSeed(c.ch), vNonce: c.ch.vNonce, R: c.R, R2: c.R2, request: c.request, columns: c.columns, openings: c.openings };
    const outOfRange = await core.check({ ...q, columns: [[tiny.n]] }).then(() => null, (e: Error) => e);
    expect(outOfRange).to.be.instanceOf(RangeError);
    const badClass = await core.check({ ...q, params: { ...tiny, n: 100 } }).then(() => null, (e: Error) => e);
    expect(badClass?.message).to.equal("poc-verify: bad request");
    expect(core.alive).to.equal(true);
    expect((await core.check(q)).failures).to.deep.equal([]);
    expect(core.lastComputeUs).to.be.a("number");
  });

  it("verifyWith gives the same verdict and evidence as verify; a dead core falls back to TypeScript", async function () {
    if (!core) return;
    const ch = newChallenge(ci);
    const signer = generateSigner();
    const prover: Prover = proveSync(ci, ch);
    const request = drawRequest(ci, ch.challengeId);
    const input = {
      params: ci, challenge: ch, devicePubkey: signer.publicKey, commit: signCommit(prover, signer), request,
      openings: signOpenings(prover, request, signer), columns: drawColumns(ci, request.rows.length), timing: { elapsedUs: 1000, openElapsedUs: 1000, rttUs: [1000] },
    };
    const a = verify(input);
    const b = await verifyWith(core, input);
    expect([b.outcome.kind, toHex(b.evidenceHash)]).to.deep.equal([a.outcome.kind, toHex(a.evidenceHash)]);
    const dead = await NativeVerifier.start(await buildNativeVerifier());
    dead.close();
    const c = await verifyWith(dead, input);
    expect(toHex(c.evidenceHash)).to.equal(toHex(a.evidenceHash));
  });
});
