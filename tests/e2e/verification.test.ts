// Proof-of-compute through the SDK only: a staked verifier challenges a live stake (seed = the
// newest slot hash + a committed nonce), posts verdicts, misses one, is slashed and withdraws.
import { createHash } from "node:crypto";
import { expect } from "chai";
import { Keypair, PublicKey } from "@solana/web3.js";
import { getMint } from "@solana/spl-token";
import { accounts, constants, errors, gpa, instructions, pdas, rpc } from "@pinfi/sdk";
import { alignUp, HOUR, POOL_PARAMS, User, VERIFICATION, VERIFIER_STAKE, World } from "./world";
import { programError, rejects } from "./expect";



const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest();
const names = (r: { events: { name: string }[] }) => r.events.map((e) => e.name);

describe("proof-of-compute through the SDK", function () {
  this.timeout(300_000);
  let w: World;
  let pool: PublicKey;
  let miner: User;
  let device: PublicKey;
  let stake: PublicKey;
  let verifier: User;
  let verifierAccount: PublicKey;
  let vault: PublicKey;

  const fetchDevice = async () => (await accounts.fetchDevice(w.connection, device))!;
  const fetchVerifier = async () => (await accounts.fetchVerifierByAuthority(w.connection, verifier.kp.publicKey))!;

  /** The newest entry of the SlotHashes sysvar: `u64` count, then `(u64 slot, [u8; 32] hash)`. */
  async function newestSlotHash(): Promise<{ slot: bigint; hash: Buffer }> {
    const data = (await w.connection.getAccountInfo(constants.SYSVAR_SLOT_HASHES_PUBKEY))!.data;
    expect(data.readBigUInt64LE(0) > 0n, "SlotHashes has entries").to.equal(true);
    return { slot: data.readBigUInt64LE(8), hash: Buffer.from(data.subarray(16, 48)) };
  }

  /** Opens the device's next challenge with a fresh nonce; returns its address and the nonce. */
  async function open(): Promise<{ challenge: PublicKey; nonce: Uint8Array; events: string[] }> {
    const nonce = instructions.randomNonce();
    const { challengeCount } = await fetchDevice();
    const res = await rpc.openChallenge({
      connection: w.connection, authority: verifier.kp, pool, device, stake, deviceChallengeCount: challengeCount, paramsId: 1,
      nonceCommit: await instructions.nonceCommitment(nonce),
    });
    return { challenge: pdas.challenge(device, challengeCount)[0], nonce, events: names(res) };
  }

  const verdict = (challenge: PublicKey, nonce: Uint8Array, elapsedMs: number, deadlineMs: number) => ({
    connection: w.connection, authority: verifier.kp, pool, device, stake, challenge, outcome: "pass" as const, nonce, elapsedMs, deadlineMs,
    root: new Uint8Array(32).fill(1), walkRoot: new Uint8Array(32).fill(2), evidenceHash: new Uint8Array(32).fill(3),
  });

  before(async () => {
    w = await World.start();
    miner = await w.user(100_000_000n);
    await rpc.createPool({ connection: w.connection, creator: miner.kp, utilityMint: w.mint, gpuClass: "H100", params: POOL_PARAMS });
    pool = pdas.pool("H100")[0];
    const t0 = alignUp(await w.now(), HOUR);
    await w.warpTo(t0);
    const deviceKey = Keypair.generate();
    await rpc.registerDevice({ connection: w.connection, owner: miner.kp, deviceKey, pool, specsHash: new Uint8Array(32).fill(7) });
    device = pdas.device(deviceKey.publicKey)[0];
    await rpc.burnForCertificate({ connection: w.connection, owner: miner.kp, pool, utilityMint: w.mint, ownerTokens: miner.tokens, nonce: 1n, gpuSeconds: 12n * HOUR });
    await rpc.createStake({
      connection: w.connection, owner: miner.kp, pool, device, deviceStakeCount: 0n, ownerTokens: miner.tokens, kind: "lp", end: t0 + 12n * HOUR, certificateNonce: 1n,
    });
    stake = pdas.stake(device, 0n)[0];
    verifier = await w.user(VERIFIER_STAKE);
    verifierAccount = pdas.verifier(verifier.kp.publicKey)[0];
    vault = pdas.verifierVault(verifierAccount)[0];
  });
  after(() => w?.stop());

  it("the admin sets the verification rules", async () => {
    const res = await rpc.updateProtocol({ connection: w.connection, admin: w.admin, verification: VERIFICATION });
    expect(names(res)).to.deep.equal(["VerificationParamsUpdated", "ProtocolUpdated"]);
    expect((await accounts.fetchProtocolSingleton(w.connection))!.verification).to.deep.equal(VERIFICATION);
    const e = await rejects(rpc.updateProtocol({ connection: w.connection, admin: w.admin, verification: { ...VERIFICATION, distinctVerifiersToFail: 1 } }));
    expect(programError(e)).to.equal("InvalidVerificationParams");
  });

  it("the miner publishes the device's endpoint; the SDK refuses one over 128 bytes", async () => {
    const endpoint = "https://gpu-1.miner.example:8443/poc";
    const res = await rpc.setDeviceEndpoint({ connection: w.connection, owner: miner.kp, pool, device, endpoint });
    expect(names(res)).to.deep.equal(["DeviceEndpointSet"]);
    expect((await fetchDevice()).endpoint).to.equal(endpoint);
    const e = await rejects(rpc.setDeviceEndpoint({ connection: w.connection, owner: miner.kp, pool, device, endpoint: "x".repeat(129) }));
    expect(e.category).to.equal("InvalidArgument");
    expect(e.message).to.match(/EndpointTooLong/);
  });

  it("a verifier below the minimum stake is refused; at the minimum it is registered", async () => {
    const e = await rejects(rpc.registerVerifier({ connection: w.connection, authority: verifier.kp, authorityTokens: verifier.tokens, utilityMint: w.mint, amount: VERIFIER_STAKE - 1n }));
    expect(programError(e)).to.equal("VerifierStakeTooLow");
    const res = await rpc.registerVerifier({ connection: w.connection, authority: verifier.kp, authorityTokens: verifier.tokens, utilityMint: w.mint, amount: VERIFIER_STAKE });
    expect(names(res)).to.deep.equal(["VerifierRegistered"]);
    expect(await w.balance(vault)).to.equal(VERIFIER_STAKE);
    expect(await w.balance(verifier.tokens)).to.equal(0n);
    const v = await fetchVerifier();
    expect(v.authority.equals(verifier.kp.publicKey)).to.equal(true);
    expect(v.vault.equals(vault)).to.equal(true);
    expect([v.staked, v.unbondingSince, v.pending, v.strikes]).to.deep.equal([VERIFIER_STAKE, 0n, 0, 0]);
    expect((await gpa.allVerifiers(w.connection)).map((k) => k.address.toBase58())).to.deep.equal([verifierAccount.toBase58()]);
  });

  let first: { challenge: PublicKey; nonce: Uint8Array };

  it("opens a challenge on the live stake: the newest slot hash and the nonce commitment are recorded", async () => {
    await w.advanceSlots(3n);
    const opened = await open();
    first = opened;
    expect(opened.events).to.deep.equal(["ChallengeOpened"]);
    const c = (await accounts.fetchChallenge(w.connection, opened.challenge))!;
    const newest = await newestSlotHash();
    expect(Buffer.from(c.slotHash).equals(Buffer.alloc(32)), "slot hash is not zero").to.equal(false);
    expect(Buffer.from(c.slotHash).equals(newest.hash), "slot hash is the newest SlotHashes entry").to.equal(true);
    expect(Buffer.from(c.nonceCommit).equals(sha256(opened.nonce)), "commitment is SHA-256 of the nonce").to.equal(true);
    expect(c.outcome).to.equal("pending");
    expect([c.id, c.paramsId]).to.deep.equal([0n, 1]);
    expect(c.verifier.equals(verifier.kp.publicKey) && c.device.equals(device) && c.stake.equals(stake) && c.pool.equals(pool)).to.equal(true);
    expect(c.verdictDeadlineSlot).to.equal(c.openedSlot + 300n);
    expect((await fetchDevice()).challengeCount).to.equal(1n);
    expect((await fetchVerifier()).pending).to.equal(1);
    const pending = await gpa.openChallenges(w.connection, verifier.kp.publicKey);
    expect(pending.map((k) => k.address.toBase58())).to.deep.equal([opened.challenge.toBase58()]);
  });

  it("a verdict revealing another nonce fails with the typed NonceMismatch, and changes nothing", async () => {
    const wrong = Uint8Array.from(first.nonce, (b) => b ^ 0xff);
    const e = await rejects(rpc.submitVerdict(verdict(first.challenge, wrong, 900, 1_000)));
    expect(programError(e)).to.equal("NonceMismatch");
    expect(errors.isProgramError(e, "NonceMismatch")).to.equal(true);
    expect((e as errors.PinfiProgramError).code).to.equal(6035);
    expect((await accounts.fetchChallenge(w.connection, first.challenge))!.outcome).to.equal("pending");
    const d = await fetchDevice();
    expect([d.passes, d.strikes, d.failures]).to.deep.equal([0, 0, 0]);
  });

  it("a Pass verdict records the device's counters and speed", async () => {
    const now = await w.now();
    const res = await rpc.submitVerdict(verdict(first.challenge, first.nonce, 900, 1_000));
    expect(names(res)).to.deep.equal(["VerdictPosted"]);
    const posted = res.events[0].data as { outcome: string; stakeFailed: boolean; elapsedMs: number };
    expect([posted.outcome, posted.stakeFailed, posted.elapsedMs]).to.deep.equal(["pass", false, 900]);
    const d = await fetchDevice();
    expect({ passes: d.passes, strikes: d.strikes, failures: d.failures, perfBps: d.perfBps, challengeCount: d.challengeCount }).to.deep.equal({
      passes: 1, strikes: 0, failures: 0, perfBps: 8_888, challengeCount: 1n, // 0.8 × 1000 / 900
    });
    expect(d.lastVerdictAt).to.equal(now);
    const c = (await accounts.fetchChallenge(w.connection, first.challenge))!;
    expect(c.outcome).to.equal("pass");
    expect(Buffer.from(c.nonce).equals(Buffer.from(first.nonce))).to.equal(true);
    expect([c.elapsedMs, c.deadlineMs, c.decidedAt]).to.deep.equal([900, 1_000, now]);
    const v = await fetchVerifier();
    expect([v.pending, v.opened, v.verdicts]).to.deep.equal([0, 1n, 1n]);
    expect((await accounts.fetchStake(w.connection, stake))!.failed).to.equal(false);
    expect(await gpa.openChallenges(w.connection, verifier.kp.publicKey)).to.deep.equal([]);
    // A decided challenge takes no second verdict (seen in a dry run: nothing sent).
    const sim = await rpc.submitVerdict.dryRun(verdict(first.challenge, first.nonce, 900, 1_000));
    expect((sim.error as errors.PinfiProgramError).errorName).to.equal("ChallengeDecided");
  });

  it("a challenge left without a verdict expires after its window: a strike for the verifier", async () => {
    const { challenge } = await open();
    const expire = { connection: w.connection, payer: w.admin, challenge, verifierAuthority: verifier.kp.publicKey, pool };
    expect(programError(await rejects(rpc.expireChallenge(expire)))).to.equal("VerdictWindowOpen");
    await w.advanceSlots(301n);
    const res = await rpc.expireChallenge(expire);
    expect(names(res)).to.deep.equal(["ChallengeExpired"]);
    expect((await accounts.fetchChallenge(w.connection, challenge))!.outcome).to.equal("expired");
    expect((await gpa.challengesByOutcome(w.connection, "expired")).map((k) => k.address.toBase58())).to.deep.equal([challenge.toBase58()]);
    expect((await gpa.challengesByDevice(w.connection, device)).length).to.equal(2);
    const v = await fetchVerifier();
    expect([v.pending, v.strikes]).to.deep.equal([0, 1]);
    const d = await fetchDevice();
    expect([d.challengeCount, d.passes, d.strikes]).to.deep.equal([2n, 1, 0]); // the miner is not blamed
  });

  it("the admin slashes the verifier; it unbonds and withdraws the rest after the unbonding period", async () => {
    const supply = (await getMint(w.connection, w.mint)).supply;
    const res = await rpc.slashVerifier({ connection: w.connection, admin: w.admin, verifierAuthority: verifier.kp.publicKey, utilityMint: w.mint, amount: 1_000_000n });
    expect(names(res)).to.deep.equal(["VerifierSlashed"]);
    expect(await w.balance(vault)).to.equal(VERIFIER_STAKE - 1_000_000n);
    expect(supply - (await getMint(w.connection, w.mint)).supply).to.equal(1_000_000n);
    expect([(await fetchVerifier()).staked, (await fetchVerifier()).slashed]).to.deep.equal([VERIFIER_STAKE - 1_000_000n, 1_000_000n]);

    const withdraw = { connection: w.connection, authority: verifier.kp, authorityTokens: verifier.tokens };
    expect(programError(await rejects(rpc.withdrawVerifier(withdraw)))).to.equal("UnbondingNotOver");
    const now = await w.now();
    expect(names(await rpc.unbondVerifier({ connection: w.connection, authority: verifier.kp }))).to.deep.equal(["VerifierUnbonding"]);
    expect((await fetchVerifier()).unbondingSince).to.equal(now);
    expect(programError(await rejects(rpc.unbondVerifier({ connection: w.connection, authority: verifier.kp })))).to.equal("AlreadyUnbonding");
    expect(programError(await rejects(rpc.withdrawVerifier(withdraw)))).to.equal("UnbondingNotOver");
    await w.warpTo(now + 3_600n);
    expect(names(await rpc.withdrawVerifier(withdraw))).to.deep.equal(["VerifierWithdrawn"]);
    expect(await w.balance(verifier.tokens)).to.equal(VERIFIER_STAKE - 1_000_000n);
    expect(await accounts.fetchVerifier(w.connection, verifierAccount)).to.equal(null);
    expect(await w.connection.getAccountInfo(vault)).to.equal(null);
  });
});
