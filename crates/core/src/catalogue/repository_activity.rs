//! « Activité des dépôts de code »: commits over time, stacked by défi or administration, each
//! promotion's window shaded.

use crate::base::order;
use std::collections::BTreeMap;

use time::{Date, Duration};

use super::categories::stable_colors;
use super::{
    Category, Chart, ChartId, ChartSpec, Highlight, OverTime, Reading, RowHeader, Section, Series,
    SeriesAre, OTHER_COLOR,
};
use crate::base::format;
use crate::base::lang::{Lang, Text};
use crate::contract::export::{Promotion, SourceKind};
use crate::measures::activity::distinct_repositories;
use crate::measures::ranking::top_within;
use crate::measures::time_bins::{Period, TimeBins};
use crate::model::cohort::{positions, Cohort};
use crate::model::filter::Filters;
use crate::model::selection::Selection;
use crate::model::window::{window, Window};

pub static SPEC: ChartSpec = ChartSpec {
    slug: "repository-activity",
    section: Section::CodeAfter,
    title: Text::fixed("Activité des dépôts de code", "Code repository activity"),
    guide: Text::fixed(
        "Commits humains (ni fusions, ni robots) par semaine (par mois sur plus de 18 mois) dans les dépôts de code des défis, chaque dépôt une fois, par défi ou, s'ils sont nombreux, par administration. La zone bleutée marque la période de chaque promotion.",
        "Human commits (neither merges nor bots') per week (per month over more than 18 months) in the défis' code repositories, each repository once, per défi or, when there are many, per administration. The shaded area marks each promotion's window.",
    ),
    reading: Reading {
        category_header: Text::fixed("Période", "Period"),
        row_header: RowHeader::Note,
        note_column: None,
        summary_note: None,
        over_time: Some(OverTime { items: Text::fixed("commits humains", "human commits"), series: SeriesAre::Makers }),
    },
    sources: &[SourceKind::Catalogue, SourceKind::Blog, SourceKind::Repositories],
    build: repository_activity,
};

/// Above this many weeks, the activity chart counts commits per month.
pub const MAX_WEEKS: i64 = 78;

/// How many défis (or administrations) the activity chart names, « autres » included.
pub const MAX_SERIES: usize = 8;

/// Commits over time (per week, or per month over long periods), stacked by défi, or by
/// top-level administration when more than [`MAX_SERIES`] défis have commits; each promotion's
/// ten months are highlighted.
pub fn repository_activity(
    cohort: &Cohort,
    selection: &Selection,
    filters: &Filters,
    lang: Lang,
) -> Chart {
    let commits = human_commits(cohort, selection, filters);
    let mut chart = Chart::new(
        ChartId::RepositoryActivity,
        Vec::new(),
        Vec::new(),
        Vec::new(),
        lang.pick("commits humains par semaine", "human commits per week"),
    )
    .with_period(Period::Week);
    let (Some(first), Some(last)) = (
        commits.iter().map(|c| c.1).min(),
        commits.iter().map(|c| c.1).max(),
    ) else {
        return chart;
    };
    let monthly = (last - first).whole_days() / 7 + 1 > MAX_WEEKS;
    let period = if monthly { Period::Month } else { Period::Week };

    // Series: défis by commits, or their top-level administrations when there are many.
    let per_defi = commits_per_defi(&commits);
    let by_administration = per_defi.len() > MAX_SERIES;
    let group_of = |d: usize| group(cohort, d, by_administration, lang);
    let ranking = top_within(ranked_groups(&per_defi, group_of), MAX_SERIES);
    // A series keeps its colour whatever the filters: its rank over the whole export.
    let everything = human_commits(
        cohort,
        &cohort.select(&Filters::default()),
        &Filters::default(),
    );
    let whole: Vec<String> = ranked_groups(&commits_per_defi(&everything), group_of)
        .into_iter()
        .map(|(key, _, _)| key)
        .collect();
    let named: Vec<String> = ranking
        .named
        .iter()
        .map(|(key, _, _)| key.clone())
        .collect();
    chart.series = ranking
        .named
        .iter()
        .zip(stable_colors(&named, &whole))
        .map(|((key, label, _), color)| Series::new(key.clone(), label.clone(), color))
        .collect();
    if !ranking.others.is_empty() {
        chart.series.push(Series::new(
            "autres",
            lang.pick("Autres", "Others"),
            OTHER_COLOR,
        ));
    }
    let series_index = positions(&chart.series, |s| &s.key);
    let series_of = |d: usize| -> usize {
        series_index
            .get(&group_of(d).0)
            .copied()
            .unwrap_or(chart.series.len() - 1)
    };

    // Categories: every week (or month) from the first to the last, empty ones kept.
    let bins = TimeBins::covering(first, last, period);
    let mut values = vec![vec![0.0; chart.series.len()]; bins.starts.len()];
    for (d, monday, n) in &commits {
        if let Some(c) = bins.position(*monday) {
            values[c][series_of(*d)] += f64::from(*n);
        }
    }
    chart.values = values;
    chart.categories = bins
        .starts
        .iter()
        .map(|start| {
            Category::period(
                *start,
                if monthly {
                    format::month_short(*start, lang)
                } else {
                    format::day_month_short(*start, lang)
                },
            )
            .with_note(if monthly {
                format::month_year(*start, lang)
            } else {
                format!(
                    "{} {}",
                    lang.pick("semaine du", "week of"),
                    format::date(*start, lang)
                )
            })
        })
        .collect();
    if monthly {
        chart.value_label = lang
            .pick("commits humains par mois", "human commits per month")
            .into();
        chart.period = Some(Period::Month);
    }

    // Each promotion's window, over the categories it covers: its own, else the span of its
    // shown défis' windows (DIG's défis ran six to twelve months each).
    let mut promotions: Vec<&Promotion> = per_defi
        .keys()
        .filter_map(|&d| cohort.defi_promotion(d))
        .collect();
    order::sort_by(&mut promotions, |a, b| {
        (a.year, &a.id).cmp(&(b.year, &b.id))
    });
    promotions.dedup_by(|a, b| a.id == b.id);
    for promotion in promotions {
        let Some((span, months)) = promotion_span(cohort, promotion, per_defi.keys().copied())
        else {
            continue;
        };
        let covered: Vec<usize> = (0..bins.starts.len())
            .filter(|&i| bins.starts[i] < span.end && bins.end(i) > span.start)
            .collect();
        if let (Some(&from), Some(&to)) = (covered.first(), covered.last()) {
            chart.highlights.push(Highlight {
                from,
                to,
                label: format!(
                    "{} ({months} {})",
                    promotion.label,
                    lang.pick("mois", "months")
                ),
            });
        }
    }
    chart
}

