//! Pure logic of EIG Pulse: the export contract and what is computed from it.
//!
//! This crate knows nothing of the DOM, of files or of the network: it compiles for native
//! targets and for `wasm32-unknown-unknown` alike. Its modules stand on floors, each importing
//! only from the floors below it (`tests/floors.rs` keeps it so; `ARCHITECTURE.md` says why):
//! [`base`] → [`contract`] → [`model`] → [`measures`] → [`catalogue`] → [`chart`] → [`page`].

pub mod base;
pub mod catalogue;
pub mod chart;
pub mod contract;
pub mod measures;
pub mod model;
pub mod page;

pub use base::lang::{Lang, Text};
pub use contract::export::Export;
pub use model::cohort::Cohort;
pub use model::filter::Filters;
pub use model::selection::Selection;
