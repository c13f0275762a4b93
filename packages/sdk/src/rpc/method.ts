import { Keypair, PublicKey, Signer, TransactionInstruction } from "@solana/web3.js";
import { PROGRAM_ID } from "../constants";
import { PinfiSdkError } from "../errors/base";
import type { PinfiEvent } from "../events";
import { buildTransaction, BuildOptions } from "../transactions/build";
import { fetchEvents, simulate, SimulationResult } from "./simulate";
import { sendAndConfirm, SendOptions, WalletSigner } from "./sendAndConfirm";

/** An instruction's accounts may be given as signers: they then sign too. */
export type WithSigners<A> = { [K in keyof A]: A[K] extends PublicKey ? PublicKey | Signer : A[K] };

export type RpcOptions = Omit<BuildOptions, "instructions" | "payer"> &
  Omit<SendOptions, "transaction" | "connection" | "signers" | "wallet"> & {
    /** Fee payer; defaults to the instruction's paying signer. */
    payer?: Signer;
    /** Further signers. */
    signers?: Signer[];
    wallet?: WalletSigner;
  };

export interface RpcResult {
  signature: string;
  slot: number;
  events: PinfiEvent[];
}

const isSigner = (v: unknown): v is Signer =>
  v instanceof Keypair || (!!v && typeof v === "object" && (v as Signer).publicKey instanceof PublicKey && (v as Signer).secretKey instanceof Uint8Array);

/** Replaces signer values by their keys; returns the args and the signers found. */
function split<A>(args: WithSigners<A> & RpcOptions): { ixArgs: A; found: Signer[] } {
  const found: Signer[] = [];
  const ixArgs: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) {
    if (k !== "payer" && k !== "signers" && isSigner(v)) {
      found.push(v);
      ixArgs[k] = v.publicKey;
    } else ixArgs[k] = v;
  }
  return { ixArgs: ixArgs as A, found };
}

/** `rpc.<verb>(args)` builds, signs, sends, confirms and decodes; `rpc.<verb>.dryRun(args)` simulates. */
export function rpcMethod<A extends object>(builder: (a: A) => TransactionInstruction, payerKey: (keyof A & string) | null) {
  const prepare = async (args: WithSigners<A> & RpcOptions) => {
    const { ixArgs, found } = split<A>(args);
    const fromArgs = payerKey ? (ixArgs[payerKey] as unknown as PublicKey) : undefined;
    const payer = args.payer?.publicKey ?? args.wallet?.publicKey ?? fromArgs;
    if (!payer) throw new PinfiSdkError("InvalidArgument", "payer is required", false);
    const transaction = await buildTransaction({ ...args, payer, instructions: [builder(ixArgs)] });
    const signers = [...(args.payer ? [args.payer] : []), ...found, ...(args.signers ?? [])];
    return { transaction, signers };
  };
  const send = async (args: WithSigners<A> & RpcOptions): Promise<RpcResult> => {
    const { transaction, signers } = await prepare(args);
    const sent = await sendAndConfirm({ ...args, transaction, signers });
    const programId = (args as { programId?: PublicKey }).programId ?? PROGRAM_ID;
    return { ...sent, events: await fetchEvents(args.connection, sent.signature, programId) };
  };
  const dryRun = async (args: WithSigners<A> & RpcOptions): Promise<SimulationResult> => {
    // A simulated compute limit would throw on failure; a dry run reports it instead.
    const { transaction } = await prepare({ ...args, computeUnitLimit: args.computeUnitLimit === "simulate" ? undefined : args.computeUnitLimit });
    return simulate({ connection: args.connection, transaction, commitment: args.commitment, programId: (args as { programId?: PublicKey }).programId });
  };
  return Object.assign(send, { dryRun });
}
