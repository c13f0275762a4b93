pub mod accept_admin;
pub mod initialize_protocol;
pub mod mark_stake_failed;
pub mod slash_verifier;
pub mod update_protocol;

pub use accept_admin::*;
pub use initialize_protocol::*;
pub use mark_stake_failed::*;
pub use slash_verifier::*;
pub use update_protocol::*;
