// Runs the built `pinfi` binary (node dist/bin.js) against a fresh localnet: every subcommand,
// its --json output, and the error paths (one line on stderr, a non-zero exit status).
import { expect } from "chai";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keypair } from "@solana/web3.js";
import { Localnet, startLocalnet } from "../src/localnet";

const BIN = join(__dirname, "..", "dist", "bin.js");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: any;
}

function pinfi(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: number }).code ?? 1) : 0;
      let json: any;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolve({ code: typeof code === "number" ? code : 1, stdout, stderr, json });
    });
  });
}

/** The one-line error contract. */
function expectError(r: Run, code: number, pattern: RegExp): void {
  expect(r.code, `exit status; stderr: ${r.stderr}`).to.equal(code);
  const lines = r.stderr.trim().split("\n");
  expect(lines.length, r.stderr).to.equal(1);
  expect(lines[0]).to.match(/^error: /);
  expect(lines[0]).to.match(pattern);
}

describe("pinfi against a localnet", function () {
  this.timeout(120_000);
  let net: Localnet;
  let dir: string;
  const key: Record<string, string> = {};
  const pub: Record<string, string> = {};
  let run: (who: string, args: string[]) => Promise<Run>;
  let device1: string, device2: string, lpStake: string, sellerStake: string, nonce: string, rental: string;

  before(async () => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build -w @pinfi/cli\` first`);
    net = await startLocalnet({ port: 0, stderr: "ignore" });
    dir = mkdtempSync(join(tmpdir(), "pinfi-cli-"));
    for (const who of ["admin", "miner", "buyer", "poor"]) {
      const kp = Keypair.generate();
      key[who] = join(dir, `${who}.json`);
      pub[who] = kp.publicKey.toBase58();
      writeFileSync(key[who], JSON.stringify(Array.from(kp.secretKey)));
    }
    run = (who, args) => pinfi(["--url", net.rpc, "--keypair", key[who], ...args]);
  });
  after(async () => {
    await net?.stop();
  });

  it("prints help listing every role's subcommand", async () => {
    const r = await pinfi(["--help"]);
    expect(r.code).to.equal(0);
    for (const c of ["pool", "device", "burn", "stake", "lp", "sell", "buy", "rental", "rewards", "verifier", "miner", "keeper", "localnet", "demo"]) {
      expect(r.stdout).to.match(new RegExp(`\\n  ${c}\\b`));
    }
  });

  it("refuses a missing or malformed keypair file in one line", async () => {
    expectError(await pinfi(["--url", net.rpc, "--keypair", join(dir, "nope.json"), "airdrop"]), 1, /keypair not found: --keypair .*nope\.json does not exist/);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "[1,2,3]");
    expectError(await pinfi(["--url", net.rpc, "--keypair", bad, "airdrop"]), 1, /bad keypair file: .* 64 bytes/);
  });

  it("refuses a bad --url and an unreachable RPC", async () => {
    expectError(await pinfi(["--url", "nowhere", "pool", "list"]), 2, /bad --url "nowhere"/);
    expectError(await pinfi(["--url", "http://127.0.0.1:1", "pool", "list"]), 1, /cannot reach the RPC at http:\/\/127\.0\.0\.1:1/);
  });

  it("says the protocol is missing before `protocol init`", async () => {
    expectError(await run("admin", ["pool", "create", "H100"]), 1, /protocol not initialized: no PinFi protocol account for program \w+ on http/);
    const l = await run("admin", ["pool", "list"]);
    expect(l.code).to.equal(0);
    expect(l.stdout).to.match(/^no pools on http/);
  });

  it("airdrops, moves the clock to a boundary, initializes the protocol with a new mint", async () => {
    for (const who of ["admin", "miner", "buyer", "poor"]) {
      const r = await run(who, ["--json", "airdrop"]);
      expect(r.code, r.stderr).to.equal(0);
      expect(r.json.to).to.equal(pub[who]);
    }
    const now = Number((await run("admin", ["--json", "localnet", "clock"])).json.unixTimestamp);
    const w = await run("admin", ["--json", "localnet", "warp", "--to", String(now - (now % 3600) + 3600)]);
    expect(w.code, w.stderr).to.equal(0);
    expect(w.json.unixTimestamp % 3600).to.equal(0);
    const dry = await run("admin", ["--dry-run", "protocol", "init", "--create-mint"]);
    expect(dry.code, dry.stderr).to.equal(0);
    expect(dry.stdout).to.match(/^dry run: create mint \+ initialize_protocol would succeed/);
    expectError(await run("admin", ["protocol", "show"]), 1, /protocol not initialized/);
    const air = await run("admin", ["--dry-run", "airdrop"]);
    expect(air.stdout).to.match(/^dry run: would request 10 SOL/);
    const init = await run("admin", ["--json", "protocol", "init", "--create-mint"]);
    expect(init.code, init.stderr).to.equal(0);
    expect(init.json.signature).to.be.a("string");
    const show = await run("admin", ["--json", "protocol", "show"]);
    expect(show.json.utilityMint).to.equal(init.json.utilityMint);
    expect((await run("admin", ["protocol", "show"])).stdout).to.match(/lottery +off/);
    expect(show.json.decimals).to.equal(6);
  });

  it("creates a pool, refuses a second one of the same class, lists and shows it", async () => {
    const c = await run("admin", ["--json", "pool", "create", "H100", "--reference-price", "2"]);
    expect(c.code, c.stderr).to.equal(0);
    expectError(await run("admin", ["pool", "create", "H100"]), 1, /pool H100 already exists/);
    const l = await run("admin", ["--json", "pool", "list"]);
    expect(l.json.pools).to.have.length(1);
    expect(l.json.pools[0].gpuClass).to.equal("H100");
    const h = await run("admin", ["pool", "list"]);
    expect(h.stdout).to.match(/pool\s+price\/GPU-h\s+hours \(GPU-h\)\s+utility/);
    expect(h.stdout).to.match(/H100\s+-\s+0\.00\s+0/);
  });

  it("names an unknown pool", async () => {
    expectError(await run("admin", ["pool", "show", "B200"]), 1, /unknown pool B200: no such pool/);
    expectError(await run("buyer", ["buy", "--pool", "B200", "--tokens", "1", "--duration", "2h"]), 1, /unknown pool B200/);
  });

  it("mints utility tokens (mint authority only)", async () => {
    for (const [who, amount] of [["miner", "1000"], ["buyer", "100"]]) {
      const r = await run("admin", ["--json", "tokens", "mint", "--to", pub[who], "--amount", amount]);
      expect(r.code, r.stderr).to.equal(0);
    }
    expectError(await run("miner", ["tokens", "mint", "--to", pub.miner, "--amount", "5"]), 1, /not the mint authority/);
    const dry = await run("admin", ["--json", "--dry-run", "tokens", "mint", "--to", pub.miner, "--amount", "5"]);
    expect(dry.json.ok, dry.stderr).to.equal(true);
    const b = await run("miner", ["--json", "tokens", "balance"]);
    expect(b.json.amount).to.equal("1000000000");
  });

  it("registers devices, sets an endpoint, lists them", async () => {
    const r1 = await run("miner", ["--json", "device", "register", "--pool", "H100", "--device-keypair", join(dir, "dev1.json")]);
    expect(r1.code, r1.stderr).to.equal(0);
    device1 = r1.json.deviceKey;
    expect(existsSync(join(dir, "dev1.json"))).to.equal(true);
    const r2 = await run("miner", ["--json", "device", "register", "--pool", "H100", "--device-keypair", join(dir, "dev2.json"), "--endpoint", "http://miner:7070"]);
    expect(r2.code, r2.stderr).to.equal(0);
    device2 = r2.json.device;
    const e = await run("miner", ["--json", "device", "endpoint", device1, "http://miner:7071"]);
    expect(e.code, e.stderr).to.equal(0);
    const l = await run("miner", ["--json", "device", "list"]);
    expect(l.json.devices.map((d: any) => d.endpoint).sort()).to.deep.equal(["http://miner:7070", "http://miner:7071"]);
  });

  it("burns a certificate, then stakes as LP (burn in the same tx) and as seller (with that certificate)", async () => {
    const b = await run("miner", ["--json", "burn", "--pool", "H100", "--hours", "2"]);
    expect(b.code, b.stderr).to.equal(0);
    expect(b.json.burned).to.equal("200000");
    nonce = b.json.nonce;
    // `pinfi stake --lp` routes to `stake create`.
    const lp = await run("miner", ["--json", "stake", "--lp", "--device", device1, "--duration", "24h"]);
    expect(lp.code, lp.stderr).to.equal(0);
    lpStake = lp.json.stake;
    expect(lp.json.gpuSeconds).to.equal("86400");
    const s = await run("miner", ["--json", "stake", "create", "--seller", "--device", device2, "--duration", "2h", "--certificate-nonce", nonce]);
    expect(s.code, s.stderr).to.equal(0);
    sellerStake = s.json.stake;
    expect(s.json.burned).to.equal("0");
    expectError(await run("miner", ["stake", "--lp", "--seller", "--device", device1, "--duration", "2h"]), 2, /choose one of --lp or --seller/);
  });

  it("dry-runs lp add: simulation logs and units, nothing changes", async () => {
    const r = await run("miner", ["--dry-run", "lp", "add", "--stake", lpStake]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/dry run: add_liquidity would succeed \(units consumed: \d+\)/);
    expect(r.stdout).to.match(/simulation logs:\n  Program /);
    const j = await run("miner", ["--json", "--dry-run", "lp", "add", "--stake", lpStake]);
    expect(j.json.dryRun).to.equal(true);
    expect(j.json.ok).to.equal(true);
    expect(j.json.logs).to.be.an("array").that.is.not.empty;
    const st = await run("miner", ["--json", "stake", "show", lpStake]);
    expect(st.json.lpShares).to.equal("0");
  });

  it("adds liquidity; the pool table shows price, hours and the next expiry", async () => {
    const r = await run("miner", ["--json", "lp", "add", "--stake", lpStake]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.json.tokensIn).to.equal("48000000");
    const l = await run("admin", ["pool", "list"]);
    expect(l.stdout).to.match(/H100\s+2\.0000\s+24\.00\s+48\s+48000000\s+\+2h \(1 stake\), \+1d \(1 stake\)/);
    const s = await run("admin", ["pool", "show", "H100"]);
    expect(s.stdout).to.match(/price\s+2\.0000 tokens \/ GPU-hour/);
    expect(s.stdout).to.match(/stake\s+kind\s+ends/);
  });

  it("refuses the wrong stake kind and sells a seller stake's hours", async () => {
    expectError(await run("miner", ["sell", "--stake", lpStake, "--hours", "1"]), 1, /wrong stake kind: .* is an LP stake/);
    const r = await run("miner", ["--json", "sell", "--stake", sellerStake, "--hours", "1"]);
    expect(r.code, r.stderr).to.equal(0);
    expect(Number(r.json.sellerOut)).to.be.greaterThan(0);
    expect(Number(r.json.collateral)).to.be.greaterThan(0);
  });

  it("refuses a buy beyond its slippage bound, and one beyond the balance", async () => {
    expectError(await run("buyer", ["buy", "--pool", "H100", "--tokens", "5", "--duration", "4h", "--min-hours-out", "1000"]), 1, /^error: slippage: .*SlippageExceeded/);
    expectError(await run("buyer", ["buy", "--pool", "H100", "--tokens", "5000", "--duration", "4h"]), 1, /insufficient balance: .* holds 100 utility tokens, this needs 5000/);
    expectError(await run("poor", ["buy", "--pool", "H100", "--tokens", "1", "--duration", "4h"]), 1, /insufficient balance: .* has no utility token account/);
  });

  it("rents, shows, extends and terminates a rental", async () => {
    const b = await run("buyer", ["--json", "buy", "--pool", "H100", "--tokens", "5", "--duration", "4h"]);
    expect(b.code, b.stderr).to.equal(0);
    rental = b.json.rental;
    const show = await run("buyer", ["rental", "show"]);
    expect(show.stdout).to.match(/rental\s+id\s+ends\s+left GPU-h/);
    expect(show.stdout).to.contain(rental);
    const e = await run("buyer", ["--json", "rental", "extend", "--rental", rental, "--duration", "2h"]);
    expect(e.code, e.stderr).to.equal(0);
    expect(Number(e.json.newEnd) - Number(b.json.end)).to.equal(7200);
    const t = await run("buyer", ["--json", "rental", "terminate", "--rental", rental]);
    expect(t.code, t.stderr).to.equal(0);
    expect(Number(t.json.buyerOut)).to.be.greaterThan(0);
    expectError(await run("buyer", ["rental", "show", rental]), 1, /unknown rental .*: no rental account there/);
  });

  it("after the clock moves: expired stake refused, settled; unended stake refused", async () => {
    const w = await run("admin", ["localnet", "warp", "--by", "3h"]);
    expect(w.code, w.stderr).to.equal(0);
    expectError(await run("miner", ["sell", "--stake", sellerStake, "--hours", "0.1"]), 1, /expired stake: .* ended \d+ s ago; settle it/);
    expectError(await run("admin", ["lp", "settle", "--stake", lpStake]), 1, /stake not ended: .* ends in \d+ s/);
    const list = await run("miner", ["stake", "list"]);
    expect(list.stdout).to.match(/expired: settle/);
    const s = await run("admin", ["--json", "lp", "settle", "--all-expired"]);
    expect(s.code, s.stderr).to.equal(0);
    expect(s.json.settled).to.have.length(1);
    expect(s.json.settled[0].stake).to.equal(sellerStake);
    expectError(await run("admin", ["stake", "show", sellerStake]), 1, /unknown stake .*: no stake account there/);
  });

  it("rewards claim says there is nothing to claim without emission", async () => {
    expectError(await run("miner", ["rewards", "claim", "--stake", lpStake]), 1, /nothing to claim: stake .* has no closed epoch/);
  });

  it("registers a verifier, unbonds it, refuses an early withdrawal", async () => {
    const min = BigInt((await run("admin", ["--json", "protocol", "show"])).json.verification.minVerifierStake);
    const amount = `${(min > 0n ? min : 1n).toString()}u`;
    const r = await run("miner", ["--json", "verifier", "register", "--amount", amount]);
    expect(r.code, r.stderr).to.equal(0);
    expectError(await run("miner", ["verifier", "set-endpoint", "ftp://x"]), 2, /an http\(s\) URL/);
    expectError(await run("buyer", ["verifier", "set-endpoint", "https://v.example"]), 1, /not a verifier/);
    const e = await run("miner", ["--json", "verifier", "set-endpoint", "https://v.example/pinfi"]);
    expect(e.code, e.stderr).to.equal(0);
    expect((await run("miner", ["--json", "verifier", "show"])).json.endpoint).to.equal("https://v.example/pinfi");
    expect((await run("miner", ["verifier", "show"])).stdout).to.contain("evidence at https://v.example/pinfi");
    expectError(await run("miner", ["verifier", "audit", pub.buyer]), 1, /cannot audit: not a challenge account: .* is owned by 1111/);
    expectError(await run("miner", ["verifier", "audit", Keypair.generate().publicKey.toBase58()]), 1, /cannot audit: no challenge account at/);
    const u = await run("miner", ["--json", "verifier", "unstake"]);
    expect(u.code, u.stderr).to.equal(0);
    const wd = await run("miner", ["verifier", "withdraw"]);
    expect(wd.code).to.not.equal(0);
    expect(wd.stderr.trim().split("\n")).to.have.length(1);
  });

  it("hands the admin over in two steps: propose, then the new key accepts", async () => {
    expectError(await run("miner", ["protocol", "accept-admin"]), 1, /not the proposed admin: .*no admin is proposed/);
    expectError(await run("miner", ["protocol", "propose-admin", pub.miner]), 1, /not the admin/);
    expectError(await run("admin", ["protocol", "propose-admin"]), 2, /pass one of <address> or --withdraw/);
    const p = await run("admin", ["--json", "protocol", "propose-admin", pub.miner]);
    expect(p.code, p.stderr).to.equal(0);
    expect((await run("admin", ["protocol", "show"])).stdout).to.contain(`(proposed next: ${pub.miner})`);
    expectError(await run("buyer", ["protocol", "accept-admin"]), 1, new RegExp(`the proposed admin is ${pub.miner}`));
    const a = await run("miner", ["--json", "protocol", "accept-admin"]);
    expect(a.code, a.stderr).to.equal(0);
    expect((await run("admin", ["--json", "protocol", "show"])).json.admin).to.equal(pub.miner);
    // And back, so the suite's admin stays the admin.
    expect((await run("miner", ["protocol", "propose-admin", pub.admin])).code).to.equal(0);
    expect((await run("admin", ["protocol", "accept-admin"])).code).to.equal(0);
    const show = await run("admin", ["--json", "protocol", "show"]);
    expect([show.json.admin, show.json.pendingAdmin]).to.deep.equal([pub.admin, "11111111111111111111111111111111"]);
  });

  it("keeper run --once delegates to @pinfi/keeper; verifier/miner run hand over to @pinfi/verifier's daemons", async () => {
    const k = await run("admin", ["keeper", "run", "--once", "--no-http", "--log-level", "silent"]);
    if (k.code === 2) expectError(k, 2, /^error: not available: @pinfi\/keeper /);
    else expect(k.code, k.stderr).to.equal(0);
    expectError(await run("admin", ["keeper", "run", "--once", "--no-http", "--config", join(dir, "nope.yaml")]), 2, /keeper config: cannot read/);
    const help = await run("admin", ["verifier", "run", "--help"]);
    expect(help.code, help.stderr).to.equal(0);
    expect(help.stdout).to.match(/^pinfi-verifier:/);
    const mhelp = await run("admin", ["miner", "run", "--help"]);
    expect(mhelp.code, mhelp.stderr).to.equal(0);
    expect(mhelp.stdout).to.match(/^pinfi-miner:/);
    const bad = await run("admin", ["miner", "run", "--config", join(dir, "nope.yaml")]);
    expect(bad.code).to.not.equal(0);
    expect(bad.stderr.trim().split("\n")).to.have.length(1);
  });
});

