// migrations/deploy.ts against the localnet: creates protocol and pools from a config file,
// and a second run changes nothing.
import { expect } from "chai";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keypair } from "@solana/web3.js";
import { createMint } from "@solana/spl-token";
import { accounts, connectionFor, pdas } from "@pinfi/sdk";
import { airdrop, closeSockets } from "./world";
import { startLocalnet, Localnet } from "./localnet";
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { deploy, loadConfig } = require("../../migrations/deploy");

describe("migrations/deploy.ts", function () {
  this.timeout(120_000);
  let net: Localnet;
  let connection: ReturnType<typeof connectionFor> | undefined;
  after(async () => {
    if (connection) closeSockets(connection);
    await net?.stop();
  });

  it("initialises protocol and pools from a config, idempotently", async () => {
    net = await startLocalnet();
    connection = connectionFor(net.rpc, { localnet: true, wsEndpoint: net.ws });
    const payer = Keypair.generate();
    await airdrop(connection, payer.publicKey);
    const mint = await createMint(connection, payer, payer.publicKey, null, 6);
    const example = JSON.parse(require("node:fs").readFileSync(join(__dirname, "../../migrations/config.example.json"), "utf8"));
    const dir = mkdtempSync(join(tmpdir(), "pinfi-deploy-"));
    const path = join(dir, "config.json");
    writeFileSync(path, JSON.stringify({ ...example, utilityMint: mint.toBase58() }));

    const first = await deploy(connection, payer, loadConfig(path));
    expect(first).to.deep.equal({ protocol: "created", pools: { H100: "created", A100: "created" } });
    const pool = (await accounts.fetchPool(connection, pdas.pool("H100")[0]))!;
    expect(pool.params.collateralBps).to.equal(1_000_000);
    const second = await deploy(connection, payer, loadConfig(path));
    expect(second).to.deep.equal({ protocol: "exists", pools: { H100: "exists", A100: "exists" } });
  });

  it("a bad config is one clear error", () => {
    const dir = mkdtempSync(join(tmpdir(), "pinfi-deploy-"));
    const path = join(dir, "bad.json");
    writeFileSync(path, JSON.stringify({ utilityMint: "nope", protocol: {}, pools: [] }));
    expect(() => loadConfig(path)).to.throw(/utilityMint is not a public key/);
    writeFileSync(path, "{ not json");
    expect(() => loadConfig(path)).to.throw(/deploy config .*bad\.json/);
  });
});
