// Command-line plumbing shared by the two binaries.
import { ConfigError } from "./config";

export interface Args {
  config?: string;
  once: boolean;
  logLevel?: string;
  printConfig: boolean;
  help: boolean;
}

export function parseArgs(argv: string[]): Args {
  const a: Args = { once: false, printConfig: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new ConfigError(`${x} needs a value`);
      return v;
    };
    if (x === "--config" || x === "-c") a.config = value();
    else if (x.startsWith("--config=")) a.config = x.slice(9);
    else if (x === "--once") a.once = true;
    else if (x === "--log-level") a.logLevel = value();
    else if (x === "--print-config") a.printConfig = true;
    else if (x === "--help" || x === "-h") a.help = true;
    else throw new ConfigError(`unknown argument ${x} (see --help)`);
  }
  return a;
}

/** Runs main; a ConfigError or any start-up error is one line on stderr and exit code 2 / 1. */
export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((e) => {
    process.stderr.write(`${name}: ${(e as Error).message}\n`);
    process.exit(e instanceof ConfigError ? 2 : 1);
  });
}

/** SIGINT/SIGTERM → stop(), then exit; a second signal exits at once. */
export function onSignals(stop: () => Promise<void>): void {
  let stopping = false;
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      if (stopping) process.exit(1);
      stopping = true;
      stop().then(() => process.exit(0), () => process.exit(1));
    });
  }
}
