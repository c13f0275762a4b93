import { expect } from "chai";
import {
  paramsByName, proveSync, prove, generateSigner, verify, recheck, parseEvidence, serializeEvidence, evidenceHash, drawRequest,
  signCommit, signOpenings, seededRandom, releaseMessage, parseRelease, parseOpenRequest, maxOpeningsBytes, toVerdictArgs,
  Verdict, ParamClass, Prover, DeviceSigner, ChallengeInputs, OpenRequestMsg, decodeOpenings, encodeOpenBody,
} from "../src";
import { concat, toHex } from "../src/bytes";
import * as cheats from "../src/cheats";
import { newChallenge, runSession } from "./helpers";

const tiny = paramsByName("ci-tiny");
const ci = paramsByName("ci");

function honestRun(p: ParamClass): { ch: ChallengeInputs; signer: DeviceSigner; prover: Prover; v: Verdict } {
  const ch = newChallenge(p);
  const signer = generateSigner();
  const prover = proveSync(p, ch);
  const v = runSession(p, ch, signer.publicKey, cheats.honest(prover, signer));
  return { ch, signer, prover, v };
}

/** A third party re-verifies the bundle from its serialised bytes and reaches the same outcome. */
function expectRecheckAgrees(v: Verdict): void {
  const text = serializeEvidence(v.evidence);
  const r = recheck(parseEvidence(text), v.openings);
  expect(r.problems).to.deep.equal([]);
  expect(r.outcome).to.deep.equal(v.outcome);
  expect(r.agrees).to.equal(true);
  expect(r.evidenceHash).to.equal(toHex(v.evidenceHash));
}

describe("honest prover", () => {
  for (const p of [tiny, ci]) {
    it(`passes on ${p.name}, and the evidence rechecks`, () => {
      const { v } = honestRun(p);
      expect(v.outcome).to.deep.equal({ kind: "PASS", reason: null, detail: null });
      expect(v.failures).to.deep.equal([]);
      expect(v.elapsedMs).to.be.at.most(v.deadlineMs);
      expectRecheckAgrees(v);
    });
  }

  it("async prove (the agent's CPU fallback) equals proveSync and reports progress", async () => {
    const ch = newChallenge(ci);
    const seen: string[] = [];
    const a = await prove(ci, ch, (pr) => seen.push(`${pr.phase}${pr.done}/${pr.total}`));
    const b = proveSync(ci, ch);
    expect(toHex(a.R)).to.equal(toHex(b.R));
    expect(toHex(a.R2)).to.equal(toHex(b.R2));
    expect(seen[0]).to.equal("A1/8");
    expect(seen).to.include("A8/8");
    expect(seen[seen.length - 1]).to.equal("done1/1");
  });

  it("openings stay under the transport cap, and wire messages round-trip", () => {
    const { ch, signer, prover } = honestRun(ci);
    const req = drawRequest(ci, ch.challengeId);
    expect(parseOpenRequest(ci, JSON.parse(JSON.stringify(req)))).to.deep.equal(req);
    expect(() => parseOpenRequest(ci, { ...req, rows: [[ci.L, 0]] })).to.throw();
    const resp = signOpenings(prover, req, signer);
    expect(resp.length).to.be.at.most(maxOpeningsBytes(ci));
    // Exactly one encoding: decoding and encoding again gives the same bytes.
    const { body, encoded, sig } = decodeOpenings(ci, resp);
    expect(Buffer.from(encodeOpenBody(ci, body)).equals(Buffer.from(encoded))).to.equal(true);
    expect(sig.length).to.equal(64);
    // A request with every sample past step 0 is exactly the size bound.
    const full = { ...req, rows: req.rows.map(([, i], s) => [1 + (s % (ci.L - 1)), i] as [number, number]) };
    expect(signOpenings(prover, full, signer).length).to.equal(maxOpeningsBytes(ci));
    expect(parseRelease(JSON.parse(JSON.stringify(releaseMessage(ch))))).to.deep.equal({ ...ch, programId: new Uint8Array(ch.programId), devicePda: new Uint8Array(ch.devicePda), slotHash: new Uint8Array(ch.slotHash), vNonce: new Uint8Array(ch.vNonce) });
  });

  it("the verdict carries exactly what submit_verdict needs", () => {
    const { ch, v } = honestRun(tiny);
    const args = toVerdictArgs(v, ch);
    expect(args.outcome).to.equal(1); // ChallengeOutcome::Pass
    expect(args.outcomeVariant).to.equal("pass");
    expect(toHex(args.vNonce)).to.equal(toHex(ch.vNonce));
    expect(toHex(args.evidenceHash)).to.equal(toHex(v.evidenceHash));
    expect(toHex(args.R)).to.equal(toHex(v.R!));
    expect(args.elapsedMs).to.equal(v.elapsedMs);
  });
});

