// @pinfi/sdk, in layers (Squads v4 style): each namespace is one layer, each file one concept.
export * as constants from "./constants";
export * as pdas from "./pdas";
export * as accounts from "./accounts";
export * as gpa from "./gpa";
export * as math from "./math";
export * as quotes from "./quotes";
export * as instructions from "./instructions";
export * as transactions from "./transactions";
export * as rpc from "./rpc";
export * as errors from "./errors";
export * as events from "./events";

export { PinfiClient } from "./client";
export type { PinfiClientOptions } from "./client";
export { connectionFor } from "./connection";
export { PROGRAM_ID } from "./constants";
export { PinfiSdkError } from "./errors/base";
export { PinfiProgramError, TransportError, translateError } from "./errors";
export { EventSequencer } from "./events";
export type * from "./types";
