//! Transforms: group, count, bin by week and share the selected data into chart data.
//!
//! Each function reads a [`Cohort`] and a [`Selection`] and returns plain data; drawing is elsewhere.

use std::collections::HashMap;

use crate::chart::{
    BarChart, Category, ChartId, Layout, Orientation, Period, Series, Target, Unit,
};
use crate::model::cohort::{Cohort, Selection};
use crate::model::filter::Filters;
use crate::{base::format, tr, base::lang::Lang};

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
    let defis: Vec<&crate::contract::export::Defi> = selection
        .defis
        .iter()
        .map(|&i| &cohort.export.defis[i])
        .collect();
    let mut administrations: Vec<&str> =
        defis.iter().map(|d| d.administration_id.as_str()).collect();
    administrations.sort_unstable();
    administrations.dedup();
    let mut mentors: Vec<&str> = defis
        .iter()
        .flat_map(|d| d.mentors.iter().map(String::as_str))
        .collect();
    mentors.sort_unstable();
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

/// Défis per administration, biggest first: the `top` largest, then « autres ».
///
/// Without an administration filter, défis count for their top-level administration; with one,
/// for the child of the chosen administration they lie under (or the chosen one itself), so
/// that clicking a bar drills down the tree.
pub fn defis_by_administration(
    cohort: &Cohort,
    selection: &Selection,
    filters: &Filters,
    top: usize,
    lang: Lang,
) -> BarChart {
    let chosen = filters
        .admin
        .as_deref()
        .and_then(|id| cohort.administration_index(id));
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for &d in &selection.defis {
        let Some(own) = cohort.defi_administration(d) else {
            continue;
        };
        let chain = cohort.ancestors(own);
        let group = match chosen {
            Some(c) => match chain.iter().position(|&a| a == c) {
                Some(0) | None => c,
                Some(k) => chain[k - 1],
            },
            None => *chain.last().unwrap_or(&own),
        };
        *counts.entry(group).or_default() += 1;
    }
    let admins = &cohort.export.administrations;
    let mut rows: Vec<(usize, usize)> = counts.into_iter().collect();
    rows.sort_unstable_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| admins[a.0].id.cmp(&admins[b.0].id))
    });
    let rest: usize = rows.iter().skip(top).map(|r| r.1).sum();
    let others = rows.len().saturating_sub(top);
    rows.truncate(top);
    let mut categories: Vec<Category> = rows
        .iter()
        .map(|&(a, _)| {
            Category::new(admins[a].id.clone(), display_name(&admins[a]))
                .with_target(if Some(a) == chosen {
                    Target::None
                } else {
                    Target::Administration(admins[a].id.clone())
                })
                .with_note(admins[a].name.clone())
        })
        .collect();
    let mut values: Vec<Vec<f64>> = rows.iter().map(|r| vec![r.1 as f64]).collect();
    if rest > 0 {
        categories.push(Category::new(
            "autres",
            tr!(
                lang,
                "Autres ({others} administrations)",
                "Others ({others} administrations)"
            ),
        ));
        values.push(vec![rest as f64]);
    }
    BarChart::new(
        ChartId::DefisByAdministration,
        categories,
        vec![Series {
            key: "defis".into(),
            label: "Défis".into(),
            color: 0,
        }],
        values,
        lang.pick("nombre de défis", "number of défis"),
    )
    .with_orientation(Orientation::Horizontal)
}

/// A short label: the acronym when there is one, else the name.
fn display_name(admin: &crate::contract::export::Administration) -> String {
    match &admin.acronym {
        Some(acronym) if admin.name.chars().count() > 34 => acronym.clone(),
        _ => admin.name.clone(),
    }
}

/// Skill label in the interface language.
pub fn skill_label(cohort: &Cohort, id: &str, lang: Lang) -> String {
    let english = match id {
        "dev" => "Development",
        "design" => "Design",
        "datascience" => "Data science",
        "dataengineering" => "Data engineering",
        "geomatique" => "Geomatics",
        other => other,
    };
    let french = cohort
        .export
        .skills
        .iter()
        .find(|s| s.id == id)
        .map_or(id, |s| s.label.as_str());
    lang.pick(french, english).to_string()
}

