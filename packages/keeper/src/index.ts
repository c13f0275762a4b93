// @pinfi/keeper: the library behind the `pinfi-keeper` daemon.
export { Keeper } from "./keeper";
export type { KeeperOptions } from "./keeper";
export { loadConfig, parseYaml, envName, ConfigError, DEFAULTS } from "./config";
export type { KeeperConfig, LoadOptions } from "./config";
export { classify, backoffMs, nameOf } from "./classify";
export type { Classified, ErrorClass, CrankKind } from "./classify";
export { pack, measure, splitIntoInstructions, tablePicker, MAX_TRANSACTION_BYTES, MAX_INSTRUCTION_TRACE, GroupTooLargeError } from "./batch";
export type { Batch, Group, Measure, PackOptions, SplitOptions } from "./batch";
export { LookupTables } from "./lookup";
export { Metrics } from "./metrics";
export { serveHttp } from "./http";
export { EpochCrank } from "./cranks/epochs";
export { SettlementCrank, planSettlement, planSweep, needsRenter, TRACE } from "./cranks/settlements";
export { RentalCrank, canServe, candidatesFor } from "./cranks/rentals";
export type { Crank, CrankContext, RunReport } from "./context";
export { createLogger } from "./log";
export { loadKeypair } from "./keypair";
export { parseArgs } from "./bin";
