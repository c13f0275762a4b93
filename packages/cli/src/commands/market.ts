// pool, device, burn, stake, lp, sell, buy, rental, rewards: the market's roles.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { Command, Option } from "commander";
import { Keypair, PublicKey } from "@solana/web3.js";
import * as A from "../actions";
import { gpa, quotes } from "../sdk";
import type { types } from "../sdk";
import { Ctx, loadKeypair, toJson } from "../context";
import { usage } from "../errors";
import { duration, gpuHours, isoTime, parseBps, parseDuration, parseGpuHours, parseInteger, parseTokens, price, table, tokens } from "../format";
import { act, report, requireOne } from "../run";

const slippage = () => new Option("--slippage-bps <bps>", "slippage tolerance on the quote, basis points").default("100");
const endOptions = (c: Command, what: string) =>
  c.option("--duration <d>", `${what} from now, rounded up to the pool's bucket (e.g. 6h, 2d)`).option("--end <unix>", `${what}: a bucket boundary (unix seconds)`);
const endArgs = (o: { duration?: string; end?: string }) => ({
  secs: o.duration !== undefined ? parseDuration(o.duration, "--duration") : undefined,
  end: o.end !== undefined ? parseInteger(o.end, "--end") : undefined,
});

async function decimals(ctx: Ctx): Promise<number> {
  return (await A.utilityMint(ctx)).decimals;
}

