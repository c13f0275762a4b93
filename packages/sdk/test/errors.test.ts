import { execFileSync } from "child_process";
import * as path from "path";
import { expect } from "chai";
import { SendTransactionError, TransactionExpiredBlockheightExceededError, TransactionExpiredTimeoutError } from "@solana/web3.js";
import { errors, PROGRAM_ID } from "../src";
import { idl } from "../src/idl";

const P = PROGRAM_ID.toBase58();
const TOKEN = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
const { translateError, PinfiProgramError, AnchorFrameworkError, TokenProgramError, TransactionFailedError, TransportError } = errors;

describe("errors: generated from the IDL", () => {
  it("src/errors/generated.ts is up to date (scripts/gen-errors.mjs --check)", () => {
    execFileSync(process.execPath, [path.resolve(__dirname, "../scripts/gen-errors.mjs"), "--check"], { stdio: "pipe" });
  });

  it("has every IDL error with its code and message", () => {
    const gen = Object.entries(errors.PINFI_ERRORS).map(([name, e]) => ({ code: e.code, name, msg: e.msg }));
    expect(gen).to.deep.equal((idl.errors ?? []).map((e) => ({ code: e.code, name: e.name, msg: e.msg })));
  });

  it("every PinfiProgramError is terminal and knows its code", () => {
    for (const name of Object.keys(errors.PINFI_ERRORS) as errors.PinfiErrorName[]) {
      const e = new PinfiProgramError(name);
      expect(e.retryable).to.equal(false);
      expect(e.code).to.equal(errors.PINFI_ERRORS[name].code);
      expect(e).to.be.instanceOf(errors.PinfiSdkError);
    }
  });
});

