//! A folder of clones into the export's activity: each clone scanned and its technologies named,
//! the sound ones matched to the défis, and what was found put into the fidelity report in its
//! words (`report::Finding`), placed at the folder or at the mapping file's line.

use std::path::{Path, PathBuf};

use eig_pulse_core::{Export, Text};
use eig_pulse_ingest::bots::Bots;
use eig_pulse_ingest::report::Finding;
use eig_pulse_ingest::repositories::MappingLine;
use eig_pulse_ingest::technologies::Table;
use eig_pulse_ingest::Report;

use crate::matching::{match_scans, DefiLinks, MatchFinding, Matched};
use crate::problem::Problem;
use crate::scan::{scan, Scan};

/// A folder of the repositories folder: its name, and its path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Folder {
    pub name: String,
    pub path: PathBuf,
}

/// The folders directly inside `dir`, by name, hidden ones aside (files are ignored).
pub fn folders(dir: &Path) -> std::io::Result<Vec<Folder>> {
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') && entry.path().is_dir() {
            folders.push(Folder {
                name,
                path: entry.path(),
            });
        }
    }
    folders.sort();
    Ok(folders)
}

/// Scans the clone at `path`, named `folder`, telling bots apart through `bots`, and names its
/// frameworks and languages through `table`. A problem, or files left unread, goes into
/// `report`, placed at `path`.
pub fn scan_folder(
    path: &Path,
    folder: &str,
    table: &Table,
    bots: &Bots,
    report: &mut Report,
) -> Option<Scan> {
    let place = path.display().to_string();
    match scan(path, folder, bots) {
        Ok(mut scan) => {
            name_technologies(&mut scan, table);
            if let Some(example) = scan.skipped.first() {
                let finding = Finding::SkippedFiles {
                    folder: folder.to_string(),
                    files: scan.skipped.len(),
                    example: example.clone(),
                };
                report.add(&place, None, finding);
            }
            Some(scan)
        }
        Err(problem) => {
            report.add(&place, None, problem_found(folder.to_string(), problem));
            None
        }
    }
}

/// The frameworks its dependencies name (sorted, once each) and each language's technology.
fn name_technologies(scan: &mut Scan, table: &Table) {
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
        language.technology_id = table.by_spelling(&language.language).map(str::to_string);
    }
}

fn problem_found(folder: String, problem: Problem) -> Finding {
    match problem {
        Problem::NotARepository => Finding::NotARepository { folder },
        Problem::Empty => Finding::EmptyRepository { folder },
        Problem::Shallow => Finding::ShallowClone { folder },
        Problem::Unreadable(detail) => Finding::UnreadableRepository { folder, detail },
        Problem::OverLimit { limit, bound } => Finding::RepositoryOverLimit {
            folder,
            limit,
            bound,
        },
        Problem::OutOfRange { dated, seconds } => Finding::RepositoryDateOutOfRange {
            folder,
            dated,
            seconds,
        },
    }
}

/// Matches `scans` to the export's défis and puts their records into `export.activity`. Each
/// finding goes into `report`, placed at its folder under `repos` or at its line of the mapping
/// file `mapping_name`; then the counts: `folders` seen, clones read in full, records.
pub fn add_matches(
    export: &mut Export,
    report: &mut Report,
    scans: Vec<Scan>,
    folders: usize,
    repos: &Path,
    mapping: &[MappingLine],
    mapping_name: &str,
) {
    let readable = scans.len();
    let defis: Vec<DefiLinks> = export
        .defis
        .iter()
        .map(|d| DefiLinks {
            defi_id: d.id.clone(),
            source_code: d.source_code.clone(),
        })
        .collect();
    let Matched { records, findings } = match_scans(scans, &defis, mapping);
    for finding in findings {
        let place = finding.place(repos, mapping_name);
        report.add(&place.file, place.line, finding.into());
    }
    report.count(
        Text::fixed("dossiers de dépôts", "repository folders"),
        folders,
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
}

/// Where the report places a finding: a file (or folder), and a line when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: String,
    pub line: Option<usize>,
}

