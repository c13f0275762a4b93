pub mod create_pool;
pub use create_pool::*;
