import { expect } from "chai";
import { Connection, Keypair, VersionedTransaction } from "@solana/web3.js";
import { getAssociatedTokenAddressSync } from "@solana/spl-token";
import { accounts, instructions, PinfiClient, PinfiSdkError, pdas, PROGRAM_ID } from "../src";
import { bs58 } from "../src/anchor";
import { encodeAccount, key, sample } from "./helpers";

describe("PinfiClient", () => {
  it("derives associated token accounts as spl-token does", () => {
    const client = new PinfiClient({ connection: {} as Connection });
    const [owner, mint] = [Keypair.generate().publicKey, Keypair.generate().publicKey];
    expect(client.tokenAccount(owner, mint).equals(getAssociatedTokenAddressSync(mint, owner, true))).to.equal(true);
    expect(() => client.payerKey).to.throw(PinfiSdkError);
  });

  it("fetches by GPU class and sends with its payer", async () => {
    const payer = Keypair.generate();
    const poolData = encodeAccount("Pool", sample({ defined: { name: "Pool" } }));
    const asked: string[] = [];
    const connection = {
      getAccountInfo: async (address: any) => (asked.push(address.toBase58()), { owner: PROGRAM_ID, data: poolData }),
      getLatestBlockhash: async () => ({ blockhash: Keypair.generate().publicKey.toBase58(), lastValidBlockHeight: 10 }),
      sendRawTransaction: async (raw: Uint8Array) => bs58.encode(VersionedTransaction.deserialize(raw).signatures[0]),
      getSignatureStatuses: async () => ({ context: { slot: 1 }, value: [{ slot: 4, confirmations: 1, err: null, confirmationStatus: "confirmed" }] }),
      getTransaction: async () => ({ transaction: { message: { getAccountKeys: () => ({ staticAccountKeys: [] }) } }, meta: { err: null, innerInstructions: [] } }),
    } as unknown as Connection;
    const client = new PinfiClient({ connection, payer });
    const pool = await client.fetchPool("H100");
    expect(asked).to.deep.equal([pdas.pool("H100")[0].toBase58()]);
    expect(pool).to.deep.equal(accounts.decodePool(poolData));
    asked.length = 0;
    await client.fetchVerifier(key(5)).catch(() => undefined); // pool data: refused as a Verifier
    expect(asked).to.deep.equal([pdas.verifier(key(5))[0].toBase58()]);
    const res = await client.send([instructions.markStakeFailed({ admin: payer.publicKey, pool: key(1), stake: key(2) })]);
    expect(res).to.deep.equal({ signature: res.signature, slot: 4, events: [] });
  });
});
