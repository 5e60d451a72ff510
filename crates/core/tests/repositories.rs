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
    assert_eq!(chart.value_label, "commits par mois");
    // One series per défi (five ≤ eight), biggest first; every commit lands in one month.
    let mut totals: Vec<(String, f64)> = activity
        .iter()
        .map(|a| {
            (
                a.defi_id.clone(),
                a.weeks.iter().map(|w| f64::from(w.commits)).sum(),
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
    assert_eq!(chart.value_label, "commits per week");
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
        .map(|w| f64::from(w.commits))
        .sum();
    let drawn: f64 = chart.values.iter().flatten().sum();
    assert_eq!(drawn, expected);
}

#[test]
fn many_defis_are_grouped_by_administration() {
    // The fixture's weeks copied onto every défi that publishes code (33 défis).
    let base = fixture();
    let export = export_with(Vec::new());
    let activity: Vec<Activity> = export
        .defis
        .iter()
        .filter(|d| !d.source_code.is_empty())
        .enumerate()
        .map(|(i, d)| Activity {
            defi_id: d.id.clone(),
            url: d.source_code[0].clone(),
            ..base[i % base.len()].clone()
        })
        .collect();
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
        .map(|w| u64::from(w.commits))
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
    assert_eq!(card.checks.len(), 8);
    let row = |id: &str| card.rows.iter().find(|r| r.defi_id == id).unwrap();
    let marks = |id: &str| {
        row(id)
            .cells
            .iter()
            .map(|c| c.mark.symbol())
            .collect::<String>()
    };
    // code, licence, README, CONTRIBUTING, CHANGELOG, CI, tests, recent activity.
    assert_eq!(marks("monitorfish"), "✓✓✓✓✗✓✓✓");
    assert_eq!(marks("hopkins"), "✓✓✓✗✓✓✓✗");
    assert_eq!(marks("archifiltre"), "✓✗✓✗✗✗✗✗");
    assert_eq!(marks("adex"), "✓???????", "published, not scanned");
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
        "dernier commit le 14 janvier 2019"
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
        .map(|w| u64::from(w.commits))
        .sum()
}

#[test]
fn progress_after_the_ten_months_counts_from_the_fixture() {
    use eig_pulse_core::catalogue::cohorts_cumulative_commits::cohorts_cumulative_commits;
    use eig_pulse_core::catalogue::perennisation_by_promotion::perennisation_by_promotion;
    use eig_pulse_core::measures::progress::{active_after, defi_progress};
    let mut activity = fixture();
    // Archifiltre's copy is taken three months after EIG 2 ended (15 November 2018): it counts
    // at no milestone.
    let archifiltre = activity
        .iter()
        .position(|a| a.defi_id == "archifiltre")
        .unwrap();
    activity[archifiltre].copied_at = Some("2019-02-15".into());
    let cohort = Cohort::new(export_with(activity.clone()));
    let promo2 = filters(&cohort, "promo=2");
    let progress = defi_progress(&cohort, &cohort.select(&promo2));
    assert_eq!(progress.len(), 3);
    for p in &progress {
        let id = &cohort.export.defis[p.defi].id;
        let record = activity.iter().find(|a| &a.defi_id == id).unwrap();
        // EIG 2: 15 January to 15 November 2018, the twelve months after from 16 November.
        assert_eq!(
            p.commits_during,
            commits_between(record, "2018-01-15", "2018-11-16"),
            "{id}"
        );
        assert_eq!(
            p.commits_after,
            commits_between(record, "2018-11-16", "2019-11-16"),
            "{id}"
        );
        let counted = active_after(p, 6);
        if id == "archifiltre" {
            assert_eq!(
                counted, None,
                "a copy younger than the milestone does not count"
            );
        } else {
            // Active at 6 months: a commit between 16 November 2018 and 16 May 2019.
            let active = commits_between(record, "2018-11-16", "2019-05-16") > 0;
            assert_eq!(counted, Some(active), "{id}");
        }
    }
    let chart = perennisation_by_promotion(&cohort, &cohort.select(&promo2), Lang::Fr);
    let eig2 = chart.categories.iter().position(|c| c.key == "2").unwrap();
    // Hopkins (last commit 14 January 2019) and Signaux Faibles (25 March 2019) are both active
    // six months after; Archifiltre is left out of the denominator.
    assert_eq!(chart.values[eig2][0], 1.0);
    assert!(chart.categories[eig2]
        .note
        .as_deref()
        .unwrap()
        .starts_with("6 mois : 2 sur 2 défis"));

    // The cohorts: EIG 2's median at month 0 is 0, and its last value is the middle défi's
    // commits over the 24 months (Archifiltre's copy stops it after month 13).
    let cohorts = cohorts_cumulative_commits(&cohort, &cohort.select(&promo2), Lang::Fr);
    assert_eq!(cohorts.series.len(), 1);
    assert_eq!(cohorts.values[0][0], 0.0);
    let mut at_24: Vec<u64> = ["hopkins", "signaux-faibles"]
        .iter()
        .map(|id| {
            let record = activity.iter().find(|a| &a.defi_id == id).unwrap();
            commits_between(record, "2018-01-15", "2020-01-15")
        })
        .collect();
    at_24.sort_unstable();
    assert_eq!(cohorts.values[24][0], (at_24[0] + at_24[1]) as f64 / 2.0);
    assert!(cohorts.spread[24][0].0 <= cohorts.values[24][0]);
}
