//! Each chart drawn on the real export (with the activity fixture) into SVG by the same code that paints the canvas,
//! compared with the committed snapshot. `UPDATE_SNAPSHOTS=1 cargo test` rewrites them.

use eig_pulse_core::catalogue;
use eig_pulse_core::chart::{draw, Palette};
use eig_pulse_core::{Cohort, Filters, Lang};
use plotters::prelude::*;

mod common;

fn render(chart: &eig_pulse_core::catalogue::Chart, lang: Lang) -> (String, usize) {
    let mut svg = String::new();
    let hits;
    {
        let area = SVGBackend::with_string(&mut svg, (800, 480)).into_drawing_area();
        hits = draw(&area, chart, &[], &Palette::light(1.0), lang).unwrap();
        area.present().unwrap();
    }
    (svg, hits.len())
}

#[test]
fn charts_match_their_snapshots() {
    let cohort = Cohort::new(common::real_export_with(common::activity_fixture()));
    let filters = Filters::default();
    let selection = cohort.select(&filters);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut stale = Vec::new();
    for chart in catalogue::build_all(&cohort, &selection, &filters, Lang::Fr) {
        let (svg, hits) = render(&chart, Lang::Fr);
        assert!(
            svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
            "{}",
            chart.id.slug()
        );
        assert!(
            svg.contains(&chart.value_label),
            "{}: the value axis title is drawn as text",
            chart.id.slug()
        );
        assert!(hits > 0, "{}: bars were drawn", chart.id.slug());
        // Long axes and time axes (whose first label carries the year) show every k-th label:
        // the first is always there.
        let checked = if chart.categories.len() > 12 || chart.period.is_some() {
            1
        } else {
            3
        };
        for category in chart.categories.iter().take(checked) {
            let shown: String = category.label.chars().take(10).collect();
            let escaped = shown
                .replace('&', "&amp;")
                .replace('\'', "&#39;")
                .replace('<', "&lt;");
            assert!(
                svg.contains(&escaped) || svg.contains(&shown),
                "{}: label « {shown} »",
                chart.id.slug()
            );
        }
        let path = dir.join(format!("{}.svg", chart.id.slug()));
        if update {
            std::fs::write(&path, &svg).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(svg.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "snapshots differ (UPDATE_SNAPSHOTS=1 cargo test to accept): {stale:?}"
    );
}

#[test]
fn an_empty_selection_says_so() {
    let cohort = Cohort::new(common::real_export_with(common::activity_fixture()));
    let (filters, _) =
        Filters::from_query("promo=dig&from=2018-01-01&to=2018-12-31", &cohort.export);
    let selection = cohort.select(&filters);
    let chart = catalogue::journal_weekly::journal_weekly(&cohort, &selection, Lang::Fr);
    let (svg, hits) = render(&chart, Lang::Fr);
    assert_eq!(hits, 0);
    assert!(svg.contains("Aucune donnée pour ces filtres"));
    let (svg, _) = render(&chart, Lang::En);
    assert!(svg.contains("No data for these filters"));
}
