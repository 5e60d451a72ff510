//! Hostile exports (issue 10): each case once panicked, looped or took seconds; each must now be
//! refused by the contract with the place named, and the charts must survive it unchecked too.

mod common;

use eig_pulse_core::catalogue::ChartId;
use eig_pulse_core::chart::{summary::summary, table};
use eig_pulse_core::contract::export::{Activity, ActivityWeek, Administration, JournalCategory};
use eig_pulse_core::contract::limits::MAX_ADMINISTRATION_DEPTH;
use eig_pulse_core::contract::validate::{check, parse_export, LoadError};
use eig_pulse_core::{catalogue, Cohort, Export, Filters, Lang};

/// Every chart, its summary, table and CSV for `filters`, in both languages: must not panic.
fn draw_everything(cohort: &Cohort, query: &str) {
    let (filters, _) = Filters::from_query(query, &cohort.export);
    let selection = cohort.select(&filters);
    for lang in [Lang::Fr, Lang::En] {
        for chart in catalogue::build_all(cohort, &selection, &filters, lang) {
            let shown = vec![false; chart.series.len()];
            summary(&chart, &shown, lang);
            table::grid(&chart, &shown, lang);
            table::to_csv(&chart, &shown);
        }
    }
}

fn problems(export: &Export) -> Vec<String> {
    check(export).iter().map(ToString::to_string).collect()
}

/// Checks that `found` holds a problem at `place` (a JSON path, or its start) saying `words`.
fn assert_found(found: &[String], place: &str, words: &str) {
    assert!(
        found
            .iter()
            .any(|p| p.starts_with(place) && p.contains(words)),
        "{place}: {words}: {found:?}"
    );
}

/// The real export, `?promo=dig`, « Design » clicked off in the legend of « Compétences par
/// promotion »: the only visible series left are zero. Was `unreachable` in the browser.
#[test]
fn legend_click_leaving_only_zero_series_is_summarised() {
    let cohort = Cohort::new(common::real_export());
    let (filters, _) = Filters::from_query("promo=dig", &cohort.export);
    let selection = cohort.select(&filters);
    let chart = ChartId::SkillsByPromotion.build(&cohort, &selection, &filters, Lang::Fr);
    let design = chart.series.iter().position(|s| s.key == "design").unwrap();
    let mut hidden = vec![false; chart.series.len()];
    hidden[design] = true;
    let text = summary(&chart, &hidden, Lang::Fr);
    assert!(
        text.ends_with("Aucune valeur pour les séries affichées."),
        "{text}"
    );
    // Every subset of hidden series, on every chart of this selection.
    for lang in [Lang::Fr, Lang::En] {
        for chart in catalogue::build_all(&cohort, &selection, &filters, lang) {
            let n = chart.series.len().min(10);
            for bits in 0u32..(1 << n) {
                let hidden: Vec<bool> = (0..chart.series.len())
                    .map(|s| s < n && bits & (1 << s) != 0)
                    .collect();
                summary(&chart, &hidden, lang);
            }
        }
    }
}

fn activity(weeks: &[&str]) -> Activity {
    Activity {
        defi_id: common::real_export().defis[0].id.clone(),
        url: "https://github.com/etalab/exemple".into(),
        matched_by: "source_code".into(),
        commits: weeks.len() as u32,
        authors: 1,
        first_commit: None,
        last_commit: None,
        weeks: weeks
            .iter()
            .map(|monday| ActivityWeek {
                week: "2018-W01".into(),
                monday: monday.to_string(),
                commits: 1,
                authors: 1,
                ..Default::default()
            })
            .collect(),
        ..Activity::default()
    }
}

/// A commit in year 9999 made the monthly loop spin forever (adding a month past 9999-12 gave
/// back the same date); a week starting 9999-12-27 overflowed `monday + 6 days`.
#[test]
fn commits_at_the_end_of_the_calendar() {
    let export = common::real_export_with(vec![activity(&["2018-01-01", "9999-12-27"])]);
    let found = problems(&export);
    assert_found(
        &found,
        "/activity/0/weeks/1/monday",
        "hors de la période plausible (1970-01-01 à 2099-12-31)",
    );
    // Unchecked, the charts still end.
    draw_everything(&Cohort::new(export), "");
    draw_everything(
        &Cohort::new(common::real_export_with(vec![activity(&["9999-12-27"])])),
        "from=9999-12-01",
    );
}

