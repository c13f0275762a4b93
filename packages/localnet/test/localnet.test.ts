import { expect } from "chai";
import { existsSync } from "node:fs";
import { getClock, LocalnetError, localnetBinary, rpcCall, startLocalnet, timeTravel } from "../src";

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
