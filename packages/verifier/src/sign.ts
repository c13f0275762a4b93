// ed25519 device keys through node:crypto (no extra dependency). A device key is the 32-byte
// seed, or a 64-byte Solana secret key (seed ‖ public key, as Keypair.secretKey holds it).

import * as crypto from "node:crypto";
import { equal } from "./bytes";

export interface DeviceSigner {
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

// DER wrappers that turn raw ed25519 keys into the PKCS#8 / SPKI forms node:crypto imports.
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

export function signerFromSecret(secret: Uint8Array): DeviceSigner {
  if (secret.length !== 32 && secret.length !== 64) throw new Error("device key: 32-byte seed or 64-byte secret key");
  const key = crypto.createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, Buffer.from(secret.subarray(0, 32))]),
    format: "der",
    type: "pkcs8",
  });
  const spki = crypto.createPublicKey(key).export({ format: "der", type: "spki" });
  const publicKey = new Uint8Array(spki.subarray(SPKI_PREFIX.length));
  if (secret.length === 64 && !equal(publicKey, secret.subarray(32))) throw new Error("device key: public half does not match");
  return {
    publicKey,
    sign: (message) => new Uint8Array(crypto.sign(null, message, key)),
  };
}

export const generateSigner = (): DeviceSigner => signerFromSecret(crypto.randomBytes(32));

export function verifySignature(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    return crypto.verify(null, message, publicKeyObject(publicKey), signature);
  } catch {
    return false;
  }
}

// A verifier checks two signatures per challenge with the same device key: the KeyObject is kept
// (bounded; keyed by the raw bytes, so a different key can never hit another's entry).
const keyCache = new Map<string, crypto.KeyObject>();
const KEY_CACHE_MAX = 1024;

function publicKeyObject(publicKey: Uint8Array): crypto.KeyObject {
  const id = Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength).toString("hex");
  let key = keyCache.get(id);
  if (key === undefined) {
    key = crypto.createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: "der", type: "spki" });
    if (keyCache.size >= KEY_CACHE_MAX) keyCache.delete(keyCache.keys().next().value as string);
    keyCache.set(id, key);
  }
  return key;
}
