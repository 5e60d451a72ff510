//! What the core's integration tests read: the committed real export and the activity fixture
//! (`tests/fixtures/activity.json`: five real défis' hand-made weeks, languages and frameworks, put in place of the real
//! export's activity so that the figures can be counted here; there are no clones here).
#![allow(dead_code)]

use eig_pulse_core::contract::export::Activity;
use eig_pulse_core::contract::validate::parse_export;
use eig_pulse_core::Export;

pub mod recount;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

pub const REAL_EXPORT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/export.json");

pub fn real_export() -> Export {
    let text = std::fs::read_to_string(REAL_EXPORT).unwrap();
    parse_export(&text).expect("the committed export is valid")
}

pub fn activity_fixture() -> Vec<Activity> {
    let text = std::fs::read_to_string(format!("{ROOT}/tests/fixtures/activity.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The real export with `activity` in place of its own.
pub fn real_export_with(activity: Vec<Activity>) -> Export {
    Export {
        activity,
        ..real_export()
    }
}
