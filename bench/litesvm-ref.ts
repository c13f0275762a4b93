// The reference engine: the npm `litesvm` package (1.5.0, @solana/kit), in-process, running the
// same SPL Token workload as the localnet half: a mint, two token accounts, then N transfers.
import { FailedTransactionMetadata, LiteSVM, TransactionMetadata } from "litesvm";
import {
  Address,
  Instruction,
  KeyPairSigner,
  TransactionSigner,
  appendTransactionMessageInstructions,
  createTransactionMessage,
  generateKeyPairSigner,
  lamports,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
} from "@solana/kit";
import { getCreateAccountInstruction } from "@solana-program/system";
import {
  TOKEN_PROGRAM_ADDRESS,
  getInitializeAccount3Instruction,
  getInitializeMint2Instruction,
  getMintSize,
  getMintToInstruction,
  getTokenSize,
  getTransferInstruction,
} from "@solana-program/token";
import { max, median, now } from "./stats";

export interface LiteSvmResult {
  /** `new LiteSVM()` (default programs incl. SPL Token), median and max of K constructions. */
  constructMedianMs: number;
  constructMaxMs: number;
  transfers: number;
  /** Build + sign + sendTransaction of each transfer, sequential (signing inside the timer). */
  signedInsideTps: number;
  perTxMs: number[];
  /** Only sendTransaction timed; the transfers were built and signed before the timer (for information). */
  presignedTps: number;
}

async function signed(payer: TransactionSigner, blockhash: ReturnType<LiteSVM["latestBlockhash"]>, ixs: Instruction[]) {
  return pipe(
    createTransactionMessage({ version: 0 }),
    (m) => setTransactionMessageFeePayerSigner(payer, m),
    (m) => setTransactionMessageLifetimeUsingBlockhash({ blockhash, lastValidBlockHeight: 0n }, m),
    (m) => appendTransactionMessageInstructions(ixs, m),
    (m) => signTransactionMessageWithSigners(m),
  );
}

function ok(result: TransactionMetadata | FailedTransactionMetadata, what: string): void {
  if (result instanceof FailedTransactionMetadata) throw new Error(`litesvm: ${what} failed: ${result.toString()}`);
}

async function createTokenAccount(svm: LiteSVM, payer: KeyPairSigner, mint: Address, owner: Address): Promise<Address> {
  const account = await generateKeyPairSigner();
  const space = BigInt(getTokenSize());
  const tx = await signed(payer, svm.latestBlockhash(), [
    getCreateAccountInstruction({ payer, newAccount: account, lamports: lamports(svm.minimumBalanceForRentExemption(space)), space, programAddress: TOKEN_PROGRAM_ADDRESS }),
    getInitializeAccount3Instruction({ account: account.address, mint, owner }),
  ]);
  ok(svm.sendTransaction(tx), "create token account");
  return account.address;
}

export async function runLiteSvm(transfers: number, constructions: number): Promise<LiteSvmResult> {
  const constructMs: number[] = [];
  for (let i = 0; i < constructions; i++) {
    const t0 = now();
    new LiteSVM();
    constructMs.push(now() - t0);
  }

  const svm = new LiteSVM();
  const payer = await generateKeyPairSigner();
  ok(svm.airdrop(payer.address, lamports(100_000_000_000n))!, "airdrop");
  const mint = await generateKeyPairSigner();
  const mintSpace = BigInt(getMintSize());
  ok(
    svm.sendTransaction(
      await signed(payer, svm.latestBlockhash(), [
        getCreateAccountInstruction({ payer, newAccount: mint, lamports: lamports(svm.minimumBalanceForRentExemption(mintSpace)), space: mintSpace, programAddress: TOKEN_PROGRAM_ADDRESS }),
        getInitializeMint2Instruction({ mint: mint.address, decimals: 0, mintAuthority: payer.address }),
      ]),
    ),
    "create mint",
  );
  const source = await createTokenAccount(svm, payer, mint.address, payer.address);
  const destination = await createTokenAccount(svm, payer, mint.address, payer.address);
  ok(svm.sendTransaction(await signed(payer, svm.latestBlockhash(), [getMintToInstruction({ mint: mint.address, token: source, mintAuthority: payer, amount: 1n << 60n })])), "mintTo");

  // Every transfer moves a different amount, so no two transactions share a signature under the
  // one blockhash LiteSVM keeps (it would answer AlreadyProcessed).
  const transfer = (amount: number) => getTransferInstruction({ source, destination, authority: payer, amount: BigInt(amount) });

  // Signing inside the timer, as for the localnet throughput runs.
  const perTxMs: number[] = [];
  const t0 = now();
  for (let i = 0; i < transfers; i++) {
    const s = now();
    ok(svm.sendTransaction(await signed(payer, svm.latestBlockhash(), [transfer(i + 1)])), `transfer ${i}`);
    perTxMs.push(now() - s);
  }
  const signedInsideTps = transfers / ((now() - t0) / 1000);

  // For information: signing before the timer.
  const blockhash = svm.latestBlockhash();
  const pre = [];
  for (let i = 0; i < transfers; i++) pre.push(await signed(payer, blockhash, [transfer(transfers + i + 1)]));
  const t1 = now();
  for (const tx of pre) ok(svm.sendTransaction(tx), "presigned transfer");
  const presignedTps = transfers / ((now() - t1) / 1000);

  return { constructMedianMs: median(constructMs), constructMaxMs: max(constructMs), transfers, signedInsideTps, perTxMs, presignedTps };
}
