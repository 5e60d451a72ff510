//! `eig-pulse render`: golden SVGs of every chart on the real export, PNG at 2×, and CSVs that
//! equal counts made independently from the export.

mod common;

use std::collections::BTreeMap;

use common::*;
use serde_json::Value;

/// Every chart id, as the dashboard and the command line know them.
fn charts() -> Vec<&'static str> {
    eig_pulse_core::catalogue::ChartId::ALL
        .iter()
        .map(|c| c.slug())
        .collect()
}

fn render(args: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let output = run(&reading_export("render", COMMITTED_EXPORT, &out, args));
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    std::fs::read(out).unwrap()
}

#[test]
fn every_chart_matches_its_golden_svg() {
    let mut stale = Vec::new();
    for chart in charts() {
        let svg = render(&["--chart", chart]);
        let golden = repo().join(format!("public/static/{chart}.svg"));
        if std::fs::read(&golden).ok().as_deref() != Some(svg.as_slice()) {
            stale.push(chart);
        }
    }
    assert!(
        stale.is_empty(),
        "public/static differs for {stale:?}: regenerate with `cargo run -p eig-pulse-cli -- render --export public/data/export.json --chart <id> -o public/static/<id>.svg`"
    );
}

fn texts(svg: &str) -> Vec<String> {
    let document = roxmltree::Document::parse(svg).expect("well-formed SVG");
    assert_eq!(document.root_element().tag_name().name(), "svg");
    document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect()
}

#[test]
fn svgs_are_well_formed_and_carry_title_axis_and_labels_as_text() {
    let expectations: [(&str, &[&str]); 5] = [
        (
            "defis-by-administration",
            &[
                "Défis par administration",
                "nombre de défis",
                "Ministère de l’Intérieur",
                "12",
            ],
        ),
        (
            "skills-by-promotion",
            &[
                "Compétences par promotion",
                "défis (par compétence)",
                "EIG 1",
                "DIG",
                "Développement",
            ],
        ),
        (
            "journal-weekly",
            &[
                "Activité hebdomadaire du journal",
                "entrées par semaine (par catégorie)",
                "12 févr. 2018",
                "Production",
            ],
        ),
        (
            "journal-mix-by-defi",
            &[
                "Répartition des tâches par défi",
                "part des entrées du journal",
                "Hopkins",
                "100\u{202F}%",
            ],
        ),
        (
            "openness-by-promotion",
            &[
                "Ouverture par promotion",
                "part des défis de la promotion",
                "Code publié",
                "EIG 4",
            ],
        ),
    ];
    for (chart, expected) in expectations {
        let svg = String::from_utf8(render(&["--chart", chart])).unwrap();
        let texts = texts(&svg);
        for word in expected {
            assert!(
                texts.iter().any(|t| t == word),
                "{chart}: no text « {word} » in {texts:?}"
            );
        }
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("Source : EIG Pulse") && t.contains("Licence Ouverte")),
            "{chart}: credit"
        );
    }
    let english = String::from_utf8(render(&[
        "--chart",
        "journal-weekly",
        "--lang",
        "en",
        "--admin",
        "ministere-de-l-interieur",
    ]))
    .unwrap();
    let texts = texts(&english);
    assert!(texts.iter().any(|t| t == "Weekly journal activity"));
    assert!(
        texts.iter().any(|t| t == "Ministère de l’Intérieur"),
        "the filter is said under the title: {texts:?}"
    );
}

/// A chart credits the sources it draws on with their dates: the journal's, not the catalogue's
/// alone.
#[test]
fn the_journal_credits_the_journal_and_its_date() {
    let credit = |lang: &str| {
        let svg =
            String::from_utf8(render(&["--chart", "journal-weekly", "--lang", lang])).unwrap();
        let texts = texts(&svg);
        // The credit is the last text, on as many lines as it needs.
        let first = texts
            .iter()
            .rposition(|t| t.starts_with("Source"))
            .expect("a credit");
        texts[first..].join(" ")
    };
    let french = credit("fr");
    assert!(
        french.ends_with("mise à jour : catalogue 7 septembre 2021, journal de suivi 3 août 2018"),
        "{french}"
    );
    assert!(
        !french.contains("dépôts") && !french.contains("blog"),
        "{french}"
    );
    let english = credit("en");
    assert!(
        english.ends_with("updated: catalogue 7 September 2021, progress journal 3 August 2018"),
        "{english}"
    );
    // Another chart, other sources.
    let svg = String::from_utf8(render(&["--chart", "languages-by-promotion"])).unwrap();
    let texts = texts(&svg);
    let first = texts.iter().rposition(|t| t.starts_with("Source")).unwrap();
    let credit = texts[first..].join(" ");
    assert!(
        credit.ends_with("catalogue 7 septembre 2021, dépôts 8 août 2026"),
        "{credit}"
    );
}

/// The category labels under a vertical axis (centred, hanging below the plot), as drawn.
fn axis_labels(svg: &str) -> Vec<String> {
    let document = roxmltree::Document::parse(svg).expect("well-formed SVG");
    document
        .descendants()
        .filter(|n| {
            n.has_tag_name("text")
                && n.attribute("text-anchor") == Some("middle")
                && n.attribute("dy") == Some("0.76em")
        })
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect()
}

