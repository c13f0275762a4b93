// `pinfi demo`: the README's first command.
import { Command } from "commander";
import { GlobalOptions, toJson } from "../context";
import { CliError } from "../errors";
import { DEMO_FULL, DEMO_SHORT, printSummary, runDemo } from "../demo/run";
import { fail } from "../run";

export function demoCommand(program: Command): void {
  program
    .command("demo")
    .description("run a small PinFi network on a fresh embedded localnet: 3 pools, miners, buyers, the clock moved forward; summary + SVG plots")
    .option("--short", "the shortened configuration (CI): fewer participants and steps")
    .option("--out <dir>", "where the SVG plots go", "pinfi-demo")
    .option("--steps <n>", "override the number of clock steps")
    .option("--seed <n>", "trading seed", "42")
    .option("--no-phase2", "phase 1 only (no verification, epochs or rewards even when the libraries are there)")
    .action(async (o: { short?: boolean; out: string; steps?: string; seed: string; phase2: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals() as GlobalOptions;
      const print = (l: string) => (g.json ? process.stderr : process.stdout).write(l + "\n");
      try {
        if (g.url) throw new CliError("pinfi demo always runs on its own fresh localnet: drop --url", 2);
        const base = o.short ? DEMO_SHORT : DEMO_FULL;
        const config = { ...base, outDir: o.out, seed: Number(o.seed) || 42, steps: o.steps ? Math.max(1, Number(o.steps)) : base.steps };
        const summary = await runDemo({ config, global: { ...g, dryRun: false }, print, phase2: o.phase2 });
        if (g.json) process.stdout.write(toJson(summary, 2) + "\n");
        else printSummary(summary, print);
        if (!summary.tokens.conserved || summary.stakes.expiredUnsettled > 0) {
          throw new CliError("demo finished but its books do not balance (see the summary)");
        }
      } catch (e) {
        fail(e);
      }
    });
}
