// Initialises the protocol and its pools from a config file, on any cluster, idempotently: what
// already exists is reported and left alone, so the script can be re-run after a partial failure.
//
//   anchor migrate                              (Anchor.toml provider; config: $PINFI_DEPLOY_CONFIG
//                                                or migrations/config.json)
//   npx ts-node migrations/deploy.ts --url <rpc> --keypair <file> --config <file>
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { Connection, Keypair, PublicKey } from "@solana/web3.js";
import { accounts, connectionFor, pdas, rpc } from "@pinfi/sdk";

export interface DeployConfig {
  utilityMint: string;
  protocol: { maxSwapFeeBps: number; minBurnPerGpuHour: string | number; minCollateralBps: number };
  pools: {
    gpuClass: string;
    params: {
      swapFeeBps: number; minStakeSecs: number; maxStakeSecs: number; bucketSecs: number;
      burnPerGpuHour: string | number; maintenancePerGpuHour: string | number; collateralBps: number; referencePrice: string | number;
    };
  }[];
}

export interface DeployReport {
  protocol: "created" | "exists";
  pools: Record<string, "created" | "exists">;
}

/** Reads and checks a config file; every problem is one clear line. */
export function loadConfig(path: string): DeployConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(`deploy config ${path}: ${(e as Error).message}`);
  }
  const c = raw as DeployConfig;
  const fail = (why: string) => { throw new Error(`deploy config ${path}: ${why}`); };
  try {
    new PublicKey(c.utilityMint);
  } catch {
    fail(`utilityMint is not a public key: ${JSON.stringify(c.utilityMint)}`);
  }
  if (!c.protocol) fail("protocol is missing");
  if (!Array.isArray(c.pools)) fail("pools must be a list");
  c.pools.forEach((p, i) => {
    if (typeof p.gpuClass !== "string") fail(`pools[${i}].gpuClass is missing`);
    if (!p.params) fail(`pools[${i}].params is missing`);
  });
  return c;
}

const big = (v: string | number) => BigInt(v);

export async function deploy(connection: Connection, payer: Keypair, config: DeployConfig): Promise<DeployReport> {
  const report: DeployReport = { protocol: "exists", pools: {} };
  const existing = await accounts.fetchProtocolSingleton(connection);
  if (!existing) {
    await rpc.initializeProtocol({
      connection,
      admin: payer,
      utilityMint: new PublicKey(config.utilityMint),
      params: { ...config.protocol, minBurnPerGpuHour: big(config.protocol.minBurnPerGpuHour) },
    });
    report.protocol = "created";
  } else if (!existing.utilityMint.equals(new PublicKey(config.utilityMint))) {
    throw new Error(`protocol exists with utility mint ${existing.utilityMint.toBase58()}, config says ${config.utilityMint}`);
  }
  for (const { gpuClass, params } of config.pools) {
    if (await connection.getAccountInfo(pdas.pool(gpuClass)[0])) {
      report.pools[gpuClass] = "exists";
      continue;
    }
    await rpc.createPool({
      connection,
      creator: payer,
      utilityMint: new PublicKey(config.utilityMint),
      gpuClass,
      params: {
        ...params,
        burnPerGpuHour: big(params.burnPerGpuHour),
        maintenancePerGpuHour: big(params.maintenancePerGpuHour),
        referencePrice: big(params.referencePrice),
      },
    });
    report.pools[gpuClass] = "created";
  }
  return report;
}

/** `anchor migrate` entry point. */
module.exports = async function (provider: { connection: Connection; wallet: { payer: Keypair } }) {
  const path = process.env.PINFI_DEPLOY_CONFIG ?? join(__dirname, "config.json");
  console.log(JSON.stringify(await deploy(provider.connection, provider.wallet.payer, loadConfig(path))));
};
module.exports.deploy = deploy;
module.exports.loadConfig = loadConfig;

if (require.main === module) {
  const arg = (name: string, dflt?: string) => {
    const i = process.argv.indexOf(`--${name}`);
    const v = i >= 0 ? process.argv[i + 1] : dflt;
    if (!v) {
      console.error(`usage: deploy.ts --url <rpc> --keypair <file> --config <file>  (missing --${name})`);
      process.exit(2);
    }
    return v;
  };
  const url = arg("url", "http://127.0.0.1:8899");
  const keypair = Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(arg("keypair", join(homedir(), ".config/solana/id.json")), "utf8"))));
  const localnet = /127\.0\.0\.1|localhost/.test(url);
  deploy(connectionFor(url, { localnet }), keypair, loadConfig(arg("config")))
    .then((r) => console.log(JSON.stringify(r)))
    .catch((e) => {
      console.error(`deploy failed: ${(e as Error).message}`);
      process.exit(1);
    });
}
