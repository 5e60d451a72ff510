//! What became of each défi's code after its ten months (« pérennisation »): commits during and
//! after, still active or not, the share of défis still active 6, 12 and 24 months after their
//! promotion ended; and the promotions side by side, month by month since their own start
//! (median and quartiles of the défis' cumulative commits). Transforms only: no drawing.

use std::collections::BTreeMap;

use time::Date;

use crate::chart::{BarChart, Category, ChartId, Highlight, Layout, Series, Unit};
use crate::model::cohort::{Cohort, Selection};
use crate::base::date::parse_date;
use crate::contract::export::Promotion;
use crate::measures::repositories::{add_months, window, RECENT_DAYS};
use crate::{base::format, tr, base::lang::Lang};

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
    /// The promotion's ten months (start, day after the end); `None` when the dates are unknown.
    pub window: Option<(Date, Date)>,
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

/// The promotion of a défi.
fn promotion(cohort: &Cohort, defi: usize) -> Option<&Promotion> {
    cohort.defi_promotion(defi)
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
            let window = promotion(cohort, d).and_then(window);
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
            if let Some((start, end)) = window {
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
    let (_, end) = progress.window?;
    let at = add_months(end, months)?;
    if progress.copied? < at {
        return None;
    }
    let from = add_months(end, months.saturating_sub(ACTIVE_MONTHS))?;
    Some(progress.commits_between(from, at) > 0)
}

/// The promotions as categories, in the export's order.
fn promotion_categories(cohort: &Cohort) -> Vec<Category> {
    // The bar charts' promotion categories, without their year note (the note column here
    // says how many défis counted).
    crate::catalogue::promotion_categories(cohort)
        .into_iter()
        .map(|category| Category {
            note: None,
            ..category
        })
        .collect()
}

/// Per promotion: the share of its défis with scanned code still active 6, 12 and 24 months
/// after the promotion ended; only défis whose copy is at least that old after the end count.
pub fn perennisation_by_promotion(cohort: &Cohort, selection: &Selection, lang: Lang) -> BarChart {
    let mut categories = promotion_categories(cohort);
    // [promotion][horizon] = (active, counted)
    let mut counts = vec![[(0usize, 0usize); HORIZONS.len()]; categories.len()];
    for progress in defi_progress(cohort, selection) {
        let id = &cohort.export.defis[progress.defi].promotion_id;
        let Some(p) = categories.iter().position(|c| &c.key == id) else {
            continue;
        };
        for (h, months) in HORIZONS.iter().enumerate() {
            if let Some(active) = active_after(&progress, *months) {
                counts[p][h].0 += usize::from(active);
                counts[p][h].1 += 1;
            }
        }
    }
    for (category, row) in categories.iter_mut().zip(&counts) {
        let parts: Vec<String> = HORIZONS
            .iter()
            .zip(row)
            .map(|(months, (active, counted))| {
                tr!(
                    lang,
                    "{months} mois : {active} sur {counted} défis",
                    "{months} months: {active} of {counted} défis"
                )
            })
            .collect();
        category.note = Some(parts.join(lang.pick(" ; ", "; ")));
    }
    BarChart::new(
        ChartId::PerennisationByPromotion,
        categories,
        HORIZONS
            .iter()
            .enumerate()
            .map(|(i, months)| Series {
                key: format!("{months}m"),
                label: tr!(
                    lang,
                    "{months} mois après la fin",
                    "{months} months after the end"
                ),
                color: i,
            })
            .collect(),
        counts
            .iter()
            .map(|row| {
                row.iter()
                    .map(|(active, counted)| {
                        if *counted == 0 {
                            0.0
                        } else {
                            *active as f64 / *counted as f64
                        }
                    })
                    .collect()
            })
            .collect(),
        lang.pick(
            "part des défis au code analysé encore actifs",
            "share of défis with scanned code still active",
        ),
    )
    .with_layout(Layout::Grouped)
    .with_unit(Unit::Share)
}

/// The `q`-quantile (0 to 1) of sorted values, interpolated between neighbours.
pub fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let position = q.clamp(0.0, 1.0) * last as f64;
    let (low, high) = (position.floor() as usize, position.ceil() as usize);
    let weight = position - low as f64;
    Some(sorted[low] * (1.0 - weight) + sorted[high] * weight)
}

