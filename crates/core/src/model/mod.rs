//! The export indexed for queries, the dashboard's filters, what they select and how they are
//! said.

pub mod cohort;
pub mod filter;
pub mod repository;
pub mod selection;
pub mod uses;
pub mod window;
pub mod words;
