//! From the programme's source texts to one export and its fidelity report.
pub mod administrations;
pub mod build;
pub mod journal;
pub mod names;
pub mod opened;
pub mod outline;
pub mod promotions;
pub mod report;
pub mod repositories;
pub mod site;
pub mod source;
pub mod synth;
pub mod technologies;
pub mod urls;
pub mod yaml;

pub use build::{build, Inputs};
pub use report::Report;
pub use source::{SourceError, SourceText};
