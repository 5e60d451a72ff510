//! The selected défis' scanned repositories (the export's `activity`) and their headline numbers;
//! a repository attached to several défis counts once in every total.

use std::collections::{BTreeSet, HashMap};

use crate::contract::export::Activity;
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;

/// One scanned repository of a selected défi.
#[derive(Debug, Clone, Copy)]
pub struct SelectedRepository<'a> {
    pub defi: usize,
    /// Its index in `export.activity`.
    pub repository: usize,
    pub activity: &'a Activity,
}

/// The selected défis' repositories, in the export's order: one record per défi, so a repository
/// shared by two selected défis comes twice (each défi's own figures read it).
pub fn selected_repositories<'a>(
    cohort: &'a Cohort,
    selection: &Selection,
) -> Vec<SelectedRepository<'a>> {
    let mut chosen = vec![false; cohort.export.defis.len()];
    for &d in &selection.defis {
        chosen[d] = true;
    }
    cohort
        .export
        .activity
        .iter()
        .enumerate()
        .filter_map(|(repository, activity)| {
            let defi = cohort.repository_defi(repository)?;
            chosen[defi].then_some(SelectedRepository {
                defi,
                repository,
                activity,
            })
        })
        .collect()
}

/// The selected défis' repositories, each once (its first record among the selected): what every
/// total and chart of commits reads.
pub fn distinct_repositories<'a>(
    cohort: &'a Cohort,
    selection: &Selection,
) -> Vec<SelectedRepository<'a>> {
    let mut seen = BTreeSet::new();
    selected_repositories(cohort, selection)
        .into_iter()
        .filter(|r| seen.insert(cohort.repositories()[r.repository].same_as))
        .collect()
}

/// The headline numbers of the selected défis' repositories.
#[derive(Debug, Clone, PartialEq)]
pub struct RepositoryFigures {
    /// Distinct repositories.
    pub repositories: usize,
    /// Human commits made during their défis' windows (weeks whose Monday falls within), each
    /// commit once even when its repository serves several défis.
    pub commits_during_defi: u64,
    /// Selected défis with at least one scanned repository.
    pub analysed_defis: usize,
    /// Share of those whose repository has a licence file; `None` without one.
    pub licensed_share: Option<f64>,
}

pub fn repository_figures(cohort: &Cohort, selection: &Selection) -> RepositoryFigures {
    let selected = selected_repositories(cohort, selection);
    let mut weeks_during: HashMap<usize, BTreeSet<time::Date>> = HashMap::new();
    let mut licensed: HashMap<usize, bool> = HashMap::new();
    for repo in &selected {
        let repository = &cohort.repositories()[repo.repository];
        if let Some(window) = cohort.defi_window(repo.defi) {
            weeks_during.entry(repository.same_as).or_default().extend(
                repository
                    .weeks
                    .iter()
                    .filter(|w| window.contains(w.monday))
                    .map(|w| w.monday),
            );
        }
        weeks_during.entry(repository.same_as).or_default();
        *licensed.entry(repo.defi).or_default() |= repo.activity.openness.license_file.is_some();
    }
    let commits_during_defi = weeks_during
        .iter()
        .map(|(&r, mondays)| {
            cohort.repositories()[r]
                .weeks
                .iter()
                .filter(|w| mondays.contains(&w.monday))
                .map(|w| u64::from(w.human))
                .sum::<u64>()
        })
        .sum();
    let analysed_defis = licensed.len();
    RepositoryFigures {
        repositories: weeks_during.len(),
        commits_during_defi,
        analysed_defis,
        licensed_share: (analysed_defis > 0)
            .then(|| licensed.values().filter(|l| **l).count() as f64 / analysed_defis as f64),
    }
}