#[test]
fn golden_time_axes_name_the_year_first_and_where_it_changes() {
    let year_of = |label: &str| {
        label
            .rsplit(' ')
            .next()
            .filter(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
            .map(str::to_string)
    };
    let scanned = !export()["activity"].as_array().unwrap().is_empty();
    let mut goldens = vec![
        "public/static/journal-weekly.svg",
        "crates/core/tests/snapshots/journal-weekly.svg",
        "crates/core/tests/snapshots/repository-activity.svg",
    ];
    // The committed export's repository chart has bars only once it holds activity.
    if scanned {
        goldens.push("public/static/repository-activity.svg");
    }
    for path in goldens {
        let svg = std::fs::read_to_string(repo().join(path)).unwrap();
        let labels = axis_labels(&svg);
        assert!(labels.len() > 2, "{path}: {labels:?}");
        assert!(
            year_of(&labels[0]).is_some(),
            "{path}: the first label has no year: {labels:?}"
        );
        // Any label after the first carries a year only when it differs from the one before.
        let mut current = year_of(&labels[0]);
        for label in &labels[1..] {
            if let Some(year) = year_of(label) {
                assert_ne!(Some(&year), current.as_ref(), "{path}: {labels:?}");
                current = Some(year);
            }
        }
    }
}

#[test]
fn png_is_drawn_at_twice_the_size() {
    let png = render(&[
        "--chart",
        "openness-by-promotion",
        "--format",
        "png",
        "--width",
        "600",
    ]);
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!(width, 1200);
    assert!(height > 2 * 320, "{height}");
}

fn csv_rows(bytes: &[u8]) -> Vec<csv::StringRecord> {
    let mut reader = csv::Reader::from_reader(bytes);
    assert_eq!(
        reader.headers().unwrap().iter().take(5).collect::<Vec<_>>(),
        vec!["category_key", "category", "series_key", "series", "value"]
    );
    reader.records().map(Result::unwrap).collect()
}

fn export() -> Value {
    serde_json::from_str(&std::fs::read_to_string(repo().join("public/data/export.json")).unwrap())
        .unwrap()
}

#[test]
fn weekly_csv_equals_counts_made_from_the_export() {
    // Independent count: each journal row's Monday, once per category letter, « autre » without one.
    let export = export();
    let mut expected: BTreeMap<(String, String), u64> = BTreeMap::new();
    for entry in export["journal"].as_array().unwrap() {
        let date = time::Date::parse(
            entry["date"].as_str().unwrap(),
            &time::format_description::well_known::Iso8601::DATE,
        )
        .unwrap();
        let monday =
            date - time::Duration::days(i64::from(date.weekday().number_days_from_monday()));
        let letters: Vec<String> = entry["categories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_string())
            .collect();
        let letters = if letters.is_empty() {
            vec!["autre".to_string()]
        } else {
            letters
        };
        for letter in letters {
            *expected.entry((monday.to_string(), letter)).or_default() += 1;
        }
    }
    let rows = csv_rows(&render(&["--chart", "journal-weekly", "--format", "csv"]));
    let got: BTreeMap<(String, String), u64> = rows
        .iter()
        .map(|r| ((r[0].to_string(), r[2].to_string()), r[4].parse().unwrap()))
        .collect();
    assert_eq!(rows.len(), got.len(), "one row per drawn value");
    assert_eq!(got, expected);
    assert!(rows
        .iter()
        .any(|r| &r[1] == "12 mars" && &r[3] == "Production" && &r[4] == "48"));
}

#[test]
fn administration_csv_equals_counts_made_from_the_export() {
    // Independent count: défis of the Ministry of the Interior grouped by the child of the
    // ministry they lie under (or the ministry itself).
    let export = export();
    let parents = administration_parents(&export);
    let mut expected: BTreeMap<String, u64> = BTreeMap::new();
    for defi in export["defis"].as_array().unwrap() {
        let mut chain = vec![defi["administration_id"].as_str().unwrap().to_string()];
        while let Some(Some(parent)) = parents.get(chain.last().unwrap()) {
            chain.push(parent.clone());
        }
        if let Some(k) = chain.iter().position(|a| a == "ministere-de-l-interieur") {
            let group = if k == 0 {
                chain[0].clone()
            } else {
                chain[k - 1].clone()
            };
            *expected.entry(group).or_default() += 1;
        }
    }
    let rows = csv_rows(&render(&[
        "--chart",
        "defis-by-administration",
        "--format",
        "csv",
        "--admin",
        "ministere-de-l-interieur",
    ]));
    let got: BTreeMap<String, u64> = rows
        .iter()
        .map(|r| (r[0].to_string(), r[4].parse().unwrap()))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(got.values().sum::<u64>(), 12);
}

#[test]
fn bad_render_requests_say_what_is_wrong() {
    for (args, expected) in [
        (
            vec!["--chart", "camembert"],
            "graphique inconnu « camembert »",
        ),
        (
            vec!["--chart", "journal-weekly", "--admin", "nulle-part"],
            "--admin « nulle-part » : administration inconnue",
        ),
        (
            vec!["--chart", "journal-weekly", "--from", "2018-13-01"],
            "--from « 2018-13-01 »",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.svg");
        let output = run(&reading_export("render", COMMITTED_EXPORT, &out, &args));
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(expected),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(!out.exists());
    }
    let output = run(&[
        "render",
        "--export",
        "nowhere.json",
        "--chart",
        "journal-weekly",
        "-o",
        "/tmp/x.svg",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("nowhere.json"));
}
