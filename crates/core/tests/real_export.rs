//! Statistics on the real export (`public/data/export.json`), against figures counted
//! independently from the file (see the comments for how).

use std::collections::{BTreeMap, BTreeSet};

use eig_pulse_core::catalogue;
use eig_pulse_core::catalogue::{Chart, ChartId, Target, OTHER_COLOR};
use eig_pulse_core::chart::stack::Stack;
use eig_pulse_core::contract::validate::parse_export;
use eig_pulse_core::measures::key_figures::KeyFigures;
use eig_pulse_core::{Cohort, Filters, Lang};

fn cohort() -> Cohort {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/data/export.json"
    ))
    .unwrap();
    Cohort::new(parse_export(&text).expect("the committed export is valid"))
}

fn filters(cohort: &Cohort, query: &str) -> Filters {
    let (filters, ignored) = Filters::from_query(query, &cohort.export);
    assert!(ignored.is_empty(), "{ignored:?}");
    filters
}

/// (query, défis, administrations, EIG, mentors, journal entries, défis with code), counted
/// from the export by `python3 scripts/recount-export.py`, which prints this table: défis kept by
/// ancestor chain, promotion, skill and year; journal rows by date and défi (rows of no défi only
/// without a défi filter). The journal rows are also recounted from the raw CSV by
/// `python3 scripts/recount-journal.py`.
const KEY_FIGURES: [(&str, usize, usize, usize, usize, usize, usize); 6] = [
    ("", 71, 53, 131, 138, 1527, 30),
    ("admin=ministere-de-l-interieur", 12, 7, 22, 22, 228, 7),
    ("promo=2", 13, 13, 28, 19, 1434, 9),
    ("promo=2&skill=design", 3, 3, 6, 5, 356, 3),
    ("from=2018-03-01&to=2018-03-31", 13, 13, 28, 19, 562, 9),
    (
        "admin=ministere-de-l-interieur&promo=dig",
        4,
        4,
        6,
        10,
        0,
        0,
    ),
];

#[test]
fn key_figures_follow_the_filters() {
    let cohort = cohort();
    for (query, defis, administrations, eigs, mentors, journal_entries, with_code) in KEY_FIGURES {
        let selection = cohort.select(&filters(&cohort, query));
        let figures = eig_pulse_core::measures::key_figures::key_figures(&cohort, &selection);
        let expected = KeyFigures {
            defis,
            administrations,
            eigs,
            mentors,
            journal_entries,
            with_code: (defis > 0).then(|| with_code as f64 / defis as f64),
        };
        assert_eq!(figures, expected, "{query}");
    }
}

fn values(chart: &Chart, series: usize) -> Vec<(String, f64)> {
    chart
        .categories
        .iter()
        .zip(&chart.values)
        .map(|(c, v)| (c.key.clone(), v[series]))
        .collect()
}

/// The défis per administration of the selection of `filters`, in French, `bars` bars at most.
fn defis_by_administration(cohort: &Cohort, filters: &Filters, bars: usize) -> Chart {
    catalogue::defis_by_administration::defis_by_administration(
        cohort,
        &cohort.select(filters),
        filters,
        bars,
        Lang::Fr,
    )
}

#[test]
fn defis_by_administration_groups_by_ministry_then_drills_down() {
    let cohort = cohort();
    let chart = defis_by_administration(&cohort, &Filters::default(), 5);
    let top: Vec<(String, f64)> = values(&chart, 0);
    assert_eq!(
        top,
        vec![
            ("ministere-de-l-interieur".into(), 12.0),
            (
                "ministere-de-la-transition-ecologique-et-solidaire".into(),
                8.0
            ),
            ("services-du-premier-ministre".into(), 7.0),
            ("ministere-de-l-action-et-des-comptes-publics".into(), 4.0),
            ("ministere-de-l-education-nationale".into(), 4.0),
            ("autres".into(), 36.0),
        ]
    );
    assert_eq!(
        chart.categories[0].target,
        Target::Administration("ministere-de-l-interieur".into())
    );
    assert!(chart.categories[5].label.starts_with("Autres ("));
    let total: f64 = chart.values.iter().map(|v| v[0]).sum();
    assert_eq!(total, 71.0, "every défi counted once");

    let interior = filters(&cohort, "admin=ministere-de-l-interieur");
    let chart = defis_by_administration(&cohort, &interior, 12);
    let rows = values(&chart, 0);
    assert_eq!(
        rows[0],
        ("direction-generale-de-la-gendarmerie-nationale".into(), 3.0)
    );
    assert!(
        rows.contains(&("ministere-de-l-interieur".into(), 3.0)),
        "défis of the ministry itself: {rows:?}"
    );
    assert_eq!(rows.iter().map(|r| r.1).sum::<f64>(), 12.0);
}

