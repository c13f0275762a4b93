// The end-to-end suite's world: @pinfi/localnet's LocalWorld (a funded protocol on a fresh
// localnet, the clock cheatcodes) plus the suite's pool parameters and a one-transaction stake.
import { Keypair, PublicKey } from "@solana/web3.js";
import { AuthorityType, getMint, setAuthority } from "@solana/spl-token";
import { instructions, pdas, PinfiClient } from "@pinfi/sdk";
import type { PinfiEvent } from "@pinfi/sdk";
import { LocalWorld, StartOptions, User } from "@pinfi/localnet";
import { SUITE_START } from "./localnet";

export { airdrop, closeSockets } from "@pinfi/localnet";

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

export type { User };

/** A verifier's stake in the proof-of-compute suites (the protocol minimum there). */
export const VERIFIER_STAKE = 5_000_000n;
/** Verification rules of those suites: a 1 h unbonding so tests can wait it out. */
export const VERIFICATION = {
  minVerifierStake: VERIFIER_STAKE,
  unbondingSecs: 3_600,
  verdictWindowSlots: 300,
  strikeWindowSecs: 86_400,
  strikesToFail: 3,
  distinctVerifiersToFail: 2,
  verifierStrikesToSuspend: 3,
};

export class World extends LocalWorld {
  /** Never builds the localnet binary: a stale tree fails loudly instead of compiling inside a test's timeout. */
  static override async start(o: StartOptions = SUITE_START): Promise<World> {
    return new World(...(await LocalWorld.parts(o)));
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
}

export const alignUp = (t: bigint, b: bigint) => (t % b === 0n ? t : t - (t % b) + b);
