//! `export --repos` and `clone`: files, progress bar and messages around `eig-pulse-repos`.

use std::collections::HashMap;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use eig_pulse_core::{Export, Lang, Text};
use eig_pulse_ingest::report::What;
use eig_pulse_ingest::repositories::{parse_mapping, source_code_links, SourceCodeLink};
use eig_pulse_ingest::technologies::Table;
use eig_pulse_ingest::{Report, SourceText};
use eig_pulse_repos::clone::{clone_bare, Target};
use eig_pulse_repos::matching::{match_scans, DefiLinks, Finding, MappingEntry};
use eig_pulse_repos::{remote, Problem};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The mapping file read when `--repos-map` is not given, if it exists.
pub const DEFAULT_MAPPING: &str = "data/repositories.yml";

/// A bar on stderr when it is a terminal; hidden otherwise (CI, pipes, tests).
fn progress(len: usize, lang: Lang) -> ProgressBar {
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(Some(len as u64), target);
    let template = lang.pick(
        "{bar:30} {pos}/{len} dépôts  {msg}",
        "{bar:30} {pos}/{len} repositories  {msg}",
    );
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// Scans every folder of `repos`, matches the sound ones to défis and puts their records into
/// `export.activity`; every problem goes into the report, naming the folder.
pub fn add_activity(
    export: &mut Export,
    report: &mut Report,
    repos: &Path,
    mapping: Option<&SourceText>,
    table: &Table,
    lang: Lang,
) -> Result<(), String> {
    let folders = eig_pulse_repos::folders(repos).map_err(|e| {
        format!(
            "{} {} ({e})",
            lang.pick(
                "dossier des dépôts illisible :",
                "repositories folder unreadable:"
            ),
            repos.display()
        )
    })?;
    let mapping_lines = match mapping {
        Some(source) => parse_mapping(source).map_err(|e| e.describe(lang))?,
        None => Vec::new(),
    };

    let bar = progress(folders.len(), lang);
    let mut scans = Vec::new();
    for (name, path) in &folders {
        bar.set_message(name.clone());
        let place = path.display().to_string();
        match eig_pulse_repos::scan(path, name) {
            Ok(mut scan) => {
                let mut frameworks: Vec<String> = scan
                    .dependencies
                    .iter()
                    .filter_map(|d| table.by_package(&d.name))
                    .map(str::to_string)
                    .collect();
                frameworks.sort();
                frameworks.dedup();
                scan.activity.frameworks = frameworks;
                for language in &mut scan.activity.languages {
                    language.technology_id =
                        table.by_spelling(&language.language).map(str::to_string);
                }
                if let Some(example) = scan.skipped.first() {
                    report.add(
                        &place,
                        None,
                        What::SkippedFiles {
                            folder: name.clone(),
                            files: scan.skipped.len(),
                            example: example.clone(),
                        },
                    );
                }
                scans.push(scan);
            }
            Err(problem) => {
                let folder = name.clone();
                let what = match problem {
                    Problem::NotARepository => What::NotARepository { folder },
                    Problem::Empty => What::EmptyRepository { folder },
                    Problem::Shallow => What::ShallowClone { folder },
                    Problem::Unreadable(detail) => What::UnreadableRepository { folder, detail },
                };
                report.add(&place, None, what);
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let readable = scans.len();

    let defis: Vec<DefiLinks> = export
        .defis
        .iter()
        .map(|d| DefiLinks {
            defi_id: d.id.clone(),
            source_code: d.source_code.clone(),
        })
        .collect();
    let entries: Vec<MappingEntry> = mapping_lines
        .into_iter()
        .map(|m| MappingEntry {
            key: m.key,
            defi_id: m.defi_id,
            line: m.line,
        })
        .collect();
    let (records, findings) = match_scans(scans, &defis, &entries);
    let folder_path = |folder: &str| repos.join(folder).display().to_string();
    let mapping_name = mapping.map(|m| m.name.as_str()).unwrap_or(DEFAULT_MAPPING);
    for finding in findings {
        match finding {
            Finding::Unmatched {
                folder,
                remote,
                organisation_of,
            } => report.add(
                &folder_path(&folder),
                None,
                What::UnmatchedRepository {
                    folder,
                    remote,
                    organisation_of,
                },
            ),
            Finding::SameRepository { folder, first } => report.add(
                &folder_path(&folder),
                None,
                What::DuplicateRepository { folder, first },
            ),
            Finding::ThroughMapping {
                folder, defi_id, ..
            } => report.add(
                &folder_path(&folder),
                None,
                What::MappedRepository { folder, defi_id },
            ),
            Finding::SharedByDefis { folder, defi_ids } => report.add(
                &folder_path(&folder),
                None,
                What::SharedRepository { folder, defi_ids },
            ),
            Finding::MappingUnknownDefi { key, defi_id, line } => report.add(
                mapping_name,
                Some(line),
                What::StaleRepositoryMapping {
                    entry: key,
                    unknown_defi: Some(defi_id),
                },
            ),
            Finding::MappingUnused { key, line } => report.add(
                mapping_name,
                Some(line),
                What::StaleRepositoryMapping {
                    entry: key,
                    unknown_defi: None,
                },
            ),
        }
    }
    report.count(
        Text::fixed("dossiers de dépôts", "repository folders"),
        folders.len(),
    );
    report.count(
        Text::fixed("dépôts lus en entier", "repositories read in full"),
        readable,
    );
    report.count(
        Text::fixed(
            "fiches d'activité (dépôt × défi)",
            "activity records (repository × défi)",
        ),
        records.len(),
    );
    export.activity = records;
    Ok(())
}

/// What `clone` did with one catalogue URL.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Outcome {
    Cloned,
    AlreadyThere,
    SameRepository,
    Skipped,
    Failed,
}

/// Clones every `source_code` that is a repository into `into/<défi id>` (bare), saying why
/// each other one is skipped. Exit 1 when a clone failed.
pub fn clone(
    site: &Path,
    into: &Path,
    repos_map: Option<&Path>,
    lang: Lang,
) -> Result<ExitCode, String> {
    let read = |path: &Path| {
        std::fs::read_to_string(path)
            .map(|text| SourceText::new(path.display().to_string(), text))
            .map_err(|e| format!("{} : {e}", path.display()))
    };
    let source = read(&site.join("defis.yml"))?;
    // The catalogue's repositories, then the mapping's URLs (an organisation's repositories).
    let mut links: Vec<(String, SourceCodeLink)> = source_code_links(&source)
        .map_err(|e| e.describe(lang))?
        .into_iter()
        .map(|link| (source.name.clone(), link))
        .collect();
    // Only a mapping named on the command line: cloning reaches out to the network.
    if let Some(path) = repos_map {
        let mapping = read(path)?;
        for entry in parse_mapping(&mapping).map_err(|e| e.describe(lang))? {
            if !entry.key.contains("://") {
                continue;
            }
            let name = entry
                .key
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or_default();
            links.push((
                mapping.name.clone(),
                SourceCodeLink {
                    defi_id: eig_pulse_ingest::names::slug(&format!("{} {name}", entry.defi_id)),
                    line: entry.line,
                    url: entry.key,
                },
            ));
        }
    }
    std::fs::create_dir_all(into).map_err(|e| format!("{} : {e}", into.display()))?;

    let bar = progress(links.len(), lang);
    let mut cloned_keys: HashMap<String, String> = HashMap::new();
    let mut tally: HashMap<Outcome, usize> = HashMap::new();
    for (file, link) in &links {
        bar.set_message(link.defi_id.clone());
        let place = format!("{file}:{}", link.line);
        // The défi's id names the clone's folder: a slug, never empty, never `..`.
        if !eig_pulse_core::validate::is_slug(&link.defi_id) {
            return Err(format!(
                "{place} : {} « {} »",
                lang.pick(
                    "identifiant de défi vide ou invalide, pas de dossier de clone possible :",
                    "empty or invalid défi id, no clone folder possible:"
                ),
                link.defi_id
            ));
        }
        let (outcome, message) = match eig_pulse_repos::clone::target(&link.url) {
            Target::OrganisationPage => (
                Outcome::Skipped,
                lang.pick(
                    "page d'organisation ou d'utilisateur, pas un dépôt : ignorée",
                    "organisation or user page, not a repository: skipped",
                )
                .to_string(),
            ),
            Target::NoRepositoryPath => (
                Outcome::Skipped,
                lang.pick(
                    "site web sans chemin de dépôt : ignoré",
                    "web site without a repository path: skipped",
                )
                .to_string(),
            ),
            Target::Malformed => (
                Outcome::Skipped,
                lang.pick("URL malformée : ignorée", "malformed URL: skipped")
                    .to_string(),
            ),
            Target::Repository(url) => {
                let key = remote::key(&url).unwrap_or_else(|| url.clone());
                let folder: PathBuf = into.join(&link.defi_id);
                if let Some(first) = cloned_keys.get(&key) {
                    (
                        Outcome::SameRepository,
                        format!(
                            "{} {first}",
                            lang.pick("même dépôt que le défi", "same repository as défi")
                        ),
                    )
                } else if folder.exists() {
                    cloned_keys.insert(key, link.defi_id.clone());
                    (
                        Outcome::AlreadyThere,
                        format!(
                            "{} {}",
                            lang.pick("déjà présent :", "already there:"),
                            folder.display()
                        ),
                    )
                } else {
                    match clone_bare(&url, &folder) {
                        Ok(()) => {
                            cloned_keys.insert(key, link.defi_id.clone());
                            (
                                Outcome::Cloned,
                                format!(
                                    "{} {}",
                                    lang.pick("cloné dans", "cloned into"),
                                    folder.display()
                                ),
                            )
                        }
                        Err(error) => {
                            // A half-made clone would be read as a broken repository.
                            let _ = std::fs::remove_dir_all(&folder);
                            (
                                Outcome::Failed,
                                format!("{} {error}", lang.pick("échec :", "failed:")),
                            )
                        }
                    }
                }
            }
        };
        *tally.entry(outcome).or_default() += 1;
        bar.suspend(|| {
            eprintln!(
                "{place}: défi {} « {} » : {message}",
                link.defi_id, link.url
            );
        });
        bar.inc(1);
    }
    bar.finish_and_clear();
    let count = |outcome: Outcome| tally.get(&outcome).copied().unwrap_or(0);
    eprintln!(
        "{} {}, {} {}, {} {}, {} {}, {} {}",
        count(Outcome::Cloned),
        lang.pick("clonés", "cloned"),
        count(Outcome::AlreadyThere),
        lang.pick("déjà présents", "already there"),
        count(Outcome::SameRepository),
        lang.pick("en double", "duplicates"),
        count(Outcome::Skipped),
        lang.pick("ignorés", "skipped"),
        count(Outcome::Failed),
        lang.pick("échecs", "failed"),
    );
    Ok(if count(Outcome::Failed) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