/// `generated_at` with a multi-byte character across byte 19 was sliced there (panic).
#[test]
fn generated_at_with_multibyte_characters() {
    let mut export = common::real_export();
    for text in [
        "2026-11-28T15:00:0é+01:00",
        "2026-11-28T15:00:00Zé",
        "2026-11-28Té",
    ] {
        export.generated_at = text.into();
        let found = problems(&export);
        assert!(
            found.iter().any(|p| p.starts_with("/generated_at")),
            "{text}: {found:?}"
        );
    }
}

/// Journal dates ten millennia apart gave half a million weekly bars.
#[test]
fn journal_dates_ten_millennia_apart() {
    let mut export = common::real_export();
    export.journal[0].date = "0018-02-15".into();
    export.journal[1].date = "9999-12-31".into();
    let found = problems(&export);
    assert_found(&found, "/journal/0/date", "« 0018-02-15 » est hors");
    let cohort = Cohort::new(export);
    let (filters, _) = Filters::from_query("", &cohort.export);
    let chart =
        catalogue::journal_weekly::journal_weekly(&cohort, &cohort.select(&filters), Lang::Fr);
    assert!(chart.categories.len() < 100, "{}", chart.categories.len());
    draw_everything(&cohort, "from=2018-03-01");
}

/// A 10 000-deep administration chain took 20 s to index and to check (quadratic climbs).
#[test]
fn ten_thousand_deep_administration_chain() {
    let mut export = common::real_export();
    let depth = 10_000;
    export.administrations = (0..depth)
        .map(|i| Administration {
            id: format!("a{i}"),
            name: format!("A {i}"),
            acronym: None,
            parent_id: (i > 0).then(|| format!("a{}", i - 1)),
            website: None,
            aliases: Vec::new(),
        })
        .collect();
    for defi in &mut export.defis {
        defi.administration_id = format!("a{}", depth - 1);
    }
    let started = std::time::Instant::now();
    let found = problems(&export);
    assert!(
        found
            .iter()
            .any(|p| p.contains(&format!("plus de {MAX_ADMINISTRATION_DEPTH} niveaux"))),
        "{:?}",
        &found[..3.min(found.len())]
    );
    let cohort = Cohort::new(export);
    let deepest = cohort
        .administration_index(&format!("a{}", depth - 1))
        .unwrap();
    assert!(cohort.ancestors(deepest).len() <= MAX_ADMINISTRATION_DEPTH + 1);
    draw_everything(&cohort, "admin=a0");
    eprintln!(
        "10 000-deep chain checked and indexed in {:?}",
        started.elapsed()
    );
}

/// More than 15 journal categories overflowed the 16-bit category mask.
#[test]
fn more_journal_categories_than_a_mask_holds() {
    let mut export = common::real_export();
    export.journal_categories = (0..40)
        .map(|i| JournalCategory {
            id: format!("X{i}"),
            label_fr: format!("X{i}"),
            label_en: format!("X{i}"),
        })
        .collect();
    let found = problems(&export);
    assert_found(&found, "/journal_categories", "");
    for entry in &mut export.journal {
        entry.categories = vec!["X20".into(), "X3".into()];
    }
    draw_everything(&Cohort::new(export), "");
}

/// Links the dashboard would render: only http(s), never `javascript:` or `data:`.
#[test]
fn urls_are_http_only() {
    let mut export = common::real_export();
    export.defis[0].website = Some("javascript:alert(document.domain)".into());
    export.defis[1].source_code = vec!["data:text/html,<script>alert(1)</script>".into()];
    export.administrations[0].website = Some("https://".into());
    export.sources[0].url = "file:///etc/passwd".into();
    let found = problems(&export);
    for path in [
        "/defis/0/website",
        "/defis/1/source_code/0",
        "/administrations/0/website",
        "/sources/0/url",
    ] {
        assert_found(&found, path, "");
    }
}

/// Identifiers are slugs, as the schema says.
#[test]
fn ids_are_slugs() {
    let mut export = common::real_export();
    export.defis[0].id = "<img src=x onerror=alert(1)>".into();
    let found = problems(&export);
    assert_found(&found, "/defis/0/id", "minuscules");
}

/// Lists far beyond the programme's size are refused before anything is indexed.
#[test]
fn counts_are_bounded() {
    let mut export = common::real_export();
    let skill = export.skills[0].clone();
    export.skills = vec![skill; 1000];
    let found = problems(&export);
    assert_eq!(found, vec!["/skills : 1000 éléments, au plus 64 attendus"]);
}

