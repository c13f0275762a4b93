// Every error path a user can hit comes back as a typed SDK error, and loses nothing.
import { expect } from "chai";
import { Keypair, PublicKey } from "@solana/web3.js";
import { accounts, errors, pdas, rpc } from "@pinfi/sdk";
import { alignUp, HOUR, POOL_PARAMS, User, World } from "./world";
import { programError, rejects } from "./expect";


describe("typed errors through the SDK", function () {
  this.timeout(300_000);
  let w: World;
  let pool: PublicKey;
  let t0: bigint;
  let miner: User;
  let stake: PublicKey;
  let sellerStake: PublicKey;

  before(async () => {
    w = await World.start();
    miner = await w.user(1_000_000_000n);
    await rpc.createPool({ connection: w.connection, creator: miner.kp, utilityMint: w.mint, gpuClass: "A100", params: POOL_PARAMS });
    pool = pdas.pool("A100")[0];
    t0 = alignUp(await w.now(), HOUR);
    await w.warpTo(t0);
    const deviceKey = Keypair.generate();
    await rpc.registerDevice({ connection: w.connection, owner: miner.kp, deviceKey, pool, specsHash: new Uint8Array(32) });
    const device = pdas.device(deviceKey.publicKey)[0];
    await rpc.burnForCertificate({ connection: w.connection, owner: miner.kp, pool, utilityMint: w.mint, ownerTokens: miner.tokens, nonce: 1n, gpuSeconds: 8n * HOUR });
    await rpc.createStake({ connection: w.connection, owner: miner.kp, pool, device, deviceStakeCount: 0n, ownerTokens: miner.tokens, kind: "lp", end: t0 + 8n * HOUR, certificateNonce: 1n });
    stake = pdas.stake(device, 0n)[0];
    await rpc.addLiquidity({ connection: w.connection, owner: miner.kp, pool, stake, ownerTokens: miner.tokens, maxTokensIn: 10n ** 12n });
    const sellerKey = Keypair.generate();
    await rpc.registerDevice({ connection: w.connection, owner: miner.kp, deviceKey: sellerKey, pool, specsHash: new Uint8Array(32) });
    const sellerDevice = pdas.device(sellerKey.publicKey)[0];
    await rpc.burnForCertificate({ connection: w.connection, owner: miner.kp, pool, utilityMint: w.mint, ownerTokens: miner.tokens, nonce: 2n, gpuSeconds: 2n * HOUR });
    await rpc.createStake({ connection: w.connection, owner: miner.kp, pool, device: sellerDevice, deviceStakeCount: 0n, ownerTokens: miner.tokens, kind: "seller", end: t0 + 2n * HOUR, certificateNonce: 2n });
    sellerStake = pdas.stake(sellerDevice, 0n)[0];
  });
  after(() => w?.stop());

  it("wrong signer: only the admin may pause", async () => {
    const e = await rejects(rpc.updateProtocol({ connection: w.connection, admin: miner.kp, paused: true }));
    expect(programError(e)).to.equal("NotOwner");
    expect(e.retryable).to.equal(false);
    expect((await accounts.fetchProtocolSingleton(w.connection))!.paused).to.equal(false);
  });

  it("slippage limit exceeded, nothing spent", async () => {
    const buyer = await w.user(10_000_000n);
    const e = await rejects(rpc.buyHours({
      connection: w.connection, buyer: buyer.kp, pool, rentalId: 1n, buyerTokens: buyer.tokens, utilityMint: w.mint,
      tokensIn: 1_000_000n, end: t0 + 2n * HOUR, minHoursOut: 10n ** 9n,
    }));
    expect(programError(e)).to.equal("SlippageExceeded");
    expect(await w.balance(buyer.tokens)).to.equal(10_000_000n);
  });

  it("insufficient funds: the token program's error, typed", async () => {
    const poor = await w.user(10n);
    const e = await rejects(rpc.buyHours({
      connection: w.connection, buyer: poor.kp, pool, rentalId: 1n, buyerTokens: poor.tokens, utilityMint: w.mint,
      tokensIn: 1_000_000n, end: t0 + 2n * HOUR, minHoursOut: 0n,
    }));
    expect(e).to.be.instanceOf(errors.TokenProgramError, e.message);
    expect((e as errors.TokenProgramError).errorName).to.equal("InsufficientFunds");
    expect(await w.balance(poor.tokens)).to.equal(10n);
  });

  it("paused protocol refuses trades", async () => {
    await rpc.updateProtocol({ connection: w.connection, admin: w.admin, paused: true });
    const buyer = await w.user(10_000_000n);
    const e = await rejects(rpc.buyHours({
      connection: w.connection, buyer: buyer.kp, pool, rentalId: 1n, buyerTokens: buyer.tokens, utilityMint: w.mint,
      tokensIn: 1_000_000n, end: t0 + 2n * HOUR, minHoursOut: 0n,
    }));
    expect(programError(e)).to.equal("ProtocolPaused");
    await rpc.updateProtocol({ connection: w.connection, admin: w.admin, paused: false });
  });

  it("a dry run reports the named error and the logs without sending", async () => {
    const sim = await rpc.settleStake.dryRun({
      connection: w.connection, payer: w.admin, pool, stake, owner: miner.kp.publicKey, ownerTokens: miner.tokens, utilityMint: w.mint,
    });
    expect(sim.ok).to.equal(false);
    expect((sim.error as errors.PinfiProgramError).errorName).to.equal("StakeNotEnded");
    expect(sim.logs.some((l) => l.includes("AnchorError"))).to.equal(true);
  });

  it("expired stake: no sale after its end", async () => {
    await w.warpTo(t0 + 2n * HOUR);
    const before = await w.balance(miner.tokens);
    const e = await rejects(rpc.sellHours({
      connection: w.connection, owner: miner.kp, pool, stake: sellerStake, ownerTokens: miner.tokens, utilityMint: w.mint, hours: 60n, minTokensOut: 0n,
    }));
    expect(programError(e)).to.equal("StakeExpired");
    expect(await w.balance(miner.tokens)).to.equal(before);
  });
});
