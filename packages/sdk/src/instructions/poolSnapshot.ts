import { PublicKey } from "@solana/web3.js";
import { build, meta, ProgramOption } from "./common";

export interface PoolSnapshotArgs extends ProgramOption {
  pool: PublicKey;
}

/** The `pool_snapshot` view (read-only, emits nothing): simulate it, read the return data. */
export function poolSnapshot(a: PoolSnapshotArgs) {
  return build("pool_snapshot", {}, [meta(a.pool)], a.programId, false);
}