/// (défi, Monday, human commits) of the selected défis' repositories holding code, each
/// repository once, within the period filter.
fn human_commits(
    cohort: &Cohort,
    selection: &Selection,
    filters: &Filters,
) -> Vec<(usize, Date, u32)> {
    let mut commits = Vec::new();
    for repo in distinct_repositories(cohort, selection) {
        let repository = &cohort.repositories()[repo.repository];
        if !repository.holds_code {
            continue;
        }
        for week in &repository.weeks {
            let (monday, n) = (week.monday, week.human);
            if n == 0 {
                continue;
            }
            let sunday = monday.checked_add(Duration::days(6)).unwrap_or(Date::MAX);
            if filters.from.is_some_and(|from| sunday < from)
                || filters.to.is_some_and(|to| monday > to)
            {
                continue;
            }
            commits.push((repo.defi, monday, n));
        }
    }
    commits
}

/// Human commits per défi.
fn commits_per_defi(commits: &[(usize, Date, u32)]) -> BTreeMap<usize, u64> {
    let mut per_defi: BTreeMap<usize, u64> = BTreeMap::new();
    for (d, _, n) in commits {
        *per_defi.entry(*d).or_default() += u64::from(*n);
    }
    per_defi
}

/// The series a défi's commits go to, as (key, label): the défi, or its top-level
/// administration.
fn group(cohort: &Cohort, defi: usize, by_administration: bool, lang: Lang) -> (String, String) {
    if by_administration {
        match cohort.defi_root_administration(defi) {
            Some(a) => {
                let admin = &cohort.export.administrations[a];
                (admin.id.clone(), admin.name.clone())
            }
            None => ("inconnue".into(), lang.pick("Inconnue", "Unknown").into()),
        }
    } else {
        (
            cohort.export.defis[defi].id.clone(),
            cohort.defi_label(defi).to_string(),
        )
    }
}

/// The series' groups as (key, label, commits), most commits first, then by key.
fn ranked_groups(
    per_defi: &BTreeMap<usize, u64>,
    group_of: impl Fn(usize) -> (String, String),
) -> Vec<(String, String, u64)> {
    let mut groups: BTreeMap<String, (String, u64)> = BTreeMap::new();
    for (&d, &n) in per_defi {
        let (key, label) = group_of(d);
        groups.entry(key).or_insert((label, 0)).1 += n;
    }
    let mut ranked: Vec<(String, String, u64)> =
        groups.into_iter().map(|(k, (l, n))| (k, l, n)).collect();
    order::sort_by(&mut ranked, |a, b| {
        b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0))
    });
    ranked
}

/// A promotion's window and its length in months (« 6–12 » when its défis' differ): its own when
/// the export gives it, else from the first start to the last end of its défis among `defis`.
fn promotion_span(
    cohort: &Cohort,
    promotion: &Promotion,
    defis: impl Iterator<Item = usize>,
) -> Option<(Window, String)> {
    if let Some(span) = window(promotion) {
        return Some((span, promotion.months.unwrap_or_default().to_string()));
    }
    let own: Vec<(Window, Option<u32>)> = defis
        .filter(|&d| cohort.export.defis[d].promotion_id == promotion.id)
        .filter_map(|d| Some((cohort.defi_window(d)?, cohort.export.defis[d].months)))
        .collect();
    let start = own.iter().map(|(w, _)| w.start).min()?;
    let end = own.iter().map(|(w, _)| w.end).max()?;
    let shortest = own.iter().filter_map(|(_, m)| *m).min();
    let longest = own.iter().filter_map(|(_, m)| *m).max();
    let months = match (shortest, longest) {
        (Some(a), Some(b)) if a < b => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        _ => "?".to_string(),
    };
    Some((Window { start, end }, months))
}
