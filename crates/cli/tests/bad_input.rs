//! Bad input is part of the product: each case names the file and line, exits non-zero and writes nothing.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;

/// A writable copy of the real sources.
struct Sources {
    dir: tempfile::TempDir,
}

impl Sources {
    fn new() -> Sources {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("site")).unwrap();
        for name in ["defis.yml", "personnes.yml", "skills.yml", "promos.yml"] {
            fs::copy(site().join(name), dir.path().join("site").join(name)).unwrap();
        }
        fs::copy(journal(), dir.path().join("journal.csv")).unwrap();
        Sources { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn edit(&self, name: &str, change: impl FnOnce(String) -> String) {
        let path = self.path(name);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, change(text)).unwrap();
    }

    fn export(&self) -> (std::process::Output, PathBuf) {
        let out = self.path("out.json");
        let output = export_from(
            &self.path("site"),
            &self.path("journal.csv"),
            &out,
            &["--generated-at", "2026-01-01T00:00:00Z"],
        );
        (output, out)
    }
}

/// The line number of the first line containing `needle`.
fn line_of(path: &Path, needle: &str) -> usize {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .position(|l| l.contains(needle))
        .unwrap()
        + 1
}

type Change = fn(&Sources);

/// (case, change, the message must contain these, with `{line}` standing for `expected line`).
fn cases() -> Vec<(&'static str, Change, Vec<String>)> {
    vec![
        (
            "missing catalogue folder",
            |s| fs::remove_dir_all(s.path("site")).unwrap(),
            vec!["dossier du catalogue introuvable".into()],
        ),
        (
            "missing defis.yml",
            |s| fs::remove_file(s.path("site/defis.yml")).unwrap(),
            vec!["defis.yml : fichier introuvable".into()],
        ),
        (
            "missing journal",
            |s| fs::remove_file(s.path("journal.csv")).unwrap(),
            vec!["journal.csv : fichier introuvable".into()],
        ),
        (
            "empty personnes.yml",
            |s| fs::write(s.path("site/personnes.yml"), "\n").unwrap(),
            vec!["personnes.yml : fichier vide".into()],
        ),
        (
            "empty journal",
            |s| fs::write(s.path("journal.csv"), "").unwrap(),
            vec!["journal.csv : fichier vide".into()],
        ),
        (
            "invalid YAML",
            |s| s.edit("site/skills.yml", |t| t + "geo: [unclosed\n"),
            vec!["skills.yml, ligne 6".into(), "YAML invalide".into()],
        ),
        (
            "wrong type",
            |s| {
                s.edit("site/defis.yml", |t| {
                    t.replacen("year: 2020", "year: deux mille vingt", 1)
                });
            },
            vec!["defis.yml, ligne 8".into(), "YAML invalide".into()],
        ),
        (
            "duplicate défi",
            |s| s.edit("site/defis.yml", |t| t + "\n\"ADEX\":\n  title: Autre\n"),
            vec![
                "defis.yml, ligne 2491".into(),
                "clé « ADEX » en double".into(),
            ],
        ),
        (
            "unknown skill",
            |s| {
                s.edit("site/defis.yml", |t| {
                    t.replacen(
                        "skills: [\"dev\", \"design\", \"datascience\"]",
                        "skills: [\"dev\", \"cuisine\"]",
                        1,
                    )
                });
            },
            vec![
                "defis.yml, ligne 6".into(),
                "compétence « cuisine » absente de skills.yml".into(),
            ],
        ),
        (
            "unknown promotion",
            |s| {
                s.edit("site/defis.yml", |t| {
                    t.replacen("promotion: 4", "promotion: 9", 1)
                });
            },
            vec![
                "defis.yml, ligne 9".into(),
                "promotion « 9 » absente de promos.yml".into(),
            ],
        ),
        (
            "required key missing",
            |s| {
                s.edit("site/defis.yml", |t| {
                    t.replacen("  administration: Haute Autorité de Santé\n", "", 1)
                });
            },
            vec![
                "defis.yml, ligne 2".into(),
                "clé obligatoire « administration » absente".into(),
            ],
        ),
        (
            "ragged CSV row",
            |s| {
                s.edit("journal.csv", |t| {
                    t.replacen(
                        "Archifiltre,Roadmap,Élaboration du macro-planning,<2018-02-15 jeu.>,M,\n",
                        "Archifiltre,Roadmap\n",
                        1,
                    )
                });
            },
            vec!["journal.csv, ligne 4".into(), "CSV invalide".into()],
        ),
        (
            "unreadable date",
            |s| {
                s.edit("journal.csv", |t| {
                    t.replacen("<2018-02-15 jeu.>", "<15/02/2018>", 1)
                });
            },
            vec![
                "journal.csv, ligne 4".into(),
                "date « <15/02/2018> » illisible".into(),
            ],
        ),
        (
            "journal year outside the plausible range",
            |s| {
                s.edit("journal.csv", |t| {
                    t.replacen("<2018-02-15 jeu.>", "<0018-02-15 jeu.>", 1)
                });
            },
            vec![
                "journal.csv, ligne 4".into(),
                "date « <0018-02-15 jeu.> » hors de la période plausible (1970 à 2099)".into(),
            ],
        ),
        (
            "missing column",
            |s| {
                s.edit("journal.csv", |t| {
                    t.replacen(
                        "Défi,Livrable,Tâche,Fait le,Cat,OK",
                        "Défi,Livrable,Tâche,Date,Cat,OK",
                        1,
                    )
                });
            },
            vec![
                "journal.csv, ligne 1".into(),
                "colonne « Fait le » absente".into(),
            ],
        ),
        (
            "not UTF-8",
            |s| fs::write(s.path("journal.csv"), b"D\xe9fi,Livrable\n").unwrap(),
            vec!["journal.csv : n'est pas en UTF-8".into()],
        ),
    ]
}

