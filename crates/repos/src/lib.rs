//! Reads a folder of git clones with gitoxide (no `git` process): activity per ISO week and
//! openness checks per repository, matched to the défis through their remote URL or a
//! mapping file, with what it found put into the fidelity report; and clones the catalogue's
//! repositories.
//!
//! This crate reads no YAML: it is handed défi ids, URLs and the mapping's entries as
//! `eig-pulse-ingest` parsed them, and says what it found in that crate's report words.
//! No personal data leaves `scan.rs`: authors are counted there, never returned.
//!
//! Its modules stand on floors, bottom first; each imports only from the floors below it.

// Words for failures, where `clone` may fetch from, remote URLs made comparable, linguist's rules
// on fast automata.
pub mod linguist_rules;
pub mod problem;
pub mod reach;
pub mod remote;
// One tree or one clone at a time: the code at HEAD, openness checks, bare clones.
pub mod clone;
pub mod code;
pub mod openness;
// One clone read in full.
pub mod scan;
// Scanned clones matched to the défis.
pub mod matching;
// What the commands run: a folder of clones into the export, and which repositories to clone.
pub mod activity;
pub mod plan;

pub use problem::Problem;
pub use scan::{scan, Scan};
