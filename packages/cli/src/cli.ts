// The `pinfi` program: global options (Solana CLI habits) and every role's subcommands.
import { Command, CommanderError, Option } from "commander";
import { adminCommands } from "./commands/admin";
import { minerCommands, poolCommands } from "./commands/market";
import { demoCommand } from "./commands/demo";
import { fail } from "./run";

export const VERSION = "0.1.0";

export function buildProgram(): Command {
  const program = new Command("pinfi")
    .description("PinFi: a dissipative AMM for GPU-hours. Every role from one command line, on @pinfi/sdk.")
    .version(VERSION)
    .option("-u, --url <url>", "RPC URL or moniker: localhost, devnet, mainnet-beta, testnet ($PINFI_URL)", undefined)
    .option("-k, --keypair <file>", "signer: a Solana keypair JSON file ($PINFI_KEYPAIR, default ~/.config/solana/id.json)")
    .option("--program-id <address>", "PinFi program id (default: the IDL's)")
    .option("--json", "machine-readable output (one JSON document on stdout)")
    .addOption(new Option("--dry-run", "simulate every transaction instead of sending it; prints the logs and compute units"))
    .configureOutput({ outputError: (str, write) => write(str) })
    .exitOverride();
  poolCommands(program);
  minerCommands(program);
  adminCommands(program);
  demoCommand(program);
  return program;
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv = process.argv): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      return 2; // usage errors: commander has printed the one line
    }
    fail(e);
  }
  return typeof process.exitCode === "number" ? process.exitCode : 0;
}