describe("cheats are caught", () => {
  it("wrong row: a committed row that is not q(X̃·W) fails its entry check", () => {
    const ch = newChallenge(tiny);
    const signer = generateSigner();
    const target = { t: 2, i: 5 };
    const r = cheats.wrongRow(tiny, ch, signer, target);
    // The verifier's draw happens to include the bad row-step (t = 2 → X_3[5]) among honest ones.
    const req: OpenRequestMsg = { ...drawRequest(tiny, ch.challengeId, seededRandom(new Uint8Array(32))) };
    req.rows = [[0, 1], [target.t, target.i], [3, 7]];
    const v = verify({ params: tiny, challenge: ch, devicePubkey: signer.publicKey, commit: r.commit(), request: req, openings: r.open(req), timing: okTiming });
    expect(v.outcome.kind).to.equal("WRONG");
    expect(v.outcome.reason).to.equal("bad_entry");
    expect(v.outcome.detail).to.include({ t: 2, i: 5 });
    expectRecheckAgrees(v);
    // Without that row-step in the sample, the same prover passes: the check is the sampling.
    const miss: OpenRequestMsg = { ...req, rows: [[0, 1], [3, 7]] };
    const v2 = verify({ params: tiny, challenge: ch, devicePubkey: signer.publicKey, commit: r.commit(), request: miss, openings: r.open(miss), timing: okTiming });
    expect(v2.outcome.kind).to.equal("PASS");
  });

  it("wrong Merkle path: a row path that does not lead to R", () => {
    const { ch, signer, prover } = honestRun(tiny);
    const v = runSession(tiny, ch, signer.publicKey, cheats.wrongPath(prover, signer));
    expect(v.outcome.kind).to.equal("WRONG");
    expect(v.outcome.reason).to.equal("bad_row_path");
    expectRecheckAgrees(v);
  });

  it("skipped work: q = 0.5 of the rows never computed", () => {
    const ch = newChallenge(ci);
    const signer = generateSigner();
    const v = runSession(ci, ch, signer.publicKey, cheats.skipRows(ci, ch, signer, 0.5));
    expect(v.outcome.kind).to.equal("WRONG");
    expect(v.outcome.reason).to.equal("bad_entry");
    expect(v.failures.length).to.be.greaterThan(10); // ≈ k·q samples hit skipped rows
    expectRecheckAgrees(v);
  });

  it("transcript too small for the claimed VRAM (commits a smaller transcript)", () => {
    const ch = newChallenge(ci);
    const signer = generateSigner();
    const v = runSession(ci, ch, signer.publicKey, cheats.smallTranscript(ci, ch, signer, 0.5));
    expect(v.outcome.kind).to.equal("WRONG");
    expect(v.outcome.reason).to.equal("bad_row_path");
  });

  it("transcript too small for the claimed VRAM (computes everything, keeps half resident)", () => {
    const ch = newChallenge(ci);
    const signer = generateSigner();
    const v = runSession(ci, ch, signer.publicKey, cheats.smallVram(ci, ch, signer, 0.5));
    expect(v.outcome.kind).to.equal("WRONG");
    expect(v.failures.map((f) => f.reason)).to.include("bad_chunk_path"); // the walk hits dropped rows
    expectRecheckAgrees(v);
  });

  it("wrong device key: the commitment is not attributable, so no response (a strike, not a slash)", () => {
    const { ch, signer, prover } = honestRun(tiny);
    const other = generateSigner();
    const v = runSession(tiny, ch, signer.publicKey, cheats.wrongKey(prover, other));
    expect(v.outcome).to.deep.equal({ kind: "NO_RESPONSE", reason: "bad_signature", detail: null });
    expectRecheckAgrees(v);
  });

  it("replayed old response, as sent: wrong challenge id", () => {
    const { signer, prover } = honestRun(tiny);
    const ch2 = newChallenge(tiny);
    const v = runSession(tiny, ch2, signer.publicKey, cheats.replay(prover, ch2, signer, false));
    expect(v.outcome).to.deep.equal({ kind: "NO_RESPONSE", reason: "wrong_challenge", detail: null });
  });

  it("replayed old response, re-signed for the new challenge: its values are wrong for the new seed", () => {
    const { signer, prover } = honestRun(tiny);
    const ch2 = newChallenge(tiny, { devicePda: prover.challenge.devicePda, programId: prover.challenge.programId });
    const v = runSession(tiny, ch2, signer.publicKey, cheats.replay(prover, ch2, signer, true));
    expect(v.outcome.kind).to.equal("WRONG");
    expectRecheckAgrees(v);
  });

  it("late answer: LATE, with correct values recorded separately", () => {
    const ch = newChallenge(tiny);
    const signer = generateSigner();
    const prover = proveSync(tiny, ch);
    const v = runSession(tiny, ch, signer.publicKey, cheats.honest(prover, signer), { commitDelayMs: tiny.deadlineMs + 100 });
    expect(v.outcome.kind).to.equal("LATE");
    expect(v.failures).to.deep.equal([]);
    expect(v.elapsedMs).to.be.greaterThan(v.deadlineMs);
    expectRecheckAgrees(v);
    // Within the RTT allowance it is not late: the median RTT (capped) + 50 ms is added.
    const v2 = runSession(tiny, ch, signer.publicKey, cheats.honest(prover, signer), { commitDelayMs: tiny.deadlineMs + 100, rttMs: [200, 180, 9000] });
    expect(v2.outcome.kind).to.equal("PASS");
  });

  it("the boundary is decided on the integer milliseconds the program checks (rounding against the miner)", () => {
    const { ch, signer, prover } = honestRun(tiny);
    const req = drawRequest(tiny, ch.challengeId);
    const at = (elapsedUs: number) =>
      verify({ params: tiny, challenge: ch, devicePubkey: signer.publicKey, commit: signCommit(prover, signer), request: req, openings: signOpenings(prover, req, signer), timing: { elapsedUs, openElapsedUs: 1000, rttUs: [1500] } });
    const limitUs = tiny.deadlineMs * 1000 + 1500 + 50_000; // D + median RTT + 50 ms
    // limitUs = …51.5 ms: the deadline rounds down to …51 ms and elapsed times round up, so the
    // miner loses at most 1 ms each way.
    for (const [e, kind] of [[limitUs - 1500, "PASS"], [limitUs - 500, "PASS"], [limitUs - 499, "LATE"], [limitUs, "LATE"], [limitUs + 1000, "LATE"]] as const) {
      const v = at(e);
      expect(v.outcome.kind, String(e)).to.equal(kind);
      expect(v.elapsedMs > v.deadlineMs).to.equal(kind === "LATE"); // the program's effect_of rule
    }
  });

  it("a slow RTT cannot buy more than the cap", () => {
    const ch = newChallenge(tiny);
    const signer = generateSigner();
    const prover = proveSync(tiny, ch);
    const v = runSession(tiny, ch, signer.publicKey, cheats.honest(prover, signer), { commitDelayMs: tiny.deadlineMs + 700, rttMs: [5000, 5000, 5000] });
    expect(v.outcome.kind).to.equal("LATE");
  });

  it("no commit: NO_RESPONSE; no openings or late openings: NO_OPEN", () => {
    const { ch, signer, prover } = honestRun(tiny);
    const r = cheats.honest(prover, signer);
    expect(runSession(tiny, ch, signer.publicKey, r, { noCommit: true }).outcome).to.deep.equal({ kind: "NO_RESPONSE", reason: "no_commit", detail: null });
    expect(runSession(tiny, ch, signer.publicKey, r, { noOpenings: true }).outcome.reason).to.equal("no_openings");
    const late = runSession(tiny, ch, signer.publicKey, r, { openDelayMs: tiny.openDeadlineMs + 1000 });
    expect(late.outcome.kind).to.equal("NO_OPEN");
    expect(late.outcome.reason).to.equal("late_openings");
    expectRecheckAgrees(late);
  });

  it("openings for other samples than requested: NO_OPEN (incomplete), not WRONG", () => {
    const { ch, signer, prover } = honestRun(tiny);
    const req = drawRequest(tiny, ch.challengeId);
    const other = drawRequest(tiny, ch.challengeId);
    const v = verify({ params: tiny, challenge: ch, devicePubkey: signer.publicKey, commit: signCommit(prover, signer), request: req, openings: signOpenings(prover, other, signer), timing: okTiming });
    expect(v.outcome).to.deep.equal({ kind: "NO_OPEN", reason: "incomplete_openings", detail: null });
  });

  it("openings that are not exactly one well-formed encoding are NO_OPEN (malformed); the bundle still rechecks", () => {
    const { ch, signer, prover } = honestRun(tiny);
    const req = drawRequest(tiny, ch.challengeId);
    const resp = signOpenings(prover, req, signer);
    const kindAt = 16 + 8; // header, then t and i of the first sample
    const bad: [string, Uint8Array][] = [
      ["a byte appended", concat(resp, new Uint8Array(1))],
      ["a byte short", resp.subarray(0, resp.length - 1)],
      ["empty", new Uint8Array(0)],
      ["wrong magic", Uint8Array.from(resp, (b, x) => (x === 0 ? b ^ 1 : b))],
      ["an unknown sample kind", Uint8Array.from(resp, (b, x) => (x === kindAt ? 2 : b))],
      ["more samples than the class draws", Uint8Array.from(resp, (b, x) => (x === 13 ? 0xff : b))],
    ];
    for (const [what, msg] of bad) {
      const v = verify({ params: tiny, challenge: ch, devicePubkey: signer.publicKey, commit: signCommit(prover, signer), request: req, openings: msg, timing: okTiming });
      expect(v.outcome, what).to.deep.equal({ kind: "NO_OPEN", reason: "malformed_openings", detail: null });
      expect(v.evidence.openings?.bytes, what).to.equal(msg.length);
      expectRecheckAgrees(v);
    }
  });

  it("a commit that is not canonical JSON counts as not received, and the bundle still rechecks", () => {
    const { ch, signer, prover } = honestRun(tiny);
    const req = drawRequest(tiny, ch.challengeId);
    const commit = { ...signCommit(prover, signer), extra: 0.5 };
    const v = verify({ params: tiny, challenge: ch, devicePubkey: signer.publicKey, commit, request: req, openings: signOpenings(prover, req, signer), timing: okTiming });
    expect(v.outcome).to.deep.equal({ kind: "NO_RESPONSE", reason: "no_commit", detail: null });
    expect(v.evidence.commit).to.equal(null);
    expectRecheckAgrees(v);
  });

  it("openings altered after signing (e.g. by a verifier framing the miner) are not attributable", () => {
    const { ch, signer, prover } = honestRun(tiny);
    const req = drawRequest(tiny, ch.challengeId);
    const resp = signOpenings(prover, req, signer);
    const forged = resp.slice();
    forged[resp.length - 64 - 100] ^= 1; // in the last walker's data: well-formed, but not what was signed
    const v = verify({ params: tiny, challenge: ch, devicePubkey: signer.publicKey, commit: signCommit(prover, signer), request: req, openings: forged, timing: okTiming });
    expect(v.outcome).to.deep.equal({ kind: "NO_OPEN", reason: "bad_open_signature", detail: null });
  });
});