/// Promotion label: "EIG 1", …, "DIG".
pub(crate) fn promotion_categories(cohort: &Cohort) -> Vec<Category> {
    cohort
        .export
        .promotions
        .iter()
        .map(|p| Category::new(p.id.clone(), p.label.clone()).with_note(p.year.to_string()))
        .collect()
}

/// Défis per skill in each promotion, stacked (a défi with three skills counts in three).
pub fn skills_by_promotion(cohort: &Cohort, selection: &Selection, lang: Lang) -> BarChart {
    let categories = promotion_categories(cohort);
    // The programme's own order: development first, geomatics last; unknown skills after.
    const ORDER: [&str; 5] = [
        "dev",
        "design",
        "datascience",
        "dataengineering",
        "geomatique",
    ];
    let mut skills: Vec<&crate::contract::export::Skill> = cohort.export.skills.iter().collect();
    skills.sort_unstable_by_key(|s| {
        (
            ORDER.iter().position(|o| *o == s.id).unwrap_or(ORDER.len()),
            &s.id,
        )
    });
    let mut values = vec![vec![0.0; skills.len()]; categories.len()];
    for &d in &selection.defis {
        let defi = &cohort.export.defis[d];
        let Some(p) = categories.iter().position(|c| c.key == defi.promotion_id) else {
            continue;
        };
        for skill in &defi.skills {
            if let Some(s) = skills.iter().position(|k| &k.id == skill) {
                values[p][s] += 1.0;
            }
        }
    }
    BarChart::new(
        ChartId::SkillsByPromotion,
        categories,
        skills
            .iter()
            .enumerate()
            .map(|(i, s)| Series {
                key: s.id.clone(),
                label: skill_label(cohort, &s.id, lang),
                color: i,
            })
            .collect(),
        values,
        lang.pick("défis (par compétence)", "défis (per skill)"),
    )
}

/// The journal's categories as series: the nine letters, then « autre » for rows without one.
fn journal_series(cohort: &Cohort, lang: Lang) -> Vec<Series> {
    let mut series: Vec<Series> = cohort
        .export
        .journal_categories
        .iter()
        .take(crate::model::cohort::MAX_JOURNAL_CATEGORIES)
        .enumerate()
        .map(|(i, c)| Series {
            key: c.id.clone(),
            label: lang.pick(&c.label_fr, &c.label_en).to_string(),
            color: i,
        })
        .collect();
    series.push(Series {
        key: "autre".into(),
        label: lang.pick("Autre", "Other").into(),
        color: crate::chart::Theme::OTHER,
    });
    series
}

/// Series indexes of a journal entry's categories (« autre », the last series, when it has none),
/// read from the bits the cohort computed once.
fn entry_series(cohort: &Cohort, entry: usize, series_count: usize) -> impl Iterator<Item = usize> {
    let mask = cohort.journal_categories(entry);
    let mask = if mask == 0 {
        1 << (series_count - 1)
    } else {
        mask
    };
    (0..series_count).filter(move |s| mask & (1 << s) != 0)
}

