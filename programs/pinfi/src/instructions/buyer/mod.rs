pub mod buy_hours;
pub mod extend_rental;
pub mod terminate_rental;

pub use buy_hours::*;
pub use extend_rental::*;
pub use terminate_rental::*;
