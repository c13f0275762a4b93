import { expect } from "chai";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, DEFAULTS, envName, loadConfig, parseArgs } from "../src";

const dir = mkdtempSync(join(tmpdir(), "keeper-config-"));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
/** The one-line message a bad config gives. */
const error = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).to.be.instanceOf(ConfigError);
    const msg = (e as Error).message;
    expect(msg).to.not.include("\n");
    return msg;
  }
  throw new Error("expected a ConfigError");
};

describe("config", () => {
  it("defaults: the localnet, auto fees, lookup tables, at most 32 per transaction", () => {
    const c = loadConfig({ env: {} });
    expect(c).to.deep.equal(DEFAULTS);
    expect(c.rpcUrl).to.equal("http://127.0.0.1:8899");
    expect(c.settlements.maxPerTx).to.equal(32);
  });

  it("a YAML file, then the environment, then flags", () => {
    const f = file("ok.yaml", "rpcUrl: https://rpc.example.com\nsettlements:\n  maxPerTx: 12\n  lookupTables: off\nfees:\n  priority: 5000\nhttp:\n  port: 0\n");
    const c = loadConfig({ file: f, env: { PINFI_KEEPER_SETTLEMENTS__MAX_PER_TX: "16", PINFI_KEEPER_DRY_RUN: "true", PINFI_KEEPER_LOG__LEVEL: "debug" } });
    expect(c.rpcUrl).to.equal("https://rpc.example.com");
    expect(c.settlements.maxPerTx).to.equal(16, "env over file");
    expect(c.settlements.lookupTables).to.equal("off");
    expect(c.fees.priority).to.equal(5000);
    expect(c.dryRun).to.equal(true);
    expect(c.log.level).to.equal("debug");
    expect(loadConfig({ file: f, env: {}, overrides: { once: true, "settlements.maxPerTx": 3 } }).settlements.maxPerTx).to.equal(3);
    expect(envName("settlements.maxAccountLocks")).to.equal("PINFI_KEEPER_SETTLEMENTS__MAX_ACCOUNT_LOCKS");
  });

  it("bad configs give one clear line", () => {
    expect(error(() => loadConfig({ file: join(dir, "missing.yaml"), env: {} }))).to.match(/^config: cannot read .*missing\.yaml: ENOENT$/);
    expect(error(() => loadConfig({ file: file("syntax.yaml", "rpcUrl: [unclosed\n"), env: {} }))).to.match(/^config: .*syntax\.yaml:\d+:\d+: /);
    expect(error(() => loadConfig({ file: file("unknown.yaml", "settlements:\n  maxPerTxx: 3\n"), env: {} }))).to.equal("config: unknown key settlements.maxPerTxx (did you mean maxPerTx?)");
    expect(error(() => loadConfig({ file: file("type.yaml", "settlements:\n  maxPerTx: many\n"), env: {} }))).to.equal('config: settlements.maxPerTx must be an integer in [1, 64], got "many"');
    expect(error(() => loadConfig({ file: file("url.yaml", "rpcUrl: localhost\n"), env: {} }))).to.equal('config: rpcUrl must be an http(s) URL, got "localhost"');
    expect(error(() => loadConfig({ file: file("list.yaml", "- a\n- b\n"), env: {} }))).to.equal("config: the document must be a mapping");
    expect(error(() => loadConfig({ file: file("dup.yaml", "once: true\nonce: false\n"), env: {} }))).to.match(/^config: .*dup\.yaml:2:1: .*[Uu]nique/);
    expect(error(() => loadConfig({ env: { PINFI_KEEPER_HTTP__PORT: "eighty" } }))).to.equal('config: http.port (PINFI_KEEPER_HTTP__PORT) must be an integer in [0, 65535], got "eighty"');
    expect(error(() => loadConfig({ env: { PINFI_KEEPER_FEES__PRIORITY: "fast" } }))).to.match(/^config: fees.priority .* must be "auto" or an integer/);
    expect(error(() => loadConfig({ env: {}, overrides: { "retry.baseMs": 500, "retry.maxMs": 100 } }))).to.equal("config: retry.maxMs (100) must be ≥ retry.baseMs (500)");
  });

  it("command line flags", () => {
    const a = parseArgs(["--config", "k.yaml", "--rpc=http://x:1", "--dry-run", "--once", "--port", "0"]);
    expect(a.file).to.equal("k.yaml");
    expect(a.overrides).to.deep.equal({ rpcUrl: "http://x:1", dryRun: true, once: true, "http.port": 0 });
    expect(error(() => parseArgs(["--bogus"]))).to.equal("unknown argument --bogus (try --help)");
    expect(error(() => parseArgs(["--rpc"]))).to.equal("--rpc needs a value");
  });
});

describe("pinfi-keeper (the binary)", () => {
  const { spawnSync } = require("node:child_process") as typeof import("node:child_process");
  const bin = join(__dirname, "../dist/bin.js");
  const runBin = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, PINFI_KEEPER_RPC_URL: "" } });

  it("a bad config file: exit 2, exactly one line on stderr, nothing on stdout", function () {
    if (!require("node:fs").existsSync(bin)) this.skip(); // built by `npm run build` (turbo: test after build)
    const r = runBin("--config", file("bad-bin.yaml", "settlements:\n  maxPerTx: 0\n"));
    expect(r.status).to.equal(2);
    expect(r.stdout).to.equal("");
    expect(r.stderr.trimEnd().split("\n")).to.deep.equal(["pinfi-keeper: config: settlements.maxPerTx must be an integer in [1, 64], got 0"]);
    const missing = runBin("--keypair", join(dir, "nope.json"), "--once");
    expect(missing.status).to.equal(2);
    expect(missing.stderr).to.match(/^pinfi-keeper: config: keypair .*nope\.json: ENOENT\n$/);
  });
});
