// The verifier daemon (library side of `pinfi-verifier`) and the audit anyone runs against its
// verdicts: import "@pinfi/verifier/dist/daemon".
export { VerifierDaemon } from "./daemon";
export type { VerifierDaemonOptions, Target, ChallengeReport } from "./daemon";
export { VERIFIER_DEFAULTS, loadVerifierConfig } from "./config";
export type { VerifierConfig } from "./config";
export { auditChallenge, AuditError, evidenceUrl } from "../service/audit";
export type { AuditResult, AuditOptions } from "../service/audit";
