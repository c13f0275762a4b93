// Program in the loop: a simulated trajectory replayed as real transactions on the localnet; the
// Pool account must equal the simulation's books after every step, to the base unit.
import { expect } from "chai";
import { existsSync } from "node:fs";
import { localnetBinary } from "@pinfi/localnet";
import { replayOnLocalnet } from "../src/chain/run";

describe("program in the loop (localnet)", function () {
  this.timeout(300_000);

  it("replays 30 simulated steps with zero difference in the pool's books", async () => {
    expect(existsSync(localnetBinary()), `no localnet binary at ${localnetBinary()}: cargo build -p pinfi-localnet --bin localnet`).to.equal(true);
    const reports = await replayOnLocalnet(30, 42);
    expect(reports).to.have.length(30);
    expect([...new Set(reports.map((r) => r.step.kind))]).to.include.members(["lp", "sell", "buy", "terminate", "settle"]);
    for (const r of reports) {
      expect(r.diffs, `step ${r.index} (${r.step.kind})`).to.deep.equal([]);
      expect(r.vault, `vault after step ${r.index}`).to.equal(r.vaultExpected);
    }
  });
});
