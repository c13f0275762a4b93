// The miner agent's and the verifier daemon's chain-free parts: configuration layers, the Poisson
// schedule, the HTTP plumbing (body caps, timeouts) and the agent's refusals before any chain read.
import { expect } from "chai";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Connection, Keypair } from "@solana/web3.js";
import { MinerAgent, VoidRelease, loadMinerConfig } from "../src/agent";
import { VERIFIER_DEFAULTS, loadVerifierConfig } from "../src/daemon";
import { exponentialDelay, cryptoUniform } from "../src/service/chain";
import { ConfigError } from "../src/service/config";
import { HttpError, TransportError, postJson, readJson, sendJson, serve } from "../src/service/http";
import { jsonLogger } from "../src/service/log";
import { loadKeypair } from "../src/service/keypair";
import { bytes, paramsByName, releaseMessage } from "../src";
import { newChallenge } from "./helpers";

const tmp = () => mkdtempSync(join(tmpdir(), "pinfi-svc-"));

describe("service configuration", () => {
  it("verifier: defaults ← YAML file ← environment ← flags; maps take new keys", () => {
    const dir = tmp();
    writeFileSync(join(dir, "v.yaml"), "keypair: /k.json\nmeanIntervalSecs: 600\nparamsByClass: { H100: 1, RTX4090: 2 }\nhttp: { port: 9000 }\n");
    const c = loadVerifierConfig({
      file: join(dir, "v.yaml"),
      env: {
        PINFI_VERIFIER_HTTP__PORT: "9100", PINFI_VERIFIER_POOLS: '["H100"]', PINFI_VERIFIER_EXPIRE__OWN: "true", PINFI_VERIFIER_EVIDENCE_DIR: "/ev",
        PINFI_VERIFIER_HTTP__PUBLIC_URL: "https://v.example:9100",
      },
      overrides: { once: true },
    });
    expect(c.keypair).to.equal("/k.json");
    expect(c.meanIntervalSecs).to.equal(600);
    expect(c.paramsByClass).to.deep.equal({ H100: 1, RTX4090: 2 });
    expect(c.http).to.deep.equal({ enabled: true, host: "127.0.0.1", port: 9100, publicUrl: "https://v.example:9100" });
    expect(c.pools).to.deep.equal(["H100"]);
    expect(c.expire).to.deep.equal({ others: true, own: true, intervalSecs: 60 });
    expect(c.evidenceDir).to.equal("/ev");
    expect(c.once).to.equal(true);
    expect(VERIFIER_DEFAULTS.http.port).to.equal(9464, "defaults untouched");
  });

  it("refuses unknown keys and bad values with one line naming the key; JSON files work too", () => {
    const dir = tmp();
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ http: { prot: 1 } }));
    expect(() => loadVerifierConfig({ file: join(dir, "bad.json") })).to.throw(ConfigError, "unknown config key http.prot");
    expect(() => loadVerifierConfig({ overrides: { pings: 9 } })).to.throw(ConfigError, /^pings: /);
    expect(() => loadVerifierConfig({ env: { PINFI_VERIFIER_MAX_CONCURRENT: "many" } })).to.throw(ConfigError, /^maxConcurrent: /);
    expect(() => loadVerifierConfig({ overrides: { http: { publicUrl: "v.example" } } })).to.throw(ConfigError, /^http.publicUrl: an http\(s\) URL/);
    expect(() => loadVerifierConfig({ overrides: { http: { publicUrl: "http://" + "x".repeat(130) } } })).to.throw(ConfigError, /^http.publicUrl: .*128 bytes/);
    expect(() => loadMinerConfig({})).to.throw(ConfigError, /^devices: /);
    expect(() => loadMinerConfig({ overrides: { devices: ["/d.json"], endpoint: "http://" + "x".repeat(130) } })).to.throw(ConfigError, /128 bytes/);
    writeFileSync(join(dir, "m.json"), JSON.stringify({ devices: ["/a.json", "/b.json"], listen: { port: 7071 } }));
    const m = loadMinerConfig({ file: join(dir, "m.json"), env: { PINFI_MINER_BACKEND: "cpu" } });
    expect([m.devices, m.listen.port, m.backend]).to.deep.equal([["/a.json", "/b.json"], 7071, "cpu"]);
  });

  it("keypair files: solana-keygen JSON of 64 bytes, else a clear error", () => {
    const dir = tmp();
    const kp = Keypair.generate();
    writeFileSync(join(dir, "k.json"), JSON.stringify(Array.from(kp.secretKey)));
    expect(loadKeypair(join(dir, "k.json")).publicKey.equals(kp.publicKey)).to.equal(true);
    writeFileSync(join(dir, "short.json"), "[1,2,3]");
    expect(() => loadKeypair(join(dir, "short.json"))).to.throw(/64 bytes/);
  });
});

