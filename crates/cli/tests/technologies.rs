//! Declared stacks and openness on the real sources: the issue's figures, recounted from the raw
//! files by a separate simple reading (lines, not the org/Markdown parsers), and the table's
//! spellings one technology each.

mod common;
#[path = "../../core/tests/common/recount.rs"]
mod recount;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Output;

use common::*;
use eig_pulse_core::Export;

fn real_export() -> Export {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("export.json");
    let output = export_real(&out, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap()
}

/// Défis (of a promotion) whose firm mentions name each technology.
fn defis_per_technology(export: &Export, promotion: &str) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for stack in export.stacks.iter().filter(|s| s.promotion_id == promotion) {
        let techs: BTreeSet<&str> = stack
            .mentions
            .iter()
            .filter(|m| !m.tentative)
            .filter_map(|m| m.technology_id.as_deref())
            .collect();
        for tech in techs {
            *counts.entry(tech.to_string()).or_default() += 1;
        }
    }
    counts
}

#[test]
fn the_issue_figures_on_the_committed_export() {
    let text = std::fs::read_to_string(repo().join("public/data/export.json")).unwrap();
    let export: Export = serde_json::from_str(&text).unwrap();
    let stacks = |p: &str, documented: bool| {
        export
            .stacks
            .iter()
            .filter(|s| s.promotion_id == p && s.documented == documented)
            .count()
    };
    assert_eq!((stacks("3", true), stacks("3", false)), (15, 0));
    assert_eq!((stacks("2", true), stacks("2", false)), (7, 6));
    let eig3 = defis_per_technology(&export, "3");
    assert_eq!(eig3["python"], 12);
    assert_eq!(eig3["postgresql"], 6);
    // Every heading names a défi (« EIG Link » by the file's year).
    assert!(export.stacks.iter().all(|s| s.defi_id.is_some()));
    let link = |p: &str| {
        export
            .stacks
            .iter()
            .find(|s| s.promotion_id == p && s.label == "EIG Link")
            .and_then(|s| s.defi_id.clone())
    };
    assert_eq!(link("2").as_deref(), Some("eig-link-2018"));
    assert_eq!(link("3").as_deref(), Some("eig-link-2019"));
    // Undocumented is not « uses nothing »: no mention, and said so.
    let todo = export
        .stacks
        .iter()
        .find(|s| s.label == "Signaux Faibles")
        .unwrap();
    assert!(!todo.documented && todo.mentions.is_empty());
    assert_eq!(export.openness_records, ["2"]);
}

/// stack_2019.md read line by line: `## ` starts a défi, `- ` lines are its bullets.
fn raw_eig3() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(eig_link().join("stack_2019.md")).unwrap();
    let mut defis: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            defis.push((name.trim().to_string(), String::new()));
        } else if let (Some(bullet), Some(last)) =
            (line.trim().strip_prefix("- "), defis.last_mut())
        {
            last.1.push_str(&format!(" {} ", bullet.to_lowercase()));
        }
    }
    defis
}

#[test]
fn eig3_defis_per_technology_recounted_from_the_raw_file() {
    let export = real_export();
    let parsed = defis_per_technology(&export, "3");
    let raw = raw_eig3();
    assert_eq!(raw.len(), 15);
    // Words as the file writes them, whole words.
    let words: [(&str, &[&str]); 10] = [
        ("python", &["python"]),
        ("postgresql", &["postgresql"]),
        ("nodejs", &["nodejs"]),
        ("elasticsearch", &["elasticsearch", "suite elastic"]),
        ("flask", &["flask"]),
        ("mongodb", &["mongodb"]),
        ("react", &["react"]),
        ("vue", &["vuejs"]),
        ("postgis", &["postgis"]),
        ("angular", &["angular"]),
    ];
    for (tech, spellings) in words {
        let recount = raw
            .iter()
            .filter(|(_, bullets)| {
                spellings.iter().any(|w| {
                    bullets.match_indices(w).any(|(i, _)| {
                        let before = bullets[..i].chars().next_back().unwrap_or(' ');
                        let after = bullets[i + w.len()..].chars().next().unwrap_or(' ');
                        !before.is_alphanumeric() && !after.is_alphanumeric()
                    })
                })
            })
            .count();
        assert_eq!(parsed.get(tech).copied().unwrap_or(0), recount, "{tech}");
    }
}

