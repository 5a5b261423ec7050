//! The method as data: the pack model, its TOML loading and validation, the
//! condition language, and the built-in packs compiled from `phases/`.

pub mod builtin;
pub mod condition;
pub mod diff;
pub mod load;
pub mod model;
pub mod snapshot;
pub mod source;
pub mod terms;
pub mod text;

pub use load::{check_value, load, parse_date, plain_value, value_of};
pub use model::*;
pub use text::Text;
