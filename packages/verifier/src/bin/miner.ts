#!/usr/bin/env node
// pinfi-miner: the miner agent. See packages/verifier/README.md ("Operators").
import { PublicKey } from "@solana/web3.js";
import { connectionFor } from "@pinfi/sdk";
import { MinerAgent, loadMinerConfig } from "../agent";
import { parseArgs, onSignals, runMain } from "../service/cli";
import { loadKeypair } from "../service/keypair";
import { jsonLogger } from "../service/log";

const HELP = `pinfi-miner: answers proof-of-compute challenges for this machine's devices

usage: pinfi-miner [--config FILE] [--log-level LEVEL] [--print-config]

  --config FILE    YAML or JSON config (also PINFI_MINER_CONFIG); keys in the README
  --log-level L    debug | info | warn | error
  --print-config   print the effective configuration and exit
environment: PINFI_MINER_<KEY> overrides a key (nested: PINFI_MINER_LISTEN__PORT=7070)
`;

runMain("pinfi-miner", async () => {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) return void process.stdout.write(HELP);
  const overrides = args.logLevel ? { log: { level: args.logLevel } } : undefined;
  const c = loadMinerConfig({ file: args.config ?? process.env.PINFI_MINER_CONFIG, env: process.env, overrides });
  if (args.printConfig) return void process.stdout.write(JSON.stringify(c, null, 2) + "\n");
  const log = jsonLogger({ name: "pinfi-miner", level: c.log.level });
  const agent = new MinerAgent({
    connection: connectionFor(c.rpcUrl),
    programId: c.programId ? new PublicKey(c.programId) : undefined,
    deviceKeys: c.devices.map(loadKeypair),
    owner: c.ownerKeypair ? loadKeypair(c.ownerKeypair) : null,
    host: c.listen.host,
    port: c.listen.port,
    publicEndpoint: c.endpoint || null,
    setEndpoint: c.setEndpoint,
    backend: c.backend,
    allowTestClasses: c.allowTestClasses,
    watchIntervalMs: c.watchIntervalSecs * 1000,
    keepProofMs: c.keepProofSecs * 1000,
    log,
  });
  await agent.start();
  onSignals(() => agent.stop());
});
