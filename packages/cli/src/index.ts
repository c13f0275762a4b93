// @pinfi/cli as a library: the program, the actions every subcommand runs, and the demo network.
export { buildProgram, main, VERSION } from "./cli";
export * as actions from "./actions";
export { Ctx, resolveUrl, loadKeypair, toJson } from "./context";
export type { GlobalOptions } from "./context";
export { CliError, describeError } from "./errors";
export { startLocalnet, localnetBinary, ensureLocalnetBinary, timeTravel } from "./localnet";
export type { Localnet } from "./localnet";
export { runDemo, DEMO_FULL, DEMO_SHORT } from "./demo/run";
export type { DemoConfig, DemoPhase, DemoSummary, DemoWorld } from "./demo/types";
