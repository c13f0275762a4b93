import { expect } from "chai";
import { errors } from "@pinfi/sdk";
import { backoffMs, classify } from "../src";

const programErr = (code: number, index = 0) => ({ InstructionError: [index, { Custom: code }] });

describe("retry classification", () => {
  it("already done: WrongEpoch / an existing epoch PDA for closes, a vanished stake for settlement", () => {
    expect(classify(programErr(6046), "closeEpoch").class).to.equal("done");
    const inUse = new errors.TransactionFailedError("Custom", 0, {
      logs: ["Program 11111111111111111111111111111111 invoke [2]", "Allocate: account Address { address: X, base: None } already in use", "Program 11111111111111111111111111111111 failed: custom program error: 0x0"],
    });
    const c = classify(inUse, "closePoolEpoch");
    expect([c.class, c.name]).to.deep.equal(["done", "AccountAlreadyInUse"]);
    const gone = classify({ message: "x", logs: ["AnchorError caused by account: stake. Error Code: AccountNotInitialized. Error Number: 3012. Error Message: The program expected this account to be already initialized."] }, "settle");
    expect([gone.class, gone.name]).to.deep.equal(["done", "AccountNotInitialized"]);
    const epochMissing = classify({ message: "x", logs: ["AnchorError caused by account: to_epoch. Error Code: AccountNotInitialized. Error Number: 3012. Error Message: The program expected this account to be already initialized."] }, "settle");
    expect(epochMissing.class).to.equal("stale", "a missing pool epoch: our view is stale, not done");
    expect(classify("Transaction simulation failed: This transaction has already been processed", "settle").class).to.equal("done");
  });

  it("not due, stale, fatal", () => {
    expect(classify(programErr(6045), "closeEpoch").name).to.equal("EpochNotOver");
    expect(classify(programErr(6045), "closeEpoch").class).to.equal("notDue");
    expect(classify(programErr(6048), "settle").class).to.equal("notDue");
    expect(classify(programErr(6047), "settle").class).to.equal("stale");
    expect(classify(programErr(6000), "settle").class).to.equal("fatal");
    expect(classify(new Error("Attempt to debit an account but found no record of a prior credit."), "settle").class).to.equal("fatal");
  });

  it("transport: 429, network, timeouts and expired blockhashes are retried; unconfirmed is re-read, never resent blind", () => {
    expect(classify(new Error("429 Too Many Requests"), "settle").class).to.equal("retry");
    expect(classify(new Error("fetch failed"), "settle").class).to.equal("retry");
    expect(classify(new errors.TransportError("BlockhashExpired", "gone"), "settle").class).to.equal("retry");
    expect(classify(new errors.TransportError("Unconfirmed", "?"), "settle").class).to.equal("stale");
  });

  it("backoff doubles up to the cap, with jitter in [half, full]", () => {
    expect(backoffMs(1, 100, 10_000, () => 0)).to.equal(50);
    expect(backoffMs(1, 100, 10_000, () => 1)).to.equal(100);
    expect(backoffMs(4, 100, 10_000, () => 1)).to.equal(800);
    expect(backoffMs(20, 100, 1_000, () => 1)).to.equal(1_000);
    for (let i = 0; i < 100; i++) {
      const v = backoffMs(3, 100, 10_000);
      expect(v).to.be.within(200, 400);
    }
  });

  it("keeps the failing instruction's index (to drop one group from a batch)", () => {
    const e = classify({ InstructionError: [5, { Custom: 6048 }] }, "settle").error as { instructionIndex?: number };
    expect(e.instructionIndex).to.equal(5);
    const sim = classify({ message: "Transaction simulation failed: Error processing Instruction 3: custom program error: 0x17a0", logs: ["Program log: AnchorError occurred. Error Code: RewardsUnclaimed. Error Number: 6048. Error Message: x."] }, "settle");
    expect([(sim.error as { instructionIndex?: number }).instructionIndex, sim.name]).to.deep.equal([3, "RewardsUnclaimed"]);
  });
});
