import * as crypto from "node:crypto";

// crypto.hash (Node ≥ 20.12) skips the Hash object; the hot paths (Merkle leaves) call this a lot.
const oneShot = (crypto as unknown as { hash?: (alg: string, data: Uint8Array, enc: "buffer") => Buffer }).hash;

export function sha256(...parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1 && oneShot) return new Uint8Array(oneShot("sha256", parts[0], "buffer"));
  const h = crypto.createHash("sha256");
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}