/// Journal entries per week (weeks start on Monday), stacked by category; an entry with
/// several categories counts once in each. Weeks without entries are kept, at zero.
pub fn journal_weekly(cohort: &Cohort, selection: &Selection, lang: Lang) -> BarChart {
    let series = journal_series(cohort, lang);
    // Entries without a plausible date (only in an unchecked export) have no week.
    let (entries_dated, mondays): (Vec<usize>, Vec<time::Date>) = selection
        .journal
        .iter()
        .filter_map(|&e| Some((e, cohort.journal_monday(e)?)))
        .unzip();
    let (Some(first), Some(last)) = (mondays.iter().min().copied(), mondays.iter().max().copied())
    else {
        return BarChart::new(
            ChartId::JournalWeekly,
            Vec::new(),
            series,
            Vec::new(),
            lang.pick("entrées par semaine", "entries per week"),
        )
        .with_period(Period::Week);
    };
    let weeks = ((last - first).whole_days() / 7 + 1) as usize;
    let mut values = vec![vec![0.0; series.len()]; weeks];
    let mut entries = vec![0usize; weeks];
    for (&e, monday) in entries_dated.iter().zip(&mondays) {
        let w = ((*monday - first).whole_days() / 7) as usize;
        entries[w] += 1;
        for s in entry_series(cohort, e, series.len()) {
            values[w][s] += 1.0;
        }
    }
    let categories = (0..weeks)
        .map(|w| {
            let monday = first + time::Duration::weeks(w as i64);
            Category::period(monday, format::day_month_short(monday, lang))
                .with_note(tr!(
                    lang,
                    "semaine du {} : {} entrées",
                    "week of {}: {} entries",
                    format::date(monday, lang),
                    format::count(entries[w] as u64, lang)
                ))
                .with_count(entries[w] as f64)
        })
        .collect();
    BarChart::new(
        ChartId::JournalWeekly,
        categories,
        series,
        values,
        lang.pick(
            "entrées par semaine (par catégorie)",
            "entries per week (per category)",
        ),
    )
    .with_period(Period::Week)
}

/// How many défis the task-mix chart shows at most: the most active ones.
pub const MOST_ACTIVE_DEFIS: usize = 25;

/// Each défi's journal entries by category, as shares (100 % bars), for the
/// [`MOST_ACTIVE_DEFIS`] défis with the most entries; the largest share of production first.
pub fn journal_mix_by_defi(cohort: &Cohort, selection: &Selection, lang: Lang) -> BarChart {
    let series = journal_series(cohort, lang);
    // Per défi: entries per category (an entry counts in each of its categories), and entries.
    let mut per_defi: HashMap<usize, (Vec<f64>, usize)> = HashMap::new();
    for &e in &selection.journal {
        let Some(d) = cohort.journal_defi(e) else {
            continue;
        };
        let (row, entries) = per_defi
            .entry(d)
            .or_insert_with(|| (vec![0.0; series.len()], 0));
        *entries += 1;
        for s in entry_series(cohort, e, series.len()) {
            row[s] += 1.0;
        }
    }
    let production = series.iter().position(|s| s.key == "P").unwrap_or(0);
    let share = |row: &Vec<f64>| row[production] / row.iter().sum::<f64>().max(1.0);
    let mut rows: Vec<(usize, (Vec<f64>, usize))> = per_defi.into_iter().collect();
    // The most active défis only, so that the chart stays readable on a large cohort.
    rows.sort_unstable_by(|a, b| b.1 .1.cmp(&a.1 .1).then_with(|| a.0.cmp(&b.0)));
    rows.truncate(MOST_ACTIVE_DEFIS);
    rows.sort_unstable_by(|a, b| {
        share(&b.1 .0)
            .total_cmp(&share(&a.1 .0))
            .then_with(|| a.0.cmp(&b.0))
    });
    let defis = &cohort.export.defis;
    BarChart::new(
        ChartId::JournalMixByDefi,
        rows.iter()
            .map(|(d, (_, entries))| {
                Category::new(defis[*d].id.clone(), defis[*d].title.clone())
                    .with_target(Target::Defi(defis[*d].id.clone()))
                    .with_note(tr!(
                        lang,
                        "{} entrées",
                        "{} entries",
                        format::count(*entries as u64, lang)
                    ))
                    .with_count(*entries as f64)
            })
            .collect(),
        series,
        rows.into_iter().map(|(_, (row, _))| row).collect(),
        lang.pick("part des entrées du journal", "share of journal entries"),
    )
    .with_layout(Layout::Normalized)
    .with_orientation(Orientation::Horizontal)
    .with_unit(Unit::Share)
}