/// Where a section's title has the words that name its kind.
enum Words {
    Start(&'static str),
    Within(&'static str),
}

/// Section → kind, as the record's headings say: the first row whose words the title has
/// (lower-cased), « article » when none has.
const SECTION_KINDS: [(Words, &str); 11] = [
    (Words::Start("sites web"), "website"),
    (Words::Within("sites internes"), "website"),
    (Words::Within("jeux de données"), "dataset"),
    (Words::Within("données déjà ouvertes"), "upstream"),
    (Words::Within("projets open source externes"), "upstream"),
    (Words::Within("outils communs"), "mixed"),
    (Words::Start("dépôts"), "repository"),
    (Words::Start("comptes"), "organisation"),
    (Words::Within("bibliothèques"), "library"),
    (Words::Within("q&a"), "answer"),
    (Words::Within("extérieures"), "inbound"),
];

#[test]
fn openness_items_per_kind_recounted_from_the_raw_file() {
    let export = real_export();
    let text = std::fs::read_to_string(eig_link().join("ouverture_2018.org")).unwrap();
    let kind_of = |title: &str| -> &'static str {
        let title = title.to_lowercase();
        SECTION_KINDS
            .iter()
            .find(|(words, _)| match words {
                Words::Start(words) => title.starts_with(words),
                Words::Within(words) => title.contains(words),
            })
            .map_or("article", |(_, kind)| kind)
    };
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    let mut kind = "";
    for line in text.lines() {
        if let Some(title) = line.strip_prefix("* ") {
            kind = kind_of(title);
        } else if let Some(bullet) = line.strip_prefix("- ") {
            // A bullet is one item, or one per org link when it has several (continuation
            // lines of the bullet count too).
            let mut whole = bullet.to_string();
            let rest = text.split(line).nth(1).unwrap_or("");
            for more in rest.lines().skip(1) {
                if more.starts_with("  ") && !more.trim_start().starts_with("- ") {
                    whole.push_str(more);
                } else {
                    break;
                }
            }
            let links = whole.matches("[[").count();
            let kind = match kind {
                "mixed" if whole.contains("github.com/") => "repository",
                "mixed" => "website",
                k => k,
            };
            *expected.entry(kind.to_string()).or_default() += links.max(1);
        }
    }
    let mut parsed: BTreeMap<String, usize> = BTreeMap::new();
    for item in &export.openness_items {
        *parsed.entry(item.kind.to_string()).or_default() += 1;
    }
    assert_eq!(parsed, expected);
    // Only http(s) links.
    assert!(export
        .openness_items
        .iter()
        .filter_map(|i| i.url.as_deref())
        .all(|u| u.starts_with("http://") || u.starts_with("https://")));
}

#[test]
fn the_table_gives_each_spelling_to_one_technology() {
    let text = std::fs::read_to_string(repo().join("data/technologies.yml")).unwrap();
    #[derive(serde::Deserialize)]
    struct Entry {
        label: String,
        #[serde(default)]
        spellings: Vec<String>,
        #[serde(default)]
        packages: Vec<String>,
    }
    #[derive(serde::Deserialize)]
    struct File {
        technologies: indexmap::IndexMap<String, Entry>,
    }
    let file: File = serde_saphyr::from_str(&text).unwrap();
    // Stack words and manifest packages are two name spaces (npm's `angular` is AngularJS,
    // the stacks' « Angular » is Angular): no clash within each.
    let mut clashes = Vec::new();
    for packages in [false, true] {
        let mut owner: BTreeMap<String, String> = BTreeMap::new();
        for (id, entry) in &file.technologies {
            let words: Vec<&String> = if packages {
                entry.packages.iter().collect()
            } else {
                entry.spellings.iter().chain([&entry.label]).collect()
            };
            for word in words {
                let key = word.trim().to_lowercase().replace('_', "-");
                if let Some(other) = owner.insert(key, id.clone()) {
                    if &other != id {
                        clashes.push(format!("« {word} »: {other} and {id}"));
                    }
                }
            }
        }
    }
    assert_eq!(clashes, Vec::<String>::new());
    // Two ids for one technology would share a label.
    let labels: BTreeSet<String> = file
        .technologies
        .values()
        .map(|e| e.label.to_lowercase())
        .collect();
    assert_eq!(labels.len(), file.technologies.len());
}

/// `render` of the committed export's `chart` filtered on `tech` into `out`, then `extra`.
fn render_tech(out: &Path, chart: &str, tech: &str, extra: &[&str]) -> Output {
    let mut args = vec!["--chart", chart, "--tech", tech];
    args.extend_from_slice(extra);
    run(&reading_export("render", COMMITTED_EXPORT, out, &args))
}

#[test]
fn tech_filter_narrows_charts_and_says_declared_or_measured() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.csv");
    let output = render_tech(
        &out,
        "skills-by-promotion",
        "postgresql",
        &["--format", "csv"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = std::fs::read_to_string(&out).unwrap();
    // 3 EIG 2 défis + 6 EIG 3 défis declare PostgreSQL, and scanned code measures more.
    let export: Export = serde_json::from_str(
        &std::fs::read_to_string(repo().join("public/data/export.json")).unwrap(),
    )
    .unwrap();
    let mut with_pg = recount::declaring(&export, "postgresql");
    assert_eq!(with_pg.len(), 9);
    // The filter also keeps défis whose scanned code uses it (a PostgreSQL driver in a manifest).
    with_pg.extend(
        export
            .activity
            .iter()
            .filter(|a| a.frameworks.iter().any(|f| f == "postgresql"))
            .map(|a| a.defi_id.as_str()),
    );
    let skills: f64 = export
        .defis
        .iter()
        .filter(|d| with_pg.contains(d.id.as_str()))
        .map(|d| d.skills.len() as f64)
        .sum();
    let drawn: f64 = csv
        .lines()
        .skip(1)
        .map(|l| l.rsplit(',').next().unwrap().parse::<f64>().unwrap())
        .sum();
    assert_eq!(drawn, skills);
    let out = dir.path().join("t.svg");
    let output = render_tech(&out, "technologies-by-promotion", "postgresql", &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        svg.contains("PostgreSQL (déclarée ou mesurée)"),
        "the filter said under the title"
    );
    let bad = render_tech(
        &dir.path().join("x.svg"),
        "technologies-by-promotion",
        "cobol",
        &[],
    );
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    assert!(
        stderr(&bad).contains("technologie inconnue"),
        "{}",
        stderr(&bad)
    );
}
