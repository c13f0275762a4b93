// The package's exports as gen-vectors.ts uses them (one import site, source not dist, so the
// vectors never lag behind the code under test).
export * from "../src/index";
import { toHex } from "../src/bytes";
export const toHexAll = (b: Uint8Array): string => toHex(b);
