//! `export --repos` and `clone` on repositories built here with git: the exact activity record,
//! the schema, anonymity, each bad input named by its folder, `--strict`, and `file://` clones.

mod common;
#[path = "../../repos/tests/fixture/mod.rs"]
mod fixture;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use eig_pulse_core::contract::export::{Activity, Export};

/// Runs `export` on the small catalogue of `dir` with `--repos dir/repos`; returns the output and the export path.
fn run_export(dir: &Path, extra: &[&str]) -> (std::process::Output, PathBuf) {
    let out = dir.join("out.json");
    let _ = fs::remove_file(&out);
    let (repos, map) = (
        dir.join("repos").display().to_string(),
        dir.join("repositories.yml").display().to_string(),
    );
    let mut options = vec!["--repos", &repos, "--repos-map", &map];
    options.extend_from_slice(extra);
    let args = small_export_args(dir, &options);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    (run(&args), out)
}

const DEFIS: [(&str, Option<&str>); 3] = [
    ("Alpha", Some("https://github.com/etalab/alpha")),
    ("Beta", None),
    // An organisation page: no clone can match it through source_code.
    ("Gamma", Some("https://github.com/etalab")),
];

/// Alpha's clone (remote spelled differently from the catalogue) and Beta's bare clone,
/// matched through the mapping by its remote URL.
fn sound_repositories(dir: &Path) {
    write_site(dir, &DEFIS);
    let repos = dir.join("repos");
    fixture::sample(&repos.join("alpha"), "git@GitHub.com:Etalab/Alpha.git/");
    fixture::git_plain(&repos, &["clone", "-q", "--bare", "alpha", "beta.git"]);
    fixture::git_plain(
        &repos.join("beta.git"),
        &[
            "remote",
            "set-url",
            "origin",
            "https://framagit.org/someone/beta.git",
        ],
    );
    fs::write(
        dir.join("repositories.yml"),
        "repositories:\n  # Beta's catalogue entry has no source_code.\n  \"https://framagit.org/someone/beta\": beta\n",
    )
    .unwrap();
}

fn sample_record(defi_id: &str, url: &str, matched_by: &str) -> Activity {
    let mut record = Activity {
        defi_id: defi_id.into(),
        url: url.into(),
        matched_by: matched_by.into(),
        // requirements.txt's Flask and pandas, through data/technologies.yml.
        frameworks: vec!["flask".into(), "pandas".into()],
        ..fixture::sample_activity()
    };
    for language in &mut record.languages {
        language.technology_id = Some("python".into());
    }
    record
}

