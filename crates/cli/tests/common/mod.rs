//! Helpers shared by the command-line tests: paths of the real sources and running the binary.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

pub fn site() -> PathBuf {
    repo().join("data/sources/site-eig")
}

/// eig-link's records: declared stacks and openness.
pub fn eig_link() -> PathBuf {
    repo().join("data/sources/eig-link")
}

pub fn journal() -> PathBuf {
    repo().join("data/sources/eig-link-journal/journal-2018-full.csv")
}

pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eig-pulse"))
        .args(args)
        .current_dir(repo())
        .output()
        .expect("the binary runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Exports the real sources into `out`, with a fixed timestamp.
pub fn export_real(out: &Path, extra: &[&str]) -> Output {
    let records = eig_link();
    let mut args = vec![
        "--eig-link",
        records.to_str().unwrap(),
        "--generated-at",
        "2026-01-01T00:00:00Z",
    ];
    args.extend_from_slice(extra);
    export_from(&site(), &journal(), out, &args)
}

/// Runs `export` on the catalogue folder `site` and the journal `journal` into `out`, with `extra`.
pub fn export_from(site: &Path, journal: &Path, out: &Path, extra: &[&str]) -> Output {
    run(&command_line(
        "export",
        &[("--site", site), ("--journal", journal), ("-o", out)],
        extra,
    ))
}

/// The committed export, as the tests give it to the commands that read an export.
pub const COMMITTED_EXPORT: &str = "public/data/export.json";

/// The arguments of `verb` (`render`, `embeds`) reading the export `export` and writing `out`,
/// then `extra`.
pub fn reading_export<'a>(
    verb: &'a str,
    export: &'a str,
    out: &'a Path,
    extra: &[&'a str],
) -> Vec<&'a str> {
    command_line(verb, &[("--export", Path::new(export)), ("-o", out)], extra)
}

/// The arguments of `clone` from the catalogue folder `site` into `into`, then `extra`.
pub fn clone_args<'a>(site: &'a Path, into: &'a Path, extra: &[&'a str]) -> Vec<&'a str> {
    command_line("clone", &[("--site", site), ("--into", into)], extra)
}

/// `verb`, then each flag with its path, then `extra`.
pub fn command_line<'a>(
    verb: &'a str,
    paths: &[(&'a str, &'a Path)],
    extra: &[&'a str],
) -> Vec<&'a str> {
    let mut args = vec![verb];
    for (flag, path) in paths {
        args.extend([*flag, path.to_str().unwrap()]);
    }
    args.extend_from_slice(extra);
    args
}

/// Validates a JSON text against the published schema with the `jsonschema` crate.
pub fn schema_errors(text: &str) -> Vec<String> {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("schema/export.schema.json")).unwrap(),
    )
    .unwrap();
    let validator =
        jsonschema::draft202012::new(&schema).expect("the schema itself is valid draft 2020-12");
    let value: serde_json::Value = serde_json::from_str(text).expect("JSON");
    validator
        .iter_errors(&value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// A small clean catalogue (no warning of its own, so `--strict` only sees the repositories).
/// Each défi: (title, source_code).
pub fn write_site(dir: &Path, defis: &[(&str, Option<&str>)]) -> PathBuf {
    let site = dir.join("site");
    fs::create_dir_all(&site).unwrap();
    let mut text = String::new();
    for (title, source_code) in defis {
        text.push_str(&format!("\"{title}\":\n  title: {title}\n"));
        if let Some(url) = source_code {
            text.push_str(&format!("  source_code: {url}\n"));
        }
        text.push_str(concat!(
            "  skills: [\"dev\"]\n  year: 2018\n  promotion: 2\n",
            "  administration: Ministère de l'Intérieur\n",
            "  administration_website: https://www.interieur.gouv.fr\n",
            "  eigs: [\"Eve Exemple\"]\n  mentors: [\"Mo Mentor\"]\n",
        ));
    }
    fs::write(site.join("defis.yml"), text).unwrap();
    fs::write(
        site.join("personnes.yml"),
        "\"Eve Exemple\":\n  profil: Développeur\n\"Mo Mentor\":\n  profil: Mentor\n",
    )
    .unwrap();
    fs::write(site.join("skills.yml"), "dev: Développement\n").unwrap();
    fs::write(
        site.join("promos.yml"),
        "\"EIG 2\":\n  promotion: 2\n  title: EIG 2\n  class: 2018 eig-2\n",
    )
    .unwrap();
    fs::write(
        dir.join("journal.csv"),
        "Défi,Livrable,Tâche,Fait le,Cat,OK\nAlpha,,Tâche,<2018-02-13 mar.>,P,1\n",
    )
    .unwrap();
    fs::write(dir.join("overrides.yml"), "same_as: {}\n").unwrap();
    site
}

/// The arguments of `export` on the small catalogue of `common::write_site` in `dir`, with
/// `extra`, into `dir/out.json`.
pub fn small_export_args(dir: &Path, extra: &[&str]) -> Vec<String> {
    let path = |name: &str| dir.join(name).display().to_string();
    let mut args: Vec<String> = vec![
        "export".into(),
        "--site".into(),
        path("site"),
        "--journal".into(),
        path("journal.csv"),
        "--overrides".into(),
        path("overrides.yml"),
        "--generated-at".into(),
        "2026-01-01T00:00:00Z".into(),
    ];
    args.extend(extra.iter().map(ToString::to_string));
    args.extend(["-o".into(), path("out.json")]);
    args
}

/// Each administration's parent, from an export read as JSON.
pub fn administration_parents(export: &serde_json::Value) -> BTreeMap<String, Option<String>> {
    export["administrations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                a["parent_id"].as_str().map(String::from),
            )
        })
        .collect()
}
