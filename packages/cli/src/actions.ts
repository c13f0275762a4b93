// What each role does, on @pinfi/sdk only: look the accounts up, quote, check what the user can
// fix before sending (unknown pool, expired stake, balance, slippage), then send or dry-run.
// Commands (commands/*.ts) format the results; the demo calls these with its own signers.
import { Keypair, PublicKey, Signer, TransactionInstruction } from "@solana/web3.js";
import { accounts, gpa, instructions, pdas, quotes, rpc } from "./sdk";
import type { types } from "./sdk";
import { CliError, describeError } from "./errors";
import { Ctx } from "./context";
import { gpuHours, tokens } from "./format";

type Pool = types.Pool;
type Stake = types.Stake;
type Rental = types.Rental;
type PinfiEvent = types.PinfiEvent;

/** A sent transaction, or the simulation of one under --dry-run. */
export interface Executed {
  label: string;
  dryRun: boolean;
  signature?: string;
  events: PinfiEvent[];
  simulation?: { ok: boolean; unitsConsumed?: number; logs: string[]; error?: string };
}

interface SimLike {
  ok: boolean;
  logs: string[];
  events: PinfiEvent[];
  error: unknown;
  unitsConsumed?: number;
}

function simulated(ctx: Ctx, label: string, sim: SimLike): Executed {
  const error = sim.error ? describeError(sim.error, ctx).message : undefined;
  return { label, dryRun: true, events: sim.events, simulation: { ok: sim.ok, unitsConsumed: sim.unitsConsumed, logs: sim.logs, error } };
}

type RpcMethod<A> = ((a: A) => Promise<{ signature: string; events: PinfiEvent[] }>) & { dryRun(a: A): Promise<SimLike> };

/** `rpc.<verb>(args)`, or `rpc.<verb>.dryRun(args)` under --dry-run. */
export async function execute<A>(ctx: Ctx, label: string, method: RpcMethod<A>, args: A): Promise<Executed> {
  if (ctx.dryRun) return simulated(ctx, label, await method.dryRun(args));
  const r = await method(args);
  return { label, dryRun: false, signature: r.signature, events: r.events };
}

/** Several instructions in one transaction (e.g. burn + stake), signed by the ctx signer + `signers`. */
export async function executeIxs(ctx: Ctx, label: string, ixs: TransactionInstruction[], signers: Signer[] = []): Promise<Executed> {
  const client = ctx.client;
  if (ctx.dryRun) return simulated(ctx, label, await client.simulate(ixs));
  const r = await client.send(ixs, signers);
  return { label, dryRun: false, signature: r.signature, events: r.events };
}

export const eventOf = <N extends PinfiEvent["name"]>(x: Executed, name: N) =>
  x.events.find((e) => e.name === name)?.data as Extract<PinfiEvent, { name: N }>["data"] | undefined;

// ---------------------------------------------------------------------------------------------
// Look-ups with one clear line when missing.

export interface PoolRef {
  address: PublicKey;
  pool: Pool;
  name: string;
}

/** `H100` (a GPU class) or a pool address. */
export async function resolvePool(ctx: Ctx, ref: string): Promise<PoolRef> {
  let address: PublicKey;
  if (/^[1-9A-HJ-NP-Za-km-z]{32,44}$/.test(ref)) address = new PublicKey(ref);
  else {
    if (!/^[A-Za-z0-9_-]{1,16}$/.test(ref)) throw new CliError(`unknown pool ${JSON.stringify(ref)}: a GPU class is 1-16 letters, digits, '-' or '_' (see \`pinfi pool list\`)`);
    address = pdas.pool(ref, ctx.programId)[0];
  }
  const pool = await accounts.fetchPool(ctx.connection, address, { programId: ctx.programId });
  if (!pool) throw new CliError(`unknown pool ${ref}: no such pool on ${ctx.url} (see \`pinfi pool list\`, or create it with \`pinfi pool create ${ref}\`)`);
  return { address, pool, name: pdas.gpuClassName(pool.gpuClass) };
}

export async function resolveStake(ctx: Ctx, ref: string): Promise<{ address: PublicKey; stake: Stake }> {
  const address = parseAddress(ref, "--stake");
  const stake = await accounts.fetchStake(ctx.connection, address, { programId: ctx.programId });
  if (!stake) throw new CliError(`unknown stake ${ref}: no stake account there (a settled stake is closed; see \`pinfi stake list\`)`);
  return { address, stake };
}