/// The contract holds for parsing too: a text with a bad date is refused with its place.
#[test]
fn parse_names_the_place() {
    let text = std::fs::read_to_string(common::REAL_EXPORT)
        .unwrap()
        .replacen("\"date\": \"2018-02-13\"", "\"date\": \"0018-02-13\"", 1);
    let Err(LoadError::Invalid(problems)) = parse_export(&text) else {
        panic!("a year 18 journal date was accepted");
    };
    assert!(problems[0].path.starts_with("/journal/"), "{problems:?}");
}

/// Spreadsheet formulas in a category's label come out neutralised in the CSV.
#[test]
fn csv_cells_never_start_a_formula() {
    let mut export = common::real_export();
    let formulas = [
        "=HYPERLINK(\"http://x\")",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\tx",
        "\r=1",
    ];
    for (category, formula) in export.journal_categories.iter_mut().zip(formulas) {
        category.label_fr = formula.into();
    }
    let cohort = Cohort::new(export);
    let (filters, _) = Filters::from_query("", &cohort.export);
    let selection = cohort.select(&filters);
    let mut seen = 0;
    for id in ChartId::ALL {
        let chart = id.build(&cohort, &selection, &filters, Lang::Fr);
        let csv = table::to_csv(&chart, &vec![false; chart.series.len()]);
        for cell in csv.split([',', '\n']) {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '@', '\t']),
                "{cell:?} in {csv}"
            );
            seen += usize::from(cell.starts_with("'="));
        }
    }
    assert!(seen > 0, "no formula reached a CSV: the test tests nothing");
    assert_eq!(eig_pulse_core::base::csv::field("=1+1"), "\"'=1+1\"");
    assert_eq!(eig_pulse_core::base::csv::field("-1"), "\"'-1\"");
    assert_eq!(eig_pulse_core::base::csv::field("a,b"), "\"a,b\"");
}

/// Names outside a closed set of the contract (`matched_by`, CI systems): the export still loads,
/// keeps them as written, and the contract names each place; known names are written as before.
#[test]
fn names_outside_a_closed_set_are_kept_and_named() {
    use eig_pulse_core::contract::export::{CiSystem, MatchedBy};
    let mut record = activity(&["2018-01-01"]);
    record.matched_by = "guessed".into();
    record.openness.ci = vec!["jenkins".into(), "travis".into(), "travis".into()];
    let json = serde_json::to_value(&record).unwrap();
    assert_eq!(json["matched_by"], "guessed");
    assert_eq!(
        json["openness"]["ci"],
        serde_json::json!(["jenkins", "travis", "travis"])
    );
    let read: Activity = serde_json::from_value(json).unwrap();
    assert_eq!(read, record);
    assert_eq!(read.openness.ci[1], CiSystem::Travis);

    let export = common::real_export_with(vec![record]);
    let found = problems(&export);
    for (place, words) in [
        (
            "/activity/0/matched_by",
            "« guessed » n'est ni source_code ni mapping",
        ),
        (
            "/activity/0/openness/ci/0",
            "« jenkins » inconnu (attendus : github-actions, gitlab-ci, circleci, travis)",
        ),
        ("/activity/0/openness/ci/2", "« travis » en double"),
    ] {
        assert_found(&found, place, words);
    }
    assert!(!found
        .iter()
        .any(|p| p.starts_with("/activity/0/openness/ci/1")));
    draw_everything(&Cohort::new(export), "");

    // A source of a kind this build does not know is named too.
    let mut export = common::real_export();
    export.sources[0].kind = Some("press".into());
    assert_found(
        &problems(&export),
        "/sources/0/kind",
        "type « press » inconnu",
    );

    // Known names are the contract's strings, both ways.
    for (value, text) in [
        (MatchedBy::SourceCode, "source_code"),
        (MatchedBy::Mapping, "mapping"),
    ] {
        assert_eq!(serde_json::to_value(&value).unwrap(), text);
        assert_eq!(
            serde_json::from_value::<MatchedBy>(text.into()).unwrap(),
            value
        );
    }
    assert_eq!(
        CiSystem::NAMES,
        ["github-actions", "gitlab-ci", "circleci", "travis"]
    );
}