impl MatchFinding {
    /// Where the report places it: its folder under `repos`, or its line of the mapping file.
    pub fn place(&self, repos: &Path, mapping_name: &str) -> Place {
        match self {
            MatchFinding::Unmatched { folder, .. }
            | MatchFinding::SameRepository { folder, .. }
            | MatchFinding::ThroughMapping { folder, .. }
            | MatchFinding::SharedByDefis { folder, .. } => Place {
                file: repos.join(folder).display().to_string(),
                line: None,
            },
            MatchFinding::MappingUnknownDefi { line, .. }
            | MatchFinding::MappingUnused { line, .. } => Place {
                file: mapping_name.to_string(),
                line: Some(*line),
            },
        }
    }
}

/// The one translation of matching's findings into the report's words.
impl From<MatchFinding> for Finding {
    fn from(finding: MatchFinding) -> Finding {
        match finding {
            MatchFinding::Unmatched {
                folder,
                remote,
                organisation_of,
            } => Finding::UnmatchedRepository {
                folder,
                remote,
                organisation_of,
            },
            MatchFinding::SameRepository { folder, first } => {
                Finding::DuplicateRepository { folder, first }
            }
            MatchFinding::ThroughMapping {
                folder, defi_id, ..
            } => Finding::MappedRepository { folder, defi_id },
            MatchFinding::SharedByDefis { folder, defi_ids } => {
                Finding::SharedRepository { folder, defi_ids }
            }
            MatchFinding::MappingUnknownDefi { key, defi_id, .. } => {
                Finding::StaleRepositoryMapping {
                    entry: key,
                    unknown_defi: Some(defi_id),
                }
            }
            MatchFinding::MappingUnused { key, .. } => Finding::StaleRepositoryMapping {
                entry: key,
                unknown_defi: None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_findings_are_placed_at_the_folder_mapping_ones_at_their_line() {
        let repos = Path::new("/clones");
        let unmatched = MatchFinding::Unmatched {
            folder: "stray".into(),
            remote: None,
            organisation_of: Some("delta".into()),
        };
        assert_eq!(
            unmatched.place(repos, "map.yml"),
            Place {
                file: "/clones/stray".to_string(),
                line: None
            }
        );
        assert_eq!(
            Finding::from(unmatched),
            Finding::UnmatchedRepository {
                folder: "stray".into(),
                remote: None,
                organisation_of: Some("delta".into()),
            }
        );
        let mapped = MatchFinding::ThroughMapping {
            folder: "front".into(),
            defi_id: "alpha".into(),
            line: 3,
        };
        assert_eq!(mapped.place(repos, "map.yml").line, None);
        assert_eq!(
            Finding::from(mapped),
            Finding::MappedRepository {
                folder: "front".into(),
                defi_id: "alpha".into(),
            }
        );
        let unknown = MatchFinding::MappingUnknownDefi {
            key: "typo".into(),
            defi_id: "nobody".into(),
            line: 9,
        };
        assert_eq!(
            unknown.place(repos, "map.yml"),
            Place {
                file: "map.yml".to_string(),
                line: Some(9)
            }
        );
        assert_eq!(
            Finding::from(unknown),
            Finding::StaleRepositoryMapping {
                entry: "typo".into(),
                unknown_defi: Some("nobody".into()),
            }
        );
        let unused = MatchFinding::MappingUnused {
            key: "gone".into(),
            line: 7,
        };
        assert_eq!(
            Finding::from(unused),
            Finding::StaleRepositoryMapping {
                entry: "gone".into(),
                unknown_defi: None,
            }
        );
    }

    #[test]
    fn a_folder_that_is_no_repository_is_reported_at_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes");
        std::fs::create_dir(&path).unwrap();
        let table = Table::default();
        let mut report = Report::default();
        assert!(scan_folder(&path, "notes", &table, &Bots::default(), &mut report).is_none());
        assert_eq!(report.entries.len(), 1);
        assert_eq!(report.entries[0].file, path.display().to_string());
        assert_eq!(
            report.entries[0].finding,
            Finding::NotARepository {
                folder: "notes".into()
            }
        );
    }
}
