import { expect } from "chai";
import { existsSync } from "node:fs";
import { LAMPORTS_PER_SOL } from "@solana/web3.js";
import { ACCOUNT_SIZE } from "@solana/spl-token";
import { accounts } from "@pinfi/sdk";
import { getClock, LocalnetError, localnetBinary, LocalWorld, rpcCall, startLocalnet, timeTravel } from "../src";

describe("@pinfi/localnet", function () {
  this.timeout(120_000);

  it("starts on free ports, travels in time, stops", async () => {
    expect(existsSync(localnetBinary()), `build it: cargo build -p pinfi-localnet --bin localnet (${localnetBinary()})`).to.equal(true);
    const net = await startLocalnet({ build: false });
    try {
      expect(net.rpc).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(net.ws).to.match(/^ws:\/\/127\.0\.0\.1:\d+$/);
      expect(await rpcCall<string>(net.rpc, "getHealth")).to.equal("ok");
      const before = await getClock(net.rpc);
      const after = await timeTravel(net.rpc, before.unixTimestamp + 3_600);
      expect(after.unixTimestamp).to.equal(before.unixTimestamp + 3_600);
      expect((await getClock(net.rpc)).unixTimestamp).to.equal(before.unixTimestamp + 3_600);
    } finally {
      await net.stop();
    }
    expect(net.child.exitCode !== null || net.child.signalCode !== null).to.equal(true);
  });

  it("says in one line what is wrong", async () => {
    const saved = process.env.PINFI_LOCALNET_BIN;
    process.env.PINFI_LOCALNET_BIN = "/nonexistent/localnet";
    try {
      await startLocalnet().then(() => expect.fail("started"), (e) => {
        expect(e).to.be.instanceOf(LocalnetError);
        expect((e as Error).message).to.match(/PINFI_LOCALNET_BIN=\/nonexistent\/localnet does not exist/);
      });
    } finally {
      if (saved === undefined) delete process.env.PINFI_LOCALNET_BIN;
      else process.env.PINFI_LOCALNET_BIN = saved;
    }
    await rpcCall("http://127.0.0.1:1", "getHealth").then(() => expect.fail("answered"), (e) => expect((e as Error).message).to.match(/cannot reach the RPC/));
  });
});

describe("LocalWorld", function () {
  this.timeout(120_000);

  it("starts a funded protocol: users hold tokens, the clock moves, stop ends the localnet", async () => {
    const w = await LocalWorld.start({ build: false });
    try {
      const protocol = await accounts.fetchProtocolSingleton(w.connection);
      expect(protocol?.admin.toBase58()).to.equal(w.admin.publicKey.toBase58());
      expect(protocol?.utilityMint.toBase58()).to.equal(w.mint.toBase58());
      const u = await w.user(1_234n, 2);
      expect(await w.balance(u.tokens)).to.equal(1_234n);
      // The user paid the token account's rent and three signatures' fees (create: 1, mint: payer + authority).
      const rent = await w.connection.getMinimumBalanceForRentExemption(ACCOUNT_SIZE);
      expect(await w.connection.getBalance(u.kp.publicKey)).to.equal(2 * LAMPORTS_PER_SOL - rent - 3 * 5_000);
      const [t, slot] = [await w.now(), await w.slot()];
      await w.warpTo(t + 600n);
      expect(await w.now()).to.equal(t + 600n);
      await w.advanceSlots(5n);
      expect(await w.slot()).to.equal(slot + 5n);
    } finally {
      await w.stop();
    }
    expect(w.net.child.exitCode !== null || w.net.child.signalCode !== null).to.equal(true);
  });
});
