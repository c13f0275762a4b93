import { expect } from "chai";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import { promisify } from "node:util";
import {
  paramsByName, gpuAvailability, gpuProve, proveBest, buildNativeProver, runNativeProver, findNvcc, GpuUnavailable, NVCC_MISSING,
  generateSigner, parseRelease, proveSync, signCommit, signOpenBody, VerifierSession, encodeOpenBody,
} from "../src";
import { toHex } from "../src/bytes";
import { VECTOR_CLASSES, computeVector, renderVector, vectorFile } from "../scripts/gen-vectors";

const run = promisify(execFile);
const vector = (name: string) => JSON.parse(fs.readFileSync(vectorFile(name), "utf8"));

describe("shared test vectors (test/vectors/*.json)", () => {
  for (const name of VECTOR_CLASSES) {
    it(`the TypeScript reference reproduces ${name}.json exactly`, () => {
      expect(renderVector(computeVector(name))).to.equal(fs.readFileSync(vectorFile(name), "utf8"));
    });
  }
});

/** Runs a native binary on a vector's challenge and compares every digest it prints. */
async function expectVectors(binary: string): Promise<void> {
  for (const name of VECTOR_CLASSES) {
    const v = vector(name);
    const p = paramsByName(name);
    const args = ["prove", "--n", p.n, "--m", p.m, "--L", p.L, "--walkers", p.walkers, "--steps", p.steps].map(String);
    const { stdout } = await run(binary, [...args, "--seed", v.seed, "--vnonce", v.challenge.vNonce, "--digest"]);
    const out = JSON.parse(stdout);
    expect({ R: out.R, R2: out.R2, t: out.transcriptSha256, f: out.finalsSha256 }, name).to.deep.equal({
      R: v.R, R2: v.R2, t: v.transcriptSha256, f: v.finalsSha256,
    });
  }
}

describe("native prover, host build (same source as the CUDA prover, C++ compiler only)", () => {
  it("is bit-identical to the reference on the vectors, and its transcript passes verification", async function () {
    this.timeout(120_000);
    let binary: string;
    try {
      binary = await buildNativeProver("host");
    } catch (e) {
      // Only acceptable reason: no compiler here, and then the message must say so.
      expect(e).to.be.instanceOf(GpuUnavailable);
      expect((e as GpuUnavailable).code).to.equal("no_cxx");
      expect((e as Error).message).to.match(/no C\+\+ compiler/);
      return;
    }
    const { stdout } = await run(binary, ["selftest"]);
    expect(JSON.parse(stdout).selftest).to.equal("ok");
    await expectVectors(binary);
    // Serve mode: the native process keeps the transcript and answers the openings itself; they
    // are byte for byte the reference prover's, and the verifier passes them.
    const p = paramsByName("ci");
    const ch = parseRelease(vector("ci").challenge);
    const { prover: served, result } = await runNativeProver(binary, p, ch);
    expect([result.R, result.R2]).to.deep.equal([vector("ci").R, vector("ci").R2]);
    const reference = proveSync(p, ch);
    const signer = generateSigner();
    const s = new VerifierSession({ params: p, challenge: ch, devicePubkey: signer.publicKey });
    s.recordRtt(2);
    s.release();
    s.receiveCommit(signCommit(served, signer));
    const req = s.openRequest();
    const body = await served.openBody(req);
    expect(Buffer.from(encodeOpenBody(p, body)).equals(Buffer.from(encodeOpenBody(p, reference.openBody(req))))).to.equal(true);
    s.receiveOpenings(signOpenBody(p, ch, body, signer));
    expect(s.verdict().outcome.kind).to.equal("PASS");
    // One open request per challenge: the process has freed the transcript.
    const again = await served.openBody(req).then(() => null, (e: Error) => e);
    expect(again?.message).to.match(/no longer held/);
    // A request out of range gets the native prover's error, and the process keeps serving.
    const tiny = paramsByName("ci-tiny");
    const other = (await runNativeProver(binary, tiny, parseRelease(vector("ci-tiny").challenge))).prover;
    try {
      const bad = await other.rowOpening(tiny.L + 1, 0).then(() => null, (e: Error) => e);
      expect(bad?.message).to.match(/row out of range/);
      expect(await other.rowOpening(1, 0)).to.deep.equal(proveSync(tiny, other.challenge).rowOpening(1, 0));
    } finally {
      other.close();
    }
  });
});

describe("GPU prover (cuda/prover.cu via nvcc)", () => {
  it("without nvcc: says exactly 'nvcc not found; using CPU prover' and the agent falls back", async function () {
    this.timeout(300_000);
    const env = { ...process.env, PATH: "/nonexistent", NVCC: "", CUDA_HOME: "" };
    const a = await gpuAvailability(env);
    if (findNvcc(env) !== null) {
      // A CUDA install in the default location cannot be hidden: then it must build and either run or name the device problem.
      expect(a.ok || (!a.ok && a.code === "no_device"), JSON.stringify(a)).to.equal(true);
      return;
    }
    expect(a).to.deep.equal({ ok: false, code: "no_nvcc", reason: NVCC_MISSING });
    const p = paramsByName("ci-tiny");
    const ch = parseRelease(vector("ci-tiny").challenge);
    let thrown: unknown = null;
    await gpuProve(p, ch, env).catch((e) => (thrown = e));
    expect(thrown).to.be.instanceOf(GpuUnavailable);
    expect((thrown as Error).message).to.equal(NVCC_MISSING);
    const best = await proveBest(p, ch, { env });
    expect(best.backend).to.equal("cpu");
    expect(best.note).to.equal(NVCC_MISSING);
    expect(toHex(best.prover.R)).to.equal(vector("ci-tiny").R);
  });

  it("here: runs bit-identically on the vectors, or states why it cannot (no nvcc / no device)", async function () {
    this.timeout(600_000);
    const a = await gpuAvailability();
    if (!a.ok) {
      if (findNvcc() === null) expect(a.reason).to.equal(NVCC_MISSING);
      else {
        expect(a.code, a.reason).to.equal("no_device"); // a failed build is a failure, not a skip
        expect(a.reason).to.match(/^no CUDA device: .*; using CPU prover$/);
      }
      console.log(`      (GPU prover not run here: ${a.reason})`);
      return;
    }
    await expectVectors(a.binary);
    const { stdout } = await run(a.binary, ["check-gemm", "--m", "256", "--n", "512"]);
    expect(JSON.parse(stdout).mismatches).to.equal(0);
  });
});