#[test]
fn each_bad_input_names_its_place_exits_2_and_writes_nothing() {
    for (case, change, expected) in cases() {
        let sources = Sources::new();
        change(&sources);
        let out = sources.path("out.json");
        fs::write(&out, "previous export").unwrap();
        let (output, out) = sources.export();
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{case}: {message}");
        for part in &expected {
            assert!(
                message.contains(part.as_str()),
                "{case}: expected « {part} » in:\n{message}"
            );
        }
        assert!(!message.contains("panicked"), "{case}: {message}");
        assert_eq!(
            fs::read_to_string(&out).unwrap(),
            "previous export",
            "{case}: the previous export is untouched"
        );
    }
}

#[test]
fn the_line_numbers_in_the_cases_are_the_real_ones() {
    let sources = Sources::new();
    assert_eq!(line_of(&sources.path("site/defis.yml"), "year: 2020"), 8);
    assert_eq!(
        line_of(
            &sources.path("site/defis.yml"),
            "skills: [\"dev\", \"design\", \"datascience\"]"
        ),
        6
    );
    assert_eq!(
        line_of(
            &sources.path("journal.csv"),
            "Élaboration du macro-planning"
        ),
        4
    );
    assert_eq!(
        fs::read_to_string(sources.path("site/defis.yml"))
            .unwrap()
            .lines()
            .count(),
        2489
    );
}

#[test]
fn bom_and_crlf_give_the_same_export() {
    let plain = Sources::new();
    let (output, out) = plain.export();
    assert!(output.status.success(), "{}", stderr(&output));
    let expected = fs::read_to_string(out).unwrap();

    let dos = Sources::new();
    for name in [
        "site/defis.yml",
        "site/personnes.yml",
        "site/skills.yml",
        "site/promos.yml",
        "journal.csv",
    ] {
        dos.edit(name, |t| format!("\u{FEFF}{}", t.replace('\n', "\r\n")));
    }
    let (output, out) = dos.export();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = fs::read_to_string(out).unwrap();
    // Only the file names in the report differ; the export is the same.
    assert_eq!(text, expected);
}