export async function resolveRental(ctx: Ctx, ref: string): Promise<{ address: PublicKey; rental: Rental }> {
  const address = parseAddress(ref, "--rental");
  const rental = await accounts.fetchRental(ctx.connection, address, { programId: ctx.programId });
  if (!rental) throw new CliError(`unknown rental ${ref}: no rental account there (a terminated rental is closed; see \`pinfi rental show\`)`);
  return { address, rental };
}

/** A device by its device key or its device account address. */
export async function resolveDevice(ctx: Ctx, ref: string): Promise<{ address: PublicKey; device: types.Device }> {
  const key = parseAddress(ref, "--device");
  const opts = { programId: ctx.programId };
  const byKey = pdas.device(key, ctx.programId)[0];
  const d = (await accounts.fetchDevice(ctx.connection, byKey, opts)) ?? null;
  if (d) return { address: byKey, device: d };
  const direct = await accounts.fetchDevice(ctx.connection, key, opts).catch(() => null);
  if (direct) return { address: key, device: direct };
  throw new CliError(`unknown device ${ref}: neither a registered device key nor a device account (register with \`pinfi device register\`)`);
}

export function parseAddress(v: string, what: string): PublicKey {
  try {
    return new PublicKey(v);
  } catch {
    throw new CliError(`bad ${what}: ${JSON.stringify(v)} is not a base58 address`, 2);
  }
}

// ---------------------------------------------------------------------------------------------
// Tokens.

export interface MintInfo {
  mint: PublicKey;
  decimals: number;
}

const mintCache = new WeakMap<Ctx, MintInfo>();
export async function utilityMint(ctx: Ctx): Promise<MintInfo> {
  const hit = mintCache.get(ctx);
  if (hit) return hit;
  const mint = (await ctx.protocol()).utilityMint;
  const supply = await ctx.connection.getTokenSupply(mint);
  const info = { mint, decimals: supply.value.decimals };
  mintCache.set(ctx, info);
  return info;
}

export async function tokenBalance(ctx: Ctx, account: PublicKey): Promise<bigint | null> {
  try {
    return BigInt((await ctx.connection.getTokenAccountBalance(account)).value.amount);
  } catch {
    return null;
  }
}

/** The signer's utility token account, checked to hold at least `need`. */
export async function ownTokens(ctx: Ctx, need = 0n): Promise<{ account: PublicKey; balance: bigint; mint: MintInfo }> {
  const mint = await utilityMint(ctx);
  const account = ctx.client.tokenAccount(ctx.signer.publicKey, mint.mint);
  const balance = await tokenBalance(ctx, account);
  if (balance === null) {
    throw new CliError(`insufficient balance: ${ctx.signer.publicKey.toBase58()} has no utility token account (${account.toBase58()}); get utility tokens first`);
  }
  if (balance < need && !ctx.dryRun) {
    throw new CliError(`insufficient balance: ${account.toBase58()} holds ${tokens(balance, mint.decimals)} utility tokens, this needs ${tokens(need, mint.decimals)}`);
  }
  return { account, balance, mint };
}

const slip = {
  /** A lower bound `bps` under the quote. */
  min: (v: bigint, bps: number) => (v * BigInt(10_000 - bps)) / 10_000n,
  /** An upper bound `bps` over the quote. */
  max: (v: bigint, bps: number) => (v * BigInt(10_000 + bps) + 9_999n) / 10_000n,
};

/** A bucket boundary: `end` as given (checked), or now + `secs` rounded up to the pool's bucket. */
export function endFrom(pool: Pool, now: bigint, o: { end?: bigint; secs?: bigint }): bigint {
  const b = BigInt(pool.params.bucketSecs);
  if (o.end !== undefined) {
    if (o.end % b !== 0n || o.end <= now) throw new CliError(`invalid end: ${o.end} must be a future multiple of the pool's bucket (${b} s); or pass --duration`);
    return o.end;
  }
  if (o.secs === undefined) throw new CliError("missing --duration or --end", 2);
  const t = now + o.secs;
  return t % b === 0n ? t : t - (t % b) + b;
}

// ---------------------------------------------------------------------------------------------
// Admin and pools.

