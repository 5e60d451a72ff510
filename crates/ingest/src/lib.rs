//! From the programme's source texts to one export and its fidelity report.
//!
//! Its modules stand on floors, bottom first; each imports only from the floors below it.

// The ground: source texts and their errors, names, web addresses, outside text made safe to
// print, the report's words.
pub mod names;
pub mod printable;
pub mod report;
pub mod source;
pub mod urls;
// Formats as written: YAML with lines and repeated keys; eig-link's records as headings and
// bullets.
pub mod outline;
pub mod yaml;
// One source each, as written: the catalogue, the journal's rows, the technologies table and
// declared stacks, the administrations, the openness record's items, the people by name, the
// bots table.
pub mod administrations;
pub mod bots;
pub mod journal;
pub mod opened;
pub mod people;
pub mod site;
pub mod technologies;
// The export's parts, each from its sources: défis, promotions, journal entries, the blog's
// posts, eig-link's records, the repositories' files and the committed scan, the credits.
pub mod credits;
pub mod defis;
pub mod journal_entries;
pub mod posts;
pub mod promotions;
pub mod records;
pub mod repositories;
// What callers run: the assembly, and synthetic sources for benchmarks.
pub mod build;
pub mod synth;

pub use build::{build, Built, Inputs};
pub use report::Report;
pub use source::{SourceError, SourceText};
