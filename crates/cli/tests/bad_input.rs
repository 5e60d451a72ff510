//! Bad input is part of the product: each case names the file and line, exits non-zero and writes nothing.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use serde_json::{json, Value};

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

/// How a case breaks the sources.
enum Change {
    /// The first `from` in the file `name` replaced with `to`.
    Replace {
        name: &'static str,
        from: &'static str,
        to: &'static str,
    },
    /// Any other change.
    Other(fn(&Sources)),
}

impl Change {
    fn apply(&self, sources: &Sources) {
        match self {
            Change::Replace { name, from, to } => sources.edit(name, |t| t.replacen(from, to, 1)),
            Change::Other(change) => change(sources),
        }
    }
}

/// A change that replaces the first `from` in the file `name` with `to`.
const fn replace(name: &'static str, from: &'static str, to: &'static str) -> Change {
    Change::Replace { name, from, to }
}

/// (case, change, the message must contain these).
fn cases() -> Vec<(&'static str, Change, &'static [&'static str])> {
    vec![
        (
            "missing catalogue folder",
            Change::Other(|s| fs::remove_dir_all(s.path("site")).unwrap()),
            &["dossier du catalogue introuvable"],
        ),
        (
            "missing defis.yml",
            Change::Other(|s| fs::remove_file(s.path("site/defis.yml")).unwrap()),
            &["defis.yml : fichier introuvable"],
        ),
        (
            "missing journal",
            Change::Other(|s| fs::remove_file(s.path("journal.csv")).unwrap()),
            &["journal.csv : fichier introuvable"],
        ),
        (
            "empty personnes.yml",
            Change::Other(|s| fs::write(s.path("site/personnes.yml"), "\n").unwrap()),
            &["personnes.yml : fichier vide"],
        ),
        (
            "empty journal",
            Change::Other(|s| fs::write(s.path("journal.csv"), "").unwrap()),
            &["journal.csv : fichier vide"],
        ),
        (
            "invalid YAML",
            Change::Other(|s| s.edit("site/skills.yml", |t| t + "geo: [unclosed\n")),
            &["skills.yml, ligne 6", "YAML invalide"],
        ),
        (
            "wrong type",
            replace("site/defis.yml", "year: 2020", "year: deux mille vingt"),
            &["defis.yml, ligne 8", "YAML invalide"],
        ),
        (
            "duplicate défi",
            Change::Other(|s| s.edit("site/defis.yml", |t| t + "\n\"ADEX\":\n  title: Autre\n")),
            &["defis.yml, ligne 2491", "clé « ADEX » en double"],
        ),
        (
            "unknown skill",
            replace(
                "site/defis.yml",
                "skills: [\"dev\", \"design\", \"datascience\"]",
                "skills: [\"dev\", \"cuisine\"]",
            ),
            &[
                "defis.yml, ligne 6",
                "compétence « cuisine » absente de skills.yml",
            ],
        ),
        (
            "unknown promotion",
            replace("site/defis.yml", "promotion: 4", "promotion: 9"),
            &[
                "defis.yml, ligne 9",
                "promotion « 9 » absente de promos.yml",
            ],
        ),
        (
            "required key missing",
            replace(
                "site/defis.yml",
                "  administration: Haute Autorité de Santé\n",
                "",
            ),
            &[
                "defis.yml, ligne 2",
                "clé obligatoire « administration » absente",
            ],
        ),
        (
            "ragged CSV row",
            replace(
                "journal.csv",
                "Archifiltre,Roadmap,Élaboration du macro-planning,<2018-02-15 jeu.>,M,\n",
                "Archifiltre,Roadmap\n",
            ),
            &["journal.csv, ligne 4", "CSV invalide"],
        ),
        (
            "unreadable date",
            replace("journal.csv", "<2018-02-15 jeu.>", "<15/02/2018>"),
            &["journal.csv, ligne 4", "date « <15/02/2018> » illisible"],
        ),
        (
            "journal year outside the plausible range",
            replace("journal.csv", "<2018-02-15 jeu.>", "<0018-02-15 jeu.>"),
            &[
                "journal.csv, ligne 4",
                "date « <0018-02-15 jeu.> » hors de la période plausible (1970 à 2099)",
            ],
        ),
        (
            "missing column",
            replace(
                "journal.csv",
                "Défi,Livrable,Tâche,Fait le,Cat,OK",
                "Défi,Livrable,Tâche,Date,Cat,OK",
            ),
            &["journal.csv, ligne 1", "colonne « Fait le » absente"],
        ),
        (
            "not UTF-8",
            Change::Other(|s| fs::write(s.path("journal.csv"), b"D\xe9fi,Livrable\n").unwrap()),
            &["journal.csv : n'est pas en UTF-8"],
        ),
    ]
}

#[test]
fn each_bad_input_names_its_place_exits_2_and_writes_nothing() {
    for (case, change, expected) in cases() {
        let sources = Sources::new();
        change.apply(&sources);
        let out = sources.path("out.json");
        fs::write(&out, "previous export").unwrap();
        let (output, out) = sources.export();
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{case}: {message}");
        for part in expected {
            assert!(
                message.contains(part),
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

/// `validate` refuses the export `value`, written in `dir`, naming `path` in French and English.
fn assert_names_path(dir: &Path, case: &str, value: &Value, path: &str) {
    let file = dir.join("broken.json");
    fs::write(&file, serde_json::to_string(value).unwrap()).unwrap();
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

/// Hostile or broken exports given to `validate`: each error is printed with its JSON path.
#[test]
fn validate_prints_each_error_with_its_json_path() {
    let good: Value =
        serde_json::from_str(&fs::read_to_string(repo().join("public/data/export.json")).unwrap())
            .unwrap();
    let dir = tempfile::tempdir().unwrap();
    // Values replaced: (case, the place, its new value, the path the error must name).
    let replaced = [
        (
            "wrong version",
            "/schema_version",
            json!(2),
            "/schema_version",
        ),
        ("wrong type", "/defis/3/title", json!(12), "/defis/3/title"),
        (
            "bad date",
            "/journal/5/date",
            json!("15/02/2018"),
            "/journal/5/date",
        ),
        (
            "unknown letter",
            "/journal/7/categories",
            json!(["Z"]),
            "/journal/7/categories/0",
        ),
        (
            "dangling administration",
            "/defis/2/administration_id",
            json!("nulle-part"),
            "/defis/2/administration_id",
        ),
        (
            "dangling défi",
            "/journal/0/defi_id",
            json!("inconnu"),
            "/journal/0/defi_id",
        ),
        (
            "script as a website",
            "/defis/0/website",
            json!("javascript:alert(1)"),
            "/defis/0/website",
        ),
        (
            "markup as an id",
            "/skills/0/id",
            json!("<b>dev</b>"),
            "/skills/0/id",
        ),
        (
            "script in a URL",
            "/defis/0/source_code",
            json!(["javascript:alert(1)"]),
            "/defis/0/source_code/0",
        ),
    ];
    // Other changes: (case, change, the path the error must name).
    type Break = fn(&mut Value);
    let changed: [(&str, Break, &str); 3] = [
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
                v["activity"] = json!([{"defi_id": defi, "url": "https://github.com/etalab/x",
                    "matched_by": "source_code", "default_branch": "main", "commits": 1, "authors": 1,
                    "first_commit": "9999-12-27", "last_commit": "9999-12-27", "latest_tag": null,
                    "weeks": [{"week": "9999-W52", "monday": "9999-12-27", "commits": 1, "authors": 1}],
                    "openness": {"license_file": null, "license_spdx": null, "readme": false,
                        "contributing": false, "changelog": false, "ci": [], "tests": false}}]);
            },
            "/activity/0/weeks/0/monday",
        ),
    ];
    for (case, place, new, path) in replaced {
        let mut value = good.clone();
        *value.pointer_mut(place).expect("the place exists") = new;
        assert_names_path(dir.path(), case, &value, path);
    }
    for (case, change, path) in changed {
        let mut value = good.clone();
        change(&mut value);
        assert_names_path(dir.path(), case, &value, path);
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
