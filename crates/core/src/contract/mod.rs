//! The export contract: its types as serialized, its bounds, the texts readers may show, and
//! reading an export against its rules.

pub mod clean;
pub mod export;
pub mod limits;
pub mod validate;
