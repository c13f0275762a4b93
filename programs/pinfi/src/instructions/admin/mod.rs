pub mod initialize_protocol;
pub mod mark_stake_failed;
pub mod update_protocol;

pub use initialize_protocol::*;
pub use mark_stake_failed::*;
pub use update_protocol::*;
