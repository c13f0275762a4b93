//! PDA seeds and protocol-wide limits. The TypeScript SDK mirrors every seed (one name each).

pub const PROTOCOL_SEED: &[u8] = b"protocol";
pub const POOL_SEED: &[u8] = b"pool";
pub const VAULT_SEED: &[u8] = b"vault";
pub const DEVICE_SEED: &[u8] = b"device";
pub const CERTIFICATE_SEED: &[u8] = b"certificate";
pub const STAKE_SEED: &[u8] = b"stake";
pub const RENTAL_SEED: &[u8] = b"rental";
pub const VERIFIER_SEED: &[u8] = b"verifier";
pub const VERIFIER_VAULT_SEED: &[u8] = b"verifier_vault";
pub const CHALLENGE_SEED: &[u8] = b"challenge";
pub const EPOCH_SEED: &[u8] = b"epoch";
pub const POOL_EPOCH_SEED: &[u8] = b"pool_epoch";
pub const REWARDS_VAULT_SEED: &[u8] = b"rewards_vault";

/// GPU class names ("H100", "RTX4090") are stored as 16 zero-padded ASCII bytes.
pub const GPU_CLASS_LEN: usize = 16;

/// Account layout version written into every account (bump on any layout change).
pub const ACCOUNT_VERSION: u8 = 0;

/// Until the admin says otherwise, a rental waits half an hour for devices before it may be refunded.
pub const DEFAULT_RENTAL_PLACEMENT_SECS: u32 = 1_800;
