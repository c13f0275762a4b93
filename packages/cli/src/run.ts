// Glue between commander and the actions: global options, one-line errors, exit codes, output.
import { Command } from "commander";
import { Ctx, GlobalOptions, toJson } from "./context";
import { CliError, describeError } from "./errors";
import type { Executed } from "./actions";

/** Wraps an action: builds the Ctx from the global options, turns any throw into one line. */
export function act<A extends unknown[]>(fn: (ctx: Ctx, ...args: A) => Promise<void>) {
  return async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    const opts = cmd.optsWithGlobals() as GlobalOptions & Record<string, unknown>;
    let ctx: Ctx | undefined;
    try {
      ctx = new Ctx(opts);
      await fn(ctx, ...(args.slice(0, -1) as A));
    } catch (e) {
      fail(e, ctx?.url ?? opts.url);
    }
  };
}

export function fail(e: unknown, url?: string): void {
  const err = describeError(e, { url });
  process.stderr.write(`error: ${err.message}\n`);
  if (process.env.PINFI_DEBUG && e instanceof Error && e.stack) process.stderr.write(e.stack + "\n");
  process.exitCode = err.code;
}

/**
 * Prints a transaction's outcome: `lines` (what happened) then the signature; or the simulation
 * (result, compute units, logs) under --dry-run. A dry run that would fail exits 1.
 */
export function report(ctx: Ctx, x: Executed, lines: string[], json: Record<string, unknown> = {}): void {
  if (x.dryRun) {
    const sim = x.simulation!;
    if (ctx.json) {
      process.stdout.write(toJson({ dryRun: true, instruction: x.label, ok: sim.ok, unitsConsumed: sim.unitsConsumed, error: sim.error, logs: sim.logs, events: x.events, ...json }) + "\n");
    } else {
      const head = sim.ok ? `dry run: ${x.label} would succeed` : `dry run: ${x.label} would fail: ${sim.error}`;
      process.stdout.write(`${head} (units consumed: ${sim.unitsConsumed ?? "?"})\n`);
      if (sim.ok) lines.forEach((l) => process.stdout.write(`  would: ${l}\n`));
      process.stdout.write("simulation logs:\n" + sim.logs.map((l) => `  ${l}`).join("\n") + "\n");
    }
    if (!sim.ok) process.exitCode = 1;
    return;
  }
  if (ctx.json) process.stdout.write(toJson({ dryRun: false, instruction: x.label, signature: x.signature, events: x.events, ...json }) + "\n");
  else process.stdout.write([...lines, `signature: ${x.signature}`].join("\n") + "\n");
}

export function requireOne(opts: Record<string, unknown>, names: string[]): void {
  if (!names.some((n) => opts[n] !== undefined)) {
    throw new CliError(`missing ${names.map((n) => "--" + n.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())).join(" or ")}`, 2);
  }
}
