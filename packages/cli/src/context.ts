// Global options (Solana CLI habits) and what every command needs from them.
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { Connection, Keypair, PublicKey, SYSVAR_CLOCK_PUBKEY } from "@solana/web3.js";
import { accounts, connectionFor, PinfiClient, PROGRAM_ID } from "./sdk";
import { CliError, usage } from "./errors";

export interface GlobalOptions {
  url?: string;
  keypair?: string;
  programId?: string;
  json?: boolean;
  dryRun?: boolean;
  commitment?: string;
}

const MONIKERS: Record<string, string> = {
  localhost: "http://127.0.0.1:8899",
  l: "http://127.0.0.1:8899",
  devnet: "https://api.devnet.solana.com",
  d: "https://api.devnet.solana.com",
  "mainnet-beta": "https://api.mainnet-beta.solana.com",
  m: "https://api.mainnet-beta.solana.com",
  testnet: "https://api.testnet.solana.com",
  t: "https://api.testnet.solana.com",
};

/** `--url`: a moniker (localhost, devnet, mainnet-beta, testnet, or their first letter) or a URL. */
export function resolveUrl(url?: string): string {
  const u = url ?? process.env.PINFI_URL ?? "localhost";
  if (MONIKERS[u]) return MONIKERS[u];
  if (!/^https?:\/\//.test(u)) throw usage(`bad --url ${JSON.stringify(u)}: use localhost, devnet, mainnet-beta, testnet or an http(s) URL`);
  return u;
}

export const isLocal = (url: string) => /\/\/(127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1\])[:/]/.test(url + "/");

export const defaultKeypairPath = () => process.env.PINFI_KEYPAIR ?? join(homedir(), ".config", "solana", "id.json");

/** A Solana keypair file: a JSON array of the 64 secret-key bytes. */
export function loadKeypair(path: string, what = "--keypair"): Keypair {
  const p = resolve(path.replace(/^~(?=$|\/)/, homedir()));
  if (!existsSync(p)) throw new CliError(`keypair not found: ${what} ${p} does not exist (create one with \`solana-keygen new -o ${p}\` or pass ${what} <file>)`);
  let bytes: unknown;
  try {
    bytes = JSON.parse(readFileSync(p, "utf8"));
  } catch (e) {
    throw new CliError(`bad keypair file: ${what} ${p} is not JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(bytes) || bytes.length !== 64 || !bytes.every((b) => Number.isInteger(b) && b >= 0 && b < 256)) {
    throw new CliError(`bad keypair file: ${what} ${p} must be a JSON array of 64 bytes (the Solana CLI format)`);
  }
  try {
    return Keypair.fromSecretKey(Uint8Array.from(bytes as number[]));
  } catch (e) {
    throw new CliError(`bad keypair file: ${what} ${p}: ${(e as Error).message}`);
  }
}

export function parsePubkey(v: string, what: string): PublicKey {
  try {
    return new PublicKey(v);
  } catch {
    throw usage(`bad ${what}: ${JSON.stringify(v)} is not a base58 public key`);
  }
}

/** What a command runs with: connection, signer, program id, output mode. */
export class Ctx {
  readonly url: string;
  readonly programId: PublicKey;
  readonly json: boolean;
  readonly dryRun: boolean;
  private _connection?: Connection;
  private _payer?: Keypair;

  constructor(readonly opts: GlobalOptions, shared?: { connection?: Connection; signer?: Keypair }) {
    this._connection = shared?.connection;
    this._payer = shared?.signer;
    this.url = resolveUrl(opts.url);
    this.programId = opts.programId ? parsePubkey(opts.programId, "--program-id") : PROGRAM_ID;
    this.json = !!opts.json;
    this.dryRun = !!opts.dryRun;
  }

  get connection(): Connection {
    if (!this._connection) this._connection = connectionFor(this.url, { localnet: isLocal(this.url), disableRetryOnRateLimit: true });
    return this._connection;
  }

  /** The signer of `--keypair` (default ~/.config/solana/id.json); loaded on first use. */
  get payer(): Keypair {
    if (!this._payer) this._payer = loadKeypair(this.opts.keypair ?? defaultKeypairPath());
    return this._payer;
  }

  /** Who signs and pays: --keypair, or the participant a demo gave. */
  get signer(): Keypair {
    return this.payer;
  }

  /** The same cluster and options, another signer (the demo's participants). */
  as(signer: Keypair): Ctx {
    return new Ctx(this.opts, { connection: this.connection, signer });
  }

  get client(): PinfiClient {
    return new PinfiClient({ connection: this.connection, payer: this.signer, programId: this.programId });
  }

  /** Common SDK arguments of every rpc.<verb> call. */
  get base() {
    return { connection: this.connection, programId: this.programId };
  }

  /** The cluster's unix time (Clock sysvar): what a transaction landing now sees. */
  async now(): Promise<bigint> {
    const info = await this.connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY);
    if (!info) throw new CliError("the RPC has no Clock sysvar");
    return info.data.readBigInt64LE(32);
  }

  async protocol() {
    const p = await accounts.fetchProtocolSingleton(this.connection, { programId: this.programId });
    if (!p) throw new CliError(`protocol not initialized: no PinFi protocol account for program ${this.programId.toBase58()} on ${this.url} (run \`pinfi protocol init\`, or check --program-id / --url)`);
    return p;
  }

  out(human: () => void, json: () => unknown): void {
    if (this.json) process.stdout.write(toJson(json()) + "\n");
    else human();
  }

  /** Progress lines: stderr in --json mode so stdout stays one JSON document. */
  log(line: string): void {
    if (this.json) process.stderr.write(line + "\n");
    else process.stdout.write(line + "\n");
  }
}

/** JSON with bigints as strings and public keys as base58. */
export function toJson(v: unknown, indent?: number): string {
  return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x instanceof PublicKey ? x.toBase58() : x), indent);
}
