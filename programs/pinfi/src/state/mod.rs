pub mod certificate;
pub mod device;
pub mod epoch;
pub mod pool;
pub mod protocol;
pub mod rental;
pub mod stake;
pub mod verification;

pub use certificate::*;
pub use device::*;
pub use epoch::*;
pub use pool::*;
pub use protocol::*;
pub use rental::*;
pub use stake::*;
pub use verification::*;
