//! Charts in words and as tables, on the real export: the summaries name the right extremes
//! (recounted here from the raw JSON, without the core's statistics) and the data tables hold
//! exactly the values of the CSV.

use std::collections::BTreeMap;

use eig_pulse_core::catalogue::ChartId;
use eig_pulse_core::chart::stack::Stack;
use eig_pulse_core::chart::summary::summary;
use eig_pulse_core::chart::table::{grid, rows};
use eig_pulse_core::{base::format, Cohort, Filters, Lang};

mod common;

fn cohort() -> Cohort {
    Cohort::new(common::real_export_with(common::activity_fixture()))
}

/// The busiest week of the journal, counted from the raw JSON: (Monday, entries, production entries).
fn busiest_week_from_json() -> (time::Date, usize, usize) {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::REAL_EXPORT).unwrap()).unwrap();
    let mut weeks: BTreeMap<time::Date, (usize, usize)> = BTreeMap::new();
    for entry in json["journal"].as_array().unwrap() {
        let date = eig_pulse_core::base::date::parse_date(entry["date"].as_str().unwrap()).unwrap();
        let monday =
            date - time::Duration::days(i64::from(date.weekday().number_days_from_monday()));
        let week = weeks.entry(monday).or_default();
        week.0 += 1;
        let production = entry["categories"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "P");
        week.1 += usize::from(production);
    }
    let (monday, (entries, production)) = weeks
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.0.cmp(&a.0)))
        .unwrap();
    (monday, entries, production)
}

#[test]
fn the_weekly_summary_names_the_busiest_week() {
    let cohort = cohort();
    let selection = cohort.select(&Filters::default());
    let (monday, entries, production) = busiest_week_from_json();
    for lang in [Lang::Fr, Lang::En] {
        let chart = ChartId::JournalWeekly.build(&cohort, &selection, &Filters::default(), lang);
        let text = summary(&chart, &[], lang);
        let expected = match lang {
            Lang::Fr => format!(
                "Semaine la plus active : {}, {} entrées dont {} en production.",
                format::date(monday, lang),
                format::count(entries as u64, lang),
                format::count(production as u64, lang)
            ),
            Lang::En => format!(
                "Busiest week: {}, {} entries, {} of them production.",
                format::date(monday, lang),
                format::count(entries as u64, lang),
                format::count(production as u64, lang)
            ),
        };
        assert!(text.contains(&expected), "{text}\nexpected: {expected}");
        // The week of 16 April 2018 has as many entries (136): the tie is said.
        assert!(
            text.contains(lang.pick("Autant : 16 avril 2018.", "As many: 16 April 2018.")),
            "{text}"
        );
        assert!(text.starts_with(lang.pick(
            "Activité hebdomadaire du journal. ",
            "Weekly journal activity. "
        )));
    }
}

#[test]
fn the_busiest_week_is_the_one_the_issue_names() {
    // Spelled out once, so that a change in the data or in the counting shows here. The week of
    // 16 April 2018 has 136 entries too (`python3 scripts/recount-journal.py`): the earlier is named.
    let (monday, entries, production) = busiest_week_from_json();
    assert_eq!(
        (format::date(monday, Lang::Fr), entries, production),
        ("12 mars 2018".to_string(), 136, 48)
    );
}

#[test]
fn every_summary_is_in_both_languages_and_follows_hidden_series() {
    let cohort = cohort();
    let selection = cohort.select(&Filters::default());
    for id in ChartId::ALL {
        let fr = summary(
            &id.build(&cohort, &selection, &Filters::default(), Lang::Fr),
            &[],
            Lang::Fr,
        );
        let en = summary(
            &id.build(&cohort, &selection, &Filters::default(), Lang::En),
            &[],
            Lang::En,
        );
        assert_ne!(fr, en, "{id:?}");
        assert!(fr.len() > 60 && en.len() > 60, "{id:?}: {fr} / {en}");
        assert!(!fr.contains("NaN") && !en.contains("NaN"), "{fr} / {en}");
        let chart = id.build(&cohort, &selection, &Filters::default(), Lang::Fr);
        let all_hidden = vec![true; chart.series.len()];
        assert!(summary(&chart, &all_hidden, Lang::Fr).ends_with("Aucune donnée pour ces filtres."));
    }
}

