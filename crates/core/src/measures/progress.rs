//! What became of each défi's code after its window (« pérennisation »): commits during and
//! after, still active or not, active or not at 6, 12 and 24 months after its promotion ended;
//! and each promotion's défis month by month since their own start. Numbers only.

use std::collections::BTreeMap;

use time::Date;

use super::activity::RECENT_DAYS;
use crate::base::date::{add_months, parse_date};
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;
use crate::model::window::Window;

/// Months after the end of a promotion at which the pérennisation chart looks.
pub const HORIZONS: [u32; 3] = [6, 12, 24];
/// A défi is active at a horizon when it has a commit in the months just before it.
pub const ACTIVE_MONTHS: u32 = 6;
/// The cohorts chart runs from the start to this many months after it.
pub const COHORT_MONTHS: u32 = 24;

/// One défi with scanned code, as the pérennisation figures see it.
#[derive(Debug, Clone, PartialEq)]
pub struct DefiProgress {
    pub defi: usize,
    /// The promotion's window; `None` when its dates are unknown.
    pub window: Option<Window>,
    pub commits_during: u64,
    /// In the twelve months after the end.
    pub commits_after: u64,
    pub last_commit: Option<Date>,
    /// The latest copy of its repositories (the export's date when the copy does not say).
    pub copied: Option<Date>,
    /// A commit in the year before the copy.
    pub still_active: bool,
    /// Commits per week's Monday, all its repositories together.
    weeks: BTreeMap<Date, u64>,
}

impl DefiProgress {
    /// Commits in `[from, to)`, by the week's Monday.
    pub fn commits_between(&self, from: Date, to: Date) -> u64 {
        self.weeks.range(from..to).map(|(_, n)| n).sum()
    }
}

/// Each selected défi with at least one scanned repository, in selection order.
pub fn defi_progress(cohort: &Cohort, selection: &Selection) -> Vec<DefiProgress> {
    let exported = cohort.export.generated_at.get(..10).and_then(parse_date);
    let mut by_defi: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for r in 0..cohort.export.activity.len() {
        if let Some(d) = cohort.repository_defi(r) {
            by_defi.entry(d).or_default().push(r);
        }
    }
    selection
        .defis
        .iter()
        .filter_map(|&d| {
            let repositories = by_defi.get(&d)?;
            let mut weeks: BTreeMap<Date, u64> = BTreeMap::new();
            for &r in repositories {
                for &(monday, n) in cohort.repository_weeks(r) {
                    *weeks.entry(monday).or_default() += u64::from(n);
                }
            }
            let records = repositories.iter().map(|&r| &cohort.export.activity[r]);
            let last_commit = records
                .clone()
                .filter_map(|a| a.last_commit.as_deref().and_then(parse_date))
                .max();
            let copied = records
                .filter_map(|a| a.copied_at.as_deref().and_then(parse_date))
                .max()
                .or(exported);
            let window = cohort.defi_window(d);
            let mut progress = DefiProgress {
                defi: d,
                window,
                commits_during: 0,
                commits_after: 0,
                last_commit,
                copied,
                still_active: matches!(
                    (last_commit, copied),
                    (Some(last), Some(copied)) if (copied - last).whole_days() <= RECENT_DAYS
                ),
                weeks,
            };
            if let Some(Window { start, end }) = window {
                progress.commits_during = progress.commits_between(start, end);
                progress.commits_after =
                    add_months(end, 12).map_or(0, |after| progress.commits_between(end, after));
            }
            Some(progress)
        })
        .collect()
}

/// The pérennisation figures of the selection.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressFigures {
    /// Défis with scanned code.
    pub defis: usize,
    pub commits_during: u64,
    pub commits_after: u64,
    /// Of the défis with scanned code, those with a commit in the year before their copy.
    pub still_active: usize,
}

pub fn progress_figures(cohort: &Cohort, selection: &Selection) -> ProgressFigures {
    let all = defi_progress(cohort, selection);
    ProgressFigures {
        defis: all.len(),
        commits_during: all.iter().map(|p| p.commits_during).sum(),
        commits_after: all.iter().map(|p| p.commits_after).sum(),
        still_active: all.iter().filter(|p| p.still_active).count(),
    }
}

