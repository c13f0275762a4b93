// One replay end to end: localnet up, pool created, plan simulated, every step sent and compared.
import { planTrajectory } from "./plan";
import { Replay, StepReport } from "./replay";
import { LocalWorld as World } from "@pinfi/localnet";
import { E2E_POOL } from "../model/pool";

export async function replayOnLocalnet(steps: number, seed: number, log: (line: string) => void = () => {}): Promise<StepReport[]> {
  const w = await World.start();
  try {
    const { replay, created } = await Replay.open(w, "SIMREPLAY", E2E_POOL);
    const plan = planTrajectory(E2E_POOL, created, steps, seed);
    const reports = await replay.run(plan, (r) =>
      log(`step ${String(r.index).padStart(2)} ${r.step.kind.padEnd(9)} ${r.diffs.length === 0 && r.vault === r.vaultExpected ? "identical" : `DIFFERS ${r.diffs.join("; ")} vault Δ ${r.vault - r.vaultExpected}`}`),
    );
    const bad = reports.filter((r) => r.diffs.length > 0 || r.vault !== r.vaultExpected).length;
    log(`replay: ${reports.length} steps, ${bad} with a difference`);
    return reports;
  } finally {
    await w.stop();
  }
}
