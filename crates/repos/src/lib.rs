//! Reads a folder of git clones with gitoxide (no `git` process): activity per ISO week and
//! openness checks per repository, matched to the défis through their remote URL or a
//! mapping file, with what it found put into the fidelity report; and clones the catalogue's
//! repositories.
//!
//! This crate reads no YAML: it is handed défi ids, URLs and the mapping's entries as
//! `eig-pulse-ingest` parsed them, and says what it found in that crate's report words.
//! No personal data leaves `scan.rs`: authors are counted there, never returned.

pub mod activity;
pub mod clone;
pub mod code;
pub mod matching;
pub mod openness;
pub mod plan;
pub mod remote;
pub mod scan;

pub use scan::{scan, Problem, Scan};

use std::path::{Path, PathBuf};

/// The folders directly inside `dir`, by name, hidden ones aside (files are ignored).
pub fn folders(dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') && entry.path().is_dir() {
            folders.push((name, entry.path()));
        }
    }
    folders.sort();
    Ok(folders)
}

/// An error and its causes, `: `-separated (gitoxide's top-level messages are terse).
pub(crate) fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(inner) = cause {
        let words = inner.to_string();
        if !text.contains(&words) {
            text.push_str(": ");
            text.push_str(&words);
        }
        cause = inner.source();
    }
    text
}
