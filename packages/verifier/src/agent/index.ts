// The miner agent (library side of `pinfi-miner`): import "@pinfi/verifier/dist/agent".
export { MinerAgent, honestStrategy, deviceState, VoidRelease } from "./agent";
export type { AgentResponder, MinerAgentOptions, Strategy, StrategyContext, DeviceState } from "./agent";
export { MINER_DEFAULTS, loadMinerConfig } from "./config";
export type { MinerConfig } from "./config";
