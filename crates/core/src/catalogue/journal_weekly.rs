//! « Activité hebdomadaire du journal »: journal entries per week, stacked by category.

use super::categories::{entry_series, journal_series};
use super::{
    Category, Chart, ChartId, ChartSpec, OverTime, Reading, RowHeader, Section, SeriesAre,
};
use crate::base::format;
use crate::base::lang::{Lang, Text};
use crate::contract::export::SourceKind;
use crate::measures::time_bins::{Period, TimeBins};
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;
use crate::tr;

pub static SPEC: ChartSpec = ChartSpec {
    slug: "journal-weekly",
    section: Section::Journal,
    title: Text::fixed("Activité hebdomadaire du journal", "Weekly journal activity"),
    guide: Text::fixed(
        "Entrées du journal de suivi par semaine et par catégorie ; une entrée à plusieurs catégories compte dans chacune.",
        "Journal entries per week and per category; an entry with several categories counts in each.",
    ),
    reading: Reading {
        category_header: Text::fixed("Semaine du", "Week of"),
        row_header: RowHeader::StartDate,
        note_column: None,
        summary_note: None,
        over_time: Some(OverTime { items: Text::fixed("entrées", "entries"), series: SeriesAre::Kinds }),
    },
    sources: &[SourceKind::Catalogue, SourceKind::Journal],
    build: |cohort, selection, _, lang| journal_weekly(cohort, selection, lang),
};

/// Journal entries per week (weeks start on Monday), stacked by category; an entry with
/// several categories counts once in each. Weeks without entries are kept, at zero.
pub fn journal_weekly(cohort: &Cohort, selection: &Selection, lang: Lang) -> Chart {
    let series = journal_series(cohort, lang);
    // Entries without a plausible date (only in an unchecked export) have no week.
    let (entries_dated, mondays): (Vec<usize>, Vec<time::Date>) = selection
        .journal
        .iter()
        .filter_map(|&e| Some((e, cohort.journal_monday(e)?)))
        .unzip();
    let (Some(first), Some(last)) = (mondays.iter().min().copied(), mondays.iter().max().copied())
    else {
        return Chart::new(
            ChartId::JournalWeekly,
            Vec::new(),
            series,
            Vec::new(),
            lang.pick("entrées par semaine", "entries per week"),
        )
        .with_period(Period::Week);
    };
    let weeks = TimeBins::covering(first, last, Period::Week);
    let mut values = vec![vec![0.0; series.len()]; weeks.starts.len()];
    let mut entries = vec![0usize; weeks.starts.len()];
    for (&e, monday) in entries_dated.iter().zip(&mondays) {
        let Some(w) = weeks.position(*monday) else {
            continue;
        };
        entries[w] += 1;
        for s in entry_series(cohort, e, series.len()) {
            values[w][s] += 1.0;
        }
    }
    let categories = weeks
        .starts
        .iter()
        .zip(&entries)
        .map(|(&monday, &count)| {
            Category::period(monday, format::day_month_short(monday, lang))
                .with_note(tr!(
                    lang,
                    "semaine du {} : {} entrées",
                    "week of {}: {} entries",
                    format::date(monday, lang),
                    format::count(count as u64, lang)
                ))
                .with_count(count as f64)
        })
        .collect();
    Chart::new(
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
