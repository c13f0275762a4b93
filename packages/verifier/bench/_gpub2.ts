import { paramsByName, verify } from "../src";
import { synthetic } from "./synthetic";
const p = paramsByName(process.argv[2] ?? "H100-SXM-80G");
const s = synthetic(p);
const commit = JSON.parse(JSON.stringify(s.commit));
const run = () => verify({ params: p, challenge: s.challenge, devicePubkey: s.signer.publicKey, commit, request: s.request, openings: s.openings, columns: s.columns, timing: { elapsedUs: 1, openElapsedUs: 1, rttUs: [] } });
run();
const { Session } = require("node:inspector");
const ses = new Session(); ses.connect();
ses.post("Profiler.enable", () => ses.post("Profiler.start", () => {
  const t0 = performance.now();
  for (let r = 0; r < 10; r++) run();
  console.log("mean", ((performance.now() - t0) / 10).toFixed(1), "ms");
  ses.post("Profiler.stop", (_e: unknown, { profile }: any) => { require("fs").writeFileSync("/tmp/prof/v.cpuprofile", JSON.stringify(profile)); });
}));