/// Per promotion: share of défis with published code, with a website, with key figures.
pub fn openness_by_promotion(cohort: &Cohort, selection: &Selection, lang: Lang) -> BarChart {
    let categories = promotion_categories(cohort);
    let mut counts = vec![[0usize; 4]; categories.len()];
    for &d in &selection.defis {
        let defi = &cohort.export.defis[d];
        let Some(p) = categories.iter().position(|c| c.key == defi.promotion_id) else {
            continue;
        };
        counts[p][0] += usize::from(!defi.source_code.is_empty());
        counts[p][1] += usize::from(defi.website.is_some());
        counts[p][2] += usize::from(!defi.key_figures.is_empty());
        counts[p][3] += 1;
    }
    let categories = categories
        .into_iter()
        .zip(&counts)
        .map(|(mut c, n)| {
            c.note = Some(format!("{} défis", n[3]));
            c
        })
        .collect();
    BarChart::new(
        ChartId::OpennessByPromotion,
        categories,
        vec![
            Series {
                key: "code".into(),
                label: lang.pick("Code publié", "Published code").into(),
                color: 0,
            },
            Series {
                key: "website".into(),
                label: lang.pick("Site web", "Website").into(),
                color: 1,
            },
            Series {
                key: "key_figures".into(),
                label: lang.pick("Chiffres clés", "Key figures").into(),
                color: 2,
            },
        ],
        counts
            .iter()
            .map(|n| {
                let total = n[3].max(1) as f64;
                if n[3] == 0 {
                    vec![0.0; 3]
                } else {
                    vec![
                        n[0] as f64 / total,
                        n[1] as f64 / total,
                        n[2] as f64 / total,
                    ]
                }
            })
            .collect(),
        lang.pick(
            "part des défis de la promotion",
            "share of the promotion's défis",
        ),
    )
    .with_layout(Layout::Grouped)
    .with_unit(Unit::Share)
}

/// How many administrations the « défis par administration » chart names before « autres ».
pub const TOP_ADMINISTRATIONS: usize = 12;

/// The data of one chart for the current selection.
pub fn chart(
    id: ChartId,
    cohort: &Cohort,
    selection: &Selection,
    filters: &Filters,
    lang: Lang,
) -> BarChart {
    match id {
        ChartId::DefisByAdministration => {
            defis_by_administration(cohort, selection, filters, TOP_ADMINISTRATIONS, lang)
        }
        ChartId::SkillsByPromotion => skills_by_promotion(cohort, selection, lang),
        ChartId::JournalWeekly => journal_weekly(cohort, selection, lang),
        ChartId::JournalMixByDefi => journal_mix_by_defi(cohort, selection, lang),
        ChartId::OpennessByPromotion => openness_by_promotion(cohort, selection, lang),
        ChartId::RepositoryActivity => {
            crate::measures::repositories::repository_activity(cohort, selection, filters, lang)
        }
        ChartId::PerennisationByPromotion => {
            crate::measures::progress::perennisation_by_promotion(cohort, selection, lang)
        }
        ChartId::CohortsCumulativeCommits => {
            crate::measures::progress::cohorts_cumulative_commits(cohort, selection, lang)
        }
        ChartId::TechnologiesByPromotion => {
            crate::measures::technologies::technologies_by_promotion(cohort, selection, lang)
        }
        ChartId::LanguagesByPromotion => {
            crate::measures::technologies::languages_by_promotion(cohort, selection, lang)
        }
        ChartId::OpennessIndicators => {
            crate::measures::technologies::openness_indicators(cohort, selection, lang)
        }
    }
}

/// All charts for the current selection, in dashboard order.
pub fn all_charts(
    cohort: &Cohort,
    selection: &Selection,
    filters: &Filters,
    lang: Lang,
) -> Vec<BarChart> {
    ChartId::ALL
        .iter()
        .map(|&id| chart(id, cohort, selection, filters, lang))
        .collect()
}