describe("errors: translateError", () => {
  const invoke = [`Program ${P} invoke [1]`, "Program log: Instruction: BuyHours"];

  it("reads an AnchorError log line of the program", () => {
    const logs = [
      ...invoke,
      "Program log: AnchorError thrown in programs/pinfi/src/instructions/buyer/buy_hours.rs:49. Error Code: SlippageExceeded. Error Number: 6011. Error Message: Slippage limit exceeded.",
      `Program ${P} consumed 20000 of 200000 compute units`,
      `Program ${P} failed: custom program error: 0x177b`,
    ];
    const e = translateError(new Error("Simulation failed"), logs);
    expect(e).to.be.instanceOf(PinfiProgramError);
    expect((e as InstanceType<typeof PinfiProgramError>).errorName).to.equal("SlippageExceeded");
    expect((e as InstanceType<typeof PinfiProgramError>).code).to.equal(6011);
    expect(e.retryable).to.equal(false);
    expect(errors.isProgramError(e, "SlippageExceeded")).to.equal(true);
  });

  it("reads an Anchor framework error with its account", () => {
    const logs = [...invoke, "Program log: AnchorError caused by account: stake. Error Code: ConstraintHasOne. Error Number: 2001. Error Message: A has one constraint was violated."];
    const e = translateError(null, logs) as InstanceType<typeof AnchorFrameworkError>;
    expect(e).to.be.instanceOf(AnchorFrameworkError);
    expect(e.errorName).to.equal("ConstraintHasOne");
    expect(e.account).to.equal("stake");
    expect((translateError({ InstructionError: [0, { Custom: 3012 }] }) as any).errorName).to.equal("AccountNotInitialized");
  });

  it("blames the token program when it is the one that failed", () => {
    const logs = [
      ...invoke,
      `Program ${TOKEN} invoke [2]`,
      "Program log: Error: insufficient funds",
      `Program ${TOKEN} failed: custom program error: 0x1`,
      `Program ${P} failed: custom program error: 0x1`,
    ];
    const e = translateError(new Error("x"), logs) as InstanceType<typeof TokenProgramError>;
    expect(e).to.be.instanceOf(TokenProgramError);
    expect(e.errorName).to.equal("InsufficientFunds");
    expect(e.programId).to.equal(TOKEN);
  });

  it("does not take another Anchor program's 6000+ error for ours", () => {
    const other = "11111111111111111111111111111112";
    const logs = [`Program ${other} invoke [1]`, "Program log: AnchorError occurred. Error Code: Foo. Error Number: 6000. Error Message: foo."];
    const e = translateError(null, logs) as InstanceType<typeof TransactionFailedError>;
    expect(e).to.be.instanceOf(TransactionFailedError);
    expect(e.code).to.equal(6000);
  });

  it("parses `custom program error: 0x..` from a message", () => {
    const e = translateError(new Error("failed to send transaction: Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1774"));
    expect((e as any).errorName).to.equal("ZeroAmount");
  });

  it("maps a transaction error object", () => {
    const e = translateError({ InstructionError: [1, { Custom: 6005 }] }) as InstanceType<typeof PinfiProgramError>;
    expect(e.errorName).to.equal("InsufficientHours");
    expect(e.instructionIndex).to.equal(1);
    const sig = translateError({ InstructionError: [0, "MissingRequiredSignature"] }) as InstanceType<typeof TransactionFailedError>;
    expect(sig).to.be.instanceOf(TransactionFailedError);
    expect(sig.errorName).to.equal("MissingRequiredSignature");
    expect((translateError("BlockhashNotFound") as any).errorName).to.equal("BlockhashNotFound");
  });

  it("reads web3's SendTransactionError logs", () => {
    const err = new SendTransactionError({
      action: "send",
      signature: "sig",
      transactionMessage: "Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1770",
      logs: [...invoke, "Program log: math add failed at crates/pinfi-math/src/pool.rs:99", `Program ${P} failed: custom program error: 0x1770`],
    });
    const e = translateError(err) as InstanceType<typeof PinfiProgramError>;
    expect(e.errorName).to.equal("MathOverflow");
    expect(e.message).to.contain("math add failed at crates/pinfi-math/src/pool.rs:99");
    expect(e.logs).to.have.length.greaterThan(2);
  });

  it("classifies transport failures and their retry policy", () => {
    const cases: [unknown, string, boolean][] = [
      [new TransactionExpiredBlockheightExceededError("sig"), "BlockhashExpired", true],
      [new Error("failed to send transaction: Blockhash not found"), "BlockhashNotFound", true],
      [new Error("429 Too Many Requests: {\"jsonrpc\":\"2.0\"}"), "RateLimited", true],
      [new Error("request to http://x failed, reason: connect ECONNREFUSED"), "Network", true],
      [new Error("TypeError: fetch failed"), "Network", true],
      [new Error("Request timed out"), "Timeout", true],
      [new TransactionExpiredTimeoutError("sig", 30), "Unconfirmed", false],
    ];
    for (const [err, name, retryable] of cases) {
      const e = translateError(err) as InstanceType<typeof TransportError>;
      expect(e, name).to.be.instanceOf(TransportError);
      expect(e.errorName, name).to.equal(name);
      expect(e.retryable, name).to.equal(retryable);
    }
    expect((translateError(new TransactionExpiredTimeoutError("5ig", 1)) as InstanceType<typeof TransportError>).signature).to.equal("5ig");
  });

  it("keeps SDK errors as they are and wraps the unknown", () => {
    const e = new PinfiProgramError("ZeroAmount");
    expect(translateError(e)).to.equal(e);
    const u = translateError(new Error("something odd"));
    expect(u).to.be.instanceOf(errors.PinfiSdkError);
    expect(u.retryable).to.equal(false);
    expect((translateError(new Error("Attempt to debit an account but found no record of a prior credit.")) as any).errorName).to.equal("AccountNotFound");
  });
});

describe("errors: the failing instruction", () => {
  const anchorLog = "Program log: AnchorError occurred. Error Code: RewardsUnclaimed. Error Number: 6048. Error Message: Claim the stake's rewards up to its end before settling.";
  it("keeps the instruction index when the logs decide the error (batches drop just that group)", () => {
    const fromMeta = errors.translateError({ InstructionError: [5, { Custom: 6048 }] }, [anchorLog]) as errors.PinfiProgramError;
    expect([fromMeta.errorName, fromMeta.instructionIndex]).to.deep.equal(["RewardsUnclaimed", 5]);
    const fromSimulation = errors.translateError({
      message: "Transaction simulation failed: Error processing Instruction 3: custom program error: 0x17a0",
      logs: [anchorLog],
    }) as errors.PinfiProgramError;
    expect([fromSimulation.errorName, fromSimulation.instructionIndex]).to.deep.equal(["RewardsUnclaimed", 3]);
    expect((errors.translateError(new Error("429 Too Many Requests")) as { instructionIndex?: number }).instructionIndex).to.equal(undefined);
  });
});