#[test]
fn activity_is_exported_exactly_validates_and_names_nobody() {
    let dir = tempfile::tempdir().unwrap();
    sound_repositories(dir.path());
    let (output, out) = run_export(dir.path(), &["--strict"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(
        err.contains("dépôt « beta.git » rapproché du défi beta par la table des dépôts"),
        "{err}"
    );
    // stderr is a pipe here: no progress bar drawn into it.
    assert!(!err.contains("/2 dépôts") && !err.contains('\r'), "{err}");

    let text = fs::read_to_string(&out).unwrap();
    assert_eq!(schema_errors(&text), Vec::<String>::new());

    // The exporter reads git without the git binary: the same export with no PATH at all.
    let mut args: Vec<String> = Vec::new();
    for (flag, name) in [
        ("--site", "site"),
        ("--journal", "journal.csv"),
        ("--overrides", "overrides.yml"),
        ("--repos", "repos"),
        ("--repos-map", "repositories.yml"),
    ] {
        args.push(flag.into());
        args.push(dir.path().join(name).display().to_string());
    }
    // From the same folder as `run`, so that both read the same default data/promotions.yml.
    let without_git = std::process::Command::new(env!("CARGO_BIN_EXE_eig-pulse"))
        .current_dir(repo())
        .arg("export")
        .args(&args)
        .args(["--generated-at", "2026-01-01T00:00:00Z", "-o"])
        .arg(dir.path().join("without-git.json"))
        // Where `run` runs: the same default files (data/promotions.yml) are read.
        .current_dir(repo())
        .env("PATH", "")
        .output()
        .unwrap();
    assert_eq!(
        without_git.status.code(),
        Some(0),
        "{}",
        stderr(&without_git)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("without-git.json")).unwrap(),
        text
    );
    let export: Export = eig_pulse_core::contract::validate::parse_export(&text).unwrap();
    assert_eq!(
        export.activity,
        [
            sample_record("alpha", "https://github.com/etalab/alpha", "source_code"),
            sample_record("beta", "https://framagit.org/someone/beta.git", "mapping"),
        ]
    );
    assert!(eig_pulse_core::contract::validate::check(&export).is_empty());

    let lower = text.to_lowercase();
    for (name, email) in fixture::AUTHORS {
        let last_name = name.split_once(' ').unwrap().1;
        for personal in [name, last_name, email] {
            assert!(
                !lower.contains(&personal.to_lowercase()),
                "the export names a test author: {personal}"
            );
        }
    }
}

type Setup = fn(&Path);

fn remove_loose(repo: &Path, revision: &str) {
    let output = std::process::Command::new("git")
        .args(["rev-parse", revision])
        .current_dir(repo)
        .output()
        .unwrap();
    let id = String::from_utf8(output.stdout).unwrap().trim().to_string();
    fs::remove_file(repo.join(".git/objects").join(&id[..2]).join(&id[2..])).unwrap();
}

/// (folder or entry, how to make it, French words, English words).
fn bad_inputs() -> Vec<(&'static str, Setup, &'static str, &'static str)> {
    vec![
        (
            "plain-folder",
            |repos| fs::create_dir(repos.join("plain-folder")).unwrap(),
            "dossier « plain-folder » : pas un dépôt git",
            "folder \"plain-folder\": not a git repository",
        ),
        (
            "empty",
            |repos| {
                fs::create_dir(repos.join("empty")).unwrap();
                fixture::git_plain(&repos.join("empty"), &["init", "-q"]);
            },
            "dépôt « empty » : vide",
            "repository \"empty\": empty",
        ),
        (
            "shallow",
            |repos| {
                let source = format!("file://{}", repos.join("alpha").display());
                fixture::git_plain(repos, &["clone", "-q", "--depth", "1", &source, "shallow"]);
            },
            "dépôt « shallow » : clone superficiel",
            "repository \"shallow\": shallow clone",
        ),
        (
            "corrupt",
            |repos| {
                fixture::sample(&repos.join("corrupt"), "https://github.com/etalab/corrupt");
                remove_loose(&repos.join("corrupt"), "HEAD~2");
            },
            "dépôt « corrupt » : objet illisible ou corrompu",
            "repository \"corrupt\": unreadable or corrupt object",
        ),
        (
            "stray",
            |repos| fixture::sample(&repos.join("stray"), "https://github.com/someone/else"),
            "dépôt « stray » : l'URL distante « https://github.com/someone/else » ne correspond à aucun source_code",
            "repository \"stray\": remote URL \"https://github.com/someone/else\" matches no source_code",
        ),
        (
            "gamma-web",
            |repos| fixture::sample(&repos.join("gamma-web"), "https://github.com/etalab/gamma-web"),
            "(le source_code du défi gamma est la page de son organisation : une entrée « gamma-web: gamma » dans la table des dépôts le rattacherait)",
            "(défi gamma's source_code is its organisation page: an entry \"gamma-web: gamma\" in the repositories mapping would match it)",
        ),
        (
            "alpha-copy",
            |repos| {
                fixture::git_plain(repos, &["clone", "-q", "--bare", "alpha", "alpha-copy"]);
                let alpha = "https://github.com/etalab/alpha";
                fixture::git_plain(&repos.join("alpha-copy"), &["remote", "set-url", "origin", alpha]);
            },
            "dépôt « alpha-copy » : même dépôt distant que « alpha »",
            "repository \"alpha-copy\": same remote repository as \"alpha\"",
        ),
        // Hostile repositories, a few KB each: left out with their reason, the others kept.
        (
            "bomb",
            |repos| fixture::tree_bomb(&repos.join("bomb"), "https://github.com/etalab/bomb"),
            "dépôt « bomb » : plus de 500\u{202f}000 chemins à HEAD (limite de lecture du scan), écarté",
            "repository \"bomb\": more than 500,000 paths at HEAD (the scan's read limit), left out",
        ),
        (
            "late",
            |repos| fixture::dated_2100(&repos.join("late")),
            "dépôt « late » : date 1er janvier 2100 du commit ",
            "repository \"late\": date 1 January 2100 of commit ",
        ),
        (
            "later",
            |repos| fixture::copied_in_2150(&repos.join("later"), "https://github.com/etalab/later"),
            "dépôt « later » : date 1er juin 2150 de la copie (dernier fetch ou clone), hors des années que l'export peut écrire (1970–2099), écarté",
            "repository \"later\": date 1 June 2150 of the copy (last fetch or clone), outside the years the export can write (1970–2099), left out",
        ),
        (
            "stale mapping entry",
            |repos| {
                let mapping = repos.parent().unwrap().join("repositories.yml");
                let text = fs::read_to_string(&mapping).unwrap() + "  gone-folder: alpha\n  other: no-such-defi\n";
                fs::write(mapping, text).unwrap();
            },
            "entrée « gone-folder » de la table des dépôts sans effet",
            "repositories mapping entry \"gone-folder\" without effect",
        ),
    ]
}

#[test]
fn each_bad_repository_is_named_the_export_keeps_the_sound_ones_and_strict_fails() {
    for (case, setup, french, english) in bad_inputs() {
        let dir = tempfile::tempdir().unwrap();
        sound_repositories(dir.path());
        setup(&dir.path().join("repos"));

        let (output, out) = run_export(dir.path(), &[]);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(0), "{case}: {err}");
        assert!(err.contains(french), "{case}: {err}");
        let export: Export =
            eig_pulse_core::contract::validate::parse_export(&fs::read_to_string(&out).unwrap())
                .unwrap();
        let defis: Vec<&str> = export.activity.iter().map(|a| a.defi_id.as_str()).collect();
        assert_eq!(
            defis,
            ["alpha", "beta"],
            "{case}: the sound repositories stay"
        );

        let (output, out) = run_export(dir.path(), &["--lang", "en"]);
        assert!(
            stderr(&output).contains(english),
            "{case}: {}",
            stderr(&output)
        );
        assert!(out.exists());

        let (output, out) = run_export(dir.path(), &["--strict"]);
        assert_eq!(output.status.code(), Some(1), "{case}: {}", stderr(&output));
        assert!(!out.exists(), "{case}: --strict writes nothing");
    }
}