#[test]
fn journal_weekly_bins_by_monday_and_keeps_every_entry() {
    let cohort = cohort();
    let all = Filters::default();
    let chart = catalogue::journal_weekly::journal_weekly(&cohort, &cohort.select(&all), Lang::Fr);
    // Mondays from 12 February to 30 July 2018: 25 weeks, that of 28 May without an entry
    // (`python3 scripts/recount-journal.py`, « weeks by Monday »).
    assert_eq!(chart.categories.len(), 25);
    assert_eq!(chart.categories[0].key, "2018-02-12");
    assert_eq!(chart.categories[24].key, "2018-07-30");
    let week = |key: &str| chart.categories.iter().position(|c| c.key == key).unwrap();
    assert_eq!(Stack::new(&chart, &[]).totals[week("2018-05-28")], 0.0);
    // Two busiest weeks, 12 March and 16 April 2018, 136 entries each; 48 and 62 of them in
    // production (the same script: entries grouped by the Monday of their date).
    let most = (0..25)
        .map(|w| chart.categories[w].count.unwrap())
        .fold(0.0, f64::max);
    let busiest: Vec<&str> = (0..25)
        .filter(|&w| chart.categories[w].count == Some(most))
        .map(|w| chart.categories[w].key.as_str())
        .collect();
    assert_eq!(busiest, ["2018-03-12", "2018-04-16"]);
    let production = chart.series.iter().position(|s| s.key == "P").unwrap();
    assert_eq!(chart.values[week("2018-03-12")][production], 48.0);
    assert_eq!(chart.values[week("2018-04-16")][production], 62.0);
    assert_eq!(
        chart.categories[week("2018-03-12")].note.as_deref(),
        Some("semaine du 12 mars 2018 : 136 entrées")
    );
    assert_eq!(
        chart.categories[week("2018-04-16")].note.as_deref(),
        Some("semaine du 16 avril 2018 : 136 entrées")
    );
    // Category mentions: each entry once per known letter, or once in « autre ».
    let mentions: f64 = (0..25).map(|w| Stack::new(&chart, &[]).totals[w]).sum();
    let expected: usize = cohort
        .export
        .journal
        .iter()
        .map(|e| e.categories.len().max(1))
        .sum();
    assert_eq!(mentions, expected as f64);
}

#[test]
fn skills_and_openness_by_promotion() {
    let cohort = cohort();
    let all = Filters::default();
    let selection = cohort.select(&all);
    let skills = catalogue::skills_by_promotion::skills_by_promotion(&cohort, &selection, Lang::En);
    let dev = skills.series.iter().position(|s| s.key == "dev").unwrap();
    assert_eq!(skills.series[dev].label, "Development");
    let total_dev: f64 = skills.values.iter().map(|v| v[dev]).sum();
    assert_eq!(total_dev, 45.0);
    let openness =
        catalogue::openness_by_promotion::openness_by_promotion(&cohort, &selection, Lang::Fr);
    let keys: Vec<&str> = openness.categories.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, vec!["1", "2", "3", "dig", "4"]);
    // Promotion 2: 9 of 13 with code, 5 with a website, all 13 with key figures.
    assert_eq!(openness.values[1], vec![9.0 / 13.0, 5.0 / 13.0, 1.0]);
    assert_eq!(openness.values[3], vec![0.0, 0.0, 7.0 / 17.0]);
}

#[test]
fn journal_mix_puts_the_most_productive_defi_first() {
    let cohort = cohort();
    let selection = cohort.select(&Filters::default());
    let chart = catalogue::journal_mix_by_defi::journal_mix_by_defi(&cohort, &selection, Lang::Fr);
    assert_eq!(
        chart.categories.len(),
        13,
        "13 défis of the 2018 journal (EIG Node is no défi)"
    );
    assert_eq!(chart.categories[0].key, "hopkins");
    assert_eq!(chart.categories[0].target, Target::Defi("hopkins".into()));
    let production = chart.series.iter().position(|s| s.key == "P").unwrap();
    // Hopkins: 81 of its 130 category mentions in production, then Archifiltre 34 of 66
    // (`python3 scripts/recount-journal.py`, « mix »).
    assert_eq!(chart.values[0][production], 81.0);
    assert_eq!(Stack::new(&chart, &[]).totals[0], 130.0);
    assert_eq!(chart.categories[1].key, "archifiltre");
    assert_eq!(chart.values[1][production], 34.0);
    assert_eq!(Stack::new(&chart, &[]).totals[1], 66.0);
}

#[test]
fn url_filters_round_trip_and_ignore_what_they_do_not_know() {
    let cohort = cohort();
    let (parsed, ignored) = Filters::from_query(
        "?admin=ministere-de-l-interieur&promo=9&skill=dev&from=2018-02-30&to=2018-04-01&utm=x&lang=en",
        &cohort.export,
    );
    assert_eq!(parsed.admin.as_deref(), Some("ministere-de-l-interieur"));
    assert_eq!(parsed.skill.as_deref(), Some("dev"));
    assert_eq!(parsed.promo, None);
    assert_eq!(parsed.from, None);
    assert_eq!(
        parsed.to.map(|d| d.to_string()).as_deref(),
        Some("2018-04-01")
    );
    let names: Vec<&str> = ignored.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, vec!["promo", "from", "utm"]);
    let query = eig_pulse_core::model::filter::query_string(&parsed.to_pairs());
    assert_eq!(
        query,
        "?admin=ministere-de-l-interieur&skill=dev&to=2018-04-01"
    );
    assert_eq!(Filters::from_query(&query, &cohort.export).0, parsed);
}

