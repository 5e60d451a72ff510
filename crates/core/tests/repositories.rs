//! Repository activity on the real export plus the activity of `tests/fixtures/activity.json`
//! (five real défis, hand-made weeks): charts, figures and scorecard against counts made here
//! from the fixture's JSON.

use std::collections::BTreeMap;

use eig_pulse_core::catalogue::repository_activity::repository_activity;
use eig_pulse_core::catalogue::ChartId;
use eig_pulse_core::contract::export::Activity;
use eig_pulse_core::contract::validate::{check, parse_export};
use eig_pulse_core::measures::activity::repository_figures;
use eig_pulse_core::measures::scorecard::{openness_scorecard, scorecard_csv, Mark};
use eig_pulse_core::{Cohort, Filters, Lang};

mod common;

use common::{activity_fixture as fixture, real_export_with as export_with};

fn filters(cohort: &Cohort, query: &str) -> Filters {
    let (filters, ignored) = Filters::from_query(query, &cohort.export);
    assert!(ignored.is_empty(), "{ignored:?}");
    filters
}

#[test]
fn the_fixture_is_a_sound_export() {
    let export = export_with(fixture());
    assert_eq!(check(&export), vec![]);
    let json = serde_json::to_string(&export).unwrap();
    assert_eq!(parse_export(&json).unwrap(), export);
}