#[test]
fn the_activity_summary_names_the_busiest_month() {
    let cohort = cohort();
    let all = Filters::default();
    let chart = ChartId::RepositoryActivity.build(&cohort, &cohort.select(&all), &all, Lang::Fr);
    // The busiest month, recounted from the fixture's weeks by the month of their Monday.
    let mut months: BTreeMap<String, u32> = BTreeMap::new();
    for repo in &cohort.export.activity {
        for week in &repo.weeks {
            *months.entry(week.monday[..7].to_string()).or_default() +=
                week.human.unwrap_or(week.commits);
        }
    }
    let (month, commits) = months
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .unwrap();
    let date = eig_pulse_core::base::date::parse_date(&format!("{month}-01")).unwrap();
    let text = summary(&chart, &[], Lang::Fr);
    let expected = format!(
        "Mois le plus actif : {}, {} commits humains dont",
        format::month_year(date, Lang::Fr),
        format::count(u64::from(*commits), Lang::Fr)
    );
    assert!(text.contains(&expected), "{text}\nexpected: {expected}");
}

#[test]
fn summaries_of_an_empty_selection_say_so() {
    let cohort = cohort();
    let (filters, _) = Filters::from_query("from=2030-01-01", &cohort.export);
    let selection = cohort.select(&filters);
    let chart = ChartId::JournalWeekly.build(&cohort, &selection, &filters, Lang::En);
    assert_eq!(
        summary(&chart, &[], Lang::En),
        "Weekly journal activity. No data for these filters."
    );
}

#[test]
fn the_ranking_summary_names_the_top_administration() {
    let cohort = cohort();
    let selection = cohort.select(&Filters::default());
    let chart =
        ChartId::DefisByAdministration.build(&cohort, &selection, &Filters::default(), Lang::Fr);
    // The top bar, read from the chart's own values (the drill-down is tested in real_export.rs).
    let (top, total) = (0..chart.categories.len())
        .map(|c| (c, Stack::new(&chart, &[]).totals[c]))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .unwrap();
    let text = summary(&chart, &[], Lang::Fr);
    let expected = format!(
        "En tête : {} ({})",
        chart.categories[top].label,
        format::number(total, Lang::Fr)
    );
    assert!(text.contains(&expected), "{text}\nexpected: {expected}");
}

#[test]
fn tables_hold_the_values_of_the_csv() {
    let cohort = cohort();
    let selection = cohort.select(&Filters::default());
    for id in ChartId::ALL {
        let chart = id.build(&cohort, &selection, &Filters::default(), Lang::En);
        let hidden: Vec<bool> = (0..chart.series.len()).map(|s| s == 1).collect();
        let table = grid(&chart, &hidden, Lang::En);
        assert_eq!(table.rows.len(), chart.categories.len(), "{id:?}");
        let visible: Vec<usize> = (0..chart.series.len()).filter(|s| !hidden[*s]).collect();
        // Every CSV row is one cell of the table, at its category and series.
        for row in rows(&chart, &hidden) {
            let c = chart
                .categories
                .iter()
                .position(|c| c.key == row.category_key)
                .unwrap();
            let s = visible
                .iter()
                .position(|&s| chart.series[s].key == row.series_key)
                .unwrap();
            let cell = &table.rows[c].cells[s];
            let value = format::number(row.value, Lang::En);
            let counted = chart.counts.as_ref().zip(row.count);
            let expected = match row.share {
                _ if counted.is_some() => {
                    let (counts, n) = counted.unwrap();
                    let value = match chart.unit {
                        eig_pulse_core::catalogue::Unit::Share => {
                            format::percent(row.value, Lang::En)
                        }
                        eig_pulse_core::catalogue::Unit::Count => value,
                    };
                    format!("{value} ({n} {})", counts.label)
                }
                Some(share) => format!("{} ({value})", format::percent(share, Lang::En)),
                None if row.spread.is_some() => {
                    let (low, high) = row.spread.unwrap();
                    format!(
                        "{value} ({}–{})",
                        format::number(low, Lang::En),
                        format::number(high, Lang::En)
                    )
                }
                None if chart.unit == eig_pulse_core::catalogue::Unit::Share => {
                    format::percent(row.value, Lang::En)
                }
                None => value,
            };
            assert_eq!(cell, &expected, "{id:?} {}", row.category_key);
        }
        // And every non-zero cell is a CSV row (every point a line reaches, zeros too; every
        // known cell where a zero is a value).
        if chart.layout == eig_pulse_core::catalogue::Layout::Lines {
            let reached = (0..table.rows.len())
                .flat_map(|c| visible.iter().map(move |&s| (c, s)))
                .filter(|&(c, s)| chart.reaches(c, s))
                .count();
            assert_eq!(reached, rows(&chart, &hidden).len(), "{id:?}");
            continue;
        }
        // Where a zero is a value (a measured 0 %), every known cell is a row, zeros too.
        let listed = table
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().take(visible.len()))
            .filter(|cell| {
                (chart.zero_is_value || !cell.starts_with('0'))
                    && !["not documented", "no data"].contains(&cell.as_str())
            })
            .count();
        assert_eq!(listed, rows(&chart, &hidden).len(), "{id:?}");
    }
}
