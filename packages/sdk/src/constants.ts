// Mirrors programs/pinfi/src/constants.rs (one name per concept) and re-exports the math units.
import { PublicKey, SYSVAR_SLOT_HASHES_PUBKEY } from "@solana/web3.js";
import { IDL, PROGRAM_ID as PROGRAM_ID_BASE58 } from "@pinfi/idl";

export const PROGRAM_ID = new PublicKey(PROGRAM_ID_BASE58);
export { IDL };

export const PROTOCOL_SEED = Buffer.from("protocol");
export const POOL_SEED = Buffer.from("pool");
export const VAULT_SEED = Buffer.from("vault");
export const DEVICE_SEED = Buffer.from("device");
export const CERTIFICATE_SEED = Buffer.from("certificate");
export const STAKE_SEED = Buffer.from("stake");
export const RENTAL_SEED = Buffer.from("rental");
export const VERIFIER_SEED = Buffer.from("verifier");
export const VERIFIER_VAULT_SEED = Buffer.from("verifier_vault");
export const CHALLENGE_SEED = Buffer.from("challenge");
export const EPOCH_SEED = Buffer.from("epoch");
export const POOL_EPOCH_SEED = Buffer.from("pool_epoch");
export const REWARDS_VAULT_SEED = Buffer.from("rewards_vault");
/** Seed of Anchor's `#[event_cpi]` authority PDA. */
export const EVENT_AUTHORITY_SEED = Buffer.from("__event_authority");

/** GPU class names are stored as 16 zero-padded ASCII bytes. */
export const GPU_CLASS_LEN = 16;
/** Layout version written into every account. */
export const ACCOUNT_VERSION = 0;
/** Longest endpoint URL (a device's miner agent, a verifier's evidence), UTF-8 bytes (`ENDPOINT_LEN` of state/device.rs). */
export const ENDPOINT_LEN = 128;
/** Strikes a stake remembers (`STRIKE_LOG` of state/verification.rs). */
export const STRIKE_LOG = 4;
/** Most devices one rental can be placed on (`state::MAX_RENTAL_DEVICES`): buys and extensions needing more fail with `TooManyDevices`. */
export const MAX_RENTAL_DEVICES = 8;

/** Anchor's `EVENT_IX_TAG` (0x1d9acb512ea545e4) as little-endian bytes: prefix of emit_cpi! data. */
export const EVENT_IX_TAG = Buffer.from([0xe4, 0x45, 0xa5, 0x2e, 0x51, 0xcb, 0x9a, 0x1d]);

export const TOKEN_PROGRAM_ID = new PublicKey("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
export const ASSOCIATED_TOKEN_PROGRAM_ID = new PublicKey("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL");
export const SYSTEM_PROGRAM_ID = new PublicKey("11111111111111111111111111111111");
/** The SlotHashes sysvar `open_challenge` reads its seed from. */
export { SYSVAR_SLOT_HASHES_PUBKEY };

/** Solana's per-transaction compute ceiling. */
export const MAX_COMPUTE_UNITS = 1_400_000;

export {
  RATE_SHIFT,
  RATE_ONE,
  SCALE_SHIFT,
  SCALE_ONE,
  SCALE_RENORMALIZE_BELOW,
  BPS_DENOM,
  SECONDS_PER_HOUR,
  BUCKETS,
} from "./math/units";
