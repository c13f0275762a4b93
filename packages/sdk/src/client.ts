// A small convenience over the layers: one connection, one payer or wallet, one program id.
import { Commitment, Connection, PublicKey, Signer, TransactionInstruction } from "@solana/web3.js";
import { ASSOCIATED_TOKEN_PROGRAM_ID, PROGRAM_ID, TOKEN_PROGRAM_ID } from "./constants";
import * as accounts from "./accounts";
import * as pdas from "./pdas";
import { PinfiSdkError } from "./errors/base";
import { buildTransaction, BuildOptions } from "./transactions/build";
import { sendAndConfirm, WalletSigner } from "./rpc/sendAndConfirm";
import { fetchEvents, simulate, SimulationResult } from "./rpc/simulate";
import type { RpcResult } from "./rpc/method";

export interface PinfiClientOptions {
  connection: Connection;
  /** Pays fees and signs as itself (a Keypair), or ... */
  payer?: Signer;
  /** ... a wallet that signs on request. */
  wallet?: WalletSigner;
  programId?: PublicKey;
  commitment?: Commitment;
}

type SendExtras = Omit<BuildOptions, "connection" | "payer" | "instructions">;

export class PinfiClient {
  readonly connection: Connection;
  readonly programId: PublicKey;
  readonly payer?: Signer;
  readonly wallet?: WalletSigner;
  readonly commitment: Commitment;

  constructor(o: PinfiClientOptions) {
    this.connection = o.connection;
    this.programId = o.programId ?? PROGRAM_ID;
    this.payer = o.payer;
    this.wallet = o.wallet;
    this.commitment = o.commitment ?? "confirmed";
  }

  get payerKey(): PublicKey {
    const key = this.payer?.publicKey ?? this.wallet?.publicKey;
    if (!key) throw new PinfiSdkError("InvalidArgument", "PinfiClient has no payer or wallet", false);
    return key;
  }

  private get opts() {
    return { programId: this.programId, commitment: this.commitment };
  }

  fetchProtocol = () => accounts.fetchProtocolSingleton(this.connection, this.opts);
  fetchPool = (gpuClassOrAddress: string | PublicKey) =>
    typeof gpuClassOrAddress === "string"
      ? accounts.fetchPoolByClass(this.connection, gpuClassOrAddress, this.opts)
      : accounts.fetchPool(this.connection, gpuClassOrAddress, this.opts);
  fetchDevice = (deviceKey: PublicKey) => accounts.fetchDevice(this.connection, pdas.device(deviceKey, this.programId)[0], this.opts);
  fetchStake = (address: PublicKey) => accounts.fetchStake(this.connection, address, this.opts);
  fetchRental = (address: PublicKey) => accounts.fetchRental(this.connection, address, this.opts);
  fetchCertificate = (address: PublicKey) => accounts.fetchBurnCertificate(this.connection, address, this.opts);
  /** A verifier by its authority (the key that signs for it). */
  fetchVerifier = (authority: PublicKey) => accounts.fetchVerifierByAuthority(this.connection, authority, this.opts);
  fetchChallenge = (address: PublicKey) => accounts.fetchChallenge(this.connection, address, this.opts);
  /** Closed epoch `index`; `null` while it is open. */
  fetchEpoch = (index: bigint | number) => accounts.fetchEpochByIndex(this.connection, index, this.opts);
  /** A pool's part of closed epoch `index`; `null` until that pool closed it. */
  fetchPoolEpoch = (pool: PublicKey, index: bigint | number) => accounts.fetchPoolEpochByIndex(this.connection, pool, index, this.opts);

  /** The owner's associated token account of `mint` (the usual `ownerTokens`/`buyerTokens`). */
  tokenAccount = (owner: PublicKey, mint: PublicKey) =>
    PublicKey.findProgramAddressSync([owner.toBuffer(), TOKEN_PROGRAM_ID.toBuffer(), mint.toBuffer()], ASSOCIATED_TOKEN_PROGRAM_ID)[0];

  /** Builds, signs (payer/wallet + `signers`), sends and confirms; returns the decoded events. */
  async send(instructions: TransactionInstruction[], signers: Signer[] = [], extras: SendExtras = {}): Promise<RpcResult> {
    const transaction = await buildTransaction({ ...extras, connection: this.connection, payer: this.payerKey, instructions, commitment: this.commitment });
    const sent = await sendAndConfirm({
      connection: this.connection,
      transaction,
      signers: [...(this.payer ? [this.payer] : []), ...signers],
      wallet: this.wallet,
      commitment: this.commitment,
    });
    return { ...sent, events: await fetchEvents(this.connection, sent.signature, this.programId) };
  }

  async simulate(instructions: TransactionInstruction[], extras: SendExtras = {}): Promise<SimulationResult> {
    const transaction = await buildTransaction({ ...extras, connection: this.connection, payer: this.payerKey, instructions, commitment: this.commitment });
    return simulate({ connection: this.connection, transaction, commitment: this.commitment, programId: this.programId });
  }
}
