// Program-in-the-loop: a planned trajectory replayed as real transactions on the localnet,
// through the SDK only; after every step the Pool account must equal the simulation's books to
// the base unit, and the vault must hold exactly `U + escrows + collateral`.
import { Keypair, PublicKey } from "@solana/web3.js";
import { accounts, pdas, rpc } from "@pinfi/sdk";
import { Books, diffBooks, Plan, Step } from "./plan";
import { LocalWorld as World, User } from "@pinfi/localnet";
import { PoolSetup } from "../model/pool";

const U64_MAX = (1n << 64n) - 1n;

export interface StepReport {
  index: number;
  step: Step;
  /** Empty when the chain's books equal the simulation's. */
  diffs: string[];
  vault: bigint;
  vaultExpected: bigint;
}

const paramsInput = (s: PoolSetup) => ({
  swapFeeBps: Number(s.swapFeeBps),
  minStakeSecs: Number(s.minStakeSecs),
  maxStakeSecs: Number(s.maxStakeSecs),
  bucketSecs: Number(s.bucketSecs),
  burnPerGpuHour: s.burnPerGpuHour,
  maintenancePerGpuHour: s.maintenancePerGpuHour,
  collateralBps: Number(s.collateralBps),
  referencePrice: s.referencePrice,
});

export class Replay {
  private nonce = 0n;
  private readonly stakes: { address: PublicKey; owner: User }[] = [];
  private readonly rentals: PublicKey[] = [];

  private constructor(
    readonly w: World,
    readonly pool: PublicKey,
    readonly provider: User,
    readonly buyer: User,
  ) {}

  /** Creates the pool now and funds one provider and one buyer; returns the creation time. */
  static async open(w: World, gpuClass: string, setup: PoolSetup): Promise<{ replay: Replay; created: bigint }> {
    const [provider, buyer] = [await w.user(1n << 50n, 100), await w.user(1n << 50n, 100)];
    const created = await w.now();
    await rpc.createPool({ connection: w.connection, creator: w.admin, utilityMint: w.mint, gpuClass, params: paramsInput(setup) });
    return { replay: new Replay(w, pdas.pool(gpuClass)[0], provider, buyer), created };
  }

  async books(now: bigint): Promise<{ books: Books; vault: bigint }> {
    const p = (await accounts.fetchPool(this.w.connection, this.pool))!;
    const { hourReserveAt } = await import("@pinfi/sdk").then((m) => m.quotes);
    const books: Books = {
      utilityReserve: p.utilityReserve, lpSupply: p.lpSupply, escrowTotal: p.escrowTotal, collateralTotal: p.collateralTotal,
      rateSum: p.reserve.rateSum, rateEndSum: p.reserve.rateEndSum, scale: p.reserve.scale, cursor: p.reserve.cursor,
      slots: [...p.slots], hours: hourReserveAt(p, now),
    };
    return { books, vault: await this.w.balance(p.vault) };
  }

  /** A fresh device, a certificate for `[now, end]`, a stake: the program's one-device stake. */
  private async stake(kind: "lp" | "seller", now: bigint, end: bigint): Promise<PublicKey> {
    const { w, pool, provider: owner } = this;
    const deviceKey = Keypair.generate();
    await rpc.registerDevice({ connection: w.connection, owner: owner.kp, deviceKey, pool, specsHash: new Uint8Array(32) });
    const device = pdas.device(deviceKey.publicKey)[0];
    const nonce = this.nonce++;
    await rpc.burnForCertificate({
      connection: w.connection, owner: owner.kp, pool, utilityMint: w.mint, ownerTokens: owner.tokens, nonce, gpuSeconds: end - now,
    });
    await rpc.createStake({
      connection: w.connection, owner: owner.kp, pool, device, deviceStakeCount: 0n, ownerTokens: owner.tokens, kind, end, certificateNonce: nonce,
    });
    const address = pdas.stake(device, 0n)[0];
    this.stakes.push({ address, owner });
    return address;
  }

  /** Sends one planned step at its time. Slippage limits are open: the books are compared after. */
  async send(step: Step): Promise<void> {
    const { w, pool, provider, buyer } = this;
    await w.warpTo(step.at);
    const now = await w.now();
    if (now !== step.at) throw new Error(`clock at ${now}, step planned at ${step.at}`);
    const c = w.connection;
    switch (step.kind) {
      case "lp": {
        const stake = await this.stake("lp", now, step.end);
        await rpc.addLiquidity({ connection: c, owner: provider.kp, pool, stake, ownerTokens: provider.tokens, maxTokensIn: U64_MAX });
        return;
      }
      case "sell": {
        const stake = await this.stake("seller", now, step.end);
        await rpc.sellHours({ connection: c, owner: provider.kp, pool, stake, ownerTokens: provider.tokens, utilityMint: w.mint, hours: step.hours, minTokensOut: 0n });
        return;
      }
      case "buy": {
        const rentalId = BigInt(step.rental);
        await rpc.buyHours({ connection: c, buyer: buyer.kp, pool, rentalId, buyerTokens: buyer.tokens, utilityMint: w.mint, tokensIn: step.tokensIn, end: step.end, minHoursOut: 0n });
        this.rentals[step.rental] = pdas.rental(pool, buyer.kp.publicKey, rentalId)[0];
        return;
      }
      case "terminate":
        await rpc.terminateRental({ connection: c, buyer: buyer.kp, pool, rental: this.rentals[step.rental], buyerTokens: buyer.tokens, utilityMint: w.mint, minTokensOut: 0n });
        return;
      case "settle": {
        const s = this.stakes[step.stake];
        await rpc.settleStake({ connection: c, payer: w.admin, pool, stake: s.address, owner: s.owner.kp.publicKey, ownerTokens: s.owner.tokens, utilityMint: w.mint });
        return;
      }
    }
  }

  /** Replays the plan; `onStep` sees each comparison as it is made. */
  async run(plan: Plan, onStep: (r: StepReport) => void = () => {}): Promise<StepReport[]> {
    const out: StepReport[] = [];
    for (const [index, p] of plan.steps.entries()) {
      await this.send(p.step);
      const { books, vault } = await this.books(p.step.at);
      const report: StepReport = {
        index, step: p.step, diffs: diffBooks(p.books, books), vault, vaultExpected: p.books.utilityReserve + p.books.escrowTotal + p.books.collateralTotal,
      };
      onStep(report);
      out.push(report);
    }
    return out;
  }
}