describe("Poisson schedule", () => {
  it("gaps are exponential with the configured mean (from a CSPRNG)", () => {
    const n = 20_000;
    const gaps = Array.from({ length: n }, () => exponentialDelay(1000, cryptoUniform));
    const mean = gaps.reduce((a, b) => a + b, 0) / n;
    expect(mean).to.be.closeTo(1000, 40); // σ of the mean = 1000/√n ≈ 7
    // Memoryless shape: P(gap > mean) = e⁻¹.
    expect(gaps.filter((g) => g > 1000).length / n).to.be.closeTo(Math.exp(-1), 0.02);
    expect(gaps.every((g) => g >= 0 && Number.isFinite(g))).to.equal(true);
  });
});

describe("HTTP plumbing", () => {
  it("caps request and reply bodies, times out, and turns handler errors into JSON", async () => {
    const s = await serve("127.0.0.1", 0, async (req, res, url) => {
      if (url.pathname === "/echo") return sendJson(res, 200, await readJson(req, 100));
      if (url.pathname === "/big") return sendJson(res, 200, { x: "y".repeat(10_000) });
      if (url.pathname === "/slow") return new Promise<void>((r) => setTimeout(() => r(sendJson(res, 200, {})), 500));
      throw new HttpError(418, "teapot");
    });
    try {
      expect((await postJson(`${s.url}/echo`, { a: 1 }, { timeoutMs: 2000, maxBytes: 1000 })).body).to.deep.equal({ a: 1 });
      const tooBig = await postJson(`${s.url}/echo`, { a: "b".repeat(200) }, { timeoutMs: 2000, maxBytes: 1000 });
      expect([tooBig.status, (tooBig.body as { error: string }).error]).to.deep.equal([413, "body_too_large"]);
      const e1 = await postJson(`${s.url}/big`, {}, { timeoutMs: 2000, maxBytes: 1000 }).catch((e) => e);
      expect(e1).to.be.instanceOf(TransportError).with.property("code", "too_large");
      const e2 = await postJson(`${s.url}/slow`, {}, { timeoutMs: 100, maxBytes: 1000 }).catch((e) => e);
      expect(e2).to.be.instanceOf(TransportError).with.property("code", "timeout");
      const tea = await postJson(`${s.url}/other`, {}, { timeoutMs: 2000, maxBytes: 1000 });
      expect([tea.status, (tea.body as { error: string }).error]).to.deep.equal([418, "teapot"]);
    } finally {
      await s.close();
    }
  });
});

describe("miner agent, before any chain read", () => {
  const tiny = paramsByName("ci-tiny");
  // Nothing listens here: these refusals must not need the chain.
  const connection = new Connection("http://127.0.0.1:9");

  it("answers signed pings and refuses releases for other devices, programs and test classes", async () => {
    const kp = Keypair.generate();
    const lines: string[] = [];
    const agent = new MinerAgent({ connection, deviceKeys: [kp], allowTestClasses: false, log: jsonLogger({ name: "t", sink: (l) => lines.push(l) }) });
    const [device] = agent.deviceAddresses();
    const nonce = "ab".repeat(32);
    const pong = agent.ping({ nonce, device: device.toBase58() });
    expect(pong.nonce).to.equal(nonce);
    expect(pong.sig).to.match(/^[0-9a-f]{128}$/);
    expect(agent.ping({ nonce }).sig).to.equal(null);
    expect(() => agent.ping({ nonce: "zz" })).to.throw(HttpError);

    const { PROGRAM_ID } = await import("@pinfi/sdk");
    const release = (over: object) => ({ ...releaseMessage(newChallenge(tiny, { programId: PROGRAM_ID.toBytes(), devicePda: device.toBytes() })), ...over });
    const reason = (body: unknown) => agent.release(body).then(() => "accepted", (e) => (e instanceof VoidRelease ? e.reason : `error: ${e.message}`));
    expect(await reason(release({ devicePda: bytes.toHex(Keypair.generate().publicKey.toBytes()) }))).to.equal("unknown_device");
    expect(await reason(release({ programId: "00".repeat(32) }))).to.equal("wrong_program");
    expect(await reason(release({ paramsId: 1234 }))).to.equal("unknown_params");
    expect(await reason(release({}))).to.equal("test_params");
    expect(await reason({ challengeId: 1, paramsId: 1 })).to.match(/^error: release: challengeId/);
  });
});
