// The verifier daemon (library side of `pinfi-verifier`): import "@pinfi/verifier/dist/daemon".
export { VerifierDaemon } from "./daemon";
export type { VerifierDaemonOptions, Target, ChallengeReport } from "./daemon";
export { VERIFIER_DEFAULTS, loadVerifierConfig } from "./config";
export type { VerifierConfig } from "./config";