#[test]
fn the_tree_lists_parents_before_children() {
    let cohort = cohort();
    let tree = cohort.administration_tree();
    assert_eq!(tree.len(), cohort.export.administrations.len());
    let position = |id: &str| {
        tree.iter()
            .position(|node| cohort.export.administrations[node.admin].id == id)
            .unwrap()
    };
    assert!(
        position("ministere-de-l-interieur")
            < position("direction-generale-de-la-gendarmerie-nationale")
    );
    let depth = tree[position("etalab")].depth;
    assert_eq!(depth, 2, "Services du Premier ministre > DINUM > Etalab");
}

/// The indexes `Cohort` keeps for the components: each défi's journal (by date, file order
/// within a day) and its promotion, against a plain scan of the export.
#[test]
fn each_defi_has_its_journal_by_date_and_its_promotion() {
    let cohort = cohort();
    let mut indexed = 0;
    for (d, defi) in cohort.export.defis.iter().enumerate() {
        let entries = cohort.defi_journal(d);
        let scanned: Vec<usize> = (0..cohort.export.journal.len())
            .filter(|&e| cohort.export.journal[e].defi_id.as_deref() == Some(defi.id.as_str()))
            .collect();
        let mut sorted = scanned.clone();
        sorted.sort_by_key(|&e| cohort.journal_date(e));
        assert_eq!(entries, sorted.as_slice(), "{}", defi.id);
        indexed += entries.len();
        assert_eq!(
            cohort.defi_promotion(d).map(|p| p.id.as_str()),
            Some(defi.promotion_id.as_str())
        );
    }
    let with_defi = cohort
        .export
        .journal
        .iter()
        .filter(|e| e.defi_id.is_some())
        .count();
    assert_eq!(indexed, with_defi);
    assert!(
        indexed > 1000,
        "the real journal's rows are found ({indexed})"
    );
    assert!(cohort.promotion("nowhere").is_none());
}

/// Défis per administration, directorates included: the ministry of the Interior hosts the 12
/// défis its filter keeps (`KEY_FIGURES`), and the roots' counts add up to every défi.
#[test]
fn defis_per_administration_include_directorates() {
    let cohort = cohort();
    let counts = cohort.defis_per_administration();
    let interior = cohort
        .administration_index("ministere-de-l-interieur")
        .unwrap();
    assert_eq!(counts[interior], 12);
    let roots: usize = (0..counts.len())
        .filter(|&a| cohort.parent(a).is_none())
        .map(|a| counts[a])
        .sum();
    let placed = (0..cohort.export.defis.len())
        .filter(|&d| cohort.defi_administration(d).is_some())
        .count();
    assert_eq!(roots, placed);
}

/// The README's « Définitions » say each definition in core's own words (issue 21): the page, the
/// CSV, `eig-pulse figures` and the README cannot drift apart.
#[test]
fn the_readme_states_the_definitions_in_cores_words() {
    use eig_pulse_core::measures::definitions::DEFINITIONS;
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    let section = readme
        .split("## Définitions")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a « Définitions » section");
    for definition in &DEFINITIONS {
        let line = format!(
            "- **{}** — {}",
            definition.term.get(Lang::Fr),
            definition.meaning.get(Lang::Fr)
        );
        assert!(section.contains(&line), "README lacks: {line}");
    }
}

/// One repository, one count (issue 21): eig-link serves two défis of the committed export, yet
/// every total counts its commits once.
#[test]
fn no_commit_is_counted_twice_in_any_total() {
    use eig_pulse_core::measures::activity::repository_figures;
    use std::collections::BTreeMap;
    let cohort = cohort();
    let all = Filters::default();
    let selection = cohort.select(&all);
    // Distinct repositories by URL, read here from the export alone.
    let mut distinct: BTreeMap<String, u64> = BTreeMap::new();
    for record in &cohort.export.activity {
        if record.holds_code == Some(false) {
            continue;
        }
        let key = record.url.to_lowercase();
        let human: u64 = record
            .weeks
            .iter()
            .map(|w| u64::from(w.human.unwrap_or(w.commits)))
            .sum();
        distinct.insert(key, human);
    }
    let urls: std::collections::BTreeSet<String> = cohort
        .export
        .activity
        .iter()
        .map(|r| r.url.to_lowercase())
        .collect();
    assert!(
        cohort.export.activity.len() > urls.len(),
        "the committed export has a repository serving two défis"
    );
    let chart = eig_pulse_core::catalogue::ChartId::RepositoryActivity.build(
        &cohort,
        &selection,
        &all,
        Lang::Fr,
    );
    let drawn: f64 = chart.values.iter().flatten().sum();
    assert_eq!(
        drawn as u64,
        distinct.values().sum::<u64>(),
        "the weekly chart"
    );
    let figures = repository_figures(&cohort, &selection);
    assert_eq!(figures.repositories, urls.len(), "« dépôts analysés »");
}

