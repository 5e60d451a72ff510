//! The `tech` filter, the « Ouverture » indicators and the défi card on the committed export
//! (with the activity fixture's measured languages and frameworks).

mod common;

use std::collections::BTreeSet;

use eig_pulse_core::catalogue::{Chart, ChartId};
use eig_pulse_core::chart::table::grid;
use eig_pulse_core::{measures::technologies, Cohort, Filters, Lang};

fn cohort() -> Cohort {
    Cohort::new(common::real_export_with(common::activity_fixture()))
}

/// `id`'s chart of the whole cohort, in French.
fn unfiltered(id: ChartId) -> Chart {
    let cohort = cohort();
    let filters = Filters::default();
    id.build(&cohort, &cohort.select(&filters), &filters, Lang::Fr)
}

#[test]
fn tech_filter_keeps_defis_that_declare_or_measure_it_and_lives_in_the_url() {
    let cohort = cohort();
    let (filters, ignored) = Filters::from_query("?tech=python&promo=nope", &cohort.export);
    assert_eq!(filters.tech.as_deref(), Some("python"));
    assert_eq!(ignored.len(), 1, "the unknown promotion only");
    assert!(filters.to_pairs().contains(&("tech", "python".to_string())));
    let (_, ignored) = Filters::from_query("?tech=cobol", &cohort.export);
    assert_eq!(ignored[0].reason.get(Lang::Fr), "technologie inconnue");
    // Counted from the export's records, not through `uses`.
    let export = &cohort.export;
    let mut expected = common::recount::declaring(export, "python");
    let declared = expected.len();
    expected.extend(
        export
            .activity
            .iter()
            .filter(|a| a.languages.iter().any(|l| l.language == "Python"))
            .map(|a| a.defi_id.as_str()),
    );
    assert_eq!(declared, 17, "5 in EIG 2, 12 in EIG 3");
    assert_eq!(expected.len(), 18, "monitorfish's code adds one");
    let selection = cohort.select(&filters);
    let kept: BTreeSet<&str> = selection
        .defis
        .iter()
        .map(|&d| export.defis[d].id.as_str())
        .collect();
    assert_eq!(kept, expected);
    let monitorfish = cohort.uses(cohort.defi_index("monitorfish").unwrap(), "python");
    assert!(monitorfish.measured && !monitorfish.declared);
    assert_eq!(monitorfish.words(Lang::Fr), "mesurée dans le code");
    assert_eq!(
        filters.describe(&cohort, Lang::Fr).unwrap(),
        "Python (déclarée ou mesurée)"
    );
}

#[test]
fn openness_indicators_count_defis_and_say_not_documented() {
    let chart = unfiltered(ChartId::OpennessIndicators);
    let eig2 = chart.categories.iter().position(|c| c.key == "2").unwrap();
    // Code online (repository or library), library, dataset, upstream contribution; items the
    // record doubts (to_check) left out: DataESR's « (Gem ruby ?) » library, and three of the four
    // upstream contributions (« [liens ?] », « [où ?] », « [exemple ?] »). Recount: for each
    // indicator, the défis of promotion 2 with an item of its kinds, to_check false.
    assert_eq!(chart.values[eig2], [8.0, 1.0, 2.0, 1.0]);
    assert_eq!(
        chart.categories[eig2].note.as_deref(),
        Some("à vérifier, non comptés : 1 défi (bibliothèque publiée), 3 défis (contribution à un projet existant)")
    );
    let table = grid(&chart, &[], Lang::Fr);
    let eig3 = chart.categories.iter().position(|c| c.key == "3").unwrap();
    assert!(table.rows[eig3].cells.iter().all(|c| c == "non documenté"));
    let summary = eig_pulse_core::chart::summary::summary(&chart, &[], Lang::Fr);
    assert!(
        summary.contains("Non documenté (aucun relevé) : EIG 1, EIG 3"),
        "{summary}"
    );
}

#[test]
fn technologies_chart_tells_declared_and_measured_apart_in_words() {
    let chart = unfiltered(ChartId::TechnologiesByPromotion);
    let labels: Vec<&str> = chart.series.iter().map(|s| s.label.as_str()).collect();
    assert!(labels.contains(&"EIG 3 · déclarée"), "{labels:?}");
    assert!(labels.contains(&"EIG 2 · mesurée"), "{labels:?}");
    assert_eq!(chart.categories[0].label, "Python (Langage)");
    let python_eig3 = chart
        .series
        .iter()
        .position(|s| s.key == "3-declared")
        .unwrap();
    assert_eq!(chart.values[0][python_eig3], 12.0);
}

#[test]
fn the_defi_card_lists_stack_code_and_http_links() {
    let cohort = cohort();
    let card = technologies::defi_card(
        &cohort,
        cohort.defi_index("predisauvetage").unwrap(),
        Lang::Fr,
    );
    assert_eq!(card.documented, Some(true));
    assert!(card
        .declared
        .iter()
        .any(|t| t.name == "Apache Airflow" && !t.tentative));
    assert!(card
        .openness
        .iter()
        .filter_map(|line| line.url.as_deref())
        .all(|u| u.starts_with("https://") || u.starts_with("http://")));
    assert!(card
        .openness
        .iter()
        .any(|line| line.kind == "Jeu de données ouvert"));
    let hopkins = technologies::defi_card(&cohort, cohort.defi_index("hopkins").unwrap(), Lang::Fr);
    assert_eq!(hopkins.languages[0].language, "Python");
    assert!(hopkins.frameworks.contains(&"Flask".to_string()));
    let todo =
        technologies::defi_card(&cohort, cohort.defi_index("archifiltre").unwrap(), Lang::Fr);
    assert_eq!(todo.documented, Some(false));
    let none = technologies::defi_card(&cohort, cohort.defi_index("adex").unwrap(), Lang::Fr);
    assert_eq!(none.documented, None);
}
