pub mod add_liquidity;
pub mod burn_certificate;
pub mod create_stake;
pub mod register_device;
pub mod sell_hours;
pub mod set_device_endpoint;

pub use add_liquidity::*;
pub use burn_certificate::*;
pub use create_stake::*;
pub use register_device::*;
pub use sell_hours::*;
pub use set_device_endpoint::*;
