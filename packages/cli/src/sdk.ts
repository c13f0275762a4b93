// The one door to @pinfi/sdk (its package entry point only).
export * from "@pinfi/sdk";
export * as types from "./sdkTypes";