// ---------------------------------------------------------------------------------------------
export function poolCommands(program: Command): void {
  const pool = program.command("pool").description("create, list and inspect pools (one per GPU class)");

  pool
    .command("create <gpuClass>")
    .description("create the pool of a GPU class (anyone may; parameters are fixed for its life)")
    .option("--swap-fee-bps <bps>", "swap fee, burned", "30")
    .option("--min-stake <d>", "shortest stake", "1h")
    .option("--max-stake <d>", "longest stake / rental window", "7d")
    .option("--bucket <d>", "bucket: every end is a multiple of it", "1h")
    .option("--burn-per-gpu-hour <tokens>", "certificate burn per GPU-hour (tokens, or base units with a trailing u)", "0.1")
    .option("--maintenance-per-gpu-hour <tokens>", "seller maintenance fee per GPU-hour", "0.05")
    .option("--collateral-bps <bps>", "seller collateral, bps of the sale", "20000")
    .option("--reference-price <tokens>", "opening price per GPU-hour for the first LP", "2")
    .action(
      act(async (ctx, gpuClass: string, o: Record<string, string>) => {
        const d = await decimals(ctx);
        const params = {
          swapFeeBps: parseBps(o.swapFeeBps, "--swap-fee-bps"),
          minStakeSecs: Number(parseDuration(o.minStake, "--min-stake")),
          maxStakeSecs: Number(parseDuration(o.maxStake, "--max-stake")),
          bucketSecs: Number(parseDuration(o.bucket, "--bucket")),
          burnPerGpuHour: parseTokens(o.burnPerGpuHour, d, "--burn-per-gpu-hour"),
          maintenancePerGpuHour: parseTokens(o.maintenancePerGpuHour, d, "--maintenance-per-gpu-hour"),
          collateralBps: Number(parseInteger(o.collateralBps, "--collateral-bps")),
          referencePrice: parseTokens(o.referencePrice, d, "--reference-price"),
        };
        const x = await A.createPool(ctx, gpuClass, params);
        report(ctx, x, [`created pool ${gpuClass} at ${x.pool.toBase58()}`], { gpuClass, pool: x.pool, params });
      }),
    );

  pool
    .command("list")
    .description("every pool: price, decayed hour reserve, utility reserve, next expiries")
    .action(
      act(async (ctx) => {
        const views = await A.listPools(ctx);
        const d = views.length ? await decimals(ctx) : 6;
        ctx.out(
          () => {
            if (!views.length) return console.log(`no pools on ${ctx.url} (create one with \`pinfi pool create <gpuClass>\`)`);
            console.log(
              table(
                ["pool", "price/GPU-h", "hours (GPU-h)", "utility", "LP supply", "next expiries"],
                views.map((v) => [
                  v.gpuClass,
                  price(v.price, d),
                  gpuHours(v.hours),
                  tokens(v.utilityReserve, d),
                  v.lpSupply.toString(),
                  v.nextExpiries.map((e) => `+${duration(e.at - v.at)} (${e.stakes} stake${e.stakes === 1 ? "" : "s"})`).join(", ") || "-",
                ]),
              ),
            );
          },
          () => ({ at: views[0]?.at, decimals: d, pools: views }),
        );
      }),
    );

  pool
    .command("show <pool>")
    .description("one pool (GPU class or address): reserves, parameters, on-chain snapshot, expiries, stakes and rentals")
    .action(
      act(async (ctx, ref: string) => {
        const p = await A.resolvePool(ctx, ref);
        const now = await ctx.now();
        const v = A.poolView(p, now, 8);
        const d = await decimals(ctx);
        const opts = { programId: ctx.programId };
        const [stakes, rentals] = await Promise.all([gpa.stakesByPool(ctx.connection, p.address, opts), gpa.rentalsByPool(ctx.connection, p.address, opts)]);
        ctx.out(
          () => {
            console.log(`pool ${v.gpuClass}  ${v.address.toBase58()}  at ${isoTime(now)}`);
            console.log(`  price            ${price(v.price, d)} tokens / GPU-hour`);
            console.log(`  hour reserve     ${gpuHours(v.hours)} GPU-h (decayed to now)`);
            console.log(`  utility reserve  ${tokens(v.utilityReserve, d)}`);
            console.log(`  LP supply        ${v.lpSupply}`);
            console.log(`  escrow / collat. ${tokens(v.escrowTotal, d)} / ${tokens(v.collateralTotal, d)}`);
            const pp = v.params;
            console.log(`  params           fee ${pp.swapFeeBps} bps, stakes ${duration(pp.minStakeSecs)}..${duration(pp.maxStakeSecs)}, bucket ${duration(pp.bucketSecs)}, burn ${tokens(pp.burnPerGpuHour, d)}/GPU-h, maintenance ${tokens(pp.maintenancePerGpuHour, d)}/GPU-h, collateral ${pp.collateralBps} bps, reference ${tokens(pp.referencePrice, d)}/GPU-h`);
            console.log(`  next expiries    ${v.nextExpiries.map((e) => `${isoTime(e.at)} (+${duration(e.at - now)}, ${e.stakes} stakes, ${e.devices.toFixed(2)} devices)`).join("; ") || "-"}`);
            if (stakes.length) console.log("\n" + stakeTable(stakes.map((k) => ({ address: k.address, stake: k.account })), now, d));
            if (rentals.length) console.log("\n" + rentalTable(rentals.map((k) => ({ address: k.address, rental: k.account })), now));
          },
          () => ({ ...v, stakes: stakes.map((k) => ({ address: k.address, ...k.account })), rentals: rentals.map((k) => ({ address: k.address, ...k.account })) }),
        );
      }),
    );
}

export function stakeTable(rows: { address: PublicKey; stake: types.Stake }[], now: bigint, d: number): string {
  return table(
    ["stake", "kind", "ends", "balance GPU-h", "LP shares", "collateral", "status"],
    rows.map(({ address, stake: s }) => [
      address.toBase58(),
      s.kind,
      s.end > now ? `in ${duration(s.end - now)}` : `${duration(now - s.end)} ago`,
      gpuHours(s.end > now ? quotes.stakeBalanceAt(s, now) : 0n),
      s.lpShares.toString(),
      tokens(s.collateral, d),
      s.failed ? "failed" : s.end <= now ? "expired: settle" : "live",
    ]),
  );
}