#[test]
fn a_missing_output_folder_is_an_error() {
    let sources = Sources::new();
    let out = sources.path("nowhere/export.json");
    let output = run(&[
        "export",
        "--site",
        sources.path("site").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("dossier de sortie introuvable"),
        "{}",
        stderr(&output)
    );
}

/// Hostile or broken exports given to `validate`: each error is printed with its JSON path.
#[test]
fn validate_prints_each_error_with_its_json_path() {
    let good: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(repo().join("public/data/export.json")).unwrap())
            .unwrap();
    let dir = tempfile::tempdir().unwrap();
    type Break = fn(&mut serde_json::Value);
    let cases: Vec<(&str, Break, &str)> = vec![
        (
            "wrong version",
            |v| v["schema_version"] = 2.into(),
            "/schema_version",
        ),
        (
            "wrong type",
            |v| v["defis"][3]["title"] = 12.into(),
            "/defis/3/title",
        ),
        (
            "bad date",
            |v| v["journal"][5]["date"] = "15/02/2018".into(),
            "/journal/5/date",
        ),
        (
            "unknown letter",
            |v| v["journal"][7]["categories"] = serde_json::json!(["Z"]),
            "/journal/7/categories/0",
        ),
        (
            "dangling administration",
            |v| v["defis"][2]["administration_id"] = "nulle-part".into(),
            "/defis/2/administration_id",
        ),
        (
            "dangling défi",
            |v| v["journal"][0]["defi_id"] = "inconnu".into(),
            "/journal/0/defi_id",
        ),
        (
            "parent cycle",
            |v| {
                let first = v["administrations"][0]["id"].clone();
                let second = v["administrations"][1]["id"].clone();
                v["administrations"][0]["parent_id"] = second;
                v["administrations"][1]["parent_id"] = first;
            },
            "/administrations/0/parent_id",
        ),
        (
            "missing field",
            |v| {
                v["defis"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("promotion_id");
            },
            "/defis/0",
        ),
        (
            "year 9999 commit week",
            |v| {
                let defi = v["defis"][0]["id"].clone();
                v["activity"] = serde_json::json!([{"defi_id": defi, "url": "https://github.com/etalab/x",
                    "matched_by": "source_code", "default_branch": "main", "commits": 1, "authors": 1,
                    "first_commit": "9999-12-27", "last_commit": "9999-12-27", "latest_tag": null,
                    "weeks": [{"week": "9999-W52", "monday": "9999-12-27", "commits": 1, "authors": 1}],
                    "openness": {"license_file": null, "license_spdx": null, "readme": false,
                        "contributing": false, "changelog": false, "ci": [], "tests": false}}]);
            },
            "/activity/0/weeks/0/monday",
        ),
        (
            "script as a website",
            |v| v["defis"][0]["website"] = "javascript:alert(1)".into(),
            "/defis/0/website",
        ),
        (
            "markup as an id",
            |v| v["skills"][0]["id"] = "<b>dev</b>".into(),
            "/skills/0/id",
        ),
        (
            "script in a URL",
            |v| v["defis"][0]["source_code"] = serde_json::json!(["javascript:alert(1)"]),
            "/defis/0/source_code/0",
        ),
    ];
    for (case, change, path) in cases {
        let mut value = good.clone();
        change(&mut value);
        let file = dir.path().join("broken.json");
        fs::write(&file, serde_json::to_string(&value).unwrap()).unwrap();
        let output = run(&["validate", file.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{case}");
        assert!(
            stdout(&output).contains(&format!("{path} ")),
            "{case}: expected {path} in\n{}",
            stdout(&output)
        );
        // The same problems in English, with English punctuation and no French word left.
        let english = run(&["--lang", "en", "validate", file.to_str().unwrap()]);
        let words = format!(
            "{}{}",
            stdout(&english),
            String::from_utf8_lossy(&english.stderr)
        );
        assert_eq!(english.status.code(), Some(1), "{case}");
        assert!(words.contains(&format!("{path}:")), "{case}: {words}");
        for french in ["«", " : ", "erreur", "n'est pas", "illisible", "attendu"] {
            assert!(!words.contains(french), "{case}: « {french} » in\n{words}");
        }
    }
    for (case, text, expected) in [
        ("not JSON", "{\"schema_version\": 1,", "ligne 1"),
        (
            "deep nesting",
            &format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
            "JSON illisible",
        ),
    ] {
        let file = dir.path().join("broken.json");
        fs::write(&file, text).unwrap();
        let output = run(&["validate", file.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{case}");
        assert!(
            stdout(&output).contains(expected),
            "{case}: {}",
            stdout(&output)
        );
    }
    let output = run(&["validate", "public/data/export.json"]);
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(stdout(&output).contains("export valide"));
}