export interface PoolParamsInput {
  swapFeeBps: number;
  minStakeSecs: number;
  maxStakeSecs: number;
  bucketSecs: number;
  burnPerGpuHour: bigint;
  maintenancePerGpuHour: bigint;
  collateralBps: number;
  referencePrice: bigint;
}

export async function initProtocol(ctx: Ctx, mint: PublicKey, params = { maxSwapFeeBps: 1_000, minBurnPerGpuHour: 1n, minCollateralBps: 10_000 }) {
  return execute(ctx, "initialize_protocol", rpc.initializeProtocol, { ...ctx.base, admin: ctx.signer, utilityMint: mint, params });
}

export async function createPool(ctx: Ctx, gpuClass: string, params: PoolParamsInput): Promise<Executed & { pool: PublicKey }> {
  const { mint } = await utilityMint(ctx);
  const pool = pdas.pool(gpuClass, ctx.programId)[0];
  if (await ctx.connection.getAccountInfo(pool)) throw new CliError(`pool ${gpuClass} already exists at ${pool.toBase58()} (see \`pinfi pool show ${gpuClass}\`)`);
  const x = await execute(ctx, `create_pool ${gpuClass}`, rpc.createPool, { ...ctx.base, creator: ctx.signer, utilityMint: mint, gpuClass, params });
  return { ...x, pool };
}

export interface PoolView {
  gpuClass: string;
  address: PublicKey;
  at: bigint;
  /** Base units per GPU-hour, as a fraction. */
  price: { num: bigint; den: bigint };
  /** GPU-seconds, decayed to `at`. */
  hours: bigint;
  utilityReserve: bigint;
  lpSupply: bigint;
  escrowTotal: bigint;
  collateralTotal: bigint;
  stakeCount: bigint;
  rentalCount: bigint;
  /** The next bucket boundaries where lots expire: time, stakes ending there, hours leaving. */
  nextExpiries: { at: bigint; stakes: number; devices: number }[];
  params: Pool["params"];
}

/** A pool at `now` with the SDK's quotes (decay applied), and its upcoming expiries. */
export function poolView(ref: PoolRef, now: bigint, maxExpiries = 3): PoolView {
  const { pool } = ref;
  const b = BigInt(pool.params.bucketSecs);
  const nextExpiries: PoolView["nextExpiries"] = [];
  const start = now - (now % b) + b;
  const last = pool.reserve.cursor + 255n * b;
  for (let t = start; t <= last && nextExpiries.length < maxExpiries; t += b) {
    const i = Number((t / b) % 256n);
    if (pool.slots[i] !== 0n || pool.stakeEnds[i] !== 0) {
      // The lots' rate ending there, in devices (Q32.32 × the pool's Q64.64 scale).
      const devices = Number((pool.slots[i] * pool.reserve.scale) >> 64n) / 2 ** 32;
      nextExpiries.push({ at: t, stakes: pool.stakeEnds[i], devices });
    }
  }
  return {
    gpuClass: ref.name,
    address: ref.address,
    at: now,
    price: quotes.spotPrice(pool, now),
    hours: quotes.hourReserveAt(pool, now),
    utilityReserve: pool.utilityReserve,
    lpSupply: pool.lpSupply,
    escrowTotal: pool.escrowTotal,
    collateralTotal: pool.collateralTotal,
    stakeCount: pool.stakeCount,
    rentalCount: pool.rentalCount,
    nextExpiries,
    params: pool.params,
  };
}

export async function listPools(ctx: Ctx): Promise<PoolView[]> {
  const now = await ctx.now();
  const all = await gpa.allPools(ctx.connection, { programId: ctx.programId });
  return all
    .map((k) => poolView({ address: k.address, pool: k.account, name: pdas.gpuClassName(k.account.gpuClass) }, now))
    .sort((a, b) => a.gpuClass.localeCompare(b.gpuClass));
}

// ---------------------------------------------------------------------------------------------
// Miners: devices, certificates, stakes.

export async function registerDevice(ctx: Ctx, o: { pool: PoolRef; deviceKey: Keypair; specsHash?: Uint8Array; endpoint?: string }) {
  const ixs = [
    instructions.registerDevice({ owner: ctx.signer.publicKey, deviceKey: o.deviceKey.publicKey, pool: o.pool.address, specsHash: o.specsHash ?? new Uint8Array(32), programId: ctx.programId }),
  ];
  const device = pdas.device(o.deviceKey.publicKey, ctx.programId)[0];
  if (o.endpoint) ixs.push(instructions.setDeviceEndpoint({ owner: ctx.signer.publicKey, pool: o.pool.address, device, endpoint: o.endpoint, programId: ctx.programId }));
  const x = await executeIxs(ctx, "register_device", ixs, [o.deviceKey]);
  return { ...x, device };
}

