// Proof-of-compute end to end on the localnet: real miner agents (HTTP, CPU prover, ci-tiny class)
// and real verifier daemons (open_challenge → RTT → release → commit → openings → judge →
// submit_verdict), honest and dishonest, with the effects on chain and the evidence re-checked.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { AddressInfo, createServer } from "node:net";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { Keypair, PublicKey } from "@solana/web3.js";
import { accounts, pdas, PROGRAM_ID, rpc, quotes } from "@pinfi/sdk";
import {
  generateSigner, nonceCommitment, paramsByName, parseEvidence, recheck, bytes, Prover, signCommit, signOpenings, drawRequest, seededRandom,
} from "@pinfi/verifier";
import { skipRows, wrongPath, wrongKey, wrongRow, replay, smallTranscript, smallVram } from "@pinfi/verifier/dist/cheats";
import { MinerAgent, Strategy } from "@pinfi/verifier/dist/agent";
import { AuditError, auditChallenge, VerifierDaemon, ChallengeReport } from "@pinfi/verifier/dist/daemon";
import { RoundSecrets } from "@pinfi/verifier/dist/service/lottery";
import { jsonLogger } from "@pinfi/verifier/dist/service/log";
import { onPath } from "@pinfi/verifier/dist/gpuProver";
import { alignUp, HOUR, POOL_PARAMS, User, VERIFICATION, VERIFIER_STAKE, World } from "./world";

const TINY = paramsByName("ci-tiny");
/** The "ci" class (m = 64 rows) for the A100 pool: room for a transcript with half the rows. */
const CI = paramsByName("ci");
const hex = (b: ArrayLike<number>) => Buffer.from(Uint8Array.from(b)).toString("hex");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A port nothing listens on right now (the daemon must know its public URL before it binds). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
    s.once("error", reject);
  });
const LOGS = process.env.PINFI_POC_LOGS === "1";

interface Dev {
  deviceKey: Keypair;
  device: PublicKey;
  stake: PublicKey;
  owner: User;
}