/// The lived-on figures of the committed export, recounted by `scripts/recount-lived-on.py` (an
/// independent reading of the export in Python, following the README's definitions): alive among
/// the observed at each horizon, the survival estimate and the défis still followed, the handover.
#[test]
fn lived_on_figures_match_an_independent_recount() {
    use eig_pulse_core::measures::definitions::HORIZONS;
    use eig_pulse_core::measures::lived_on::{
        handovers, horizon_counts, lived_on, survival_by_promotion,
    };
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let output = std::process::Command::new("python3")
        .current_dir(root)
        .args([
            "scripts/recount-lived-on.py",
            "public/data/export.json",
            "--json",
        ])
        .output()
        .expect("python3 runs the recount");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let recount: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let cohort = cohort();
    let selection = cohort.select(&Filters::default());
    let counts = horizon_counts(&cohort, &selection);
    let survival = survival_by_promotion(&cohort, &selection);
    let handed = handovers(&cohort, &selection);
    for (p, promotion) in cohort.export.promotions.iter().enumerate() {
        let theirs = &recount[&promotion.id];
        for (h, months) in HORIZONS.iter().enumerate() {
            let c = counts[p][h];
            assert_eq!(
                theirs["alive"][months.to_string()],
                serde_json::json!([c.alive, c.observed, c.with_code]),
                "{} at {months} months",
                promotion.id
            );
            let ours = survival
                .iter()
                .find(|s| s.promotion == p)
                .and_then(|s| s.points.iter().find(|point| point.month == *months));
            match (ours, theirs["survival"][months.to_string()].as_array()) {
                (Some(point), Some(pair)) => {
                    assert!((point.survival - pair[0].as_f64().unwrap()).abs() < 1e-9);
                    assert_eq!(point.at_risk as u64, pair[1].as_u64().unwrap());
                }
                (None, None) => {}
                other => panic!("{} survival at {months}: {other:?}", promotion.id),
            }
        }
        let mine = handed
            .iter()
            .filter(|h| cohort.export.defis[h.defi].promotion_id == promotion.id)
            .fold([0u64; 3], |sum, h| {
                [
                    sum[0] + h.handover.founders_after,
                    sum[1] + h.handover.newcomers_after,
                    sum[2] + h.handover.earlier_after,
                ]
            });
        assert_eq!(
            theirs["handover"],
            serde_json::json!(mine),
            "{} handover",
            promotion.id
        );
        let promoted = cohort.select(&filters(&cohort, &format!("promo={}", promotion.id)));
        let lived = lived_on(&cohort, &promoted);
        assert_eq!(
            theirs["handed_defis"],
            serde_json::json!([
                lived.with_people,
                lived.with_commits_after,
                lived.taken_over
            ]),
            "{} défis handed over",
            promotion.id
        );
    }
}

/// « Qui a repris le code ? » and the sentence that opens its section count the same défis:
/// its bars are the défis with human commits after their end, those with newcomers' commits are
/// the ones « repris par de nouvelles personnes » (25, 23 and 14 by `scripts/recount-lived-on.py`,
/// summed over the promotions: DataMed and SEDAccord, copied before their end, are not observed
/// after it and not counted); its legend lists no series it does not draw.
#[test]
fn the_handover_chart_counts_the_defis_its_sentence_names() {
    use eig_pulse_core::catalogue::Section;
    let cohort = cohort();
    let all = cohort.select(&Filters::default());
    let chart = catalogue::code_handover::code_handover(&cohort, &all, Lang::Fr);
    let newcomers = chart
        .series
        .iter()
        .position(|s| s.key == "newcomers")
        .unwrap();
    let with_newcomers = chart
        .values
        .iter()
        .filter(|row| row[newcomers] > 0.0)
        .count();
    assert_eq!((chart.categories.len(), with_newcomers), (23, 14));
    for (s, series) in chart.series.iter().enumerate() {
        assert!(
            chart.values.iter().any(|row| row[s] > 0.0),
            "« {} » is in the legend but in no bar",
            series.label
        );
    }
    let sentence = Section::CodeAfter.opening(&cohort, &all, Lang::Fr);
    assert!(
        sentence.contains(
            "sur 25 défis dont le scan distingue les personnes et dont la copie va au-delà de la fin, 23 ont des commits humains après leur fin et 14 ont été repris par de nouvelles personnes."
        ),
        "{sentence}"
    );
    let summary = eig_pulse_core::chart::summary::summary(&chart, &[], Lang::Fr);
    assert!(
        // A title that asks is not followed by a full stop.
        summary.starts_with("Qui a repris le code ? 23 barres.")
            && summary.contains("Nouvelles personnes 14"),
        "{summary}"
    );
    // Nine défis' commits after the end are all the founding team's (23 bars, 14 with newcomers): the summary names three
    // and counts the others, never one alone as if it led.
    assert!(
        summary.contains("Sa part la plus forte : 100\u{202F}%, pour ")
            && summary.contains(" et 6 autres."),
        "{summary}"
    );
    let english = Section::CodeAfter.opening(&cohort, &all, Lang::En);
    assert!(
        english.contains("of 25 défis whose scan tells people apart and whose copy goes past their end, 23 have human commits after their end and 14 were taken over by newcomers."),
        "{english}"
    );
}

