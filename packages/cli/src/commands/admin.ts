// localnet, protocol, airdrop, tokens, verifier, and the daemons (keeper, verifier, miner agent).
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { Command } from "commander";
import { Connection, Keypair, LAMPORTS_PER_SOL, PublicKey, SystemProgram } from "@solana/web3.js";
import {
  createAssociatedTokenAccountIdempotent, createAssociatedTokenAccountIdempotentInstruction, createInitializeMint2Instruction, createMint,
  createMintToInstruction, getAssociatedTokenAddressSync, getMinimumBalanceForRentExemptMint, getMint, MINT_SIZE, mintTo, TOKEN_PROGRAM_ID,
} from "@solana/spl-token";
import * as A from "../actions";
import { accounts, instructions } from "../sdk";
import { Ctx, toJson } from "../context";
import { CliError, usage } from "../errors";
import { duration, isoTime, parseBps, parseDuration, parseInteger, parseTokens, tokens } from "../format";
import { startLocalnet, timeTravel } from "../localnet";
import { act, report } from "../run";

export function adminCommands(program: Command): void {
  const localnet = program.command("localnet").description("the embedded PinFi localnet (crates/localnet) and its clock");
  localnet
    .command("start", { isDefault: true })
    .description("start the localnet in the foreground (builds it with cargo if missing); Ctrl-C stops it")
    .option("--port <n>", "RPC port (0: any free port)", "8899")
    .option("--ws-port <n>", "websocket port (default: port + 1)")
    .option("--verbose", "one stderr line per processed transaction")
    .action(
      act(async (ctx, o: { port: string; wsPort?: string; verbose?: boolean }) => {
        const net = await startLocalnet({
          port: Number(parseInteger(o.port, "--port")),
          wsPort: o.wsPort !== undefined ? Number(parseInteger(o.wsPort, "--ws-port")) : undefined,
          quiet: !o.verbose,
          log: (l) => process.stderr.write(l + "\n"),
        });
        if (ctx.json) console.log(toJson({ rpc: net.rpc, ws: net.ws, programId: net.programId, pid: net.child.pid }));
        else console.log(`pinfi-localnet ready rpc=${net.rpc} ws=${net.ws} program=${net.programId}`);
        const stop = () => void net.stop();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
        await new Promise<void>((resolve) => net.child.once("exit", () => resolve()));
      }),
    );
  localnet
    .command("warp")
    .description("move the localnet clock forward (surfnet_timeTravel cheatcode)")
    .option("--by <d>", "forward by a duration, e.g. 6h")
    .option("--to <unix>", "to an absolute unix time")
    .action(
      act(async (ctx, o: { by?: string; to?: string }) => {
        if (!o.by === !o.to) throw usage("pass one of --by <duration> or --to <unix>");
        const now = await ctx.now();
        const target = o.to !== undefined ? parseInteger(o.to, "--to") : now + parseDuration(o.by!, "--by");
        if (target < now) throw new CliError(`cannot warp backwards: the clock is at ${now}, --to ${target} is earlier`);
        const clock = await timeTravel(ctx.url, target);
        ctx.out(() => console.log(`clock now ${isoTime(BigInt(clock.unixTimestamp))} (${clock.unixTimestamp}), slot ${clock.slot}; moved ${duration(target - now)}`), () => clock);
      }),
    );
  localnet
    .command("clock")
    .description("the cluster's clock")
    .action(
      act(async (ctx) => {
        const now = await ctx.now();
        ctx.out(() => console.log(`${isoTime(now)} (${now})`), () => ({ unixTimestamp: now }));
      }),
    );

  const protocol = program.command("protocol").description("the protocol singleton (admin)");
  protocol
    .command("init")
    .description("initialize the protocol with a utility mint (--keypair becomes admin)")
    .option("--mint <address>", "an existing utility mint")
    .option("--create-mint", "create a new 6-decimal mint with --keypair as its mint authority (localnet / devnet)")
    .option("--max-swap-fee-bps <bps>", "upper bound on pools' swap fees", "1000")
    .option("--min-burn-per-gpu-hour <units>", "lower bound on pools' certificate burn (base units)", "1")
    .option("--min-collateral-bps <bps>", "lower bound on pools' seller collateral", "10000")
    .action(
      act(async (ctx, o: { mint?: string; createMint?: boolean; maxSwapFeeBps: string; minBurnPerGpuHour: string; minCollateralBps: string }) => {
        if (!o.mint === !o.createMint) throw usage("pass one of --mint <address> or --create-mint");
        const existing = await accounts.fetchProtocolSingleton(ctx.connection, { programId: ctx.programId });
        if (existing) throw new CliError(`protocol already initialized (admin ${existing.admin.toBase58()}, mint ${existing.utilityMint.toBase58()})`);
        const params = {
          maxSwapFeeBps: parseBps(o.maxSwapFeeBps, "--max-swap-fee-bps"),
          minBurnPerGpuHour: parseInteger(o.minBurnPerGpuHour, "--min-burn-per-gpu-hour"),
          minCollateralBps: Number(parseInteger(o.minCollateralBps, "--min-collateral-bps")),
        };
        let mint: PublicKey;
        let x: A.Executed;
        if (o.createMint && ctx.dryRun) {
          // Simulate mint creation and initialization in one transaction (nothing is signed or sent).
          const m = Keypair.generate();
          mint = m.publicKey;
          const rent = await getMinimumBalanceForRentExemptMint(ctx.connection);
          x = await A.executeIxs(ctx, "create mint + initialize_protocol", [
            SystemProgram.createAccount({ fromPubkey: ctx.signer.publicKey, newAccountPubkey: mint, lamports: rent, space: MINT_SIZE, programId: TOKEN_PROGRAM_ID }),
            createInitializeMint2Instruction(mint, 6, ctx.signer.publicKey, null),
            instructions.initializeProtocol({ admin: ctx.signer.publicKey, utilityMint: mint, params, programId: ctx.programId }),
          ]);
        } else {
          mint = o.mint ? A.parseAddress(o.mint, "--mint") : await createMint(ctx.connection, ctx.signer, ctx.signer.publicKey, null, 6);
          x = await A.initProtocol(ctx, mint, params);
        }
        report(ctx, x, [`protocol initialized: admin ${ctx.signer.publicKey.toBase58()}, utility mint ${mint.toBase58()}`], { admin: ctx.signer.publicKey, utilityMint: mint, params });
      }),
    );
  protocol
    .command("show")
    .description("protocol parameters, mint, counters")
    .action(
      act(async (ctx) => {
        const p = await ctx.protocol();
        const { decimals } = await A.utilityMint(ctx);
        ctx.out(
          () => {
            console.log(`admin         ${p.admin.toBase58()}${p.pendingAdmin.equals(PublicKey.default) ? "" : ` (proposed next: ${p.pendingAdmin.toBase58()})`}`);
            console.log(`utility mint  ${p.utilityMint.toBase58()} (${decimals} decimals)`);
            console.log(`paused        ${p.paused}`);
            console.log(`pools         ${p.poolCount}`);
            console.log(`verifiers     ${p.activeVerifiers} active of ${p.verifierCount} registered (min stake ${tokens(p.verification.minVerifierStake, decimals)})`);
            console.log(`lottery       ${p.lottery.roundSlots > 0 ? `on: rounds of ${p.lottery.roundSlots} slots, ${p.lottery.draws} draw(s) per device` : "off (any verifier may challenge any device)"}`);
            console.log(`bounds        swap fee <= ${p.maxSwapFeeBps} bps, burn >= ${p.minBurnPerGpuHour} units/GPU-h, collateral >= ${p.minCollateralBps} bps`);
            console.log(`emission      ${Number(p.emission.epochSecs) > 0 ? `epochs of ${duration(p.emission.epochSecs)}, next epoch ${p.nextEpoch}, emitted ${tokens(p.emitted, decimals)}` : "not configured"}`);
          },
          () => ({ ...p, decimals }),
        );
      }),
    );

  protocol
    .command("propose-admin")
    .description("admin: propose the next admin, who takes over with `protocol accept-admin`")
    .argument("[address]", "the next admin")
    .option("--withdraw", "withdraw the open proposal")
    .action(
      act(async (ctx, address: string | undefined, o: { withdraw?: boolean }) => {
        if (!address === !o.withdraw) throw usage("pass one of <address> or --withdraw");
        const next = o.withdraw ? ctx.signer.publicKey : A.parseAddress(address!, "<address>");
        const x = await A.proposeAdmin(ctx, next);
        const line = o.withdraw ? "admin proposal withdrawn" : `proposed ${next.toBase58()} as admin; it takes over when it signs \`pinfi protocol accept-admin\``;
        report(ctx, x, [line], { pendingAdmin: o.withdraw ? PublicKey.default : next });
      }),
    );
  protocol
    .command("accept-admin")
    .description("the proposed admin (--keypair) takes over")
    .action(
      act(async (ctx) => {
        const x = await A.acceptAdmin(ctx);
        report(ctx, x, [`${ctx.signer.publicKey.toBase58()} is now the admin`], { admin: ctx.signer.publicKey });
      }),
    );

  program
    .command("airdrop")
    .description("request SOL for fees (localnet / devnet faucets)")
    .option("--to <address>", "recipient (default: --keypair)")
    .option("--sol <n>", "SOL", "10")
    .action(
      act(async (ctx, o: { to?: string; sol: string }) => {
        const to = o.to ? A.parseAddress(o.to, "--to") : ctx.signer.publicKey;
        if (!(Number(o.sol) > 0)) throw usage(`bad --sol ${JSON.stringify(o.sol)}: a positive number`);
        if (ctx.dryRun) {
          // An airdrop is a faucet request, not a transaction of ours: nothing to simulate.
          ctx.out(() => console.log(`dry run: would request ${o.sol} SOL for ${to.toBase58()} from ${ctx.url}'s faucet`), () => ({ dryRun: true, to, sol: Number(o.sol) }));
          return;
        }
        const sig = await ctx.connection.requestAirdrop(to, Number(o.sol) * LAMPORTS_PER_SOL);
        const { blockhash, lastValidBlockHeight } = await ctx.connection.getLatestBlockhash();
        await ctx.connection.confirmTransaction({ signature: sig, blockhash, lastValidBlockHeight });
        const bal = await ctx.connection.getBalance(to);
        ctx.out(() => console.log(`airdropped ${o.sol} SOL to ${to.toBase58()} (balance ${bal / LAMPORTS_PER_SOL} SOL)\nsignature: ${sig}`), () => ({ to, sol: Number(o.sol), signature: sig, lamports: bal }));
      }),
    );

  const tokensCmd = program.command("tokens").description("utility tokens");
  tokensCmd
    .command("mint")
    .description("mint utility tokens (while --keypair is still the mint authority: localnet / test setups)")
    .requiredOption("--to <owner>", "recipient wallet (its associated token account is created if missing)")
    .requiredOption("--amount <tokens>", "tokens (e.g. 100) or base units (100000000u)")
    .action(
      act(async (ctx, o: { to: string; amount: string }) => {
        const { mint, decimals } = await A.utilityMint(ctx);
        const info = await getMint(ctx.connection, mint);
        if (!info.mintAuthority?.equals(ctx.signer.publicKey)) {
          throw new CliError(`not the mint authority: ${mint.toBase58()} is minted by ${info.mintAuthority?.toBase58() ?? "nobody"}, not --keypair`);
        }
        const to = A.parseAddress(o.to, "--to");
        const amount = parseTokens(o.amount, decimals, "--amount");
        if (ctx.dryRun) {
          const ataAddress = getAssociatedTokenAddressSync(mint, to, true);
          const x = await A.executeIxs(ctx, "mint_to", [
            createAssociatedTokenAccountIdempotentInstruction(ctx.signer.publicKey, ataAddress, to, mint),
            createMintToInstruction(mint, ataAddress, ctx.signer.publicKey, amount),
          ]);
          return report(ctx, x, [`minted ${tokens(amount, decimals)} to ${to.toBase58()} (${ataAddress.toBase58()})`], { to, tokenAccount: ataAddress, amount });
        }
        const ata = await createAssociatedTokenAccountIdempotent(ctx.connection, ctx.signer, mint, to, undefined, undefined, undefined, true);
        const sig = await mintTo(ctx.connection, ctx.signer, mint, ata, ctx.signer, amount);
        ctx.out(() => console.log(`minted ${tokens(amount, decimals)} to ${to.toBase58()} (${ata.toBase58()})\nsignature: ${sig}`), () => ({ to, tokenAccount: ata, amount, signature: sig }));
      }),
    );
  tokensCmd
    .command("balance")
    .description("SOL and utility token balance of --owner (default: --keypair)")
    .option("--owner <address>", "wallet")
    .action(
      act(async (ctx, o: { owner?: string }) => {
        const owner = o.owner ? A.parseAddress(o.owner, "--owner") : ctx.signer.publicKey;
        const { mint, decimals } = await A.utilityMint(ctx);
        const account = ctx.client.tokenAccount(owner, mint);
        const bal = (await A.tokenBalance(ctx, account)) ?? 0n;
        const sol = await ctx.connection.getBalance(owner);
        ctx.out(() => console.log(`${owner.toBase58()}: ${tokens(bal, decimals)} utility tokens, ${sol / LAMPORTS_PER_SOL} SOL`), () => ({ owner, tokenAccount: account, amount: bal, lamports: sol, decimals }));
      }),
    );

  const verifier = program.command("verifier").description("verifiers: stake to challenge devices with proof-of-compute");
  verifier
    .command("register")
    .description("register --keypair as a verifier, staking utility tokens")
    .requiredOption("--amount <tokens>", "stake (at least the protocol's minimum)")
    .action(
      act(async (ctx, o: { amount: string }) => {
        const { decimals } = await A.utilityMint(ctx);
        const amount = parseTokens(o.amount, decimals, "--amount");
        const min = (await ctx.protocol()).verification.minVerifierStake;
        if (amount < min) throw new CliError(`verifier stake too low: --amount ${tokens(amount, decimals)} is under the protocol minimum ${tokens(min, decimals)}`);
        const x = await A.verifierRegister(ctx, { amount });
        report(ctx, x, [`registered verifier ${x.verifier.toBase58()} with ${tokens(amount, decimals)} staked`], { verifier: x.verifier, amount });
      }),
    );
  verifier
    .command("unbond")
    .alias("unstake")
    .description("stop opening challenges and start the unbonding period")
    .action(
      act(async (ctx) => {
        const x = await A.verifierUnbond(ctx);
        report(ctx, x, [`verifier of ${ctx.signer.publicKey.toBase58()} is unbonding`], {});
      }),
    );
  verifier
    .command("withdraw")
    .description("after unbonding: take the stake back and close the verifier")
    .action(
      act(async (ctx) => {
        const x = await A.verifierWithdraw(ctx);
        report(ctx, x, [`verifier of ${ctx.signer.publicKey.toBase58()} withdrawn`], {});
      }),
    );
  verifier
    .command("show")
    .description("the verifier of --keypair (or --authority)")
    .option("--authority <address>", "verifier authority")
    .action(
      act(async (ctx, o: { authority?: string }) => {
        const auth = o.authority ? A.parseAddress(o.authority, "--authority") : ctx.signer.publicKey;
        const v = await accounts.fetchVerifierByAuthority(ctx.connection, auth, { programId: ctx.programId });
        if (!v) throw new CliError(`not a verifier: ${auth.toBase58()} has no verifier account`);
        const { decimals } = await A.utilityMint(ctx);
        ctx.out(
          () => console.log(`verifier of ${auth.toBase58()}: staked ${tokens(v.staked, decimals)}, pending ${v.pending}, opened ${v.opened}, verdicts ${v.verdicts}, strikes ${v.strikes}, slashed ${tokens(v.slashed, decimals)}${v.unbondingSince > 0n ? `, unbonding since ${isoTime(v.unbondingSince)}` : ""}${v.endpoint ? `, evidence at ${v.endpoint}` : ", no evidence endpoint"}${v.lottery.rounds > 0 ? `, lottery secrets for ${v.lottery.rounds} rounds from slot ${v.lottery.startSlot}` : ""}`),
          () => v,
        );
      }),
    );

  verifier
    .command("set-endpoint")
    .description("publish where --keypair's verifier serves its evidence bundles (<url>/evidence/<hash>.json); \"\" clears it")
    .argument("<url>", "base URL of the verifier daemon's HTTP server as others reach it")
    .action(
      act(async (ctx, url: string) => {
        if (url !== "" && !/^https?:\/\/\S+$/.test(url)) throw usage(`bad <url> ${JSON.stringify(url)}: an http(s) URL, or "" to clear`);
        const x = await A.verifierSetEndpoint(ctx, url);
        report(ctx, x, [url ? `evidence endpoint of ${ctx.signer.publicKey.toBase58()} is now ${url}` : "evidence endpoint cleared"], { endpoint: url });
      }),
    );
  verifier
    .command("audit")
    .description("re-check a verdict: fetch its evidence bundle from the verifier, compare with the chain, recompute (exit 1 if it does not hold)")
    .argument("<challenge>", "challenge account address")
    .action(
      act(async (ctx, address: string) => {
        const challenge = A.parseAddress(address, "<challenge>");
        const lib = loadOptional("@pinfi/verifier/dist/daemon") as { auditChallenge?: AuditFn; AuditError?: new (...a: unknown[]) => Error } | null;
        if (!lib?.auditChallenge) throw new CliError("not available: @pinfi/verifier is not installed in this build", 2);
        let r: Awaited<ReturnType<AuditFn>>;
        try {
          r = await lib.auditChallenge(ctx.connection, challenge, { programId: ctx.programId });
        } catch (e) {
          if (lib.AuditError && e instanceof lib.AuditError) throw new CliError(`cannot audit: ${e.message}`);
          throw e;
        }
        ctx.out(() => {
          const re = r.recheck!;
          console.log(`challenge ${r.challenge}: chain says ${r.outcome}; bundle ${r.url}`);
          console.log(`recomputed: ${re.outcome.kind}${re.outcome.reason ? ` (${re.outcome.reason})` : ""}${r.objective ? ", objective (device-signed bytes alone)" : ""}`);
          for (const m of [...r.chainMismatches, ...re.problems]) console.log(`  problem: ${m}`);
          console.log(r.supported ? "the evidence supports the verdict" : "the evidence does NOT support the verdict");
        }, () => r);
        if (!r.supported) process.exitCode = 1;
      }),
    );

  // Daemons live in their own packages; the CLI only starts them when this build has them.
  daemon(verifier.command("run").description("run the verifier daemon (pinfi-verifier of @pinfi/verifier); options pass through"), "@pinfi/verifier", "dist/bin/verifier.js");
  daemon(program.command("miner").description("miners' agent").command("run").description("run the miner agent that answers challenges (pinfi-miner of @pinfi/verifier); options pass through"), "@pinfi/verifier", "dist/bin/miner.js");
  keeperRun(program.command("keeper").description("keepers").command("run").description("run the keeper daemon of @pinfi/keeper: closes epochs, claims rewards, settles expired stakes"));
}

