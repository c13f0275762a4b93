import { PublicKey } from "@solana/web3.js";
import { SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID } from "../constants";
import { gpuClassBytes, pool, protocol, vault } from "../pdas";
import { build, Int, meta, ProgramOption } from "./common";

export interface PoolParamsInput {
  swapFeeBps: number;
  minStakeSecs: number;
  maxStakeSecs: number;
  bucketSecs: number;
  burnPerGpuHour: Int;
  maintenancePerGpuHour: Int;
  collateralBps: number;
  referencePrice: Int;
}

export interface CreatePoolArgs extends ProgramOption {
  creator: PublicKey;
  utilityMint: PublicKey;
  /** e.g. `"H100"`: 1–16 of `[A-Za-z0-9_-]`, validated as the program does. */
  gpuClass: string;
  params: PoolParamsInput;
}

export function createPool(a: CreatePoolArgs) {
  const gpuClass = gpuClassBytes(a.gpuClass);
  const [poolAddress] = pool(gpuClass, a.programId);
  return build(
    "create_pool",
    { gpuClass: [...gpuClass], params: a.params },
    [
      meta(a.creator, "ws"),
      meta(protocol(a.programId)[0], "w"),
      meta(poolAddress, "w"),
      meta(vault(poolAddress, a.programId)[0], "w"),
      meta(a.utilityMint),
      meta(TOKEN_PROGRAM_ID),
      meta(SYSTEM_PROGRAM_ID),
    ],
    a.programId,
  );
}