/// The export has three défis titled « EIG Link » (2018, 2019, 2020): a chart that lists two of
/// them must not show two identical names; every other défi keeps its title alone.
#[test]
fn defis_sharing_a_title_are_told_apart_by_their_year() {
    let cohort = cohort();
    let eig_link: Vec<&str> = (0..cohort.export.defis.len())
        .filter(|&d| cohort.export.defis[d].title == "EIG Link")
        .map(|d| cohort.defi_label(d))
        .collect();
    assert_eq!(
        eig_link,
        ["EIG Link (2020)", "EIG Link (2019)", "EIG Link (2018)"]
    );
    let labels: std::collections::HashSet<&str> = (0..cohort.export.defis.len())
        .map(|d| cohort.defi_label(d))
        .collect();
    assert_eq!(
        labels.len(),
        cohort.export.defis.len(),
        "every label is unique"
    );
    let mob = cohort
        .defi_index("monitorfish")
        .map(|d| cohort.defi_label(d));
    assert_eq!(mob, Some("MonitorFish"));
}

/// The page's form sends every field, empty ones too: an empty filter is no filter, not an
/// ignored parameter.
#[test]
fn empty_filters_from_the_form_are_no_filters() {
    let cohort = cohort();
    let sent = filters(&cohort, "admin=&promo=2&skill=&tech=&from=&to=");
    assert_eq!(sent, filters(&cohort, "promo=2"));
}

/// Each section opens with a sentence from the figures counted above (key figures, the
/// journal's busiest week of `scripts/recount-journal.py`).
#[test]
fn each_section_opens_with_its_figures() {
    use eig_pulse_core::catalogue::Section;
    let cohort = cohort();
    let all = cohort.select(&Filters::default());
    let say = |section: Section, lang| section.opening(&cohort, &all, lang);
    let defis = say(Section::Defis, Lang::Fr);
    assert!(
        defis.starts_with("71 défis de 2017 à 2020, accueillis par 53 administrations"),
        "{defis}"
    );
    let journal = say(Section::Journal, Lang::Fr);
    assert!(
        journal.starts_with("Du 13 février 2018 au 3 août 2018")
            // 93 entries name no défi: the 13 défis' are the 1 434 of `promo=2` (KEY_FIGURES).
            && journal.contains("1\u{202F}527 entrées de journal, dont 1\u{202F}434 pour 13 défis (les autres ne nomment pas de défi)")
            // `scripts/recount-journal.py`: two busiest weeks, 2018-03-12 and 2018-04-16, 136
            // entries each: the sentence names both.
            && journal.contains("les semaines les plus chargées, celles du 12 mars 2018 et du 16 avril 2018, en comptent 136 chacune."),
        "{journal}"
    );
    assert!(
        say(Section::Journal, Lang::En).starts_with("From 13 February 2018 to 3 August 2018"),
        "{}",
        say(Section::Journal, Lang::En)
    );
    let openness = say(Section::Openness, Lang::Fr);
    assert!(
        openness.starts_with("42\u{202F}% des défis publient leur code"),
        "{openness}"
    );
    for section in Section::ALL {
        for lang in Lang::ALL {
            let sentence = say(section, lang);
            assert!(sentence.ends_with('.'), "{sentence}");
        }
    }
    // A selection without défis says so, never « 0 défis ».
    let empty = eig_pulse_core::Selection::default();
    assert_eq!(
        Section::Defis.opening(&cohort, &empty, Lang::En),
        "No défi matches these filters."
    );
    assert_eq!(
        Section::CodeAfter.opening(&cohort, &empty, Lang::Fr),
        "Aucun défi de cette sélection n'a de code analysé."
    );
}