/** `pinfi keeper run`: @pinfi/keeper's `Keeper`, configured from its file/env plus the global options. */
function keeperRun(cmd: Command): void {
  cmd
    .option("--config <file>", "keeper YAML configuration (see @pinfi/keeper)")
    .option("--once", "one run of every crank, then exit (status 1 if it left failures)")
    .option("--port <n>", "metrics / health HTTP port (0: any)")
    .option("--no-http", "no metrics / health server")
    .option("--interval-ms <ms>", "pause between runs")
    .option("--log-level <level>", "trace | debug | info | warn | error")
    .action(
      act(async (ctx, o: { config?: string; once?: boolean; port?: string; http?: boolean; intervalMs?: string; logLevel?: string }) => {
        const lib = loadOptional("@pinfi/keeper");
        if (!lib) throw new CliError("not available: @pinfi/keeper is not installed in this build", 2);
        type KeeperLike = { runOnce(): Promise<{ failures: number }>; start(): Promise<void>; stop(): Promise<void> };
        const { Keeper, loadConfig, ConfigError } = lib as {
          Keeper?: new (o: unknown) => KeeperLike;
          loadConfig?: (o: unknown) => Record<string, unknown> & { once: boolean; http: { enabled: boolean } };
          ConfigError?: new (...a: unknown[]) => Error;
        };
        if (typeof Keeper !== "function" || typeof loadConfig !== "function") throw new CliError("not available: @pinfi/keeper in this build exports no Keeper / loadConfig", 2);
        const g = ctx.opts;
        const overrides: Record<string, unknown> = {
          rpcUrl: g.url !== undefined ? ctx.url : undefined,
          keypair: g.keypair,
          programId: g.programId,
          dryRun: g.dryRun ? true : undefined,
          once: o.once ? true : undefined,
          "http.port": o.port !== undefined ? Number(parseInteger(o.port, "--port")) : undefined,
          "http.enabled": o.http === false ? false : undefined,
          intervalMs: o.intervalMs !== undefined ? Number(parseInteger(o.intervalMs, "--interval-ms")) : undefined,
          "log.level": o.logLevel,
        };
        let config: ReturnType<NonNullable<typeof loadConfig>>;
        try {
          config = loadConfig({ file: o.config, overrides });
        } catch (e) {
          if (ConfigError && e instanceof ConfigError) throw new CliError(`keeper ${e.message}`, 2);
          throw e;
        }
        const keeper = new Keeper({ config, payer: ctx.signer, processMetrics: true });
        if (config.once) {
          config.http.enabled = false;
          const report = await keeper.runOnce();
          await keeper.stop();
          if (report.failures > 0) throw new CliError(`keeper run left ${report.failures} failure(s); see its log above`);
          return;
        }
        for (const sig of ["SIGTERM", "SIGINT"] as const) process.once(sig, () => void keeper.stop());
        await keeper.start();
        await keeper.stop();
      }),
    );
}