#[test]
fn a_missing_repositories_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write_site(dir.path(), &DEFIS);
    fs::write(dir.path().join("repositories.yml"), "repositories: {}\n").unwrap();
    let (output, out) = run_export(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("dossier des dépôts illisible"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("repos"), "{}", stderr(&output));
    assert!(!out.exists());
}

#[test]
fn clone_takes_file_urls_and_skips_what_is_no_repository() {
    let dir = tempfile::tempdir().unwrap();
    let file_url = fixture::upstream(dir.path());
    let site = write_site(
        dir.path(),
        &[
            ("Alpha", Some(file_url.as_str())),
            ("Beta", Some("https://github.com/etalab")),
            (
                "Gamma",
                Some("https://entrepreneur-interet-general/AFD_projects"),
            ),
            ("Delta", Some("https://matchid-project.github.io/")),
            // The same repository as Alpha's: cloned once.
            ("Epsilon", Some(&format!("{file_url}/"))),
        ],
    );
    let into = dir.path().join("repos");
    let clone = || run(&clone_args(&site, &into, &["--allow-file-urls"]));
    let output = clone();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    for expected in [
        "défi alpha",
        "cloné dans",
        "défi beta « https://github.com/etalab » : page d'organisation ou d'utilisateur, pas un dépôt : ignorée",
        "défi gamma « https://entrepreneur-interet-general/AFD_projects » : URL malformée : ignorée",
        "défi delta « https://matchid-project.github.io/ » : site web sans chemin de dépôt : ignoré",
        "défi epsilon",
        "même dépôt que le défi alpha",
        "1 clonés, 0 déjà présents, 1 en double, 3 ignorés, 0 refusés, 0 échecs",
    ] {
        assert!(err.contains(expected), "{expected}: {err}");
    }
    let folders = eig_pulse_repos::activity::folders(&into).unwrap();
    assert_eq!(
        folders.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(),
        ["alpha"]
    );

    // Again: what is there is kept.
    let output = clone();
    assert!(
        stderr(&output).contains("1 déjà présents"),
        "{}",
        stderr(&output)
    );

    // The export reports file:// source_code as malformed (it publishes web addresses only),
    // so a file:// clone is matched through the mapping, by folder name.
    fs::write(
        dir.path().join("repositories.yml"),
        "repositories:\n  alpha: alpha\n",
    )
    .unwrap();
    let (output, out) = run_export(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let export: Export =
        eig_pulse_core::contract::validate::parse_export(&fs::read_to_string(out).unwrap())
            .unwrap();
    // Its local path is never published (issue 10): no web address, an empty url.
    assert_eq!(export.activity, [sample_record("alpha", "", "mapping")]);
}

#[test]
fn a_failed_clone_names_its_defi_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let missing = format!("file://{}", dir.path().join("nowhere").display());
    let site = write_site(dir.path(), &[("Alpha", Some(missing.as_str()))]);
    let into = dir.path().join("repos");
    let output = run(&[
        &["--lang", "en"][..],
        &clone_args(&site, &into, &["--allow-file-urls"]),
    ]
    .concat());
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("défi alpha") && err.contains("failed:"),
        "{err}"
    );
    assert!(!into.join("alpha").exists(), "no half-made clone is left");
}

#[test]
fn an_invalid_mapping_file_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    sound_repositories(dir.path());
    fs::write(
        dir.path().join("repositories.yml"),
        "repositories:\n  alpha: alpha\n  alpha: beta\n",
    )
    .unwrap();
    let (output, out) = run_export(dir.path(), &[]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains("repositories.yml, ligne 3"), "{err}");
    assert!(!out.exists());
}