#[test]
fn activity_is_monthly_over_years_and_keeps_every_commit() {
    let activity = fixture();
    let cohort = Cohort::new(export_with(activity.clone()));
    let all = Filters::default();
    let chart = repository_activity(&cohort, &cohort.select(&all), &all, Lang::Fr);
    assert_eq!(chart.value_label, "commits humains par mois");
    // One series per défi (five ≤ eight), biggest first; every commit lands in one month.
    let mut totals: Vec<(String, f64)> = activity
        .iter()
        .map(|a| {
            (
                a.defi_id.clone(),
                a.weeks.iter().map(|w| f64::from(w.human.unwrap())).sum(),
            )
        })
        .collect();
    totals.sort_by(|a, b| b.1.total_cmp(&a.1));
    let keys: Vec<&str> = chart.series.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(
        keys,
        totals.iter().map(|t| t.0.as_str()).collect::<Vec<_>>()
    );
    for (s, (_, total)) in totals.iter().enumerate() {
        let drawn: f64 = chart.values.iter().map(|row| row[s]).sum();
        assert_eq!(drawn, *total, "{}", chart.series[s].key);
    }
    // Months from January 2018 to October 2026, none missing.
    assert_eq!(chart.categories.first().unwrap().key, "2018-01-01");
    assert_eq!(chart.categories.last().unwrap().key, "2026-10-01");
    assert_eq!(chart.categories.len(), 8 * 12 + 10);
    // The ten months of EIG 2, EIG 3 and EIG 4, over the months they cover: from the month of
    // their start to that of their (included) end in data/promotions.yml — EIG 2 15 January to
    // 15 November 2018, EIG 3 15 January to 15 November 2019, EIG 4 1 September 2020 to
    // 17 June 2021 (its « Restitution finale »).
    let spans: Vec<(String, String, String)> = chart
        .highlights
        .iter()
        .map(|h| {
            (
                chart.categories[h.from].key.clone(),
                chart.categories[h.to].key.clone(),
                h.label.clone(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        vec![
            (
                "2018-01-01".into(),
                "2018-11-01".into(),
                "EIG 2 (10 mois)".into()
            ),
            (
                "2019-01-01".into(),
                "2019-11-01".into(),
                "EIG 3 (10 mois)".into()
            ),
            (
                "2020-09-01".into(),
                "2021-06-01".into(),
                "EIG 4 (10 mois)".into()
            ),
        ]
    );
}

#[test]
fn one_promotion_is_weekly_and_the_period_filter_cuts_weeks() {
    let activity = fixture();
    let cohort = Cohort::new(export_with(activity.clone()));
    let promo = filters(&cohort, "promo=2");
    let chart = repository_activity(&cohort, &cohort.select(&promo), &promo, Lang::En);
    assert_eq!(chart.value_label, "human commits per week");
    // EIG 2's repositories: hopkins, signaux-faibles, archifiltre, from 22 Jan 2018 to 25 Mar 2019.
    assert_eq!(chart.series.len(), 3);
    assert_eq!(chart.categories.first().unwrap().key, "2018-01-22");
    assert_eq!(chart.categories.last().unwrap().key, "2019-03-25");
    assert_eq!(chart.categories.len(), 62);
    // EIG 2's window, from the first week drawn to the week of its end, Thursday 15 November
    // 2018 (Monday 12 November).
    let h = &chart.highlights[0];
    assert_eq!(
        (
            chart.categories[h.from].key.as_str(),
            chart.categories[h.to].key.as_str()
        ),
        ("2018-01-22", "2018-11-12")
    );

    let march = filters(&cohort, "promo=2&from=2018-03-01&to=2018-03-31");
    let chart = repository_activity(&cohort, &cohort.select(&march), &march, Lang::Fr);
    let mondays: Vec<&str> = chart.categories.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(
        mondays,
        [
            "2018-02-26",
            "2018-03-05",
            "2018-03-12",
            "2018-03-19",
            "2018-03-26"
        ]
    );
    let expected: f64 = activity
        .iter()
        .filter(|a| ["hopkins", "signaux-faibles", "archifiltre"].contains(&a.defi_id.as_str()))
        .flat_map(|a| &a.weeks)
        .filter(|w| mondays.contains(&w.monday.as_str()))
        .map(|w| f64::from(w.human.unwrap()))
        .sum();
    let drawn: f64 = chart.values.iter().flatten().sum();
    assert_eq!(drawn, expected);
}

#[test]
fn many_defis_are_grouped_by_administration() {
    // The fixture's weeks copied onto every défi that publishes code (33 défis).
    let base = fixture();
    let export = export_with(Vec::new());
    let activity = common::recount::on_every_defi_with_code(&export, &base);
    let defis = activity.len();
    let cohort = Cohort::new(export_with(activity));
    let all = Filters::default();
    let chart = repository_activity(&cohort, &cohort.select(&all), &all, Lang::Fr);
    assert!(defis > 8, "{defis}");
    assert_eq!(
        chart.series.len(),
        8,
        "seven administrations and « autres »"
    );
    assert_eq!(chart.series[7].key, "autres");
    let top_levels: Vec<&str> = cohort
        .export
        .administrations
        .iter()
        .filter(|a| a.parent_id.is_none())
        .map(|a| a.id.as_str())
        .collect();
    for series in &chart.series[..7] {
        assert!(top_levels.contains(&series.key.as_str()), "{}", series.key);
    }
}

#[test]
fn figures_count_repositories_commits_during_the_defi_and_licences() {
    let activity = fixture();
    let cohort = Cohort::new(export_with(activity.clone()));
    let all = Filters::default();
    let figures = repository_figures(&cohort, &cohort.select(&all));
    assert_eq!(figures.repositories, 5);
    assert_eq!(figures.analysed_defis, 5);
    assert_eq!(figures.licensed_share, Some(0.8), "all but archifiltre");
    // Commits in weeks whose Monday falls in the défi's ten months, counted from the fixture;
    // the windows of data/promotions.yml, end day included (hence the day after, excluded).
    let windows: BTreeMap<&str, (&str, &str)> = [
        ("hopkins", ("2018-01-15", "2018-11-16")),
        ("signaux-faibles", ("2018-01-15", "2018-11-16")),
        ("archifiltre", ("2018-01-15", "2018-11-16")),
        ("leximpact", ("2019-01-15", "2019-11-16")),
        ("monitorfish", ("2020-09-01", "2021-06-18")),
    ]
    .into();
    let expected: u64 = activity
        .iter()
        .flat_map(|a| {
            let (start, end) = windows[a.defi_id.as_str()];
            a.weeks
                .iter()
                .filter(move |w| w.monday.as_str() >= start && w.monday.as_str() < end)
        })
        .map(|w| u64::from(w.human.unwrap()))
        .sum();
    assert_eq!(figures.commits_during_defi, expected);
    let promo3 = filters(&cohort, "promo=3");
    let figures = repository_figures(&cohort, &cohort.select(&promo3));
    assert_eq!(
        (figures.repositories, figures.licensed_share),
        (1, Some(1.0))
    );
    let none = Cohort::new(export_with(Vec::new()));
    let figures = repository_figures(&none, &none.select(&all));
    assert_eq!((figures.repositories, figures.licensed_share), (0, None));
}

#[test]
fn the_scorecard_reads_without_colour_and_explains_each_cell() {
    let cohort = Cohort::new(export_with(fixture()));
    let all = Filters::default();
    let card = openness_scorecard(&cohort, &cohort.select(&all), Lang::Fr);
    assert_eq!(card.rows.len(), 71);
    assert_eq!(card.checks.len(), 9);
    let row = |id: &str| card.rows.iter().find(|r| r.defi_id == id).unwrap();
    let marks = |id: &str| {
        row(id)
            .cells
            .iter()
            .map(|c| c.mark.symbol())
            .collect::<String>()
    };
    // Alive at the copy, read independently.
    let alive = |id: &str| {
        let record = fixture().into_iter().find(|a| a.defi_id == id).unwrap();
        let copy =
            eig_pulse_core::base::date::parse_date(record.copied_at.as_deref().unwrap()).unwrap();
        if alive_at(&record, copy, copy).unwrap() {
            "✓"
        } else {
            "✗"
        }
    };
    // code, licence, README, CONTRIBUTING, CHANGELOG, CI, tests, releases (every fixture record
    // has a tag), alive at the copy.
    assert_eq!(
        marks("monitorfish"),
        format!("✓✓✓✓✗✓✓✓{}", alive("monitorfish"))
    );
    assert_eq!(marks("hopkins"), format!("✓✓✓✗✓✓✓✓{}", alive("hopkins")));
    assert_eq!(
        marks("archifiltre"),
        format!("✓✗✓✗✗✗✗✓{}", alive("archifiltre"))
    );
    assert_eq!(marks("adex"), "✓????????", "published, not scanned");
    let without_code = card
        .rows
        .iter()
        .find(|r| r.cells[0].mark == Mark::No)
        .unwrap();
    assert!(without_code.cells[1..]
        .iter()
        .all(|c| c.mark == Mark::NotApplicable));
    assert_eq!(
        row("monitorfish").cells[1].detail,
        "licence AGPL-3.0 (LICENSE)"
    );
    assert_eq!(
        row("hopkins").cells[7].detail,
        "2 étiquettes, dont 1 après la fin du défi"
    );
    assert!(
        row("hopkins").cells[8]
            .detail
            .ends_with("avant la copie du 23 juillet 2021 (il en faut 2)"),
        "{}",
        row("hopkins").cells[8].detail
    );
    assert_eq!(row("leximpact").cells[5].detail, "circleci, github-actions");
    // Best scores first.
    assert!(card.rows.windows(2).all(|w| w[0].score >= w[1].score));
    assert_eq!(card.rows[0].defi_id, "leximpact");
    let csv = scorecard_csv(&card);
    assert_eq!(csv.lines().count(), 72);
    assert!(csv.starts_with("defi_id,defi,score,code,code_detail,license,license_detail,"));
}

#[test]
fn without_activity_the_chart_is_empty_and_says_so() {
    let cohort = Cohort::new(export_with(Vec::new()));
    let all = Filters::default();
    let chart = ChartId::RepositoryActivity.build(&cohort, &cohort.select(&all), &all, Lang::Fr);
    assert!(chart.is_empty());
    assert_eq!(
        eig_pulse_core::chart::summary::summary(&chart, &[], Lang::Fr),
        "Activité des dépôts de code. Aucune donnée pour ces filtres."
    );
}

/// Commits of a fixture record with a Monday in `[from, to)` (ISO dates compare as text).
fn commits_between(record: &Activity, from: &str, to: &str) -> u64 {
    record
        .weeks
        .iter()
        .filter(|w| w.monday.as_str() >= from && w.monday.as_str() < to)
        .map(|w| u64::from(w.human.unwrap()))
        .sum()
}

/// The same day `k` months later (or earlier), clamped to the month's end.
fn shift(date: time::Date, k: i32) -> time::Date {
    let index = date.year() * 12 + i32::from(u8::from(date.month())) - 1 + k;
    let month = time::Month::try_from(u8::try_from(index.rem_euclid(12) + 1).unwrap()).unwrap();
    let year = index.div_euclid(12);
    time::Date::from_calendar_date(year, month, date.day().min(month.length(year))).unwrap()
}

/// An independent reading of the definitions (README « Définitions ») over one fixture record:
/// alive at `at` when at least 2 of the 6 month-long spans before it hold a commit (a week counts
/// in the month of its Thursday); `None` when the record is not observed at `at`.
fn alive_at(record: &Activity, at: time::Date, observed_until: time::Date) -> Option<bool> {
    if observed_until < at {
        return None;
    }
    let thursdays: Vec<time::Date> = record
        .weeks
        .iter()
        .map(|w| {
            eig_pulse_core::base::date::parse_date(&w.monday).unwrap() + time::Duration::days(3)
        })
        .collect();
    let active = (1..=6)
        .filter(|&j| {
            let (from, to) = (shift(at, -j), shift(at, -j + 1));
            thursdays.iter().any(|t| *t >= from && *t < to)
        })
        .count();
    Some(active >= 2)
}

#[test]
fn lived_on_follows_the_definitions_on_the_fixture() {
    use eig_pulse_core::catalogue::cohorts_cumulative_commits::cohorts_cumulative_commits;
    use eig_pulse_core::catalogue::perennisation_by_promotion::perennisation_by_promotion;
    use eig_pulse_core::measures::code_life::{defi_codes, Status};
    let mut activity = fixture();
    // Archifiltre's copy is taken three months after EIG 2 ended (15 November 2018): it is
    // observed at no milestone, never counted inactive.
    let archifiltre = activity
        .iter()
        .position(|a| a.defi_id == "archifiltre")
        .unwrap();
    activity[archifiltre].copied_at = Some("2019-02-15".into());
    let cohort = Cohort::new(export_with(activity.clone()));
    let promo2 = filters(&cohort, "promo=2");
    let codes = defi_codes(&cohort, &cohort.select(&promo2));
    assert_eq!(codes.len(), 3);
    let end = time::macros::date!(2018 - 11 - 16);
    let (mut alive_at_6, mut observed_at_6) = (0, 0);
    for code in &codes {
        let id = &cohort.export.defis[code.defi].id;
        let record = activity.iter().find(|a| &a.defi_id == id).unwrap();
        // EIG 2: 15 January to 15 November 2018; without a split, every commit is human.
        assert_eq!(
            code.human_during(),
            Some(commits_between(record, "2018-01-12", "2018-11-13")),
            "{id}: weeks whose Thursday falls in the window"
        );
        let until = code.observed_until.unwrap();
        let expected = alive_at(record, shift(end, 6), until);
        let status = code.status_after(6);
        assert_eq!(
            status,
            match expected {
                None => Status::NotObserved,
                Some(true) => Status::Alive,
                Some(false) => Status::Inactive,
            },
            "{id}"
        );
        alive_at_6 += usize::from(status == Status::Alive);
        observed_at_6 += usize::from(expected.is_some());
        if id == "archifiltre" {
            assert_eq!(status, Status::NotObserved);
        }
    }
    let chart = perennisation_by_promotion(&cohort, &cohort.select(&promo2), Lang::Fr);
    let eig2 = chart.categories.iter().position(|c| c.key == "2").unwrap();
    let note = chart.categories[eig2].note.as_deref().unwrap();
    assert!(
        note.starts_with(&format!(
            "6 mois : {alive_at_6} sur {observed_at_6} défis observés (sur 3 au code analysé)"
        )),
        "{note}"
    );
    if observed_at_6 == 0 {
        // Nobody observed at any milestone: « aucune donnée », not 0 %.
        assert!(chart.categories[eig2].absence.is_some());
    } else {
        assert_eq!(
            chart.values[eig2][0],
            alive_at_6 as f64 / observed_at_6 as f64
        );
    }

    // The cohorts: each curve keeps the défis followed 24 months after the start
    // (15 January 2020); the others are left out and said.
    let cohorts = cohorts_cumulative_commits(&cohort, &cohort.select(&promo2), Lang::Fr);
    let followed: Vec<&Activity> = activity
        .iter()
        .filter(|a| ["hopkins", "signaux-faibles", "archifiltre"].contains(&a.defi_id.as_str()))
        .filter(|a| {
            a.copied_at
                .as_deref()
                .or(a.last_commit.as_deref())
                .is_some_and(|d| d >= "2020-01-15")
        })
        .collect();
    if followed.is_empty() {
        assert!(cohorts.series.is_empty(), "{:?}", cohorts.series);
    } else {
        assert_eq!(cohorts.series.len(), 1);
        assert!(cohorts.series[0]
            .label
            .contains(&format!("{} défis", followed.len())));
    }
}
