// What anyone does to hold a verifier to its verdict (docs/proof-of-compute.md §5): read the
// Challenge, fetch the bundle whose SHA-256 it stores (and the openings message the bundle names by
// digest) from the verifier's published endpoint, check the bundle's chain-bound fields against
// the chain, then `recheck` it — the verifier's own decision function on the recorded bytes.
import { createHash } from "node:crypto";
import { Connection, PublicKey } from "@solana/web3.js";
import { accounts, PinfiSdkError, PROGRAM_ID } from "@pinfi/sdk";
import { toHex } from "../bytes";
import { EvidenceBundle, parseEvidence, recheck, RecheckResult } from "../evidence";
import { OUTCOME_CODE, OUTCOME_VARIANT, OutcomeKind } from "../verify";

/** Where a verifier serves a bundle: `<endpoint>/evidence/<sha256 hex>.json`; its openings: `….openings`. */
export const evidencePath = (hashHex: string, kind: "json" | "openings" = "json") => `/evidence/${hashHex}.${kind}`;
export const evidenceUrl = (endpoint: string, hashHex: string, kind: "json" | "openings" = "json") =>
  endpoint.replace(/\/+$/, "") + evidencePath(hashHex, kind);

export interface AuditResult {
  challenge: string;
  /** The verifier's authority, as the challenge records it. */
  verifier: string;
  /** The chain's outcome (IDL variant name). */
  outcome: string;
  evidenceHash: string;
  url: string | null;
  /** Fields of the bundle that disagree with the chain (each one makes it another challenge's bundle). */
  chainMismatches: string[];
  recheck: RecheckResult | null;
  /** The published bundle is this challenge's, and recomputing it gives the verdict on chain. */
  supported: boolean;
  /** WRONG, re-derived from device-signed bytes alone. */
  objective: boolean;
}

/** Why an audit could not reach a bundle at all (nothing published, unreachable, a different file). */
export class AuditError extends Error {
  constructor(
    readonly code: "no_challenge" | "pending" | "no_verifier" | "no_endpoint" | "unreachable" | "not_found" | "hash_mismatch" | "not_a_bundle",
    message: string,
  ) {
    super(message);
    this.name = "AuditError";
  }
}

export interface AuditOptions {
  programId?: PublicKey;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Bundles are a few MiB for the GPU classes. */
  maxBytes?: number;
}

export async function auditChallenge(connection: Connection, challenge: PublicKey, o: AuditOptions = {}): Promise<AuditResult> {
  const opts = { programId: o.programId ?? PROGRAM_ID };
  const c = await accounts.fetchChallenge(connection, challenge, opts).catch((e: unknown) => {
    if (e instanceof PinfiSdkError && e.category === "InvalidAccount") throw new AuditError("no_challenge", `not a challenge account: ${e.message}`);
    throw e;
  });
  if (!c) throw new AuditError("no_challenge", `no challenge account at ${challenge.toBase58()}`);
  if (c.outcome === "pending" || c.outcome === "expired") throw new AuditError("pending", `challenge ${challenge.toBase58()} has no verdict (${c.outcome})`);
  const hash = toHex(Uint8Array.from(c.evidenceHash));
  const v = await accounts.fetchVerifierByAuthority(connection, c.verifier, opts);
  if (!v) throw new AuditError("no_verifier", `the verifier ${c.verifier.toBase58()} has no account any more: its evidence endpoint is unknown`);
  if (v.endpoint === "") throw new AuditError("no_endpoint", `the verifier ${c.verifier.toBase58()} publishes no evidence endpoint`);
  const url = evidenceUrl(v.endpoint, hash);
  const file = await download(url, o);
  const got = createHash("sha256").update(file).digest("hex");
  if (got !== hash) throw new AuditError("hash_mismatch", `${url} serves a file whose SHA-256 is ${got}, not the challenge's evidence hash ${hash}`);
  let bundle: EvidenceBundle;
  try {
    bundle = parseEvidence(Buffer.from(file).toString("utf8"));
  } catch (e) {
    throw new AuditError("not_a_bundle", `${url}: ${(e as Error).message}`);
  }
  // The openings are covered by the bundle's digest of them: recheck tells a different file apart.
  const openings = bundle.openings === null ? null : await download(evidenceUrl(v.endpoint, hash, "openings"), o);
  const device = await accounts.fetchDevice(connection, c.device, opts);
  const chainMismatches = mismatches(bundle, c, device?.deviceKey ?? null);
  const re = recheck(bundle, openings);
  const variant = OUTCOME_VARIANT[re.outcome.kind as OutcomeKind];
  const supported = chainMismatches.length === 0 && re.agrees && variant === c.outcome;
  return {
    challenge: challenge.toBase58(), verifier: c.verifier.toBase58(), outcome: c.outcome, evidenceHash: hash, url,
    chainMismatches, recheck: re, supported, objective: supported && re.objective,
  };
}

type ChallengeAccount = NonNullable<Awaited<ReturnType<typeof accounts.fetchChallenge>>>;

function mismatches(b: EvidenceBundle, c: ChallengeAccount, deviceKey: PublicKey | null): string[] {
  const hex = (x: ArrayLike<number>) => toHex(Uint8Array.from(x));
  const checks: [string, unknown, unknown][] = [
    ["challengeId", b.challenge.challengeId, c.id.toString()],
    ["devicePda", b.challenge.devicePda, hex(c.device.toBytes())],
    ["paramsId", b.challenge.paramsId, c.paramsId],
    ["slotHash", b.challenge.slotHash, hex(c.slotHash)],
    ["vNonce", b.challenge.vNonce, hex(c.nonce)],
    ["nonceCommitment", b.nonceCommitment, hex(c.nonceCommit)],
    ["devicePubkey", b.devicePubkey, deviceKey ? hex(deviceKey.toBytes()) : "(device closed)"],
    ["R", b.onChain.R, hex(c.root)],
    ["R2", b.onChain.R2, hex(c.walkRoot)],
    ["outcome", b.onChain.outcome, OUTCOME_CODE[kindOf(c.outcome)]],
    ["elapsedMs", b.onChain.elapsedMs, c.elapsedMs],
    ["deadlineMs", b.onChain.deadlineMs, c.deadlineMs],
  ];
  return checks.filter(([, a, want]) => a !== want).map(([name, a, want]) => `${name}: bundle ${String(a)}, chain ${String(want)}`);
}

const kindOf = (variant: string): OutcomeKind =>
  (Object.entries(OUTCOME_VARIANT).find(([, v]) => v === variant)?.[0] ?? "PASS") as OutcomeKind;

async function download(url: string, o: AuditOptions): Promise<Uint8Array> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), o.timeoutMs ?? 30_000);
  try {
    let res: Response;
    try {
      res = await (o.fetch ?? fetch)(url, { signal: ctrl.signal });
    } catch (e) {
      throw new AuditError("unreachable", `cannot fetch ${url}: ${(e as Error).message}`);
    }
    if (res.status === 404) throw new AuditError("not_found", `${url}: the verifier does not serve this file (404)`);
    if (!res.ok) throw new AuditError("unreachable", `${url}: HTTP ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > (o.maxBytes ?? 256 * 1024 * 1024)) throw new AuditError("not_a_bundle", `${url}: larger than the limit`);
    return bytes;
  } finally {
    clearTimeout(timer);
  }
}
