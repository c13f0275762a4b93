import { quotes } from "@pinfi/sdk";
import { SimPool } from "../src/model/pool";

/** The simulation's pool as the account shape the SDK's quotes read. */
export function asPoolAccount(p: SimPool): quotes.PoolLike {
  const r = p.core.reserve;
  return {
    utilityReserve: p.core.utilityReserve,
    lpSupply: p.core.lpSupply,
    escrowTotal: p.core.escrowTotal,
    collateralTotal: p.core.collateralTotal,
    reserve: { rateSum: r.rateSum, rateEndSum: r.rateEndSum, scale: r.scale, cursor: r.cursor },
    slots: [...p.slots],
    params: {
      swapFeeBps: Number(p.setup.swapFeeBps),
      collateralBps: Number(p.setup.collateralBps),
      referencePrice: p.setup.referencePrice,
      bucketSecs: Number(p.setup.bucketSecs),
      minStakeSecs: Number(p.setup.minStakeSecs),
      maxStakeSecs: Number(p.setup.maxStakeSecs),
      burnPerGpuHour: p.setup.burnPerGpuHour,
      maintenancePerGpuHour: p.setup.maintenancePerGpuHour,
    },
  } as unknown as quotes.PoolLike;
}
