pub mod token;
pub mod validate;
