// Assertions shared by the suites: a call must fail with a typed SDK error (and which one).
import { expect } from "chai";
import { errors } from "@pinfi/sdk";

export async function rejects(p: Promise<unknown>): Promise<errors.PinfiSdkError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(errors.PinfiSdkError, String(e));
    return e as errors.PinfiSdkError;
  }
  throw new Error("expected the call to fail");
}

/** The program error's name (`NonceMismatch`, …); fails unless it is a program error. */
export const programError = (e: errors.PinfiSdkError): string => {
  expect(e).to.be.instanceOf(errors.PinfiProgramError, e.message);
  return (e as errors.PinfiProgramError).errorName;
};