export async function setEndpoint(ctx: Ctx, deviceRef: string, endpoint: string) {
  const { address, device } = await resolveDevice(ctx, deviceRef);
  if (!device.owner.equals(ctx.signer.publicKey)) throw new CliError(`not owner: device ${address.toBase58()} belongs to ${device.owner.toBase58()}, not --keypair ${ctx.signer.publicKey.toBase58()}`);
  return execute(ctx, "set_device_endpoint", rpc.setDeviceEndpoint, { ...ctx.base, owner: ctx.signer, pool: device.pool, device: address, endpoint });
}

/** A fresh certificate nonce: unused for (owner, pool). */
async function freshNonce(ctx: Ctx, pool: PublicKey): Promise<bigint> {
  let nonce = BigInt(Date.now()) * 1000n + BigInt(Math.floor(Math.random() * 1000));
  while (await ctx.connection.getAccountInfo(pdas.certificate(ctx.signer.publicKey, pool, nonce, ctx.programId)[0])) nonce++;
  return nonce;
}

export async function burn(ctx: Ctx, o: { pool: PoolRef; secs: bigint; nonce?: bigint }) {
  const cost = quotes.certificateBurn(o.pool.pool, o.secs);
  const { account, mint } = await ownTokens(ctx, cost);
  const nonce = o.nonce ?? (await freshNonce(ctx, o.pool.address));
  const x = await execute(ctx, "burn_for_certificate", rpc.burnForCertificate, {
    ...ctx.base, owner: ctx.signer, pool: o.pool.address, utilityMint: mint.mint, ownerTokens: account, nonce, gpuSeconds: o.secs,
  });
  return { ...x, nonce, cost, certificate: pdas.certificate(ctx.signer.publicKey, o.pool.address, nonce, ctx.programId)[0] };
}

/**
 * A stake of `kind` on a device until `end`. Without a certificate nonce, burns a certificate
 * for exactly `[now, end]` in the same transaction.
 */
export async function createStake(ctx: Ctx, o: { device: string; kind: "lp" | "seller"; end?: bigint; secs?: bigint; certificateNonce?: bigint }) {
  const { address: device, device: d } = await resolveDevice(ctx, o.device);
  if (!d.owner.equals(ctx.signer.publicKey)) throw new CliError(`not owner: device ${device.toBase58()} belongs to ${d.owner.toBase58()}, not --keypair`);
  const pool = await resolvePool(ctx, d.pool.toBase58());
  const now = await ctx.now();
  const end = endFrom(pool.pool, now, o);
  const secs = end - now;
  const burnCost = o.certificateNonce === undefined ? quotes.certificateBurn(pool.pool, secs) : 0n;
  const fee = o.kind === "seller" ? quotes.maintenanceFee(pool.pool, secs) : 0n;
  const { account, mint } = await ownTokens(ctx, burnCost + fee);
  const base = { owner: ctx.signer.publicKey, pool: pool.address, programId: ctx.programId };
  const ixs: TransactionInstruction[] = [];
  let nonce = o.certificateNonce;
  if (nonce === undefined) {
    nonce = await freshNonce(ctx, pool.address);
    ixs.push(instructions.burnForCertificate({ ...base, utilityMint: mint.mint, ownerTokens: account, nonce, gpuSeconds: secs }));
  }
  ixs.push(instructions.createStake({ ...base, device, deviceStakeCount: d.stakeCount, ownerTokens: account, kind: o.kind, end, certificateNonce: nonce }));
  const x = await executeIxs(ctx, `create_stake (${o.kind})`, ixs);
  return { ...x, stake: pdas.stake(device, d.stakeCount, ctx.programId)[0], device, pool: pool.name, end, gpuSeconds: secs, burned: burnCost, maintenanceFee: fee };
}

