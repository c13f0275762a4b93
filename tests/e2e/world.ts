// Shared set-up of the end-to-end suite: a localnet, a connection, a utility mint, funded users,
// and the clock controls (surfpool-style cheatcodes). Everything else goes through @pinfi/sdk.
import { Connection, Keypair, LAMPORTS_PER_SOL, PublicKey } from "@solana/web3.js";
import { AuthorityType, createAssociatedTokenAccount, createMint, getAccount, getMint, mintTo, setAuthority } from "@solana/spl-token";
import { connectionFor, instructions, pdas, PinfiClient, rpc } from "@pinfi/sdk";
import type { PinfiEvent } from "@pinfi/sdk";
import { Localnet, startLocalnet } from "./localnet";

export const HOUR = 3_600n;

export const POOL_PARAMS = {
  swapFeeBps: 30,
  minStakeSecs: 3_600,
  maxStakeSecs: 7 * 24 * 3_600,
  bucketSecs: 3_600,
  burnPerGpuHour: 100_000n,
  maintenancePerGpuHour: 50_000n,
  collateralBps: 20_000,
  referencePrice: 2_000_000n,
};

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
  }

  async stop(): Promise<void> {
    closeSockets(this.connection);
    await this.net.stop();
  }

  async user(tokens: bigint): Promise<User> {
    const kp = Keypair.generate();
    await airdrop(this.connection, kp.publicKey);
    const ata = await createAssociatedTokenAccount(this.connection, kp, this.mint, kp.publicKey);
    if (tokens > 0n) await mintTo(this.connection, kp, this.mint, ata, this.mintAuthority, tokens);
    return { kp, tokens: ata };
  }

  /**
   * Hands the mint authority to the protocol PDA (emission mints). After this the world cannot
   * mint test tokens: create funded users first.
   */
  async mintAuthorityToProtocol(): Promise<void> {
    await setAuthority(this.connection, this.admin, this.mint, this.mintAuthority, AuthorityType.MintTokens, pdas.protocol()[0]);
  }

  async supply(): Promise<bigint> {
    return (await getMint(this.connection, this.mint)).supply;
  }

  /**
   * A fresh device of `owner` in `pool`, a certificate for `[now, end]` and a stake on it, in one
   * transaction (register_device + burn_for_certificate + create_stake). `end` is a bucket boundary.
   */
  async stakeNewDevice(owner: User, pool: PublicKey, kind: "lp" | "seller", end: bigint): Promise<{ device: PublicKey; stake: PublicKey; events: PinfiEvent[] }> {
    const deviceKey = Keypair.generate();
    const device = pdas.device(deviceKey.publicKey)[0];
    const nonce = BigInt(++this.nonce);
    const now = await this.now();
    const base = { owner: owner.kp.publicKey, pool };
    const client = new PinfiClient({ connection: this.connection, payer: owner.kp });
    const { events } = await client.send(
      [
        instructions.registerDevice({ ...base, deviceKey: deviceKey.publicKey, specsHash: new Uint8Array(32) }),
        instructions.burnForCertificate({ ...base, utilityMint: this.mint, ownerTokens: owner.tokens, nonce, gpuSeconds: end - now }),
        instructions.createStake({ ...base, device, deviceStakeCount: 0n, ownerTokens: owner.tokens, kind, end, certificateNonce: nonce }),
      ],
      [deviceKey],
    );
    return { device, stake: pdas.stake(device, 0n)[0], events };
  }
  private nonce = 0;

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
    const clock = await this.call<{ unixTimestamp: number }>("pinfi_getClock");
    return BigInt(clock.unixTimestamp);
  }

  async warpTo(ts: bigint): Promise<void> {
    await this.call("surfnet_timeTravel", [{ absoluteTimestamp: Number(ts) }]);
  }

  async slot(): Promise<bigint> {
    const clock = await this.call<{ slot: number }>("pinfi_getClock");
    return BigInt(clock.slot);
  }

  /** Moves the bank `n` slots on (SlotHashes gains entries, verdict windows pass); the unix time stays. */
  async advanceSlots(n: bigint): Promise<void> {
    await this.call("surfnet_timeTravel", [{ absoluteSlot: Number((await this.slot()) + n) }]);
  }
}

export async function airdrop(connection: Connection, to: PublicKey, sol = 10): Promise<void> {
  const sig = await connection.requestAirdrop(to, sol * LAMPORTS_PER_SOL);
  const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash();
  await connection.confirmTransaction({ signature: sig, blockhash, lastValidBlockHeight });
}

export const alignUp = (t: bigint, b: bigint) => (t % b === 0n ? t : t - (t % b) + b);

/** web3.js keeps its websocket open and reconnects forever; close it before the server goes. */
export function closeSockets(connection: Connection): void {
  const ws = (connection as unknown as { _rpcWebSocket?: { close(): void } })._rpcWebSocket;
  ws?.close();
}