/// Each section's sentence follows the filters with the figures of the recount table above
/// (`KEY_FIGURES`): the défis and their administrations, the journal's entries, the share of
/// défis that publish their code; in both languages.
#[test]
fn section_openings_follow_the_filters() {
    use eig_pulse_core::base::format;
    use eig_pulse_core::catalogue::Section;
    let cohort = cohort();
    for (query, defis, administrations, _, _, journal_entries, with_code) in KEY_FIGURES {
        let selection = cohort.select(&filters(&cohort, query));
        for lang in Lang::ALL {
            let say = |section: Section| section.opening(&cohort, &selection, lang);
            let opening = say(Section::Defis);
            let expected = lang
                .pick(
                    "accueillis par {} administrations",
                    "hosted by {} administrations",
                )
                .replace("{}", &format::count(administrations as u64, lang));
            assert!(
                opening.starts_with(&format::defis(defis, lang)) && opening.contains(&expected),
                "{query}: {opening}"
            );
            let journal = say(Section::Journal);
            if journal_entries == 0 {
                assert_eq!(
                    journal,
                    lang.pick(
                        "Aucune entrée du journal de suivi dans cette sélection.",
                        "No entry of the follow-up journal in this selection."
                    ),
                    "{query}"
                );
            } else {
                let entries = format::count(journal_entries as u64, lang);
                let expected = lang.pick(" a noté {} entrées", " wrote {} journal entries");
                assert!(
                    journal.contains(&expected.replace("{}", &entries)),
                    "{query}: {journal}"
                );
            }
            let openness = say(Section::Openness);
            let share = format::percent(with_code as f64 / defis as f64, lang);
            assert!(openness.starts_with(&share), "{query}: {openness}");
            // The code's sentence says the figures `lived_on_figures_match_an_independent_recount`
            // checks, its verb agreeing with them.
            let lived = eig_pulse_core::measures::lived_on::lived_on(&cohort, &selection);
            let code = say(Section::CodeAfter);
            let twelve = lived.alive_at_12;
            if twelve.observed > 0 {
                let (fr, en) = if twelve.alive > 1 {
                    (
                        "{} des {} observés 12 mois après leur fin y étaient encore vivants",
                        "{} of the {} observed 12 months after their end were still alive",
                    )
                } else {
                    (
                        "{} des {} observés 12 mois après leur fin y était encore vivant",
                        "{} of the {} observed 12 months after their end was still alive",
                    )
                };
                let expected = lang
                    .pick(fr, en)
                    .replacen("{}", &format::count(twelve.alive as u64, lang), 1)
                    .replacen("{}", &format::defis(twelve.observed, lang), 1);
                assert!(code.starts_with(&expected), "{query}: {code}");
            }
            // The host of every défi, the one filtered on, is not named as the most frequent.
            if query.starts_with("admin=") {
                assert!(
                    !opening.contains(lang.pick("le plus souvent", "most often")),
                    "{opening}"
                );
            }
        }
    }
    let interior = cohort.select(&filters(&cohort, "admin=ministere-de-l-interieur"));
    assert!(
        Section::CodeAfter
            .opening(&cohort, &interior, Lang::Fr)
            .starts_with("1 des 5 défis observés 12 mois après leur fin y était encore vivant ;"),
        "one défi alive: the verb in the singular"
    );
}

/// « Billets du blog par promotion » counts each selected post once, in the month of its date
/// and under the promotion of the défis it names (« plusieurs » or « sans-defi » else), and says
/// each promotion's défis no selected post names: recounted here from the export's lists.
#[test]
fn blog_posts_count_each_post_once_and_the_defis_never_named() {
    let cohort = cohort();
    let export = &cohort.export;
    let promotion_of = |id: &str| {
        export
            .defis
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.promotion_id.clone())
            .unwrap()
    };
    for query in [
        "",
        "promo=2",
        "from=2019-01-01&to=2019-12-31",
        "skill=design",
    ] {
        let filters = filters(&cohort, query);
        let selection = cohort.select(&filters);
        let chart = catalogue::blog_posts::blog_posts(&cohort, &selection, Lang::Fr);
        let kept_defis: std::collections::HashSet<&str> = selection
            .defis
            .iter()
            .map(|&d| export.defis[d].id.as_str())
            .collect();
        let in_period = |date: &str| {
            filters.from.is_none_or(|f| date >= f.to_string().as_str())
                && filters.to.is_none_or(|t| date <= t.to_string().as_str())
        };
        let posts: Vec<_> = export
            .posts
            .iter()
            .filter(|p| in_period(&p.date))
            .filter(|p| match p.defis.is_empty() {
                true => !filters.narrows_defis(),
                false => p
                    .defis
                    .iter()
                    .any(|d| kept_defis.contains(d.defi_id.as_str())),
            })
            .collect();
        let total: f64 = chart.values.iter().flatten().sum();
        assert_eq!(total, posts.len() as f64, "{query}");
        let mut expected: std::collections::BTreeMap<(String, String), f64> = Default::default();
        for post in &posts {
            let mut promotions: Vec<String> = post
                .defis
                .iter()
                .map(|d| promotion_of(&d.defi_id))
                .collect();
            promotions.sort();
            promotions.dedup();
            let series = match promotions.as_slice() {
                [] => "sans-defi".to_string(),
                [one] => one.clone(),
                _ => "plusieurs".to_string(),
            };
            *expected
                .entry((post.date[..7].to_string(), series))
                .or_default() += 1.0;
        }
        for ((month, series), count) in expected {
            let c = chart
                .categories
                .iter()
                .position(|c| c.key.starts_with(&month))
                .unwrap();
            let s = chart.series.iter().position(|s| s.key == series).unwrap();
            assert_eq!(chart.values[c][s], count, "{query} {month} {series}");
        }
        let named: std::collections::HashSet<&str> = posts
            .iter()
            .flat_map(|p| p.defis.iter().map(|d| d.defi_id.as_str()))
            .collect();
        for promotion in &export.promotions {
            let defis: Vec<&str> = kept_defis
                .iter()
                .copied()
                .filter(|id| promotion_of(id) == promotion.id)
                .collect();
            if defis.is_empty() {
                continue;
            }
            let never = defis.iter().filter(|id| !named.contains(*id)).count();
            let series = chart.series.iter().find(|s| s.key == promotion.id).unwrap();
            assert!(
                series.label.ends_with(&format!(", {never} sans billet)")),
                "{query}: {}",
                series.label
            );
        }
    }
}

