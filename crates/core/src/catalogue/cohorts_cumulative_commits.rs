//! « Les promotions côte à côte »: each promotion aligned on its own start, the median and
//! quartiles of its défis' cumulative commits month by month.

use super::categories::promotion_series;
use super::{Category, Chart, ChartId, ChartSpec, Highlight, Layout, Reading, Section, Series};
use crate::base::format;
use crate::base::lang::{Lang, Text};
use crate::contract::export::SourceKind;
use crate::measures::definitions::COHORT_MONTHS;
use crate::measures::lived_on::{cohort_curves, quantile};
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;
use crate::tr;

pub static SPEC: ChartSpec = ChartSpec {
    slug: "cohorts-cumulative-commits",
    section: Section::CodeAfter,
    title: Text::fixed("Les promotions côte à côte", "Promotions side by side"),
    guide: Text::fixed(
        "Commits humains cumulés par défi au code analysé, mois par mois depuis le début de chaque promotion : la ligne est la médiane des défis, la bande va du premier au troisième quartile. Chaque courbe suit les mêmes défis du premier au dernier mois : ceux dont la copie du dépôt s'arrête avant sont laissés de côté, et comptés dans la légende. La zone bleutée marque les dix mois. Quelle promotion a livré du code le plus vite ?",
        "Cumulative human commits per défi with scanned code, month by month since each promotion's start: the line is the défis' median, the band runs from the first to the third quartile. Each curve follows the same défis from the first month to the last: those whose repository copy stops sooner are left out, and counted in the legend. The shaded area marks the ten months. Which promotion shipped code fastest?",
    ),
    reading: Reading::by_label(Text::fixed("Depuis le début", "Since the start")),
    sources: &[SourceKind::Catalogue, SourceKind::Blog, SourceKind::Repositories],
    build: |cohort, selection, _, lang| cohorts_cumulative_commits(cohort, selection, lang),
};

/// Every promotion aligned on its own start: for months 0 to [`COHORT_MONTHS`], the median of
/// its défis' cumulative commits since the start (défis with scanned code), with the first and
/// third quartiles as the spread. A défi counts at a month only when its copy reaches it.
pub fn cohorts_cumulative_commits(cohort: &Cohort, selection: &Selection, lang: Lang) -> Chart {
    let months: Vec<u32> = (0..=COHORT_MONTHS).collect();
    // A promotion none of whose défis is followed 24 months draws no curve.
    let curves: Vec<_> = cohort_curves(cohort, selection)
        .into_iter()
        .filter(|curve| curve.defis > 0)
        .collect();
    let promotions = &cohort.export.promotions;
    let series: Vec<Series> = curves
        .iter()
        .map(|curve| {
            // A promotion keeps its colour whatever the filters leave out.
            let color = curve.promotion;
            let promotion = &promotions[color];
            if curve.left_out == 0 {
                return promotion_series(promotion, curve.defis, color, lang);
            }
            let not_followed = if curve.left_out == 1 {
                lang.pick("non suivi", "not followed")
            } else {
                lang.pick("non suivis", "not followed")
            };
            let label = tr!(
                lang,
                "{} ({} ; {} {} 24 mois)",
                "{} ({}; {} {} 24 months)",
                promotion.label,
                format::defis(curve.defis, lang),
                curve.left_out,
                not_followed
            );
            Series::new(promotion.id.clone(), label, color)
        })
        .collect();
    let mut values = vec![vec![0.0; series.len()]; months.len()];
    let mut spread = vec![vec![(0.0, 0.0); series.len()]; months.len()];
    let mut counted = vec![0usize; months.len()];
    for (s, curve) in curves.iter().enumerate() {
        for (m, at_month) in curve.months.iter().enumerate() {
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
    Chart::new(
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
            "commits humains cumulés par défi depuis le début (médiane, quartiles)",
            "cumulative human commits per défi since the start (median, quartiles)",
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