/// Issue 22: every list a reader iterates and every number it sums is bounded by the contract.
#[test]
fn every_list_and_sum_is_bounded() {
    use eig_pulse_core::contract::export::{LanguageBytes, TechMention, TechStack};
    let mut export = common::real_export();
    export.stacks = vec![TechStack {
        defi_id: None,
        label: "x".into(),
        promotion_id: export.promotions[0].id.clone(),
        source: "x".into(),
        documented: true,
        mentions: vec![
            TechMention {
                technology_id: None,
                raw: "x".into(),
                section: String::new(),
                tentative: false,
            };
            1001
        ],
    }];
    let mut repository = activity(&["2018-02-12"]);
    repository.languages = vec![LanguageBytes {
        language: "Python".into(),
        bytes: u64::MAX - 1,
        technology_id: None,
    }];
    export.activity = vec![repository];
    let found = problems(&export);
    assert!(
        found.contains(&"/stacks/0/mentions : 1001 éléments, au plus 1000 attendus".to_string()),
        "{found:?}"
    );
    assert_found(
        &found,
        "/activity/0/languages/0/bytes : 18446744073709551614 octets",
        "",
    );
    // Unchecked, the same export sums without wrapping: one language is the whole.
    export.activity[0].languages.push(LanguageBytes {
        language: "Rust".into(),
        bytes: u64::MAX - 1,
        technology_id: None,
    });
    let cohort = Cohort::new(export);
    let defi = cohort.export.defis[0].id.clone();
    let card = eig_pulse_core::measures::technologies::defi_card(
        &cohort,
        cohort.defi_index(&defi).unwrap(),
        Lang::Fr,
    );
    let total: f64 = card.languages.iter().map(|l| l.share).sum();
    assert!(total <= 1.0 + 1e-9, "{:?}", card.languages);
    draw_everything(&cohort, "");
}

/// Issue 22: labels holding characters XML forbids (C0 controls, U+FFFE) or bidirectional
/// overrides broke the SVGs and the reading order: every reader now gets them without.
#[test]
fn labels_lose_what_no_reader_shows() {
    let text = std::fs::read_to_string(common::REAL_EXPORT).unwrap();
    let title = &common::real_export().defis[0].title;
    let hostile = text.replacen(
        &format!("\"title\": {}", serde_json::to_string(title).unwrap()),
        "\"title\": \"Ba\\u0001d\\u001b]52;c;aGk=\\u0007 \\ufffe\\u202etxt.exe\"",
        1,
    );
    assert_ne!(hostile, text);
    let export = parse_export(&hostile).unwrap();
    assert_eq!(export.defis[0].title, "Bad]52;c;aGk= txt.exe");
    let cohort = Cohort::new(export);
    let filters = Filters::default();
    let selection = cohort.select(&filters);
    for chart in catalogue::build_all(&cohort, &selection, &filters, Lang::Fr) {
        let svg = eig_pulse_core::chart::svg::plot(
            &chart,
            &eig_pulse_core::chart::Palette::light(1.0),
            Lang::Fr,
            520,
        );
        assert!(
            !svg.chars()
                .any(eig_pulse_core::contract::clean::is_unshowable),
            "{}",
            chart.id.slug()
        );
    }
}

/// Issue 22: 20 000 technologies made « Technologies par promotion » look a label up linearly
/// in every comparison of its sort (37 s to render). Labels are indexed now: this runs in
/// milliseconds (the time is printed, not asserted).
#[test]
fn twenty_thousand_technologies_are_ranked_through_an_index() {
    use eig_pulse_core::contract::export::{TechMention, TechStack, Technology};
    let mut export = common::real_export();
    let defi = export.defis[0].clone();
    export.technologies.extend((0..20_000).map(|i| Technology {
        id: format!("t{i}"),
        label: format!("Technologie {}", 20_000 - i),
        kind: "tool".into(),
    }));
    export.stacks = (0..20)
        .map(|s| TechStack {
            defi_id: Some(defi.id.clone()),
            label: defi.title.clone(),
            promotion_id: defi.promotion_id.clone(),
            source: "stack.md".into(),
            documented: true,
            mentions: (0..1000)
                .map(|m| TechMention {
                    technology_id: Some(format!("t{}", s * 1000 + m)),
                    raw: "x".into(),
                    section: String::new(),
                    tentative: false,
                })
                .collect(),
        })
        .collect();
    assert_eq!(check(&export), vec![]);
    let started = std::time::Instant::now();
    let cohort = Cohort::new(export);
    let filters = Filters::default();
    let chart = ChartId::TechnologiesByPromotion.build(
        &cohort,
        &cohort.select(&filters),
        &filters,
        Lang::Fr,
    );
    println!(
        "20 000 technologies: index and chart in {:?}",
        started.elapsed()
    );
    assert_eq!(chart.categories.len(), 15);
}