/// The footer credits every source with its date, in the page's language: the English page names
/// the sources in English (the export writes them in French), the French page as written.
#[test]
fn the_footer_credits_each_source_in_the_pages_language() {
    let cohort = cohort();
    let export = &cohort.export;
    let french =
        eig_pulse_core::page::parts::credits(&export.sources, &export.generated_at, Lang::Fr);
    let english =
        eig_pulse_core::page::parts::credits(&export.sources, &export.generated_at, Lang::En);
    for source in &export.sources {
        assert!(french.contains(&source.name), "{french}");
    }
    assert!(
        french.contains("Licence de chaque dépôt ; aucun code ni nom repris"),
        "{french}"
    );
    for words in [
        "Weekly progress journal of the EIG 2 défis (eig-link)",
        "Public code repositories of the défis (dated copies, counts only)",
        "each repository's licence; no code or name taken",
        "updated 3 August 2018",
    ] {
        assert!(english.contains(words), "{words}: {english}");
    }
    assert!(
        !english.contains(" ; "),
        "French spacing in English: {english}"
    );
    assert!(!english.contains("Journal hebdomadaire"), "{english}");
}

/// A measured 0 % is a figure: under the Cour des comptes, one défi observed and not alive at 6,
/// 12 and 24 months after its end draws three rules on the axis and lists three rows at 0 %,
/// where « Aucune donnée » was said.
#[test]
fn a_measured_zero_is_drawn_and_listed() {
    let cohort = cohort();
    let selection = cohort.select(&filters(&cohort, "admin=cour-des-comptes"));
    let chart = catalogue::perennisation_by_promotion::perennisation_by_promotion(
        &cohort,
        &selection,
        Lang::Fr,
    );
    assert!(!chart.is_empty(), "{:?}", chart.values);
    let rows = eig_pulse_core::chart::table::rows(&chart, &[]);
    let zeros = rows.iter().filter(|r| r.value == 0.0).count();
    assert!(zeros >= 3, "{rows:?}");
    let stack = Stack::new(&chart, &[]);
    assert!(stack.segments.iter().flatten().any(|s| s.high == 0.0));
    // A cell no défi reaches stays out: no row, no segment.
    for &(c, s) in &chart.missing {
        assert!(!stack.segments[c].iter().any(|seg| seg.series == s));
    }
}

/// The whole export's ranking of a chart's series, recounted from its records: languages by
/// bytes of code (every record), défis by human commits (each repository once, its first
/// record, code only); most first, then by key.
fn whole_ranking(cohort: &Cohort, id: ChartId) -> Vec<String> {
    let export = &cohort.export;
    let mut totals: BTreeMap<&str, u64> = BTreeMap::new();
    let mut urls = BTreeSet::new();
    for record in &export.activity {
        assert!(
            cohort.defi_index(&record.defi_id).is_some(),
            "{}",
            record.defi_id
        );
        if id == ChartId::LanguagesByPromotion {
            for language in &record.languages {
                *totals.entry(&language.language).or_default() += language.bytes;
            }
        } else if record.holds_code != Some(false) && urls.insert(&record.url) {
            let human: u64 = record
                .weeks
                .iter()
                .map(|w| u64::from(w.human.unwrap_or(w.commits).min(w.commits)))
                .sum();
            *totals.entry(&record.defi_id).or_default() += human;
        }
    }
    let mut ranked: Vec<(&str, u64)> = totals.into_iter().filter(|(_, n)| *n > 0).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    ranked.into_iter().map(|(key, _)| key.to_string()).collect()
}

