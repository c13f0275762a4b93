// A localnet with a protocol, a utility mint and funded users, plus the clock cheatcodes; the
// set-up of tests/e2e/world.ts, reduced to what a replay needs. Everything else is the SDK.
import { Connection, Keypair, LAMPORTS_PER_SOL, PublicKey } from "@solana/web3.js";
import { createAssociatedTokenAccount, createMint, getAccount, mintTo } from "@solana/spl-token";
import { connectionFor, rpc } from "@pinfi/sdk";
import { Localnet, startLocalnet } from "./localnet";

export interface User {
  kp: Keypair;
  tokens: PublicKey;
}

export class World {
  constructor(
    readonly net: Localnet,
    readonly connection: Connection,
    readonly admin: Keypair,
    readonly mint: PublicKey,
    private readonly mintAuthority: Keypair,
  ) {}

  static async start(): Promise<World> {
    const net = await startLocalnet();
    try {
      const connection = connectionFor(net.rpc, { localnet: true, wsEndpoint: net.ws });
      const admin = Keypair.generate();
      await airdrop(connection, admin.publicKey);
      const mintAuthority = Keypair.generate();
      const mint = await createMint(connection, admin, mintAuthority.publicKey, null, 6);
      await rpc.initializeProtocol({
        connection,
        admin,
        utilityMint: mint,
        params: { maxSwapFeeBps: 1_000, minBurnPerGpuHour: 1n, minCollateralBps: 10_000 },
      });
      return new World(net, connection, admin, mint, mintAuthority);
    } catch (e) {
      await net.stop();
      throw e;
    }
  }

  async stop(): Promise<void> {
    const ws = (this.connection as unknown as { _rpcWebSocket?: { close(): void } })._rpcWebSocket;
    ws?.close();
    await this.net.stop();
  }

  async user(tokens: bigint): Promise<User> {
    const kp = Keypair.generate();
    await airdrop(this.connection, kp.publicKey, 100);
    const ata = await createAssociatedTokenAccount(this.connection, kp, this.mint, kp.publicKey);
    if (tokens > 0n) await mintTo(this.connection, kp, this.mint, ata, this.mintAuthority, tokens);
    return { kp, tokens: ata };
  }

  async balance(tokenAccount: PublicKey): Promise<bigint> {
    return (await getAccount(this.connection, tokenAccount)).amount;
  }

  async call<T>(method: string, params: unknown[] = []): Promise<T> {
    const res = await fetch(this.net.rpc, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    const body = (await res.json()) as { result?: T; error?: { message: string } };
    if (body.error) throw new Error(`${method}: ${body.error.message}`);
    return body.result as T;
  }

  async now(): Promise<bigint> {
    return BigInt((await this.call<{ unixTimestamp: number }>("pinfi_getClock")).unixTimestamp);
  }

  async warpTo(ts: bigint): Promise<void> {
    await this.call("surfnet_timeTravel", [{ absoluteTimestamp: Number(ts) }]);
  }
}

async function airdrop(connection: Connection, to: PublicKey, sol = 10): Promise<void> {
  const sig = await connection.requestAirdrop(to, sol * LAMPORTS_PER_SOL);
  const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash();
  await connection.confirmTransaction({ signature: sig, blockhash, lastValidBlockHeight });
}