/**
 * A subcommand that runs `pkg`'s daemon binary with the same Node, passing every option through
 * (its own `--config`, `--help`, `--print-config`, …) and exiting with its status; one line and
 * exit 2 when this build does not have the package.
 */
function daemon(cmd: Command, pkg: string, bin: string): void {
  cmd
    .allowUnknownOption(true)
    .helpOption(false)
    .argument("[args...]")
    .action(async (_operands: string[], _options: unknown, self: Command) => {
      // With unknown options allowed, `self.args` keeps them and their values in order.
      const args = self.args;
      let root: string;
      try {
        root = dirname(require.resolve(`${pkg}/package.json`));
      } catch {
        process.stderr.write(`error: not available: ${pkg} is not installed in this build\n`);
        process.exit(2);
      }
      const child = spawn(process.execPath, [join(root, bin), ...args], { stdio: "inherit" });
      for (const sig of ["SIGTERM", "SIGINT"] as const) process.on(sig, () => child.kill(sig));
      // The CLI exits when its action returns: wait for the daemon and take its status.
      const code = await new Promise<number>((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
      process.exit(code);
    });
}

type AuditFn = (connection: Connection, challenge: PublicKey, o: { programId: PublicKey }) => Promise<{
  challenge: string; outcome: string; url: string | null; chainMismatches: string[]; supported: boolean; objective: boolean;
  recheck: { outcome: { kind: string; reason: string | null }; problems: string[] } | null;
}>;

/** A workspace package by its entry point, or null when this build does not have it. */
export function loadOptional(pkg: string): Record<string, unknown> | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(pkg) as Record<string, unknown>;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND") return null;
    throw e;
  }
}
