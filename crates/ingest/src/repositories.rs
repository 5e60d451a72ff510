//! What the exporter needs to know about repositories from the sources: each défi's
//! `source_code` as written (for `clone`), and the repositories mapping file
//! (`data/repositories.yml`) for clones whose remote matches no `source_code` and for the
//! repositories not scanned, and the committed scan (`data/activity.json`).

use eig_pulse_core::text;
use std::collections::HashSet;

use eig_pulse_core::contract::export::{Activity, Unscanned, UnscannedReason};

use indexmap::IndexMap;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::names::UniqueIds;
use crate::site::RawDefi;
use crate::source::{SourceError, SourceText};
use crate::yaml::{self, line_of};

/// One `source_code` value as written, with its défi's id and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceCodeLink {
    pub defi_id: String,
    pub line: usize,
    pub url: String,
}

/// Every non-empty `source_code` of `defis.yml`, in file order, with the export's défi ids.
pub fn source_code_links(defis: &SourceText) -> Result<Vec<SourceCodeLink>, SourceError> {
    let map: IndexMap<String, Spanned<RawDefi>> = yaml::parse(defis)?.value;
    let mut ids = UniqueIds::default();
    let mut links = Vec::new();
    for (key, defi) in &map {
        let defi_id = ids.next(key);
        if let Some(url) = &defi.value.source_code {
            if !url.value.trim().is_empty() {
                links.push(SourceCodeLink {
                    defi_id,
                    line: line_of(url),
                    url: url.value.trim().to_string(),
                });
            }
        }
    }
    Ok(links)
}

/// One mapping entry: a folder name or remote URL, the défi id it names, its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingLine {
    pub key: String,
    pub defi_id: String,
    pub line: usize,
}

#[derive(Deserialize)]
struct MappingFile {
    repositories: Option<IndexMap<String, Spanned<String>>>,
}

#[derive(Deserialize)]
struct NotScannedFile {
    not_scanned: Option<IndexMap<String, Spanned<NotScannedEntry>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NotScannedEntry {
    defi: String,
    reason: UnscannedReason,
}

/// The `not_scanned:` entries of the repositories file: URL → défi and reason.
pub fn parse_not_scanned(
    source: &SourceText,
    defi_ids: &HashSet<&str>,
) -> Result<Vec<Unscanned>, SourceError> {
    let file: NotScannedFile = yaml::parse(source)?.value;
    let mut unscanned = Vec::new();
    for (url, entry) in file.not_scanned.unwrap_or_default() {
        let line = line_of(&entry);
        let entry = entry.value;
        if !defi_ids.contains(entry.defi.as_str()) {
            return Err(SourceError::new(
                &source.name,
                Some(line),
                text!(
                    "dépôt non analysé « {url} » : défi inconnu « {} »",
                    "repository not scanned \"{url}\": unknown défi \"{}\"",
                    entry.defi
                ),
            ));
        }
        unscanned.push(Unscanned {
            defi_id: entry.defi,
            url,
            reason: entry.reason,
        });
    }
    Ok(unscanned)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScanFile {
    activity: Vec<Activity>,
}

/// Reads a committed scan: `{"activity": [...]}` as `eig-pulse scan` writes it; every record
/// names a défi of the catalogue.
pub fn parse_activity(
    source: &SourceText,
    defi_ids: &HashSet<&str>,
) -> Result<Vec<Activity>, SourceError> {
    let file: ScanFile = serde_json::from_str(&source.text).map_err(|e| {
        SourceError::new(
            &source.name,
            Some(e.line()),
            text!("scan illisible : {e}", "unreadable scan: {e}"),
        )
    })?;
    if let Some((index, record)) = file
        .activity
        .iter()
        .enumerate()
        .find(|(_, record)| !defi_ids.contains(record.defi_id.as_str()))
    {
        return Err(SourceError::new(
            &source.name,
            None,
            text!(
                "/activity/{index} : défi inconnu « {} »",
                "/activity/{index}: unknown défi \"{}\"",
                record.defi_id
            ),
        ));
    }
    Ok(file.activity)
}

/// Reads the mapping file: `repositories:` then `folder-or-url: defi-id` lines.
pub fn parse_mapping(source: &SourceText) -> Result<Vec<MappingLine>, SourceError> {
    let file: MappingFile = yaml::parse(source)?.value;
    Ok(file
        .repositories
        .unwrap_or_default()
        .into_iter()
        .map(|(key, defi_id)| MappingLine {
            key,
            line: line_of(&defi_id),
            defi_id: defi_id.value.trim().to_string(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_the_export_ids_and_lines() {
        let text = "Alpha:\n  source_code: https://github.com/a/b\nAlpha!:\n  source_code: ' file:///tmp/x '\nBeta:\n  title: B\n";
        let links = source_code_links(&SourceText::new("defis.yml", text)).unwrap();
        let found: Vec<(&str, usize, &str)> = links
            .iter()
            .map(|l| (l.defi_id.as_str(), l.line, l.url.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("alpha", 2, "https://github.com/a/b"),
                ("alpha-2", 4, "file:///tmp/x")
            ]
        );
    }

    #[test]
    fn mapping_entries_keep_their_line() {
        let text =
            "# comment\nrepositories:\n  front: alpha\n  \"https://framagit.org/x/y\": beta\n";
        let entries = parse_mapping(&SourceText::new("repositories.yml", text)).unwrap();
        assert_eq!(
            entries,
            [
                MappingLine {
                    key: "front".into(),
                    defi_id: "alpha".into(),
                    line: 3
                },
                MappingLine {
                    key: "https://framagit.org/x/y".into(),
                    defi_id: "beta".into(),
                    line: 4
                },
            ]
        );
        let empty = parse_mapping(&SourceText::new("r.yml", "repositories: {}\n")).unwrap();
        assert!(empty.is_empty());
    }
}