/// Every promotion aligned on its own start: for months 0 to [`COHORT_MONTHS`], the median of
/// its défis' cumulative commits since the start (défis with scanned code), with the first and
/// third quartiles as the spread. A défi counts at a month only when its copy reaches it.
pub fn cohorts_cumulative_commits(cohort: &Cohort, selection: &Selection, lang: Lang) -> BarChart {
    let months: Vec<u32> = (0..=COHORT_MONTHS).collect();
    // Per promotion (export order): each défi's cumulative commits at each month it reaches.
    let mut per_promotion: Vec<(usize, Vec<Vec<f64>>)> = Vec::new();
    for progress in defi_progress(cohort, selection) {
        let (Some((start, _)), Some(copied)) = (progress.window, progress.copied) else {
            continue;
        };
        let Some(p) = promotion(cohort, progress.defi).and_then(|promo| {
            cohort
                .export
                .promotions
                .iter()
                .position(|q| q.id == promo.id)
        }) else {
            continue;
        };
        let slot = match per_promotion.iter().position(|(q, _)| *q == p) {
            Some(i) => i,
            None => {
                per_promotion.push((p, vec![Vec::new(); months.len()]));
                per_promotion.len() - 1
            }
        };
        for (m, &month) in months.iter().enumerate() {
            // Past the calendar's end nothing is counted.
            let Some(at) = add_months(start, month) else {
                continue;
            };
            if copied >= at {
                per_promotion[slot].1[m].push(progress.commits_between(start, at) as f64);
            }
        }
    }
    per_promotion.sort_by_key(|(p, _)| *p);
    let promotions = &cohort.export.promotions;
    let series: Vec<Series> = per_promotion
        .iter()
        .enumerate()
        .map(|(i, (p, cumulative))| Series {
            key: promotions[*p].id.clone(),
            label: format!(
                "{} ({} {})",
                promotions[*p].label,
                cumulative[0].len(),
                "défis"
            ),
            color: i,
        })
        .collect();
    let mut values = vec![vec![0.0; series.len()]; months.len()];
    let mut spread = vec![vec![(0.0, 0.0); series.len()]; months.len()];
    let mut counted = vec![0usize; months.len()];
    for (s, (_, cumulative)) in per_promotion.iter_mut().enumerate() {
        for (m, at_month) in cumulative.iter_mut().enumerate() {
            at_month.sort_by(f64::total_cmp);
            counted[m] += at_month.len();
            if let (Some(q1), Some(median), Some(q3)) = (
                quantile(at_month, 0.25),
                quantile(at_month, 0.5),
                quantile(at_month, 0.75),
            ) {
                values[m][s] = median;
                spread[m][s] = (q1, q3);
            }
        }
    }
    let ten = promotions
        .iter()
        .filter_map(|p| p.months)
        .max()
        .unwrap_or(10)
        .min(COHORT_MONTHS);
    let has_data = counted.iter().any(|n| *n > 0);
    BarChart::new(
        ChartId::CohortsCumulativeCommits,
        months
            .iter()
            .zip(&counted)
            .map(|(&m, &n)| {
                Category::new(m.to_string(), format::months(m, lang)).with_note(tr!(
                    lang,
                    "{} après le début ; médiane et quartiles de {} défis",
                    "{} after the start; median and quartiles of {} défis",
                    format::months(m, lang),
                    format::count(n as u64, lang)
                ))
            })
            .collect(),
        series,
        values,
        lang.pick(
            "commits cumulés par défi depuis le début (médiane, quartiles)",
            "cumulative commits per défi since the start (median, quartiles)",
        ),
    )
    .with_layout(Layout::Lines)
    .with_highlights(if has_data {
        vec![Highlight {
            from: 0,
            to: ten as usize,
            label: tr!(
                lang,
                "les {ten} mois de la promotion",
                "the promotion's {ten} months"
            ),
        }]
    } else {
        Vec::new()
    })
    .with_spread(spread)
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