describe("pinfi demo --short", function () {
  this.timeout(120_000);

  it("runs a network end to end; its summary balances", async () => {
    const out = mkdtempSync(join(tmpdir(), "pinfi-demo-"));
    const r = await pinfi(["--json", "demo", "--short", "--out", out]);
    expect(r.code, r.stderr.slice(-2000)).to.equal(0);
    const s = r.json;
    expect(s.config).to.equal("short");
    expect(s.pools.map((p: any) => p.pool)).to.deep.equal(["H100", "A100", "RTX4090"]);
    // Tokens conserved: minted − supply = burns the events report; balances + vaults = supply.
    expect(s.tokens.conserved).to.equal(true);
    expect(s.tokens.burnedBySupply).to.equal(s.tokens.burnedByEvents);
    expect(Number(s.tokens.burnedBySupply)).to.be.greaterThan(0);
    const held = Number(s.tokens.participantBalances) + Number(s.tokens.vaultBalances) + Number(s.tokens.protocolBalances);
    expect(held).to.be.closeTo(Number(s.tokens.supplyEnd), 1e-6);
    expect(Number(s.tokens.minted) + Number(s.tokens.emitted) - Number(s.tokens.burnedBySupply)).to.be.closeTo(Number(s.tokens.supplyEnd), 1e-6);
    // Every expired stake settled.
    expect(s.stakes.created).to.be.greaterThan(0);
    expect(s.stakes.settled).to.equal(s.stakes.created);
    expect(s.stakes.expiredUnsettled).to.equal(0);
    // Every role is there; the role table adds up the participants' positions.
    expect(s.roles.map((x: any) => x.role)).to.include.members(["lp", "seller", "buyer"]);
    const sum = (xs: any[], k: string) => xs.reduce((a: number, x: any) => a + Number(x[k]), 0);
    expect(sum(s.roles, "pnl")).to.be.closeTo(sum(s.participants, "pnl"), 1e-6);
    expect(sum(s.roles, "final")).to.be.closeTo(sum(s.participants, "final"), 1e-6);
    expect(sum(s.participants, "final")).to.be.at.most(Number(s.tokens.supplyEnd) + 1e-6);
    for (const p of s.pools) {
      expect(p.trades.buys + p.trades.extends).to.be.greaterThan(0);
      expect(p.priceStart).to.be.a("number");
    }
    // Plots: price and hour reserve per pool.
    for (const pool of ["H100", "A100", "RTX4090"]) {
      for (const kind of ["price", "hours"]) {
        const f = join(out, `${pool}-${kind}.svg`);
        expect(s.plots).to.include(f);
        expect(readFileSync(f, "utf8")).to.match(/^<svg [^]*<path d="M[^"]+L/);
      }
    }
    expect(s.wallSeconds).to.be.lessThan(60);
    // Phase 2, when this build has @pinfi/verifier and @pinfi/keeper: the dishonest miner is
    // caught by a verdict and its failed stake's escrow and collateral are burned at settlement;
    // the keeper closed epochs and paid rewards.
    const ran = s.phases.filter((p: any) => p.status === "ran").map((p: any) => p.name);
    if (ran.some((n: string) => n.startsWith("verification"))) {
      expect(s.ledger.failedStakes).to.have.length(1);
      expect(s.ledger.verdicts.wrong).to.be.at.least(1);
      expect(s.ledger.verdicts.pass).to.be.at.least(1);
      expect(s.slashed).to.have.length(1);
      expect(s.slashed[0].owner).to.equal("seller-H100-cheat");
      expect(Number(s.slashed[0].burned)).to.be.greaterThan(0);
      expect(s.slashed[0].stake).to.equal(s.ledger.failedStakes[0]);
      expect(r.stderr, "the caught miner's evidence re-checks").to.match(/anyone re-checking the evidence gets WRONG \(bad_entry\), from device-signed bytes alone: the verdict stands/);
      expect(s.ledger.epochsClosed).to.be.greaterThan(0);
      expect(Number(s.tokens.emitted)).to.be.greaterThan(0);
      expect(Number(s.ledger.rewardsPaid)).to.be.greaterThan(0);
    } else {
      expect(s.phases.filter((p: any) => p.status === "skipped")).to.not.be.empty;
    }
  });

  it("--no-phase2: the market alone, books still balance", async () => {
    const out = mkdtempSync(join(tmpdir(), "pinfi-demo-"));
    const r = await pinfi(["--json", "demo", "--short", "--no-phase2", "--out", out]);
    expect(r.code, r.stderr.slice(-2000)).to.equal(0);
    const s = r.json;
    expect(s.tokens.conserved).to.equal(true);
    expect(s.tokens.emitted).to.equal("0");
    expect(s.stakes.expiredUnsettled).to.equal(0);
    expect(s.stakes.settled).to.equal(s.stakes.created);
    expect(s.slashed).to.deep.equal([]);
    // Progress went to stderr; stdout is the JSON document alone.
    expect(r.stderr).to.match(/pool H100 created/);
  });
});
