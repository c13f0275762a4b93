//! Proof-of-compute on chain: staked verifiers, challenges with slot-hash seeds and committed
//! nonces, verdicts and their effects (docs/proof-of-compute.md).
pub mod commit_lottery;
pub mod expire_challenge;
pub mod open_challenge;
pub mod register_verifier;
pub mod set_verifier_endpoint;
pub mod submit_verdict;
pub mod unbond_verifier;
pub mod withdraw_verifier;

pub use commit_lottery::*;
pub use expire_challenge::*;
pub use open_challenge::*;
pub use register_verifier::*;
pub use set_verifier_endpoint::*;
pub use submit_verdict::*;
pub use unbond_verifier::*;
pub use withdraw_verifier::*;
