// Shared test vectors: what the TypeScript reference computes for fixed inputs, per small class.
// The native prover (cuda/prover.cu, both builds) must reproduce them bit for bit.
//   npm run -w @pinfi/verifier vectors            rewrite test/vectors/*.json
//   npm run -w @pinfi/verifier vectors -- --check  exit 1 if the files differ from the reference
import * as fs from "node:fs";
import * as path from "node:path";
import { createHash } from "node:crypto";
import {
  ChallengeInputs, ParamClass, paramsByName, deriveSeed, deriveKey, nonceCommitment, walkSeed, genX0Row, genWColumn, permutation,
  proveSync, releaseMessage, signCommit, signerFromSecret, rowNode, finalBytes, toHexAll,
} from "./vector-deps";

export const VECTOR_CLASSES = ["ci-tiny", "ci"];
export const VECTOR_DIR = path.resolve(__dirname, "..", "test", "vectors");

const label = (s: string) => new Uint8Array(createHash("sha256").update(`pinfi/poc/vectors/${s}`).digest());

export function vectorChallenge(p: ParamClass): ChallengeInputs {
  return {
    programId: label("program"),
    devicePda: label("device"),
    challengeId: 42n,
    slotHash: label("slot"),
    vNonce: label("nonce"),
    paramsId: p.paramsId,
  };
}

export function computeVector(name: string): Record<string, unknown> {
  const p = paramsByName(name);
  const ch = vectorChallenge(p);
  const seed = deriveSeed(ch);
  const prover = proveSync(p, ch);
  const pi0 = permutation(p, seed, 0);
  const signer = signerFromSecret(label("device-key"));
  const t = prover.transcript;
  return {
    class: p.name,
    params: { ...p },
    challenge: releaseMessage(ch),
    nonceCommitment: toHexAll(nonceCommitment(ch.vNonce)),
    seed: toHexAll(seed),
    keys: { X0_0: toHexAll(deriveKey(seed, "X0", 0)), W_0: toHexAll(deriveKey(seed, "W", 0)), P_0: toHexAll(deriveKey(seed, "P", 0)) },
    x0Row0Head: toHexAll(new Uint8Array(genX0Row(p, seed, 0).buffer).subarray(0, 32)),
    w0Column0Head: toHexAll(new Uint8Array(genWColumn(p, seed, 0, 0).buffer).subarray(0, 32)),
    pi0Head: Array.from({ length: Math.min(16, p.m) }, (_, i) => pi0.apply(i)),
    x1Row0Head: toHexAll(new Uint8Array(t.buffer, t.byteOffset, 32)),
    rowNode0: toHexAll(rowNode(new Uint8Array(t.buffer, t.byteOffset, p.n))),
    R: toHexAll(prover.R),
    wseed: toHexAll(walkSeed(prover.R, ch.vNonce)),
    walker0Final: toHexAll(finalBytes(prover.finals, 0)),
    R2: toHexAll(prover.R2),
    transcriptSha256: createHash("sha256").update(new Uint8Array(t.buffer, t.byteOffset, t.byteLength)).digest("hex"),
    finalsSha256: createHash("sha256").update(new Uint8Array(prover.finals.buffer)).digest("hex"),
    devicePubkey: toHexAll(signer.publicKey),
    commit: signCommit(prover, signer),
  };
}

export const vectorFile = (name: string) => path.join(VECTOR_DIR, `${name}.json`);
// One key per line, so shell scripts (gpu-check.sh) can read fields with grep.
export const renderVector = (v: Record<string, unknown>) => JSON.stringify(v, null, 2) + "\n";

if (require.main === module) {
  const check = process.argv.includes("--check");
  let stale = 0;
  fs.mkdirSync(VECTOR_DIR, { recursive: true });
  for (const name of VECTOR_CLASSES) {
    const text = renderVector(computeVector(name));
    const file = vectorFile(name);
    if (check) {
      const same = fs.existsSync(file) && fs.readFileSync(file, "utf8") === text;
      console.log(`${same ? "ok   " : "STALE"} ${path.relative(process.cwd(), file)}`);
      if (!same) stale++;
    } else {
      fs.writeFileSync(file, text);
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
  process.exit(stale ? 1 : 0);
}