describe("evidence bundles", () => {
  it("a tampered bundle no longer supports its verdict", () => {
    const ch = newChallenge(ci);
    const signer = generateSigner();
    const v = runSession(ci, ch, signer.publicKey, cheats.skipRows(ci, ch, signer, 0.5));
    expect(v.outcome.kind).to.equal("WRONG");
    // A verifier claims WRONG on an honest run by editing the recorded outcome…
    const h = honestRun(tiny);
    const fake = { ...h.v.evidence, outcome: { kind: "WRONG" as const, reason: "bad_entry", detail: { t: 0, i: 0, j: 0, expected: 1, got: 2, failures: 1 } } };
    const r = recheck(parseEvidence(serializeEvidence(fake)), h.v.openings);
    expect(r.agrees).to.equal(false);
    expect(r.outcome.kind).to.equal("PASS");
    // …or by publishing other openings than those the bundle names (or none).
    const other = honestRun(tiny).v.openings!;
    expect(recheck(h.v.evidence, other).problems).to.include("openings do not match the bundle's digest");
    expect(recheck(h.v.evidence).problems).to.include("the openings the bundle names are missing");
    // …or by changing the timing or the class of the device.
    const lax = { ...h.v.evidence, params: { ...h.v.evidence.params, deadlineMs: 1 } };
    expect(recheck(lax, h.v.openings).problems).to.include("params differ from the class table");
    const nonce = { ...h.v.evidence, nonceCommitment: "00".repeat(32) };
    expect(recheck(nonce, h.v.openings).problems).to.include("nonce commitment does not match v_nonce");
  });

  it("the bundle is canonical: the hash is over exactly the serialised bytes", () => {
    const { v } = honestRun(tiny);
    const text = serializeEvidence(v.evidence);
    expect(toHex(evidenceHash(parseEvidence(text)))).to.equal(toHex(v.evidenceHash));
    expect(() => parseEvidence(JSON.stringify(v.evidence, null, 1))).to.throw(/canonical/);
  });
});

const okTiming = { elapsedUs: 1000, openElapsedUs: 1000, rttUs: [1000] };
