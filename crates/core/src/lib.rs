//! Pure logic of EIG Pulse: the export contract and what is computed from it.
//!
//! This crate knows nothing of the DOM, of files or of the network: it compiles
//! for native targets and for `wasm32-unknown-unknown` alike.

pub mod date;
pub mod export;
pub mod lang;
pub mod validate;

pub use export::Export;
pub use lang::{Lang, Text};
pub mod cohort;
pub mod filter;
pub mod format;

pub use cohort::{Cohort, Selection};
pub use filter::Filters;

pub mod chart;
pub mod progress;
pub mod repositories;
pub mod search;
pub mod stats;
pub mod technologies;
pub mod tree;
pub mod windows;