function liveStake(stake: Stake, address: PublicKey, now: bigint) {
  if (now >= stake.end) throw new CliError(`expired stake: ${address.toBase58()} ended ${now - stake.end} s ago; settle it with \`pinfi lp settle --stake ${address.toBase58()}\``);
  if (stake.failed) throw new CliError(`failed stake: ${address.toBase58()} was marked failed and can no longer trade`);
}

// ---------------------------------------------------------------------------------------------
// LPs and sellers.

export async function addLiquidity(ctx: Ctx, o: { stake: string; slippageBps?: number; maxTokensIn?: bigint }) {
  const { address, stake } = await resolveStake(ctx, o.stake);
  const now = await ctx.now();
  liveStake(stake, address, now);
  if (stake.kind !== "lp") throw new CliError(`wrong stake kind: ${address.toBase58()} is a seller stake; use \`pinfi sell\``);
  const pool = await resolvePool(ctx, stake.pool.toBase58());
  const q = quotes.quoteAddLiquidity(pool.pool, stake, now);
  const maxTokensIn = o.maxTokensIn ?? slip.max(q.tokensIn, o.slippageBps ?? 100);
  const { account } = await ownTokens(ctx, q.tokensIn);
  const x = await execute(ctx, "add_liquidity", rpc.addLiquidity, { ...ctx.base, owner: ctx.signer, pool: pool.address, stake: address, ownerTokens: account, maxTokensIn });
  const ev = eventOf(x, "LiquidityAdded");
  return { ...x, quote: q, maxTokensIn, hoursIn: ev?.hoursIn ?? q.hours, tokensIn: ev?.tokensIn ?? q.tokensIn, shares: ev?.shares ?? q.shares, pool: pool.name };
}

export async function sell(ctx: Ctx, o: { stake: string; secs: bigint; slippageBps?: number; minTokensOut?: bigint }) {
  const { address, stake } = await resolveStake(ctx, o.stake);
  const now = await ctx.now();
  liveStake(stake, address, now);
  if (stake.kind !== "seller") throw new CliError(`wrong stake kind: ${address.toBase58()} is an LP stake; use \`pinfi lp add\``);
  const have = quotes.stakeBalanceAt(stake, now);
  if (o.secs > have) throw new CliError(`insufficient hours: stake ${address.toBase58()} holds ${gpuHours(have)} GPU-h now, asked ${gpuHours(o.secs)}`);
  const pool = await resolvePool(ctx, stake.pool.toBase58());
  const q = quotes.quoteSell(pool.pool, o.secs, stake, now);
  const minTokensOut = o.minTokensOut ?? slip.min(q.sellerOut, o.slippageBps ?? 100);
  const { account, mint } = await ownTokens(ctx);
  const x = await execute(ctx, "sell_hours", rpc.sellHours, {
    ...ctx.base, owner: ctx.signer, pool: pool.address, stake: address, ownerTokens: account, utilityMint: mint.mint, hours: o.secs, minTokensOut,
  });
  const ev = eventOf(x, "HoursSold");
  return { ...x, quote: q, minTokensOut, sellerOut: ev?.sellerOut ?? q.sellerOut, collateral: ev?.collateral ?? q.collateral, feeBurned: ev?.feeBurned ?? q.fee, pool: pool.name };
}

/** Permissionless: pays the stake's owner (its associated token account). */
export async function settle(ctx: Ctx, o: { stake: string }) {
  const { address, stake } = await resolveStake(ctx, o.stake);
  const now = await ctx.now();
  if (now < stake.end) throw new CliError(`stake not ended: ${address.toBase58()} ends in ${stake.end - now} s (at ${stake.end}); settle at or after its end`);
  const pool = await resolvePool(ctx, stake.pool.toBase58());
  const { mint } = await utilityMint(ctx);
  const q = quotes.quoteSettle(pool.pool, stake, now);
  const ownerTokens = ctx.client.tokenAccount(stake.owner, mint);
  const x = await execute(ctx, "settle_stake", rpc.settleStake, {
    ...ctx.base, payer: ctx.signer, pool: pool.address, stake: address, owner: stake.owner, ownerTokens, utilityMint: mint,
  });
  const ev = eventOf(x, "StakeSettled");
  return { ...x, stake: address, kind: stake.kind, paidOut: ev?.paidOut ?? q.paidOut, burned: ev?.burned ?? q.burned, owner: stake.owner, pool: pool.name };
}