/// Whether a défi is active `months` after its promotion's end — a commit in the
/// [`ACTIVE_MONTHS`] months before that date —, or `None` when its copy is younger than that
/// date (or its window unknown): such a défi does not count.
pub fn active_after(progress: &DefiProgress, months: u32) -> Option<bool> {
    let end = progress.window?.end;
    let at = add_months(end, months)?;
    if progress.copied? < at {
        return None;
    }
    let from = add_months(end, months.saturating_sub(ACTIVE_MONTHS))?;
    Some(progress.commits_between(from, at) > 0)
}

/// At one horizon, how many défis were active among those counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HorizonCount {
    pub active: usize,
    pub counted: usize,
}

impl HorizonCount {
    /// The share active; 0 when none counted.
    pub fn share(self) -> f64 {
        if self.counted == 0 {
            0.0
        } else {
            self.active as f64 / self.counted as f64
        }
    }
}

/// Per promotion (the export's order), per horizon of [`HORIZONS`]: the défis with scanned code
/// active then, among those whose copy reaches the horizon.
pub fn perennisation(cohort: &Cohort, selection: &Selection) -> Vec<[HorizonCount; 3]> {
    let mut counts =
        vec![[HorizonCount::default(); HORIZONS.len()]; cohort.export.promotions.len()];
    for progress in defi_progress(cohort, selection) {
        let id = &cohort.export.defis[progress.defi].promotion_id;
        let Some(p) = cohort.export.promotions.iter().position(|q| &q.id == id) else {
            continue;
        };
        for (h, months) in HORIZONS.iter().enumerate() {
            if let Some(active) = active_after(&progress, *months) {
                counts[p][h].active += usize::from(active);
                counts[p][h].counted += 1;
            }
        }
    }
    counts
}

/// One promotion's défis aligned on its start: for months 0 to [`COHORT_MONTHS`], each défi's
/// cumulative commits since the start, sorted, for the défis whose copy reaches that month.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortCurve {
    /// The promotion's index in the export.
    pub promotion: usize,
    /// `months[m]`: the sorted cumulative commits at month `m`.
    pub months: Vec<Vec<f64>>,
}

/// The curves of the promotions that have défis with scanned code, in the export's order.
pub fn cohort_curves(cohort: &Cohort, selection: &Selection) -> Vec<CohortCurve> {
    let months = COHORT_MONTHS as usize + 1;
    let mut curves: Vec<CohortCurve> = Vec::new();
    for progress in defi_progress(cohort, selection) {
        let (Some(Window { start, .. }), Some(copied)) = (progress.window, progress.copied) else {
            continue;
        };
        let Some(p) = cohort.defi_promotion(progress.defi).and_then(|promo| {
            cohort
                .export
                .promotions
                .iter()
                .position(|q| q.id == promo.id)
        }) else {
            continue;
        };
        let slot = match curves.iter().position(|c| c.promotion == p) {
            Some(i) => i,
            None => {
                curves.push(CohortCurve {
                    promotion: p,
                    months: vec![Vec::new(); months],
                });
                curves.len() - 1
            }
        };
        for month in 0..=COHORT_MONTHS {
            // Past the calendar's end nothing is counted.
            let Some(at) = add_months(start, month) else {
                continue;
            };
            if copied >= at {
                curves[slot].months[month as usize]
                    .push(progress.commits_between(start, at) as f64);
            }
        }
    }
    curves.sort_by_key(|c| c.promotion);
    for curve in &mut curves {
        for values in &mut curve.months {
            values.sort_by(f64::total_cmp);
        }
    }
    curves
}

/// The `q`-quantile (0 to 1) of sorted values, interpolated between neighbours.
pub fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let position = q.clamp(0.0, 1.0) * last as f64;
    let (low, high) = (position.floor() as usize, position.ceil() as usize);
    let weight = position - low as f64;
    Some(sorted[low] * (1.0 - weight) + sorted[high] * weight)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate() {
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(quantile(&[4.0], 0.25), Some(4.0));
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0], 0.5), Some(2.5));
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.25), Some(2.0));
        assert_eq!(quantile(&[0.0, 10.0], 0.75), Some(7.5));
    }
}
