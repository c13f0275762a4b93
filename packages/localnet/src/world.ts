// A funded protocol on a fresh localnet: the set-up the end-to-end suite, the simulation's replay
// and benchmarks share — a connection, an admin, a utility mint whose authority the world keeps,
// funded users and the clock cheatcodes. Everything a test does after that goes through @pinfi/sdk.
import { Connection, Keypair, LAMPORTS_PER_SOL, PublicKey } from "@solana/web3.js";
import { createAssociatedTokenAccount, createMint, getAccount, mintTo } from "@solana/spl-token";
import { connectionFor, rpc } from "@pinfi/sdk";
import { getClock, Localnet, rpcCall, startLocalnet, StartOptions, timeTravel } from "./launcher";

export interface User {
  kp: Keypair;
  /** The user's associated utility-token account. */
  tokens: PublicKey;
}

/** Guard rails of the world's protocol: loose enough for any test pool. */
export const WORLD_PROTOCOL_PARAMS = { maxSwapFeeBps: 1_000, minBurnPerGpuHour: 1n, minCollateralBps: 10_000 };

type WorldParts = ConstructorParameters<typeof LocalWorld>;

export class LocalWorld {
  constructor(
    readonly net: Localnet,
    readonly connection: Connection,
    readonly admin: Keypair,
    readonly mint: PublicKey,
    protected readonly mintAuthority: Keypair,
  ) {}

  /** Starts a localnet, creates a 6-decimal mint and initializes the protocol; stops the localnet if that fails. */
  static async start(o: StartOptions = {}): Promise<LocalWorld> {
    return new LocalWorld(...(await LocalWorld.parts(o)));
  }

  /** What `start` builds, for subclasses' own `start`. */
  protected static async parts(o: StartOptions): Promise<WorldParts> {
    const net = await startLocalnet(o);
    try {
      const connection = connectionFor(net.rpc, { localnet: true, wsEndpoint: net.ws });
      const admin = Keypair.generate();
      await airdrop(connection, admin.publicKey);
      const mintAuthority = Keypair.generate();
      const mint = await createMint(connection, admin, mintAuthority.publicKey, null, 6);
      await rpc.initializeProtocol({ connection, admin, utilityMint: mint, params: WORLD_PROTOCOL_PARAMS });
      return [net, connection, admin, mint, mintAuthority];
    } catch (e) {
      await net.stop();
      throw e;
    }
  }

  async stop(): Promise<void> {
    closeSockets(this.connection);
    await this.net.stop();
  }

  /** A new keypair with SOL for fees and an associated token account holding `tokens` base units. */
  async user(tokens: bigint, sol = 10): Promise<User> {
    const kp = Keypair.generate();
    await airdrop(this.connection, kp.publicKey, sol);
    const ata = await createAssociatedTokenAccount(this.connection, kp, this.mint, kp.publicKey);
    if (tokens > 0n) await mintTo(this.connection, kp, this.mint, ata, this.mintAuthority, tokens);
    return { kp, tokens: ata };
  }

  async balance(tokenAccount: PublicKey): Promise<bigint> {
    return (await getAccount(this.connection, tokenAccount)).amount;
  }

  /** A raw JSON-RPC call to the localnet (cheatcodes). */
  call<T>(method: string, params: unknown[] = []): Promise<T> {
    return rpcCall<T>(this.net.rpc, method, params);
  }

  async now(): Promise<bigint> {
    return BigInt((await getClock(this.net.rpc)).unixTimestamp);
  }

  async warpTo(ts: bigint): Promise<void> {
    await timeTravel(this.net.rpc, ts);
  }

  async slot(): Promise<bigint> {
    return BigInt((await getClock(this.net.rpc)).slot);
  }

  /** Moves the bank `n` slots on (SlotHashes gains entries, verdict windows pass); the unix time stays. */
  async advanceSlots(n: bigint): Promise<void> {
    await this.call("surfnet_timeTravel", [{ absoluteSlot: Number((await this.slot()) + n) }]);
  }
}

/** Requests an airdrop and waits for it. */
export async function airdrop(connection: Connection, to: PublicKey, sol = 10): Promise<void> {
  const sig = await connection.requestAirdrop(to, sol * LAMPORTS_PER_SOL);
  const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash();
  await connection.confirmTransaction({ signature: sig, blockhash, lastValidBlockHeight });
}

/** web3.js keeps its websocket open and reconnects forever; close it before the server goes. */
export function closeSockets(connection: Connection): void {
  const ws = (connection as unknown as { _rpcWebSocket?: { close(): void } })._rpcWebSocket;
  ws?.close();
}
