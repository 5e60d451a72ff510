//! The export contract: its types as serialized, its bounds, and reading an export against its
//! rules.

pub mod export;
pub mod limits;
pub mod validate;