/// A series keeps its colour whatever the filters: filtered by any one promotion,
/// administration or skill, a series the unfiltered chart names keeps its colour, and one among
/// the whole export's first nine (the palette's colours before the grey of « autres ») has its
/// rank there as colour; no two series shown share a colour.
#[test]
fn a_series_keeps_its_colour_whatever_the_filters() {
    let cohort = cohort();
    let export = &cohort.export;
    let queries: Vec<String> = export
        .promotions
        .iter()
        .map(|p| format!("promo={}", p.id))
        .chain(
            export
                .administrations
                .iter()
                .map(|a| format!("admin={}", a.id)),
        )
        .chain(export.skills.iter().map(|s| format!("skill={}", s.id)))
        .collect();
    for id in [ChartId::LanguagesByPromotion, ChartId::RepositoryActivity] {
        let build =
            |filters: &Filters| id.build(&cohort, &cohort.select(filters), filters, Lang::Fr);
        let unfiltered: BTreeMap<String, usize> = build(&Filters::default())
            .series
            .into_iter()
            .filter(|s| s.key != "autres")
            .map(|s| (s.key, s.color))
            .collect();
        let whole = whole_ranking(&cohort, id);
        let (mut as_unfiltered, mut as_ranked) = (0, 0);
        for query in &queries {
            let chart = build(&filters(&cohort, query));
            for (i, series) in chart.series.iter().enumerate() {
                let key = &series.key;
                if let Some(color) = unfiltered.get(key) {
                    assert_eq!(series.color, *color, "{id:?}, {query}: {key}");
                    as_unfiltered += 1;
                }
                if let Some(rank) = whole.iter().take(OTHER_COLOR).position(|w| w == key) {
                    assert_eq!(series.color, rank, "{id:?}, {query}: {key}");
                    as_ranked += 1;
                }
                let others = &chart.series[..i];
                assert!(
                    others.iter().all(|s| s.color != series.color),
                    "{id:?}, {query}: {key} shares its colour in {:?}",
                    chart.series
                );
            }
        }
        // Skills keep the unfiltered activity chart's administrations; one promotion or
        // administration leaves few enough défis to name them.
        assert!(
            as_unfiltered >= 10 && as_ranked >= 20,
            "{id:?}: {as_unfiltered} series compared with the unfiltered chart, {as_ranked} with the ranking"
        );
    }
}

/// A line chart keeps room on its right for the names it writes: at 680 px « EIG 4 (4 défis ; 4
/// non suivis 24 mois) » does not fit in a third of the width and is written « EIG 4… », so the
/// plot runs on to the longest name written (« EIG 3 (6 défis) »), not to 30 % short of the edge.
#[test]
fn line_charts_keep_room_for_the_names_they_write() {
    let cohort = cohort();
    let all = cohort.select(&Filters::default());
    let chart =
        catalogue::cohorts_cumulative_commits::cohorts_cumulative_commits(&cohort, &all, Lang::Fr);
    assert!(chart
        .series
        .iter()
        .any(|s| s.label == "EIG 4 (4 défis ; 4 non suivis 24 mois)"));
    let palette = eig_pulse_core::chart::Palette::light(1.0);
    let svg = eig_pulse_core::chart::svg::plot(&chart, &palette, Lang::Fr, 680);
    assert!(svg.contains("EIG 4…") && svg.contains("EIG 3 (6 défis)"));
    // The grid's first line, from the value axis to the plot's right end.
    let points = svg.split("points=\"").nth(1).unwrap();
    let end: f64 = points
        .split(' ')
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(680.0 - end < 140.0, "the plot ends at {end} of 680");
}

/// In « Technologies par promotion » both columns of a promotion (declared, measured) take the
/// promotion's colour, its place in the export, as every chart of promotions does: filtered by one
/// promotion, its columns are not repainted in the first colours.
#[test]
fn the_technology_matrix_paints_each_promotion_in_its_colour() {
    let cohort = cohort();
    let export = &cohort.export;
    let mut checked = 0;
    for query in std::iter::once(String::new())
        .chain(export.promotions.iter().map(|p| format!("promo={}", p.id)))
    {
        let filters = filters(&cohort, &query);
        let chart = ChartId::TechnologiesByPromotion.build(
            &cohort,
            &cohort.select(&filters),
            &filters,
            Lang::Fr,
        );
        for series in &chart.series {
            let (promotion, _) = series.key.rsplit_once('-').unwrap();
            let place = export.promotions.iter().position(|p| p.id == promotion);
            assert_eq!(Some(series.color), place, "{query}: {}", series.key);
            checked += 1;
        }
    }
    assert!(checked >= 12, "{checked}");
}

/// A promotion the filters leave out is not in the charts of promotions: with `?promo=2` they
/// show EIG 2 alone, never « aucune donnée » or « non documenté » for the others (they showed
/// EIG 1, EIG 3, DIG and EIG 4 empty, or marked undocumented).
#[test]
fn charts_of_promotions_leave_out_the_promotions_filtered_out() {
    let cohort = cohort();
    for query in ["", "promo=2"] {
        let filters = filters(&cohort, query);
        let selection = cohort.select(&filters);
        for id in [
            ChartId::SkillsByPromotion,
            ChartId::OpennessByPromotion,
            ChartId::OpennessIndicators,
            ChartId::PerennisationByPromotion,
        ] {
            let chart = id.build(&cohort, &selection, &filters, Lang::Fr);
            let keys: Vec<&str> = chart.categories.iter().map(|c| c.key.as_str()).collect();
            if query.is_empty() {
                assert_eq!(keys.len(), cohort.export.promotions.len(), "{id:?}");
            } else {
                assert_eq!(keys, ["2"], "{id:?}");
                assert!(
                    chart.categories.iter().all(|c| c.absence.is_none()),
                    "{id:?}"
                );
                assert_eq!(chart.values.len(), 1, "{id:?}");
            }
        }
    }
}
