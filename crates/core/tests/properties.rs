//! Property tests: generated exports, valid and mutated, through the whole read path — JSON text
//! → `parse_export` → `Cohort` → every chart → summary, tooltip, table, CSV, scorecard (and the
//! SVG for exports the contract accepts) — with no panic and bounded work. Exports the contract
//! refuses go through `Cohort` unchecked too: the core must survive them as well.
//!
//! Short run (proptest's 256 cases) in `cargo test`; long run:
//! `PROPTEST_CASES=100000 cargo test --release -p eig-pulse-core --test properties`.

use eig_pulse_core::chart::figure::FigureText;
use eig_pulse_core::chart::svg;
use eig_pulse_core::chart::{summary::summary, table, tooltip, Hit, Palette};
use eig_pulse_core::contract::export::{
    Activity, ActivityWeek, Administration, Defi, JournalCategory, JournalEntry, Openness,
    Promotion, Skill, Source,
};
use eig_pulse_core::contract::validate::parse_export;
use eig_pulse_core::measures::{activity, scorecard};
use eig_pulse_core::{catalogue, Cohort, Export, Filters, Lang};
use proptest::prelude::*;
use proptest::sample::select;

/// Most bars a chart may have for any export: a week per bar over the contract's whole span
/// (1970–2099) is about 6 800.
const MAX_BARS: usize = 7_000;

const IDS: [&str; 12] = [
    "a",
    "b",
    "c",
    "dev",
    "design",
    "1",
    "2",
    "dig",
    "",
    "A b",
    "x-y",
    "ministere-z",
];
const LETTERS: [&str; 11] = ["A", "C", "D", "I", "M", "P", "S", "T", "U", "Z", "é"];

fn id() -> impl Strategy<Value = String> {
    select(&IDS[..]).prop_map(String::from)
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Zé ]{0,10}",
        1 => select(vec![
            "=1+1", "-2", "+x", "@SUM(A1)", "\tx", "a,b\"c\nd", "👩‍💻 é", "\u{202e}abc", "",
            "javascript:alert(1)", "<script>alert(1)</script>",
        ])
        .prop_map(String::from),
    ]
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (2016i32..2022, 1u8..=12, 1u8..=28)
            .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        2 => (0i32..=9999, 1u8..=12, 1u8..=31)
            .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => select(vec![
            "9999-12-27", "9999-12-31", "0000-01-01", "0018-02-15", "1970-01-01", "2099-12-28",
            "2018-02-30", "", "2018-02-15T00", "é018-02-1", "2018-02-1é",
        ])
        .prop_map(String::from),
    ]
}

fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "https://github\\.com/[a-z]{1,6}/[a-z]{1,6}",
        1 => select(vec![
            "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "https://",
            "https://user:pw@github.com/a/b", "http://a b.fr", "",
        ])
        .prop_map(String::from),
    ]
}

prop_compose! {
    fn administration()(id in id(), name in text(), parent in proptest::option::of(id()),
                        website in proptest::option::of(url())) -> Administration {
        Administration { id, name, acronym: None, parent_id: parent, website, aliases: Vec::new() }
    }
}

prop_compose! {
    fn defi()(id in id(), title in text(), promotion_id in id(), administration_id in id(),
              year in 1990i32..2110, skills in prop::collection::vec(id(), 0..3),
              source_code in prop::collection::vec(url(), 0..2),
              website in proptest::option::of(url())) -> Defi {
        Defi {
            id, title, promotion_id, administration_id, year, description: None, skills,
            eigs: Vec::new(), mentors: Vec::new(), source_code, website,
            key_figures: Vec::new(), issues: Vec::new(),
            months: None, window: None,
        }
    }
}

prop_compose! {
    fn entry()(defi_id in proptest::option::of(id()), date in date(),
               categories in prop::collection::vec(select(&LETTERS[..]).prop_map(String::from), 0..4),
               mood in proptest::option::of(-2i8..3), task in text()) -> JournalEntry {
        JournalEntry {
            defi_id, defi_label: "x".into(), date, deliverable: None, task,
            raw_category: categories.concat(), categories, mood,
        }
    }
}

prop_compose! {
    fn activity()(defi_id in id(), url in url(),
                  weeks in prop::collection::vec((date(), 0u32..4, 0u32..4), 0..6),
                  extra in 0u32..3) -> Activity {
        let commits = weeks.iter().map(|w| w.1).sum::<u32>() + extra % 2;
        let weeks_copy = weeks.first().map(|w| w.0.clone());
        Activity {
            defi_id, url, matched_by: "source_code".into(), default_branch: None, commits,
            authors: 1, first_commit: weeks.first().map(|w| w.0.clone()),
            last_commit: weeks.last().map(|w| w.0.clone()), latest_tag: None,
            weeks: weeks.into_iter().map(|(monday, commits, authors)| ActivityWeek {
                week: "2018-W01".into(), monday, commits, authors,
                ..Default::default()
            }).collect(),
            openness: Openness { license_file: (extra == 1).then(|| "LICENSE".into()),
                                 ..Openness::default() },
            // The copy may predate the commits: the pérennisation figures must not mind.
            copied_at: weeks_copy,
            languages: (extra == 2).then(|| eig_pulse_core::contract::export::LanguageBytes {
                language: "Python".into(), bytes: 1 + u64::from(commits), technology_id: None,
            }).into_iter().collect(),
            frameworks: Vec::new(),
            skipped_files: extra,
            ..Default::default()
        }
    }
}

