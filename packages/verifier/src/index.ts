// @pinfi/verifier: the off-chain core of PinFi's proof-of-compute (PoC-v1). One file, one concept;
// docs/proof-of-compute.md (repository root) specifies every byte.
export * from "./params";
export type { ChallengeInputs, KeyLabel } from "./seed";
export { DOMAIN, deriveSeed, deriveKey, nonceCommitment, walkSeed } from "./seed";
export { philox, philoxKey, fillInt8, dotStream, dotWColumn, genX0, genX0Row, genWT, genWColumn, Permutation, permutation } from "./prng";
export type { PhiloxKey } from "./prng";
export { gemmNaive, gemmTN, dot, requant, requantAll, mixRows, mixRow } from "./gemm";
export { MerkleTree, PathVerifier, leafHash, nodeHash, rootFromPath, rowNode, chunkLeaves, inRowPath, depth } from "./merkle";
export { walkerInit, absorb, chunkAddress, runWalker } from "./walk";
export { Prover, prove, proveSync, phaseA, chainStep, commitTranscript, phaseB, commitWalk, rowIndex, finalBytes, sampleRows, assembleOpenBody } from "./prover";
export type { Progress, ProgressFn, ProverParts, ProvenChallenge } from "./prover";
export * from "./wire";
export { encodeOpenBody, decodeOpenings, maxOpeningsBytes, layout as openingsLayout } from "./openings";
export type { DeviceSigner } from "./sign";
export { signerFromSecret, generateSigner, verifySignature } from "./sign";
export { canonicalJson, canonicalBytes } from "./canonical";
export type { RandomSource } from "./samples";
export { cryptoRandom, seededRandom, drawRequest, drawColumns } from "./samples";
export { judge, checkItems, checkCommit, openingsDigest, rttAllowanceUs, OUTCOME_CODE, OUTCOME_VARIANT } from "./verify";
export type { Outcome, OutcomeKind, Failure, Timing, Judgement, JudgeInput, Detail, OpeningsItems } from "./verify";
export { NativeVerifier, NATIVE_VERIFIER, buildNativeVerifier } from "./nativeVerifier";
export type { ItemsQuery } from "./nativeVerifier";
export type { BundleInput } from "./evidence";
export { EVIDENCE_FORMAT, buildEvidence, evidenceHash, serializeEvidence, parseEvidence, recheck } from "./evidence";
export type { EvidenceBundle, OpeningsRecord, RecheckResult } from "./evidence";
export { verify, verifyWith, VerifierSession, toVerdictArgs } from "./session";
export type { Verdict, VerifyInput, SessionOptions, VerdictArgs } from "./session";
export {
  gpuProve, gpuAvailability, proveBest, buildNativeProver, runNativeProver, ServedProver, findNvcc, GpuUnavailable, NVCC_MISSING, CUDA_DIR,
} from "./gpuProver";
export type { GpuAvailability, Backend, NativeResult, UnavailableCode } from "./gpuProver";
export * as bytes from "./bytes";