/** Live child processes of this process with that command name (from /proc). */
function childrenNamed(name: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${d}/stat`, "utf8");
    } catch {
      continue;
    }
    // pid (comm) state ppid …: comm may hold spaces, so split after the last ')'.
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (comm === name && Number(ppid) === process.pid && state !== "Z") out.push(Number(d));
  }
  return out;
}

/** A kept bundle and the openings it names (the daemon writes them side by side). */
function readEvidence(bundlePath: string): { bundle: ReturnType<typeof parseEvidence>; openings: Uint8Array | null } {
  const bundle = parseEvidence(readFileSync(bundlePath, "utf8"));
  const openings = bundle.openings === null ? null : new Uint8Array(readFileSync(bundlePath.replace(/\.json$/, ".openings")));
  return { bundle, openings };
}

describe("proof-of-compute: miner agents and verifier daemons on the localnet", function () {
  this.timeout(120_000);
  let w: World;
  let pool: PublicKey;
  let a100: PublicKey;
  let t0: bigint;
  let v1: User, v2: User;
  let d1: VerifierDaemon, d2: VerifierDaemon;
  const agents: MinerAgent[] = [];
  let certNonce = 0n;

  const fetchDevice = async (d: Dev) => (await accounts.fetchDevice(w.connection, d.device))!;
  const fetchStake = async (d: Dev) => (await accounts.fetchStake(w.connection, d.stake))!;
  const fetchChallenge = async (r: ChallengeReport) => (await accounts.fetchChallenge(w.connection, new PublicKey(r.challenge!)))!;

  /** register_device + burn_for_certificate + create_stake, keeping the device key (the agent signs with it). */
  async function newDevice(owner: User, kind: "lp" | "seller", end: bigint, inPool = pool): Promise<Dev> {
    const pool = inPool;
    const deviceKey = Keypair.generate();
    const nonce = ++certNonce;
    await rpc.registerDevice({ connection: w.connection, owner: owner.kp, deviceKey, pool, specsHash: new Uint8Array(32).fill(7) });
    const device = pdas.device(deviceKey.publicKey)[0];
    await rpc.burnForCertificate({ connection: w.connection, owner: owner.kp, pool, utilityMint: w.mint, ownerTokens: owner.tokens, nonce, gpuSeconds: end - (await w.now()) });
    await rpc.createStake({ connection: w.connection, owner: owner.kp, pool, device, deviceStakeCount: 0n, ownerTokens: owner.tokens, kind, end, certificateNonce: nonce });
    return { deviceKey, device, stake: pdas.stake(device, 0n)[0], owner };
  }

  /** PINFI_POC_LOGS=1 shows the agents' and daemons' JSON logs. */
  const logger = (name: string) => (LOGS ? jsonLogger({ name, level: "debug" }) : undefined);

  async function startAgent(d: Dev, strategy?: Strategy): Promise<MinerAgent> {
    const agent = new MinerAgent({
      connection: w.connection, deviceKeys: [d.deviceKey], owner: d.owner.kp, host: "127.0.0.1", port: 0,
      allowTestClasses: true, backend: "cpu", watchIntervalMs: 0, strategy, log: logger(`agent-${d.device.toBase58().slice(0, 4)}`),
    });
    await agent.start();
    agents.push(agent);
    return agent;
  }

  /**
   * With `port`, the daemon serves HTTP there and publishes that address as its evidence endpoint.
   * `nativeVerifier`: d1 checks openings in the native core (auto), d2 in TypeScript (off).
   */
  function daemon(v: User, port: number | null = null, nativeVerifier = "auto"): VerifierDaemon {
    return new VerifierDaemon({
      connection: w.connection, authority: v.kp, evidenceDir: mkdtempSync(join(tmpdir(), "pinfi-evidence-")), defaultParamsId: TINY.paramsId,
      paramsByClass: { A100: CI.paramsId }, allowTestClasses: true, pings: 3,
      http: port === null ? null : { enabled: true, host: "127.0.0.1", port }, publicUrl: port === null ? null : `http://127.0.0.1:${port}`,
      nativeVerifier, log: logger("verifier"),
    });
  }

  /** One challenge of `d` by `v`'s daemon, which must complete (a verdict on chain). */
  /** `v` opens a challenge on `d` by hand (no daemon), committing to `vNonce`; returns its id. */
  async function openByHand(v: User, d: Dev, vNonce: Uint8Array): Promise<bigint> {
    const { challengeCount } = await fetchDevice(d);
    await rpc.openChallenge({
      connection: w.connection, authority: v.kp, pool, device: d.device, stake: d.stake, deviceChallengeCount: challengeCount,
      paramsId: TINY.paramsId, nonceCommit: nonceCommitment(vNonce),
    });
    return challengeCount;
  }

  async function challengeOnce(dm: VerifierDaemon, d: Dev): Promise<ChallengeReport> {
    const reports = await dm.runOnce({ devices: [d.device] });
    expect(reports).to.have.length(1);
    expect(reports[0].error, String(reports[0].error)).to.equal(null);
    expect(reports[0].signature).to.be.a("string");
    return reports[0];
  }

  before(async () => {
    w = await World.start();
    const creator = await w.user(0n);
    await rpc.createPool({ connection: w.connection, creator: creator.kp, utilityMint: w.mint, gpuClass: "H100", params: POOL_PARAMS });
    pool = pdas.pool("H100")[0];
    await rpc.createPool({ connection: w.connection, creator: creator.kp, utilityMint: w.mint, gpuClass: "A100", params: POOL_PARAMS });
    a100 = pdas.pool("A100")[0];
    t0 = alignUp(await w.now(), HOUR);
    await w.warpTo(t0);
    await rpc.updateProtocol({ connection: w.connection, admin: w.admin, verification: VERIFICATION });
    v1 = await w.user(VERIFIER_STAKE);
    v2 = await w.user(VERIFIER_STAKE);
    for (const v of [v1, v2]) {
      await rpc.registerVerifier({ connection: w.connection, authority: v.kp, authorityTokens: v.tokens, utilityMint: w.mint, amount: VERIFIER_STAKE });
    }
    d1 = daemon(v1, await freePort());
    d2 = daemon(v2, null, "off");
    await d1.init();
    await d2.init();
    expect((await accounts.fetchVerifierByAuthority(w.connection, v1.kp.publicKey))!.endpoint).to.equal(d1.url, "published at init");
    expect((await accounts.fetchVerifierByAuthority(w.connection, v2.kp.publicKey))!.endpoint).to.equal("");
  });

  after(async () => {
    for (const a of agents) await a.stop();
    await d1?.stop();
    await d2?.stop();
    await w?.stop();
  });

  let honest: Dev;
  let honestAgent: MinerAgent;

  it("the agent publishes its endpoint on chain at start (set_device_endpoint), once", async () => {
    const miner = await w.user(100_000_000n);
    honest = await newDevice(miner, "lp", t0 + 12n * HOUR);
    expect((await fetchDevice(honest)).endpoint).to.equal("");
    honestAgent = await startAgent(honest);
    expect((await fetchDevice(honest)).endpoint).to.equal(honestAgent.url);
    // Up to date: a second check sends nothing (the device is unchanged).
    const before = await fetchDevice(honest);
    await honestAgent.checkDevices();
    expect(await fetchDevice(honest)).to.deep.equal(before);
  });

  it("honest agent + verifier daemon: PASS on chain (passes, perf_bps), the evidence re-checks", async () => {
    const r = await challengeOnce(d1, honest);
    expect([r.outcome, r.reason]).to.deep.equal(["pass", null]);
    const d = await fetchDevice(honest);
    expect([d.passes, d.strikes, d.failures, d.challengeCount]).to.deep.equal([1, 0, 0, 1n]);
    // ci-tiny proves in milliseconds against a 5 s deadline: capped at the reference speed.
    expect(d.perfBps).to.equal(10_000);
    const c = await fetchChallenge(r);
    expect(c.outcome).to.equal("pass");
    expect(c.paramsId).to.equal(TINY.paramsId);
    expect([c.elapsedMs, c.deadlineMs]).to.deep.equal([r.elapsedMs, r.deadlineMs]);
    expect(c.deadlineMs).to.be.at.least(TINY.deadlineMs + 50);
    expect(hex(c.evidenceHash)).to.equal(r.evidenceHash);
    const { bundle, openings } = readEvidence(r.evidencePath!);
    expect(r.evidencePath!.endsWith(`${r.evidenceHash}.json`)).to.equal(true);
    expect((bundle.commit as { R: string }).R).to.equal(hex(c.root));
    expect(bundle.devicePubkey).to.equal(hex(d.deviceKey.toBytes()));
    expect(bundle.openings?.bytes).to.equal(openings?.length);
    const re = recheck(bundle, openings);
    expect([re.agrees, re.outcome.kind, re.problems]).to.deep.equal([true, "PASS", []]);
    expect((await fetchStake(honest)).failed).to.equal(false);
  });

  it("the daemon serves /health and Prometheus /metrics; the agent serves /health", async () => {
    const health = (await (await fetch(`${d1.url}/health`)).json()) as { nativeCore: string | null };
    expect(health).to.include({ ok: true, active: true, authority: v1.kp.publicKey.toBase58() });
    // The openings were checked by the native core (poc-verify) wherever a C++ compiler builds it.
    if (onPath(process.env.CXX ?? "c++", process.env)) expect(health.nativeCore).to.be.oneOf(["openssl", "portable"]);
    else expect(health.nativeCore).to.equal(null);
    expect(d2.nativeCore, "d2 verifies in TypeScript (nativeVerifier: off)").to.equal(null);
    const metrics = await (await fetch(`${d1.url}/metrics`)).text();
    expect(metrics).to.match(/pinfi_verifier_verdicts_total\{outcome="pass"\} 1/);
    expect(metrics).to.match(/pinfi_verifier_challenges_opened_total 1/);
    const agentHealth = (await (await fetch(`${honestAgent.url}/health`)).json()) as { ok: boolean; backend: string };
    expect(agentHealth.ok).to.equal(true);
    expect(agentHealth.backend).to.equal("cpu");
    const agentMetrics = await (await fetch(`${honestAgent.url}/metrics`)).text();
    expect(agentMetrics).to.match(/pinfi_miner_releases_total\{result="committed"\} 1/);
    // The release was checked against chain state read at the daemon's pings, outside the timed window.
    expect(agentMetrics).to.match(/pinfi_miner_release_checks_total\{source="prefetched"\} 1/);
    expect(agentMetrics).to.not.match(/pinfi_miner_release_checks_total\{source="fetched"\}/);
  });

  it("a native verifier core that dies is restarted before the next verdict", async () => {
    if (!onPath(process.env.CXX ?? "c++", process.env)) return void expect(d1.nativeCore).to.equal(null);
    // d1's core is this process's only poc-verify child (d2 verifies in TypeScript).
    const cores = childrenNamed("poc-verify");
    expect(cores).to.have.length(1);
    process.kill(cores[0], "SIGKILL");
    for (let i = 0; i < 100 && d1.nativeCore !== null; i++) await sleep(20);
    expect(d1.nativeCore, "the daemon saw its core die").to.equal(null);
    const dev = await newDevice(await w.user(100_000_000n), "lp", t0 + 12n * HOUR);
    await startAgent(dev);
    const r = await challengeOnce(d1, dev);
    expect(r.outcome).to.equal("pass");
    expect(d1.nativeCore).to.be.oneOf(["openssl", "portable"]);
    expect(childrenNamed("poc-verify")).to.have.length(1);
    const metrics = await (await fetch(`${d1.url}/metrics`)).text();
    expect(metrics).to.match(/pinfi_verifier_native_core_starts_total\{result="ok"\} 2/);
    expect(metrics).to.match(/pinfi_verifier_verify_ms_count\{core="native"\} 2/);
  });

  it("the agent refuses a release that does not match the Challenge account (void: nothing signed)", async () => {
    // A challenge opened by v2 by hand, released with another nonce: void (nonce_mismatch); with the right one but a
    // forged slot hash: void (slot_hash_mismatch). Neither gets a signature. The challenge is then decided by its verifier.
    const vNonce = Uint8Array.from(Array(32).fill(9));
    const challengeCount = await openByHand(v2, honest, vNonce);
    const c = (await accounts.fetchChallengeById(w.connection, honest.device, challengeCount))!;
    const release = (over: object) => ({
      challengeId: challengeCount.toString(), programId: hex(PROGRAM_ID.toBytes()), devicePda: hex(honest.device.toBytes()),
      slotHash: hex(c.slotHash), vNonce: hex(vNonce), paramsId: TINY.paramsId, ...over,
    });
    const post = async (body: object) => {
      const res = await fetch(`${honestAgent.url}/poc/v1/release`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as { reason?: string; sig?: string } };
    };
    const wrongNonce = await post(release({ vNonce: "11".repeat(32) }));
    expect([wrongNonce.status, wrongNonce.body.reason]).to.deep.equal([409, "nonce_mismatch"]);
    const wrongSlot = await post(release({ slotHash: "22".repeat(32) }));
    expect([wrongSlot.status, wrongSlot.body.reason]).to.deep.equal([409, "slot_hash_mismatch"]);
    const wrongParams = await post(release({ paramsId: 0xfffe }));
    expect([wrongParams.status, wrongParams.body.reason]).to.deep.equal([409, "params_mismatch"]);
    const unknown = await post(release({ challengeId: "99" }));
    expect([unknown.status, unknown.body.reason]).to.deep.equal([409, "no_challenge"]);
    const ok = await post(release({}));
    expect(ok.status).to.equal(200);
    expect(ok.body.sig).to.match(/^[0-9a-f]{128}$/);
    // v2 posts a pass for it directly (the daemon path is covered above): the device's history stays clean.
    await rpc.submitVerdict({
      connection: w.connection, authority: v2.kp, pool, device: honest.device, stake: honest.stake, challenge: pdas.challenge(honest.device, challengeCount)[0],
      outcome: "pass", nonce: vNonce, elapsedMs: 1, deadlineMs: 5_050, root: bytes.fromHex((ok.body as { R: string }).R), walkRoot: bytes.fromHex((ok.body as { R2: string }).R2),
      evidenceHash: new Uint8Array(32),
    });
    expect((await fetchDevice(honest)).passes).to.equal(2);
  });

  let cheater: Dev;
  let heldBySeller: bigint;
  let wrongReport: ChallengeReport;

  it("dishonest agents (skipped rows, bad Merkle path, transcript too small for the VRAM): WRONG, the stakes fail", async () => {
    // The cheater sells 2 h of its stake: collateral and the maintenance escrow sit in the pool's vault.
    const lp = await w.user(1_000_000_000n);
    const lpDev = await newDevice(lp, "lp", t0 + 24n * HOUR);
    const q = quotes.quoteAddLiquidity((await accounts.fetchPool(w.connection, pool))!, await fetchStake(lpDev), await w.now());
    await rpc.addLiquidity({ connection: w.connection, owner: lp.kp, pool, stake: lpDev.stake, ownerTokens: lp.tokens, maxTokensIn: q.tokensIn });
    const seller = await w.user(100_000_000n);
    cheater = await newDevice(seller, "seller", t0 + 12n * HOUR);
    await rpc.sellHours({ connection: w.connection, owner: seller.kp, pool, stake: cheater.stake, ownerTokens: seller.tokens, utilityMint: w.mint, hours: 7_200n, minTokensOut: 0n });
    const s = await fetchStake(cheater);
    expect(s.collateral > 0n && s.maintenanceEscrow > 0n).to.equal(true);
    heldBySeller = s.collateral + s.maintenanceEscrow;

    // Half the rows of every step never computed: caught with probability 1 − 2⁻⁶⁴.
    await startAgent(cheater, async (ctx) => skipRows(ctx.params, ctx.challenge, ctx.signer, 0.5));
    const pathCheater = await newDevice(await w.user(100_000_000n), "lp", t0 + 12n * HOUR);
    await startAgent(pathCheater, async (ctx) => wrongPath(await ctx.prove(), ctx.signer));

    // Transcript too small for the claimed VRAM: a smaller chain in a smaller tree, or the whole chain with half
    // the rows dropped after committing (the walk then reads zeros).
    // These two sit in the A100 pool, challenged with the "ci" class.
    const small = await newDevice(await w.user(100_000_000n), "lp", t0 + 12n * HOUR, a100);
    await startAgent(small, async (ctx) => smallTranscript(ctx.params, ctx.challenge, ctx.signer, 0.5));
    const lowVram = await newDevice(await w.user(100_000_000n), "lp", t0 + 12n * HOUR, a100);
    await startAgent(lowVram, async (ctx) => smallVram(ctx.params, ctx.challenge, ctx.signer, 0.5));

    const reports = await d1.runOnce({ devices: [cheater.device, pathCheater.device, small.device, lowVram.device] });
    expect(reports.map((r) => r.error)).to.deep.equal([null, null, null, null]);
    for (const d of [small, lowVram]) {
      const r = reports.find((x) => x.device === d.device.toBase58())!;
      expect(r.outcome, `${r.reason}`).to.equal("wrong");
      expect((await fetchChallenge(r)).paramsId).to.equal(CI.paramsId);
      expect((await fetchStake(d)).failed).to.equal(true);
    }
    wrongReport = reports.find((r) => r.device === cheater.device.toBase58())!;
    const pathReport = reports.find((r) => r.device === pathCheater.device.toBase58())!;
    expect([wrongReport.outcome, wrongReport.reason]).to.deep.equal(["wrong", "bad_entry"]);
    expect([pathReport.outcome, pathReport.reason]).to.deep.equal(["wrong", "bad_row_path"]);
    for (const d of [cheater, pathCheater]) {
      expect((await fetchStake(d)).failed).to.equal(true);
      const dev = await fetchDevice(d);
      expect([dev.failures, dev.passes]).to.deep.equal([1, 0]);
    }
    expect((await fetchChallenge(wrongReport)).outcome).to.equal("wrong");
    // A failed stake is no longer eligible.
    expect((await d1.eligible({ devices: [cheater.device] })).length).to.equal(0);
  });

  it("a wrong row is caught when it is sampled: WRONG (bad_entry)", async () => {
    // One wrong row out of L·m = 64 row-steps is sampled with probability 1 − (63/64)^64 ≈ 63 % (the core's bench
    // measures that). Here the verifier's draws are seeded, so the cheater can be made to corrupt a row that will be
    // opened: the check itself is what this shows.
    const seed = new Uint8Array(32).fill(42);
    const seeded = new VerifierDaemon({
      connection: w.connection, authority: v1.kp, evidenceDir: mkdtempSync(join(tmpdir(), "pinfi-evidence-")), defaultParamsId: TINY.paramsId,
      allowTestClasses: true, pings: 3, rand: seededRandom(seed), log: logger("seeded"),
    });
    const dev = await newDevice(await w.user(100_000_000n), "lp", t0 + 12n * HOUR);
    await startAgent(dev, async (ctx) => {
      const [t, i] = drawRequest(ctx.params, ctx.challenge.challengeId, seededRandom(seed)).rows[5];
      return wrongRow(ctx.params, ctx.challenge, ctx.signer, { t, i });
    });
    const r = await challengeOnce(seeded, dev);
    expect([r.outcome, r.reason]).to.deep.equal(["wrong", "bad_entry"]);
    expect((await fetchStake(dev)).failed).to.equal(true);
    const { bundle, openings } = readEvidence(r.evidencePath!);
    expect(recheck(bundle, openings).agrees).to.equal(true);
  });

  it("anyone audits the WRONG verdict: the bundle from the verifier's published endpoint, checked against the chain", async () => {
    // What a third party does (docs/proof-of-compute.md §5): fetch the bundle whose hash the Challenge stores from
    // the endpoint the verifier published, check its chain-bound fields, then recheck().
    const challenge = new PublicKey(wrongReport.challenge!);
    const r = await auditChallenge(w.connection, challenge);
    expect(r.url).to.equal(`${d1.url}/evidence/${wrongReport.evidenceHash}.json`);
    expect([r.supported, r.objective, r.outcome, r.chainMismatches]).to.deep.equal([true, true, "wrong", []]);
    expect([r.recheck!.outcome.kind, r.recheck!.outcome.reason, r.recheck!.problems]).to.deep.equal(["WRONG", "bad_entry", []]);
    expect(r.evidenceHash).to.equal(hex((await fetchChallenge(wrongReport)).evidenceHash));
    // The served bytes are the kept file; a changed file no longer has the chain's hash.
    const file = wrongReport.evidencePath!;
    const text = readFileSync(file, "utf8");
    expect(createHash("sha256").update(text).digest("hex")).to.equal(wrongReport.evidenceHash);
    writeFileSync(file, text.replace('"kind":"WRONG"', '"kind":"PASS"'));
    try {
      const e = await auditChallenge(w.connection, challenge).then(() => null, (x: unknown) => x);
      expect(e).to.be.instanceOf(AuditError);
      expect((e as AuditError).code).to.equal("hash_mismatch");
    } finally {
      writeFileSync(file, text);
    }
    // The openings are the bundle's by digest: other bytes under that name no longer support the verdict.
    const openingsFile = file.replace(/\.json$/, ".openings");
    const kept = readFileSync(openingsFile);
    const served = new Uint8Array(await (await fetch(`${d1.url}/evidence/${wrongReport.evidenceHash}.openings`)).arrayBuffer());
    expect(Buffer.from(served).equals(kept)).to.equal(true);
    writeFileSync(openingsFile, Uint8Array.from(kept, (b, x) => (x === 100 ? b ^ 1 : b)));
    try {
      const bad = await auditChallenge(w.connection, challenge);
      expect([bad.supported, bad.objective]).to.deep.equal([false, false]);
      expect(bad.recheck!.problems).to.include("openings do not match the bundle's digest");
    } finally {
      writeFileSync(openingsFile, kept);
    }
    // The route serves hex names only.
    expect((await fetch(`${d1.url}/evidence/..%2F..%2Fetc%2Fpasswd.json`)).status).to.equal(404);
    expect((await fetch(`${d1.url}/evidence/${"0".repeat(64)}.json`)).status).to.equal(404);
    expect((await fetch(`${d1.url}/evidence/${"0".repeat(64)}.openings`)).status).to.equal(404);
  });

  it("an audit catches a verifier that cites another challenge's bundle, and says why it cannot audit", async () => {
    // v1 opens a challenge on a fresh device and, instead of running it, posts WRONG with the evidence hash
    // of the earlier WRONG bundle: the chain accepts the verdict (it cannot read bundles), the audit does not.
    const victim = await newDevice(await w.user(100_000_000n), "lp", t0 + 12n * HOUR);
    const vNonce = new Uint8Array(32).fill(9);
    const count = await openByHand(v1, victim, vNonce);
    const old = await fetchChallenge(wrongReport);
    const lie = pdas.challenge(victim.device, count)[0];
    await rpc.submitVerdict({
      connection: w.connection, authority: v1.kp, pool, device: victim.device, stake: victim.stake, challenge: lie, outcome: "wrong",
      nonce: vNonce, elapsedMs: old.elapsedMs, deadlineMs: old.deadlineMs, root: old.root, walkRoot: old.walkRoot, evidenceHash: old.evidenceHash,
    });
    const r = await auditChallenge(w.connection, lie);
    expect(r.supported).to.equal(false);
    expect(r.objective).to.equal(false);
    expect(r.recheck!.agrees, "the bundle is consistent in itself").to.equal(true);
    // Both challenges are their device's first (id 0) and may share a slot hash; the rest names the other device.
    expect(r.chainMismatches.map((m) => m.split(":")[0])).to.include.members(["devicePda", "vNonce", "nonceCommitment", "devicePubkey"]);
    // d2 publishes no endpoint; a challenge with no verdict has nothing to audit.
    const viaD2 = await challengeOnce(d2, honest);
    const noEndpoint = await auditChallenge(w.connection, new PublicKey(viaD2.challenge!)).then(() => null, (x: unknown) => x);
    expect((noEndpoint as AuditError).code).to.equal("no_endpoint");
    const nothing = await auditChallenge(w.connection, Keypair.generate().publicKey).then(() => null, (x: unknown) => x);
    expect((nothing as AuditError).code).to.equal("no_challenge");
  });

  let keyless: Dev;

  it("a late agent: LATE, a strike (perf recorded), the stake lives", async () => {
    const late = await newDevice(await w.user(100_000_000n), "lp", t0 + 12n * HOUR);
    // Correct, but the commitment comes 0.9 s after D(class) = 5 s: later than any RTT allowance (≤ 500 + 50 ms).
    await startAgent(late, async (ctx) => {
      const prover = await ctx.prove();
      await sleep(TINY.deadlineMs + 900);
      return { commit: () => signCommit(prover, ctx.signer), open: (req) => signOpenings(prover, req, ctx.signer) };
    });
    const r = await challengeOnce(d1, late);
    expect([r.outcome, r.reason]).to.deep.equal(["late", "late_commit"]);
    expect(r.elapsedMs!).to.be.greaterThan(r.deadlineMs!);
    const d = await fetchDevice(late);
    expect([d.passes, d.strikes, d.failures]).to.deep.equal([0, 1, 0]);
    expect(d.perfBps).to.equal(Math.floor((r.deadlineMs! * 8_000) / r.elapsedMs!));
    expect((await fetchStake(late)).failed).to.equal(false);
  });

  it("wrong device key: NO_RESPONSE, a strike", async () => {
    keyless = await newDevice(await w.user(100_000_000n), "lp", t0 + 12n * HOUR);
    const other = generateSigner();
    await startAgent(keyless, async (ctx) => wrongKey(await ctx.prove(), other));
    const r = await challengeOnce(d1, keyless);
    expect([r.outcome, r.reason]).to.deep.equal(["noResponse", "bad_signature"]);
    const d = await fetchDevice(keyless);
    expect([d.passes, d.strikes, d.failures]).to.deep.equal([0, 1, 0]);
    expect((await fetchStake(keyless)).failed).to.equal(false);
  });

  it("an unreachable agent: NO_RESPONSE (no_commit), a strike", async () => {
    const owner = await w.user(100_000_000n);
    const dev = await newDevice(owner, "lp", t0 + 12n * HOUR);
    await rpc.setDeviceEndpoint({ connection: w.connection, owner: owner.kp, pool, device: dev.device, endpoint: "http://127.0.0.1:9" });
    const r = await challengeOnce(d1, dev);
    expect([r.outcome, r.reason]).to.deep.equal(["noResponse", "no_commit"]);
    expect((await fetchDevice(dev)).strikes).to.equal(1);
  });

  it("strikes from one verifier alone never fail the stake; one more from a second verifier does", async () => {
    for (let i = 0; i < 3; i++) {
      const r = await challengeOnce(d1, keyless);
      expect(r.outcome).to.equal("noResponse");
    }
    expect((await fetchDevice(keyless)).strikes).to.equal(4);
    expect((await fetchStake(keyless)).failed).to.equal(false, "4 strikes, all from v1");
    const r = await challengeOnce(d2, keyless);
    expect(r.outcome).to.equal("noResponse");
    expect((await fetchDevice(keyless)).strikes).to.equal(5);
    expect((await fetchStake(keyless)).failed).to.equal(true, "strikes from two verifiers inside the window");
  });

  it("a replayed old commitment is not the device's answer to this challenge: NO_RESPONSE", async () => {
    const dev = await newDevice(await w.user(100_000_000n), "lp", t0 + 12n * HOUR);
    let old: Prover | null = null;
    await startAgent(dev, async (ctx) => {
      if (!old) {
        old = await ctx.prove();
        return { commit: () => signCommit(old!, ctx.signer), open: (req) => signOpenings(old!, req, ctx.signer) };
      }
      return replay(old, ctx.challenge, ctx.signer, false);
    });
    expect((await challengeOnce(d1, dev)).outcome).to.equal("pass");
    // The old commit names the old challenge id (and its signature binds the old seed).
    const r = await challengeOnce(d1, dev);
    expect([r.outcome, r.reason]).to.deep.equal(["noResponse", "wrong_challenge"]);
    expect((await fetchDevice(dev)).strikes).to.equal(1);
  });

  it("the binaries: pinfi-miner (YAML config) answers, pinfi-verifier --once (JSON config + env) posts a PASS", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pinfi-bins-"));
    const owner = await w.user(100_000_000n);
    const dev = await newDevice(owner, "lp", t0 + 12n * HOUR);
    const keyFile = (name: string, kp: Keypair) => {
      const f = join(dir, `${name}.json`);
      writeFileSync(f, JSON.stringify(Array.from(kp.secretKey)));
      return f;
    };
    const bin = (name: string) => require.resolve(`@pinfi/verifier/dist/bin/${name}.js`);
    writeFileSync(
      join(dir, "miner.yaml"),
      [`rpcUrl: ${w.net.rpc}`, `devices: [${keyFile("device", dev.deviceKey)}]`, `ownerKeypair: ${keyFile("owner", owner.kp)}`,
        "listen: { host: 127.0.0.1, port: 0 }", "backend: cpu", "allowTestClasses: true", "watchIntervalSecs: 1"].join("\n"),
    );
    const miner = spawn(process.execPath, [bin("miner"), "--config", join(dir, "miner.yaml")], { stdio: ["ignore", "pipe", "pipe"] });
    const minerLines: string[] = [];
    miner.stdout.on("data", (b) => minerLines.push(...String(b).split("\n").filter(Boolean)));
    try {
      // Started when the endpoint is on chain.
      for (let i = 0; i < 100 && (await fetchDevice(dev)).endpoint === ""; i++) await sleep(100);
      expect((await fetchDevice(dev)).endpoint).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
      const evidenceDir = join(dir, "evidence");
      writeFileSync(join(dir, "verifier-config.json"), JSON.stringify({
        rpcUrl: w.net.rpc, keypair: keyFile("verifier", v1.kp), evidenceDir, allowTestClasses: true, devices: [dev.device.toBase58()], pings: 3,
      }));
      const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const p = spawn(process.execPath, [bin("verifier"), "--config", join(dir, "verifier-config.json"), "--once"], {
          env: { ...process.env, PINFI_VERIFIER_DEFAULT_PARAMS_ID: String(TINY.paramsId) },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "", stderr = "";
        p.stdout.on("data", (b) => (stdout += b));
        p.stderr.on("data", (b) => (stderr += b));
        p.on("exit", (code) => resolve({ code, stdout, stderr }));
      });
      expect(out.code, out.stderr + out.stdout).to.equal(0);
      const lines = out.stdout.trim().split("\n").map((l) => JSON.parse(l));
      const posted = lines.find((l) => l.msg === "verdict posted")!;
      expect(posted).to.include({ level: "info", outcome: "pass", name: "pinfi-verifier" });
      expect(existsSync(join(evidenceDir, `${posted.evidenceHash}.json`))).to.equal(true);
      expect((await fetchDevice(dev)).passes).to.equal(1);
      // The miner's JSON log shows the release and the watch noticing the pass.
      for (let i = 0; i < 30 && !minerLines.some((l) => l.includes("pass recorded on chain")); i++) await sleep(100);
      const msgs = minerLines.map((l) => JSON.parse(l).msg);
      expect(msgs).to.include.members(["miner agent listening", "device endpoint set on chain", "release accepted; proving", "commitment signed", "openings sent", "pass recorded on chain"]);
    } finally {
      miner.kill("SIGTERM");
    }
  });

  let operator: User;
  let fleet: Dev[];

  it("a synchronized sweep releases every device of one operator and class at once, and no one else's", async () => {
    operator = await w.user(300_000_000n);
    fleet = [];
    for (let i = 0; i < 3; i++) fleet.push(await newDevice(operator, "lp", t0 + 12n * HOUR));
    // One agent (one endpoint) serves the operator's three devices, as a multi-GPU host would.
    const agent = new MinerAgent({
      connection: w.connection, deviceKeys: fleet.map((d) => d.deviceKey), owner: operator.kp, host: "127.0.0.1", port: 0,
      allowTestClasses: true, backend: "cpu", watchIntervalMs: 0, log: logger("fleet"),
    });
    await agent.start();
    agents.push(agent);
    const others = (await fetchDevice(honest)).challengeCount;
    const reports = await d2.sweep({ owner: operator.kp.publicKey, gpuClass: "H100" });
    expect(reports.map((r) => [r.error, r.outcome])).to.deep.equal(fleet.map(() => [null, "pass"]));
    expect(reports.map((r) => r.device).sort()).to.deep.equal(fleet.map((d) => d.device.toBase58()).sort());
    const released = reports.map((r) => r.releasedAt!);
    expect(Math.max(...released) - Math.min(...released), "releases within one deadline of each other").to.be.below(TINY.deadlineMs);
    expect((await fetchDevice(honest)).challengeCount).to.equal(others, "another operator's device is not part of the sweep");
    for (const d of fleet) expect((await fetchDevice(d)).passes).to.equal(1);
    expect(await d2.metrics.registry.metrics()).to.match(/pinfi_verifier_sweeps_total 1/);
    expect(await d2.sweep({ owner: Keypair.generate().publicKey, gpuClass: "H100" })).to.deep.equal([], "an operator with no device: nothing");
  });

  it("the daemon loop runs sweeps at Poisson times (sweepsPerDay)", async () => {
    const loop = new VerifierDaemon({
      connection: w.connection, authority: v2.kp, evidenceDir: mkdtempSync(join(tmpdir(), "pinfi-evidence-")), defaultParamsId: TINY.paramsId,
      allowTestClasses: true, pings: 3, devices: fleet.map((d) => d.device.toBase58()), refreshSecs: 1, log: logger("sweeps"),
      // Per-device challenges practically never; sweeps every ~0.2 s: whatever runs here is a sweep.
      meanIntervalSecs: 1e9, sweepsPerDay: 86_400 * 5,
    });
    await loop.init();
    const running = loop.run();
    const passes = async () => Promise.all(fleet.map(async (d) => (await fetchDevice(d)).passes));
    try {
      for (let i = 0; i < 100 && (await passes()).some((p) => p < 2); i++) await sleep(100);
    } finally {
      await loop.stop();
      await running;
    }
    const after = await passes();
    expect(after.every((p) => p >= 2), `passes ${after}`).to.equal(true);
    expect(await loop.metrics.registry.metrics()).to.match(/pinfi_verifier_sweeps_total [1-9]/);
  });

  it("under the lottery a daemon challenges only the devices it is drawn for, and the program agrees", async () => {
    await rpc.updateProtocol({ connection: w.connection, admin: w.admin, lottery: { roundSlots: 20, draws: 1 } });
    const devices = [honest, ...fleet];
    const lot = new VerifierDaemon({
      connection: w.connection, authority: v1.kp, evidenceDir: mkdtempSync(join(tmpdir(), "pinfi-evidence-")), defaultParamsId: TINY.paramsId,
      allowTestClasses: true, pings: 3, devices: devices.map((d) => d.device.toBase58()), sweepsPerDay: 0, lotteryRounds: 256, log: logger("lottery"),
    });
    try {
      await lot.init(); // commits v1's round secrets from a slot just ahead
      const c = (await accounts.fetchVerifierByAuthority(w.connection, v1.kp.publicKey))!.lottery;
      expect([c.rounds, c.roundSlots]).to.deep.equal([256, 20]);
      const start = BigInt(c.startSlot.toString());
      const secrets = new RoundSecrets(v1.kp.secretKey, start, 256);
      expect(hex(secrets.root)).to.equal(hex(c.root), "the daemon's secrets are its key's");
      const verifiers = (await accounts.fetchProtocolSingleton(w.connection))!.activeVerifiers;
      let drawn = 0;
      let notDrawn = 0;
      for (let round = 0n; round < 12n && (drawn === 0 || notDrawn === 0); round++) {
        const at = start + round * 20n + 1n;
        const slot = await w.slot();
        if (at > slot) await w.advanceSlots(at - slot);
        const reports = await lot.runOnce({ devices: devices.map((d) => d.device) });
        for (const r of reports) {
          if (r.skipped === "not_drawn") {
            notDrawn++;
            // The program refuses the very ticket the daemon declined to use.
            const d = devices.find((x) => x.device.toBase58() === r.device)!;
            const { challengeCount } = await fetchDevice(d);
            const e = await rpc
              .openChallenge({
                connection: w.connection, authority: v1.kp, pool, device: d.device, stake: d.stake, deviceChallengeCount: challengeCount,
                paramsId: TINY.paramsId, nonceCommit: nonceCommitment(new Uint8Array(32).fill(7)), ticket: secrets.ticket(round),
              })
              .then(() => null, (x: Error) => x);
            expect(e?.message).to.match(/LotteryNotDrawn/);
          } else {
            expect([r.error, r.skipped, r.outcome], `${r.error}`).to.deep.equal([null, null, "pass"]);
            drawn++;
          }
        }
      }
      expect(verifiers).to.be.at.least(2);
      expect(drawn, "some devices drawn").to.be.greaterThan(0);
      expect(notDrawn, "some devices not drawn").to.be.greaterThan(0);
      expect(await lot.metrics.registry.metrics()).to.match(/pinfi_verifier_lottery_total\{result="not_drawn"\} [1-9]/);
    } finally {
      await rpc.updateProtocol({ connection: w.connection, admin: w.admin, lottery: { roundSlots: 0, draws: 0 } });
    }
  });

  it("the daemon loop challenges at Poisson times until stopped", async () => {
    const before = (await fetchDevice(honest)).passes;
    const loop = new VerifierDaemon({
      connection: w.connection, authority: v2.kp, evidenceDir: mkdtempSync(join(tmpdir(), "pinfi-evidence-")), defaultParamsId: TINY.paramsId,
      allowTestClasses: true, pings: 3, devices: [honest.device.toBase58()], meanIntervalSecs: 0.2, sweepsPerDay: 0, refreshSecs: 1, log: logger("loop"),
    });
    await loop.init();
    const running = loop.run();
    try {
      for (let i = 0; i < 100 && (await fetchDevice(honest)).passes < before + 2; i++) await sleep(100);
    } finally {
      await loop.stop();
      await running;
    }
    expect((await fetchDevice(honest)).passes).to.be.at.least(before + 2);
    const text = await loop.metrics.registry.metrics();
    expect(text).to.match(/pinfi_verifier_verdicts_total\{outcome="pass"\} [2-9]/);
    expect(loop.health().inFlight).to.equal(0);
  });

  it("the daemon expires another verifier's stale challenge (permissionless courtesy)", async () => {
    const vNonce = Uint8Array.from(Array(32).fill(3));
    const challengeCount = await openByHand(v2, honest, vNonce);
    const address = pdas.challenge(honest.device, challengeCount)[0];
    expect(await d1.expireStale()).to.deep.equal([], "window still open");
    await w.advanceSlots(301n);
    expect(await d1.expireStale()).to.deep.equal([address.toBase58()]);
    expect((await accounts.fetchChallenge(w.connection, address))!.outcome).to.equal("expired");
    const v = (await accounts.fetchVerifierByAuthority(w.connection, v2.kp.publicKey))!;
    expect([v.strikes, v.pending]).to.deep.equal([1, 0]);
    expect((await fetchDevice(honest)).strikes).to.equal(0, "the miner is not blamed");
  });

  it("after the failed stake ends, settlement burns exactly its collateral + maintenance fee", async () => {
    const s = await fetchStake(cheater);
    await w.warpTo(s.end);
    const supply = await w.supply();
    const ownerBefore = await w.balance(cheater.owner.tokens);
    await rpc.settleStake({ connection: w.connection, payer: w.admin, pool, stake: cheater.stake, owner: cheater.owner.kp.publicKey, ownerTokens: cheater.owner.tokens, utilityMint: w.mint });
    expect(supply - (await w.supply())).to.equal(heldBySeller, "collateral + maintenance fee burned");
    expect(await w.balance(cheater.owner.tokens)).to.equal(ownerBefore, "nothing refunded");
    expect(await accounts.fetchStake(w.connection, cheater.stake)).to.equal(null);
  });
});
