//! The selected défis' scanned repositories (the export's `activity`) and their headline numbers.

use std::collections::HashMap;

use crate::contract::export::Activity;
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;

/// A repository is active when its last commit is this recent at the copy's (or the export's) date.
pub const RECENT_DAYS: i64 = 365;

/// One scanned repository of a selected défi.
#[derive(Debug, Clone, Copy)]
pub struct SelectedRepository<'a> {
    pub defi: usize,
    /// Its index in `export.activity`.
    pub repository: usize,
    pub activity: &'a Activity,
}

/// The selected défis' repositories, in the export's order.
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

/// The headline numbers of the selected défis' repositories.
#[derive(Debug, Clone, PartialEq)]
pub struct RepositoryFigures {
    pub repositories: usize,
    /// Commits made during their défi's ten months (weeks whose Monday falls within).
    pub commits_during_defi: u64,
    /// Selected défis with at least one scanned repository.
    pub analysed_defis: usize,
    /// Share of those whose repository has a licence file; `None` without one.
    pub licensed_share: Option<f64>,
}

pub fn repository_figures(cohort: &Cohort, selection: &Selection) -> RepositoryFigures {
    let repositories = selected_repositories(cohort, selection);
    let mut commits_during_defi = 0u64;
    let mut licensed: HashMap<usize, bool> = HashMap::new();
    for repo in &repositories {
        if let Some(window) = cohort.defi_window(repo.defi) {
            commits_during_defi += cohort
                .repository_weeks(repo.repository)
                .iter()
                .filter(|(monday, _)| window.contains(*monday))
                .map(|(_, commits)| u64::from(*commits))
                .sum::<u64>();
        }
        *licensed.entry(repo.defi).or_default() |= repo.activity.openness.license_file.is_some();
    }
    let analysed_defis = licensed.len();
    RepositoryFigures {
        repositories: repositories.len(),
        commits_during_defi,
        analysed_defis,
        licensed_share: (analysed_defis > 0)
            .then(|| licensed.values().filter(|l| **l).count() as f64 / analysed_defis as f64),
    }
}
