// The suite starts the embedded localnet through the shared launcher (@pinfi/localnet); the binary
// is built by `cargo build -p pinfi-localnet --bin localnet` (scripts/test.sh does it) and never
// built from here, so a stale tree fails loudly instead of compiling inside a test's timeout.
import { startLocalnet as start, Localnet, localnetBinary } from "@pinfi/localnet";

export type { Localnet };
export { localnetBinary };

/** How the suite starts every localnet. */
export const SUITE_START = { build: false, timeoutMs: 60_000 };

export const startLocalnet = (timeoutMs = SUITE_START.timeoutMs): Promise<Localnet> => start({ ...SUITE_START, timeoutMs });