export function rentalTable(rows: { address: PublicKey; rental: types.Rental }[], now: bigint): string {
  return table(
    ["rental", "id", "ends", "left GPU-h", "bought GPU-h", "status"],
    rows.map(({ address, rental: r }) => [
      address.toBase58(),
      r.id.toString(),
      r.end > now ? `in ${duration(r.end - now)}` : `${duration(now - r.end)} ago`,
      gpuHours(r.end > now ? quotes.rentalBalanceAt(r, now) : 0n),
      gpuHours(r.gpuSeconds),
      r.end > now ? "live" : "ended",
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
function deviceDir(): string {
  return process.env.PINFI_HOME ? join(process.env.PINFI_HOME, "devices") : join(homedir(), ".config", "pinfi", "devices");
}

export function minerCommands(program: Command): void {
  const device = program.command("device").description("a miner's devices");
  device
    .command("register")
    .description("register a device (its key signs too) in a pool")
    .requiredOption("--pool <pool>", "GPU class or pool address")
    .option("--device-keypair <file>", "the device's keypair file; created when missing (default: a new key saved under ~/.config/pinfi/devices)")
    .option("--specs-hash <hex>", "32-byte hash of the hardware specs (64 hex chars)")
    .option("--endpoint <url>", "where verifiers reach the miner agent")
    .action(
      act(async (ctx, o: { pool: string; deviceKeypair?: string; specsHash?: string; endpoint?: string }) => {
        const pool = await A.resolvePool(ctx, o.pool);
        let deviceKey: Keypair;
        let file = o.deviceKeypair;
        if (file && existsSync(file)) deviceKey = loadKeypair(file, "--device-keypair");
        else {
          deviceKey = Keypair.generate();
          file = file ?? join(deviceDir(), `${deviceKey.publicKey.toBase58()}.json`);
        }
        let specsHash: Uint8Array | undefined;
        if (o.specsHash !== undefined) {
          if (!/^[0-9a-fA-F]{64}$/.test(o.specsHash)) throw usage("bad --specs-hash: 64 hex characters (32 bytes)");
          specsHash = Buffer.from(o.specsHash, "hex");
        }
        const x = await A.registerDevice(ctx, { pool, deviceKey, specsHash, endpoint: o.endpoint });
        if (!x.dryRun && !existsSync(file)) {
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, JSON.stringify(Array.from(deviceKey.secretKey)), { mode: 0o600 });
        }
        report(ctx, x, [`registered device ${x.device.toBase58()} (key ${deviceKey.publicKey.toBase58()}, saved to ${file}) in ${pool.name}`], {
          device: x.device, deviceKey: deviceKey.publicKey, deviceKeypair: file, pool: pool.name,
        });
      }),
    );
  device
    .command("endpoint <device> <url>")
    .description("set (or clear with \"\") the URL verifiers reach the device's agent at")
    .action(
      act(async (ctx, dev: string, url: string) => {
        const x = await A.setEndpoint(ctx, dev, url);
        report(ctx, x, [`endpoint of ${dev} set to ${JSON.stringify(url)}`], { device: dev, endpoint: url });
      }),
    );
  device
    .command("list")
    .description("devices of --owner (default: --keypair)")
    .option("--owner <address>", "owner")
    .action(
      act(async (ctx, o: { owner?: string }) => {
        const owner = o.owner ? A.parseAddress(o.owner, "--owner") : ctx.signer.publicKey;
        const ds = await gpa.devicesByOwner(ctx.connection, owner, { programId: ctx.programId });
        ctx.out(
          () =>
            console.log(
              ds.length
                ? table(["device", "device key", "stakes", "passes", "strikes", "endpoint"], ds.map((k) => [k.address.toBase58(), k.account.deviceKey.toBase58(), k.account.stakeCount.toString(), String(k.account.passes), String(k.account.strikes), k.account.endpoint || "-"]))
                : `no devices owned by ${owner.toBase58()}`,
            ),
          () => ({ owner, devices: ds.map((k) => ({ address: k.address, ...k.account })) }),
        );
      }),
    );

  program
    .command("burn")
    .description("burn utility tokens for a certificate covering GPU-seconds in a pool (a stake needs one)")
    .requiredOption("--pool <pool>", "GPU class or pool address")
    .option("--hours <gpuHours>", "GPU-hours covered (e.g. 24)")
    .option("--duration <d>", "covered time, e.g. 24h (same as --hours for one device)")
    .option("--nonce <n>", "certificate nonce (default: a fresh one)")
    .action(
      act(async (ctx, o: { pool: string; hours?: string; duration?: string; nonce?: string }) => {
        requireOne(o, ["hours", "duration"]);
        const pool = await A.resolvePool(ctx, o.pool);
        const secs = o.hours !== undefined ? parseGpuHours(o.hours) : parseDuration(o.duration!, "--duration");
        const x = await A.burn(ctx, { pool, secs, nonce: o.nonce !== undefined ? parseInteger(o.nonce, "--nonce") : undefined });
        const d = await decimals(ctx);
        report(ctx, x, [`burned ${tokens(x.cost, d)} tokens for a ${gpuHours(secs)} GPU-h certificate ${x.certificate.toBase58()} (nonce ${x.nonce}) in ${pool.name}`], {
          certificate: x.certificate, nonce: x.nonce, burned: x.cost, gpuSeconds: secs, pool: pool.name,
        });
      }),
    );

  const stake = program.command("stake").description("stake a device's hours as an LP or a seller; list, show and settle stakes");
  endOptions(
    stake
      .command("create", { isDefault: true })
      .description("stake a device until an end (burns the certificate in the same transaction unless --certificate-nonce)")
      .requiredOption("--device <device>", "device key or device account")
      .option("--lp", "an LP stake: its hours go into the pool with `pinfi lp add`")
      .option("--seller", "a seller stake: sell its hours with `pinfi sell`")
      .option("--certificate-nonce <n>", "use a certificate burned before with `pinfi burn`"),
    "stake end",
  ).action(
    act(async (ctx, o: { device: string; lp?: boolean; seller?: boolean; certificateNonce?: string; duration?: string; end?: string }) => {
      if (!!o.lp === !!o.seller) throw usage("choose one of --lp or --seller");
      requireOne(o, ["duration", "end"]);
      const x = await A.createStake(ctx, {
        device: o.device, kind: o.lp ? "lp" : "seller", ...endArgs(o),
        certificateNonce: o.certificateNonce !== undefined ? parseInteger(o.certificateNonce, "--certificate-nonce") : undefined,
      });
      const d = await decimals(ctx);
      report(ctx, x, [
        `created ${o.lp ? "LP" : "seller"} stake ${x.stake.toBase58()} in ${x.pool}: ${gpuHours(x.gpuSeconds)} GPU-h until ${isoTime(x.end)}; burned ${tokens(x.burned, d)}${x.maintenanceFee ? `, maintenance escrow ${tokens(x.maintenanceFee, d)}` : ""}`,
      ], { stake: x.stake, device: x.device, pool: x.pool, kind: o.lp ? "lp" : "seller", end: x.end, gpuSeconds: x.gpuSeconds, burned: x.burned, maintenanceFee: x.maintenanceFee });
    }),
  );
  stake
    .command("list")
    .description("stakes of --owner (default: --keypair), or of a --pool")
    .option("--owner <address>", "owner")
    .option("--pool <pool>", "every stake of a pool instead")
    .action(
      act(async (ctx, o: { owner?: string; pool?: string }) => {
        const opts = { programId: ctx.programId };
        const ks = o.pool
          ? await gpa.stakesByPool(ctx.connection, (await A.resolvePool(ctx, o.pool)).address, opts)
          : await gpa.stakesByOwner(ctx.connection, o.owner ? A.parseAddress(o.owner, "--owner") : ctx.signer.publicKey, opts);
        const now = await ctx.now();
        const d = await decimals(ctx);
        ctx.out(
          () => console.log(ks.length ? stakeTable(ks.map((k) => ({ address: k.address, stake: k.account })), now, d) : "no stakes"),
          () => ({ at: now, stakes: ks.map((k) => ({ address: k.address, ...k.account, balance: k.account.end > now ? quotes.stakeBalanceAt(k.account, now) : 0n })) }),
        );
      }),
    );
  stake
    .command("show <stake>")
    .description("one stake")
    .action(
      act(async (ctx, ref: string) => {
        const { address, stake: s } = await A.resolveStake(ctx, ref);
        const now = await ctx.now();
        const d = await decimals(ctx);
        ctx.out(
          () => console.log(stakeTable([{ address, stake: s }], now, d)),
          () => ({ address, ...s, balance: s.end > now ? quotes.stakeBalanceAt(s, now) : 0n, at: now }),
        );
      }),
    );
  stake
    .command("settle")
    .description("settle an ended stake (permissionless; pays its owner) — same as `pinfi lp settle`")
    .option("--stake <stake>", "the stake")
    .option("--all-expired", "settle every ended stake (optionally of --pool)")
    .option("--pool <pool>", "with --all-expired")
    .action(act(settleAction));

  const lp = program.command("lp").description("liquidity providers");
  lp
    .command("add")
    .description("move an LP stake's hours into the pool with equal-value tokens")
    .requiredOption("--stake <stake>", "the LP stake")
    .option("--max-tokens-in <tokens>", "explicit bound on the tokens paid in (default: quote + slippage)")
    .addOption(slippage())
    .action(
      act(async (ctx, o: { stake: string; maxTokensIn?: string; slippageBps: string }) => {
        const d = await decimals(ctx);
        const x = await A.addLiquidity(ctx, {
          stake: o.stake, slippageBps: parseBps(o.slippageBps), maxTokensIn: o.maxTokensIn !== undefined ? parseTokens(o.maxTokensIn, d, "--max-tokens-in") : undefined,
        });
        report(ctx, x, [`added ${gpuHours(x.hoursIn)} GPU-h and ${tokens(x.tokensIn, d)} tokens to ${x.pool}: ${x.shares} LP shares`], {
          stake: o.stake, pool: x.pool, hoursIn: x.hoursIn, tokensIn: x.tokensIn, shares: x.shares, maxTokensIn: x.maxTokensIn,
        });
      }),
    );
  lp
    .command("settle")
    .description("settle an ended stake (permissionless): LP shares → tokens, seller escrow and collateral back")
    .option("--stake <stake>", "the stake")
    .option("--all-expired", "settle every ended stake (optionally of --pool)")
    .option("--pool <pool>", "with --all-expired")
    .action(act(settleAction));

  program
    .command("sell")
    .description("sell hours of a seller stake into the pool (fee burned, collateral locked until the stake ends)")
    .requiredOption("--stake <stake>", "the seller stake")
    .requiredOption("--hours <gpuHours>", "GPU-hours to sell")
    .option("--min-tokens-out <tokens>", "explicit lower bound (default: quote − slippage)")
    .addOption(slippage())
    .action(
      act(async (ctx, o: { stake: string; hours: string; minTokensOut?: string; slippageBps: string }) => {
        const d = await decimals(ctx);
        const x = await A.sell(ctx, {
          stake: o.stake, secs: parseGpuHours(o.hours), slippageBps: parseBps(o.slippageBps),
          minTokensOut: o.minTokensOut !== undefined ? parseTokens(o.minTokensOut, d, "--min-tokens-out") : undefined,
        });
        report(ctx, x, [`sold ${o.hours} GPU-h in ${x.pool}: received ${tokens(x.sellerOut - x.collateral, d)} now, ${tokens(x.collateral, d)} collateral back at the stake's end, ${tokens(x.feeBurned, d)} fee burned`], {
          stake: o.stake, pool: x.pool, hours: parseGpuHours(o.hours), sellerOut: x.sellerOut, collateral: x.collateral, feeBurned: x.feeBurned, minTokensOut: x.minTokensOut,
        });
      }),
    );

  program
    .command("buy")
    .description("rent GPU-hours: pay tokens, get a rental decaying until its end")
    .requiredOption("--pool <pool>", "GPU class or pool address")
    .requiredOption("--tokens <amount>", "tokens paid, fee included (e.g. 5 or 5000000u)")
    .option("--duration <d>", "rental length from now, rounded up to the bucket (e.g. 4h)")
    .option("--end <unix>", "rental end: a bucket boundary")
    .option("--min-hours-out <gpuHours>", "explicit lower bound (default: quote − slippage)")
    .option("--rental-id <n>", "rental id (default: a fresh one)")
    .addOption(slippage())
    .action(
      act(async (ctx, o: { pool: string; tokens: string; duration?: string; end?: string; minHoursOut?: string; rentalId?: string; slippageBps: string }) => {
        requireOne(o, ["duration", "end"]);
        const d = await decimals(ctx);
        const x = await A.buy(ctx, {
          pool: o.pool, tokensIn: parseTokens(o.tokens, d, "--tokens"), ...endArgs(o), slippageBps: parseBps(o.slippageBps),
          minHoursOut: o.minHoursOut !== undefined ? parseGpuHours(o.minHoursOut, "--min-hours-out") : undefined,
          rentalId: o.rentalId !== undefined ? parseInteger(o.rentalId, "--rental-id") : undefined,
        });
        report(ctx, x, [`rented ${gpuHours(x.hoursOut)} GPU-h in ${x.pool} until ${isoTime(x.end)}: rental ${x.rental.toBase58()} (id ${x.rentalId}); fee burned ${tokens(x.feeBurned, d)}`], {
          rental: x.rental, rentalId: x.rentalId, pool: x.pool, end: x.end, tokensIn: parseTokens(o.tokens, d), hoursOut: x.hoursOut, feeBurned: x.feeBurned, minHoursOut: x.minHoursOut,
        });
      }),
    );

  const rental = program.command("rental").description("a buyer's rentals");
  endOptions(
    rental
      .command("extend")
      .description("extend a rental to a later end (the missing hours bought at the current price)")
      .requiredOption("--rental <rental>", "the rental")
      .option("--max-tokens-in <tokens>", "explicit upper bound (default: quote + slippage)")
      .addOption(slippage()),
    "extension (--duration adds to the current end)",
  ).action(
    act(async (ctx, o: { rental: string; maxTokensIn?: string; slippageBps: string; duration?: string; end?: string }) => {
      requireOne(o, ["duration", "end"]);
      const d = await decimals(ctx);
      const x = await A.extend(ctx, {
        rental: o.rental, ...endArgs(o), slippageBps: parseBps(o.slippageBps),
        maxTokensIn: o.maxTokensIn !== undefined ? parseTokens(o.maxTokensIn, d, "--max-tokens-in") : undefined,
      });
      report(ctx, x, [`extended ${o.rental} to ${isoTime(x.newEnd)} for ${tokens(x.tokensIn, d)} tokens`], { rental: x.rental, newEnd: x.newEnd, tokensIn: x.tokensIn, maxTokensIn: x.maxTokensIn, pool: x.pool });
    }),
  );
  rental
    .command("terminate")
    .description("end a rental early: the unused hours are sold back (fee burned)")
    .requiredOption("--rental <rental>", "the rental")
    .option("--min-tokens-out <tokens>", "explicit lower bound (default: quote − slippage)")
    .addOption(slippage())
    .action(
      act(async (ctx, o: { rental: string; minTokensOut?: string; slippageBps: string }) => {
        const d = await decimals(ctx);
        const x = await A.terminate(ctx, {
          rental: o.rental, slippageBps: parseBps(o.slippageBps), minTokensOut: o.minTokensOut !== undefined ? parseTokens(o.minTokensOut, d, "--min-tokens-out") : undefined,
        });
        report(ctx, x, [`terminated ${o.rental}: ${tokens(x.buyerOut, d)} tokens back, ${tokens(x.feeBurned, d)} fee burned`], { rental: x.rental, buyerOut: x.buyerOut, feeBurned: x.feeBurned, pool: x.pool });
      }),
    );
  rental
    .command("show [rental]")
    .description("one rental, or a table of --buyer's (default: --keypair) rentals")
    .option("--buyer <address>", "buyer")
    .action(
      act(async (ctx, ref: string | undefined, o: { buyer?: string }) => {
        const now = await ctx.now();
        let rows: { address: PublicKey; rental: types.Rental }[];
        if (ref) rows = [await A.resolveRental(ctx, ref)];
        else {
          const buyer = o.buyer ? A.parseAddress(o.buyer, "--buyer") : ctx.signer.publicKey;
          rows = (await gpa.rentalsByBuyer(ctx.connection, buyer, { programId: ctx.programId })).map((k) => ({ address: k.address, rental: k.account }));
        }
        ctx.out(
          () => console.log(rows.length ? rentalTable(rows, now) : "no rentals"),
          () => ({ at: now, rentals: rows.map((r) => ({ address: r.address, ...r.rental, left: r.rental.end > now ? quotes.rentalBalanceAt(r.rental, now) : 0n })) }),
        );
      }),
    );

  const rewards = program.command("rewards").description("block rewards of stakes");
  rewards
    .command("claim")
    .description("claim a stake's rewards over the closed epochs (permissionless; paid to the stake's owner)")
    .requiredOption("--stake <stake>", "the stake")
    .action(
      act(async (ctx, o: { stake: string }) => {
        const x = await A.claim(ctx, o);
        const d = await decimals(ctx);
        report(ctx, x, [`claimed epochs ${x.window.fromEpoch}..${x.window.toEpoch}: paid ${x.paid !== undefined ? tokens(x.paid, d) : "?"}, burned ${x.burned !== undefined ? tokens(x.burned, d) : "?"}`], {
          stake: o.stake, window: x.window, paid: x.paid, burned: x.burned,
        });
      }),
    );
}

async function settleAction(ctx: Ctx, o: { stake?: string; allExpired?: boolean; pool?: string }): Promise<void> {
  if (!o.stake && !o.allExpired) throw usage("pass --stake <address> or --all-expired");
  if (o.stake) {
    const x = await A.settle(ctx, { stake: o.stake });
    const d = await decimals(ctx);
    return report(ctx, x, [`settled ${x.kind} stake ${o.stake} of ${x.pool}: paid ${tokens(x.paidOut, d)} to ${x.owner.toBase58()}, burned ${tokens(x.burned, d)}`], {
      stake: x.stake, kind: x.kind, paidOut: x.paidOut, burned: x.burned, owner: x.owner, pool: x.pool,
    });
  }
  const pool = o.pool ? (await A.resolvePool(ctx, o.pool)).address : undefined;
  const list = await A.expiredStakes(ctx, pool);
  const done: Record<string, unknown>[] = [];
  for (const [i, { address }] of list.entries()) {
    const x = await A.settle(ctx, { stake: address.toBase58() });
    done.push({ stake: address, kind: x.kind, paidOut: x.paidOut, burned: x.burned, signature: x.signature, dryRun: x.dryRun });
    // Progress on long sweeps: every line says how far along it is.
    if (!ctx.json) console.log(`[${i + 1}/${list.length}] ${x.dryRun ? "would settle" : "settled"} ${x.kind} stake ${address.toBase58()} (${x.pool}): paid ${x.paidOut}, burned ${x.burned}`);
  }
  if (ctx.json) console.log(toJson({ settled: done }));
  else if (!list.length) console.log("no ended stakes to settle");
}
