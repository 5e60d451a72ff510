//! From the programme's source texts to one export and its fidelity report.
pub mod names;
pub mod report;
pub mod source;
pub mod site;
