pub mod pool_snapshot;
pub use pool_snapshot::*;