prop_compose! {
    fn export()(
        generated_at in prop_oneof![
            3 => Just("2026-01-01T00:00:00Z".to_string()),
            1 => "[0-9T:Zé+-]{0,24}",
            1 => "2026-11-28T15:00:0[é€]\\+01:00",
        ],
        skills in prop::collection::vec((id(), text()), 0..6),
        promotions in prop::collection::vec(
            (id(), 1990i32..2110, proptest::option::of(date()), proptest::option::of(0u32..40)), 0..5),
        administrations in prop::collection::vec(administration(), 0..8),
        chain in prop_oneof![9 => Just(0usize), 1 => 0usize..40],
        defis in prop::collection::vec(defi(), 0..10),
        legend in prop_oneof![
            4 => Just(Export::legend()),
            1 => prop::collection::vec(select(&LETTERS[..]), 0..20).prop_map(|ids| ids
                .into_iter().map(|id| JournalCategory { id: id.into(), label_fr: id.into(),
                    label_en: id.into() }).collect()),
        ],
        journal in prop::collection::vec(entry(), 0..30),
        activity in prop::collection::vec(activity(), 0..4),
    ) -> Export {
        let mut administrations = administrations;
        // Sometimes a deep chain under the first administration's id.
        administrations.extend((0..chain).map(|i| Administration {
            id: format!("deep-{i}"), name: "D".into(), acronym: None,
            parent_id: Some(if i == 0 { "a".into() } else { format!("deep-{}", i - 1) }),
            website: None, aliases: Vec::new(),
        }));
        Export {
            schema_version: 1,
            generated_at,
            sources: vec![Source { kind: None, name: "s".into(), url: "https://example.fr/x".into(),
                                   license: "LO".into(), updated: "2022-09-05".into() }],
            skills: skills.into_iter().map(|(id, label)| Skill { id, label }).collect(),
            // An end equal to the start (or any date) must not break the windows.
            promotions: promotions.into_iter().map(|(id, year, start, months)| Promotion {
                label: id.clone(), id, year, end: start.clone(), start, months,
                dates: Vec::new() }).collect(),
            administrations,
            defis,
            journal_categories: legend,
            journal,
            activity,
            unscanned: Vec::new(),
            technologies: Vec::new(),
            stacks: Vec::new(),
            openness_records: Vec::new(),
            openness_items: Vec::new(),
            posts: Vec::new(),
        }
    }
}

const QUERIES: [&str; 8] = [
    "",
    "promo=1",
    "admin=a",
    "skill=dev",
    "from=2018-01-01&to=2018-12-31",
    "from=9999-01-01",
    "to=1970-01-01",
    "admin=deep-3&promo=dig",
];

/// Everything the dashboard and `render` compute from a cohort, asserting bounded sizes.
fn read_everything(cohort: &Cohort, hidden_bits: u32, draw: bool) {
    for query in QUERIES {
        let (filters, _) = Filters::from_query(query, &cohort.export);
        let selection = cohort.select(&filters);
        eig_pulse_core::measures::key_figures::key_figures(cohort, &selection);
        activity::repository_figures(cohort, &selection);
        for lang in [Lang::Fr, Lang::En] {
            let card = scorecard::openness_scorecard(cohort, &selection, lang);
            scorecard::scorecard_csv(&card);
            for chart in catalogue::build_all(cohort, &selection, &filters, lang) {
                assert!(
                    chart.categories.len() <= MAX_BARS,
                    "{} bars",
                    chart.categories.len()
                );
                assert_eq!(chart.values.len(), chart.categories.len());
                assert!(chart
                    .values
                    .iter()
                    .all(|row| row.len() == chart.series.len()));
                let hidden: Vec<bool> = (0..chart.series.len())
                    .map(|s| s < 32 && hidden_bits & (1 << s) != 0)
                    .collect();
                summary(&chart, &hidden, lang);
                table::grid(&chart, &hidden, lang);
                let csv = table::to_csv(&chart, &hidden);
                assert!(!csv.contains("\r\n="), "formula at a line's start");
                for category in 0..chart.categories.len().min(3) {
                    let hit = Hit {
                        x0: 0,
                        y0: 0,
                        x1: 1,
                        y1: 1,
                        category,
                        series: Some(0),
                    };
                    if !chart.series.is_empty() {
                        tooltip::describe(&chart, &hit, &hidden, lang);
                    }
                    let label = Hit {
                        series: None,
                        ..hit
                    };
                    tooltip::describe(&chart, &label, &hidden, lang);
                }
                if draw && query.is_empty() {
                    let text = FigureText {
                        title: "t".into(),
                        subtitle: Some("s".into()),
                        credit: "c".into(),
                        plain: false,
                    };
                    svg::figure(&chart, &hidden, &Palette::light(1.0), lang, &text, 320);
                }
            }
        }
    }
}

proptest! {
    #[test]
    fn any_export_is_read_without_panic(export in export(), hidden_bits in any::<u32>(),
                                        cut in any::<prop::sample::Index>(), flip in any::<u8>()) {
        let text = serde_json::to_string(&export).unwrap();
        // The text itself, cut short or with one byte changed, is refused or read.
        let at = cut.index(text.len().max(1));
        let _ = parse_export(text.get(..at).unwrap_or(""));
        let mut bytes = text.clone().into_bytes();
        if let Some(b) = bytes.get_mut(at) {
            *b ^= flip;
        }
        if let Ok(mutated) = String::from_utf8(bytes) {
            if let Ok(export) = parse_export(&mutated) {
                read_everything(&Cohort::new(export), hidden_bits, false);
            }
        }
        match parse_export(&text) {
            Ok(valid) => read_everything(&Cohort::new(valid), hidden_bits, true),
            // Refused by the contract: the core still survives it unchecked.
            Err(_) => read_everything(&Cohort::new(export), hidden_bits, false),
        }
    }
}
