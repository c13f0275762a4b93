#!/usr/bin/env node
// pinfi-verifier: the verifier daemon. See packages/verifier/README.md ("Operators").
import { PublicKey } from "@solana/web3.js";
import { connectionFor } from "@pinfi/sdk";
import { VerifierDaemon, loadVerifierConfig } from "../daemon";
import { parseArgs, onSignals, runMain } from "../service/cli";
import { loadKeypair } from "../service/keypair";
import { jsonLogger } from "../service/log";

const HELP = `pinfi-verifier: challenges live stakes at random times and posts verdicts on chain

usage: pinfi-verifier [--config FILE] [--once] [--log-level LEVEL] [--print-config]

  --config FILE    YAML or JSON config (also PINFI_VERIFIER_CONFIG); keys in the README
  --once           challenge each eligible device once, expire stale challenges, exit
                   (exit code 1 if any challenge could not be completed)
  --log-level L    debug | info | warn | error
  --print-config   print the effective configuration and exit
environment: PINFI_VERIFIER_<KEY> overrides a key (nested: PINFI_VERIFIER_HTTP__PORT=9464)
`;

runMain("pinfi-verifier", async () => {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) return void process.stdout.write(HELP);
  const overrides: Record<string, unknown> = {};
  if (args.logLevel) overrides.log = { level: args.logLevel };
  if (args.once) overrides.once = true;
  const c = loadVerifierConfig({ file: args.config ?? process.env.PINFI_VERIFIER_CONFIG, env: process.env, overrides });
  if (args.printConfig) return void process.stdout.write(JSON.stringify(c, null, 2) + "\n");
  const log = jsonLogger({ name: "pinfi-verifier", level: c.log.level });
  const daemon = new VerifierDaemon({
    connection: connectionFor(c.rpcUrl),
    programId: c.programId ? new PublicKey(c.programId) : undefined,
    authority: loadKeypair(c.keypair),
    evidenceDir: c.evidenceDir,
    evidenceRetentionDays: c.evidenceRetentionDays,
    meanIntervalSecs: c.meanIntervalSecs,
    sweepsPerDay: c.sweepsPerDay,
    maxSweepDevices: c.maxSweepDevices,
    lotteryRounds: c.lotteryRounds,
    refreshSecs: c.refreshSecs,
    maxConcurrent: c.maxConcurrent,
    paramsByClass: c.paramsByClass,
    defaultParamsId: c.defaultParamsId,
    allowTestClasses: c.allowTestClasses,
    pools: c.pools,
    devices: c.devices,
    pings: c.pings,
    commitTimeoutMs: c.commitTimeoutMs || null,
    openTimeoutMs: c.openTimeoutMs || null,
    expireOthers: c.expire.others,
    expireOwn: c.expire.own,
    expireIntervalSecs: c.expire.intervalSecs,
    http: c.once ? null : c.http,
    publicUrl: c.once ? null : c.http.publicUrl || null,
    nativeVerifier: c.nativeVerifier,
    log,
  });
  await daemon.init();
  if (c.once) {
    const reports = await daemon.runOnce();
    log.info("once: done", { challenged: reports.length, errors: reports.filter((r) => r.error).length });
    await daemon.stop();
    process.exit(reports.some((r) => r.error) ? 1 : 0);
  }
  onSignals(() => daemon.stop());
  await daemon.run();
});
