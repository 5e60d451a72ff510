//! The export indexed for queries, the dashboard's filters and what they select.

pub mod cohort;
pub mod filter;
