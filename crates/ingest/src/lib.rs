//! From the programme's source texts to one export and its fidelity report.
pub mod administrations;
pub mod journal;
pub mod names;
pub mod report;
pub mod source;
pub mod synth;
pub mod yaml;
pub mod site;
pub mod build;

pub use build::{build, Inputs};
pub use report::Report;
pub use source::{SourceError, SourceText};
