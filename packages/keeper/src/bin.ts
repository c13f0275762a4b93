#!/usr/bin/env node
// pinfi-keeper: the daemon. Exit status: 0 done / stopped by a signal, 1 a --once run left
// failures, 2 bad configuration or arguments (one line on stderr).
import { ConfigError, loadConfig } from "./config";
import { Keeper } from "./keeper";
import { loadKeypair } from "./keypair";

const USAGE = `usage: pinfi-keeper [--config file.yaml] [--rpc URL] [--keypair FILE] [--dry-run] [--once] [--port N] [--log-level L]
  every setting also from the environment: PINFI_KEEPER_<PATH> (e.g. PINFI_KEEPER_RPC_URL, PINFI_KEEPER_SETTLEMENTS__MAX_PER_TX)`;

export function parseArgs(argv: string[]): { file?: string; overrides: Record<string, unknown>; help: boolean } {
  const overrides: Record<string, unknown> = {};
  let file: string | undefined;
  let help = false;
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new ConfigError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const take = () => inline ?? value(i++, flag);
    switch (flag) {
      case "--config": file = take(); break;
      case "--rpc": overrides.rpcUrl = take(); break;
      case "--ws": overrides.wsUrl = take(); break;
      case "--keypair": overrides.keypair = take(); break;
      case "--program-id": overrides.programId = take(); break;
      case "--dry-run": overrides.dryRun = true; break;
      case "--once": overrides.once = true; break;
      case "--port": overrides["http.port"] = Number(take()); break;
      case "--no-http": overrides["http.enabled"] = false; break;
      case "--log-level": overrides["log.level"] = take(); break;
      case "--interval-ms": overrides.intervalMs = Number(take()); break;
      case "-h": case "--help": help = true; break;
      default: throw new ConfigError(`unknown argument ${a} (try --help)`);
    }
  }
  return { file, overrides, help };
}

async function main(): Promise<number> {
  let keeper: Keeper;
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
      process.stdout.write(USAGE + "\n");
      return 0;
    }
    const config = loadConfig({ file: args.file, overrides: args.overrides });
    keeper = new Keeper({ config, payer: loadKeypair(config.keypair), processMetrics: true });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`pinfi-keeper: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  let signalled = false;
  for (const sig of ["SIGTERM", "SIGINT"] as const) {
    process.once(sig, () => {
      signalled = true;
      keeper.log.info({ signal: sig }, "stopping: finishing the transaction in flight");
      void keeper.stop();
    });
  }
  keeper.log.info({ rpc: keeper.cfg.rpcUrl, payer: keeper.payer.publicKey.toBase58(), program: keeper.programId.toBase58(), dryRun: keeper.cfg.dryRun, once: keeper.cfg.once }, "pinfi-keeper starting");
  if (keeper.cfg.once) {
    if (keeper.cfg.http.enabled) keeper.cfg.http.enabled = false; // nothing to scrape in a single run
    const report = await keeper.runOnce();
    await keeper.stop();
    return report.failures > 0 ? 1 : 0;
  }
  await keeper.start();
  await keeper.stop();
  keeper.log.info({ signalled }, "pinfi-keeper stopped");
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`pinfi-keeper: ${String((e as Error)?.stack ?? e).split("\n")[0]}\n`);
      process.exit(1);
    },
  );
}