/** Every ended, unsettled stake (of a pool, or all). */
export async function expiredStakes(ctx: Ctx, pool?: PublicKey): Promise<{ address: PublicKey; stake: Stake }[]> {
  const now = await ctx.now();
  const opts = { programId: ctx.programId };
  const all = pool ? await gpa.stakesByPool(ctx.connection, pool, opts) : await gpa.allStakes(ctx.connection, opts);
  return all.filter((k) => k.account.end <= now).map((k) => ({ address: k.address, stake: k.account }));
}

// ---------------------------------------------------------------------------------------------
// Buyers.

/** A rental id unused by this buyer in this pool. */
async function freshRentalId(ctx: Ctx, pool: PoolRef): Promise<bigint> {
  let id = pool.pool.rentalCount + 1n;
  while (await ctx.connection.getAccountInfo(pdas.rental(pool.address, ctx.signer.publicKey, id, ctx.programId)[0])) id++;
  return id;
}

export async function buy(ctx: Ctx, o: { pool: string; tokensIn: bigint; end?: bigint; secs?: bigint; slippageBps?: number; minHoursOut?: bigint; rentalId?: bigint }) {
  const pool = await resolvePool(ctx, o.pool);
  const now = await ctx.now();
  const end = endFrom(pool.pool, now, o);
  const q = quotes.quoteBuy(pool.pool, o.tokensIn, now, end);
  const minHoursOut = o.minHoursOut ?? slip.min(q.hoursOut, o.slippageBps ?? 100);
  const { account, mint } = await ownTokens(ctx, o.tokensIn);
  const rentalId = o.rentalId ?? (await freshRentalId(ctx, pool));
  const x = await execute(ctx, "buy_hours", rpc.buyHours, {
    ...ctx.base, buyer: ctx.signer, pool: pool.address, rentalId, buyerTokens: account, utilityMint: mint.mint, tokensIn: o.tokensIn, end, minHoursOut,
  });
  const ev = eventOf(x, "HoursBought");
  return { ...x, rental: pdas.rental(pool.address, ctx.signer.publicKey, rentalId, ctx.programId)[0], rentalId, end, quote: q, minHoursOut, hoursOut: ev?.hoursOut ?? q.hoursOut, feeBurned: ev?.feeBurned ?? q.fee, pool: pool.name };
}

export async function extend(ctx: Ctx, o: { rental: string; end?: bigint; secs?: bigint; slippageBps?: number; maxTokensIn?: bigint }) {
  const { address, rental } = await resolveRental(ctx, o.rental);
  const pool = await resolvePool(ctx, rental.pool.toBase58());
  const now = await ctx.now();
  if (now >= rental.end) throw new CliError(`rental ended: ${address.toBase58()} ended at ${rental.end}; buy a new one with \`pinfi buy\``);
  const newEnd = o.end ?? endFrom(pool.pool, rental.end, { secs: o.secs });
  const q = quotes.quoteExtendRental(pool.pool, rental, newEnd, now);
  const maxTokensIn = o.maxTokensIn ?? slip.max(q.tokensIn, o.slippageBps ?? 100);
  const { account, mint } = await ownTokens(ctx, q.tokensIn);
  const x = await execute(ctx, "extend_rental", rpc.extendRental, {
    ...ctx.base, buyer: ctx.signer, pool: pool.address, rental: address, buyerTokens: account, utilityMint: mint.mint, newEnd, maxTokensIn,
  });
  const ev = eventOf(x, "HoursBought");
  return { ...x, rental: address, newEnd, quote: q, maxTokensIn, tokensIn: ev?.tokensIn ?? q.tokensIn, pool: pool.name };
}

export async function terminate(ctx: Ctx, o: { rental: string; slippageBps?: number; minTokensOut?: bigint }) {
  const { address, rental } = await resolveRental(ctx, o.rental);
  const pool = await resolvePool(ctx, rental.pool.toBase58());
  const now = await ctx.now();
  if (now >= rental.end) throw new CliError(`rental ended: ${address.toBase58()} ended at ${rental.end}; nothing to terminate`);
  const q = quotes.quoteTerminateRental(pool.pool, rental, now);
  const minTokensOut = o.minTokensOut ?? slip.min(q.buyerOut, o.slippageBps ?? 100);
  const { account, mint } = await ownTokens(ctx);
  const x = await execute(ctx, "terminate_rental", rpc.terminateRental, {
    ...ctx.base, buyer: ctx.signer, pool: pool.address, rental: address, buyerTokens: account, utilityMint: mint.mint, minTokensOut,
  });
  const ev = eventOf(x, "RentalTerminated");
  return { ...x, rental: address, quote: q, minTokensOut, buyerOut: ev?.buyerOut ?? q.buyerOut, feeBurned: ev?.feeBurned ?? q.fee, pool: pool.name };
}

