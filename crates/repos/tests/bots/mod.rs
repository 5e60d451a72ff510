//! The bots table the exporter embeds, for the scanner's tests (the shared fixture module is
//! also compiled by tests that do not depend on `eig-pulse-ingest`).

use eig_pulse_ingest::bots::Bots;
use eig_pulse_ingest::SourceText;

/// `data/bots.yml`, parsed.
pub fn table() -> Bots {
    let text = include_str!("../../../../data/bots.yml");
    Bots::parse(&SourceText::new("data/bots.yml", text)).unwrap()
}
