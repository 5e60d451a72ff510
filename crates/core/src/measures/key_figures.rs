//! The headline numbers of a selection: défis, administrations, people, journal entries, code.

use crate::base::order;
use crate::contract::export::Defi;
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;

/// The headline numbers for the current filters.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigures {
    pub defis: usize,
    /// Distinct administrations hosting the selected défis.
    pub administrations: usize,
    pub eigs: usize,
    /// Distinct mentor names.
    pub mentors: usize,
    pub journal_entries: usize,
    /// Share of the selected défis with published source code; `None` without défis.
    pub with_code: Option<f64>,
}

pub fn key_figures(cohort: &Cohort, selection: &Selection) -> KeyFigures {
    let defis: Vec<&Defi> = selection
        .defis
        .iter()
        .map(|&i| &cohort.export.defis[i])
        .collect();
    let mut administrations: Vec<&str> =
        defis.iter().map(|d| d.administration_id.as_str()).collect();
    order::sort(&mut administrations);
    administrations.dedup();
    let mut mentors: Vec<&str> = defis
        .iter()
        .flat_map(|d| d.mentors.iter().map(String::as_str))
        .collect();
    order::sort(&mut mentors);
    mentors.dedup();
    let with_code = defis.iter().filter(|d| !d.source_code.is_empty()).count();
    KeyFigures {
        defis: defis.len(),
        administrations: administrations.len(),
        eigs: defis.iter().map(|d| d.eigs.len()).sum(),
        mentors: mentors.len(),
        journal_entries: selection.journal.len(),
        with_code: (!defis.is_empty()).then(|| with_code as f64 / defis.len() as f64),
    }
}