// ---------------------------------------------------------------------------------------------
// Rewards and verifiers.

export async function claim(ctx: Ctx, o: { stake: string }) {
  const { address, stake } = await resolveStake(ctx, o.stake);
  const pool = await resolvePool(ctx, stake.pool.toBase58());
  const protocol = await ctx.protocol();
  const w = quotes.claimWindow(stake, pool.pool, protocol);
  if (!w) throw new CliError(`nothing to claim: stake ${address.toBase58()} has no closed epoch to claim (emission not configured, no epoch closed yet, or already claimed)`);
  const { mint } = await utilityMint(ctx);
  const x = await execute(ctx, "claim_rewards", rpc.claimRewards, {
    ...ctx.base, payer: ctx.signer, pool: pool.address, device: stake.device, stake: address,
    ownerTokens: ctx.client.tokenAccount(stake.owner, mint), fromEpoch: w.fromEpoch, toEpoch: w.toEpoch, utilityMint: mint,
  });
  const ev = eventOf(x, "RewardsClaimed");
  return { ...x, window: w, paid: ev?.paid, burned: ev?.burned };
}

/** First step of an admin handover; proposing the admin itself withdraws a proposal. */
export async function proposeAdmin(ctx: Ctx, next: PublicKey) {
  const p = await ctx.protocol();
  if (!p.admin.equals(ctx.signer.publicKey)) throw new CliError(`not the admin: ${ctx.signer.publicKey.toBase58()} (the admin is ${p.admin.toBase58()})`);
  return execute(ctx, "update_protocol", rpc.updateProtocol, { ...ctx.base, admin: ctx.signer, newAdmin: next });
}

export async function acceptAdmin(ctx: Ctx) {
  const p = await ctx.protocol();
  if (!p.pendingAdmin.equals(ctx.signer.publicKey)) {
    const proposed = p.pendingAdmin.equals(PublicKey.default) ? "no admin is proposed" : `the proposed admin is ${p.pendingAdmin.toBase58()}`;
    throw new CliError(`not the proposed admin: ${ctx.signer.publicKey.toBase58()} (${proposed})`);
  }
  return execute(ctx, "accept_admin", rpc.acceptAdmin, { ...ctx.base, pendingAdmin: ctx.signer });
}

export async function verifierRegister(ctx: Ctx, o: { amount: bigint }) {
  const { account, mint } = await ownTokens(ctx, o.amount);
  const x = await execute(ctx, "register_verifier", rpc.registerVerifier, { ...ctx.base, authority: ctx.signer, authorityTokens: account, utilityMint: mint.mint, amount: o.amount });
  return { ...x, verifier: pdas.verifier(ctx.signer.publicKey, ctx.programId)[0] };
}

async function ownVerifier(ctx: Ctx) {
  const v = await accounts.fetchVerifierByAuthority(ctx.connection, ctx.signer.publicKey, { programId: ctx.programId });
  if (!v) throw new CliError(`not a verifier: ${ctx.signer.publicKey.toBase58()} has no verifier account (register with \`pinfi verifier register --amount <tokens>\`)`);
  return v;
}

export async function verifierSetEndpoint(ctx: Ctx, endpoint: string) {
  await ownVerifier(ctx);
  return execute(ctx, "set_verifier_endpoint", rpc.setVerifierEndpoint, { ...ctx.base, authority: ctx.signer, endpoint });
}

export async function verifierUnbond(ctx: Ctx) {
  await ownVerifier(ctx);
  return execute(ctx, "unbond_verifier", rpc.unbondVerifier, { ...ctx.base, authority: ctx.signer });
}

export async function verifierWithdraw(ctx: Ctx) {
  await ownVerifier(ctx);
  const { account } = await ownTokens(ctx);
  return execute(ctx, "withdraw_verifier", rpc.withdrawVerifier, { ...ctx.base, authority: ctx.signer, authorityTokens: account });
}
