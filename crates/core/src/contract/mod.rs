//! The export contract: its types as serialized, and reading an export against its rules.

pub mod export;
pub mod validate;
