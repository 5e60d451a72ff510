//! Counts made here from an export's records, not through the core's measures; shared with the
//! CLI's tests and the dashboard benchmark.
#![allow(dead_code)]

use std::collections::BTreeSet;

use eig_pulse_core::contract::export::Activity;
use eig_pulse_core::Export;

/// The défis whose declared stack names `technology` firmly (tentative mentions left out).
pub fn declaring<'a>(export: &'a Export, technology: &str) -> BTreeSet<&'a str> {
    export
        .stacks
        .iter()
        .filter(|s| {
            s.mentions
                .iter()
                .any(|m| !m.tentative && m.technology_id.as_deref() == Some(technology))
        })
        .filter_map(|s| s.defi_id.as_deref())
        .collect()
}

/// `records` copied in turn onto every défi of `export` with code, with its id and first URL.
pub fn on_every_defi_with_code(export: &Export, records: &[Activity]) -> Vec<Activity> {
    export
        .defis
        .iter()
        .filter(|d| !d.source_code.is_empty())
        .enumerate()
        .map(|(i, d)| Activity {
            defi_id: d.id.clone(),
            url: d.source_code[0].clone(),
            ..records[i % records.len()].clone()
        })
        .collect()
}
