//! Scanned clones → défis: through the remote URL's key against the catalogue's
//! `source_code` keys, else through the mapping file (by folder name or remote URL).

use std::collections::{HashMap, HashSet};

use eig_pulse_core::contract::export::{Activity, MatchedBy};

use crate::remote;
use crate::scan::Scan;

/// A défi and the repository URLs the catalogue gives it.
#[derive(Debug, Clone)]
pub struct DefiLinks {
    pub defi_id: String,
    pub source_code: Vec<String>,
}

/// One entry of the mapping file, as ingest reads it: a folder name or a remote URL → a défi id.
pub use eig_pulse_ingest::repositories::MappingLine as MappingEntry;

/// What matching found, besides the records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatchFinding {
    /// Neither its remote nor the mapping names a défi. `organisation_of`: the défi whose
    /// `source_code` is the organisation page this remote belongs to (a mapping entry is then
    /// the fix).
    Unmatched {
        folder: String,
        remote: Option<String>,
        organisation_of: Option<String>,
    },
    /// A second folder for a repository already scanned: left out.
    SameRepository { folder: String, first: String },
    /// Matched through the mapping file.
    ThroughMapping {
        folder: String,
        defi_id: String,
        line: usize,
    },
    /// One repository for several défis: one record each.
    SharedByDefis {
        folder: String,
        defi_ids: Vec<String>,
    },
    /// A mapping entry naming a défi the catalogue does not have.
    MappingUnknownDefi {
        key: String,
        defi_id: String,
        line: usize,
    },
    /// A mapping entry that no scanned folder used.
    MappingUnused { key: String, line: usize },
}

/// What matching gives: the activity records, by défi id then folder, and the findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched {
    pub records: Vec<Activity>,
    pub findings: Vec<MatchFinding>,
}

/// The activity records, by défi id then folder, and the findings.
///
/// A record's `url` is the catalogue's `source_code` when matched through it; through the
/// mapping, the clone's remote URL, else the défi's first `source_code`, else empty.
pub fn match_scans(scans: Vec<Scan>, defis: &[DefiLinks], mapping: &[MappingEntry]) -> Matched {
    let mut by_key: HashMap<String, Vec<(&str, &str)>> = HashMap::new();
    for defi in defis {
        for url in &defi.source_code {
            if let Some(key) = remote::key(url) {
                by_key.entry(key).or_default().push((&defi.defi_id, url));
            }
        }
    }
    let known: HashSet<&str> = defis.iter().map(|d| d.defi_id.as_str()).collect();
    let mut findings = Vec::new();
    let mut used_entries = HashSet::new();
    let mut scanned_keys: HashMap<String, String> = HashMap::new();
    let mut records = Vec::new();

    for scan in scans {
        let key = scan.remote_url.as_deref().and_then(remote::key);
        if let Some(key) = &key {
            if let Some(first) = scanned_keys.get(key) {
                findings.push(MatchFinding::SameRepository {
                    folder: scan.folder,
                    first: first.clone(),
                });
                continue;
            }
            scanned_keys.insert(key.clone(), scan.folder.clone());
        }
        let through_catalogue = key.as_ref().and_then(|k| by_key.get(k));
        let matches: Vec<(String, String, MatchedBy)> = match through_catalogue {
            Some(links) => links
                .iter()
                .map(|(id, url)| (id.to_string(), url.to_string(), MatchedBy::SourceCode))
                .collect(),
            None => {
                let entry = mapping.iter().enumerate().find(|(_, entry)| {
                    entry.key == scan.folder || (key.is_some() && remote::key(&entry.key) == key)
                });
                match entry {
                    Some((index, entry)) if known.contains(entry.defi_id.as_str()) => {
                        used_entries.insert(index);
                        findings.push(MatchFinding::ThroughMapping {
                            folder: scan.folder.clone(),
                            defi_id: entry.defi_id.clone(),
                            line: entry.line,
                        });
                        // Never a local path or a URL with its credentials.
                        let url = scan
                            .remote_url
                            .as_deref()
                            .and_then(remote::publishable)
                            .or_else(|| first_source_code(defis, &entry.defi_id))
                            .unwrap_or_default();
                        vec![(entry.defi_id.clone(), url, MatchedBy::Mapping)]
                    }
                    Some((index, _)) => {
                        // Reported once below, as an entry naming an unknown défi.
                        used_entries.insert(index);
                        Vec::new()
                    }
                    None => Vec::new(),
                }
            }
        };
        if matches.is_empty() {
            let organisation_of = key.as_deref().and_then(|key| {
                by_key
                    .iter()
                    .filter(|(page, _)| key.starts_with(&format!("{page}/")))
                    .flat_map(|(_, links)| links.iter().map(|(id, _)| id.to_string()))
                    .min()
            });
            findings.push(MatchFinding::Unmatched {
                folder: scan.folder,
                remote: scan.remote_url,
                organisation_of,
            });
            continue;
        }
        if matches.len() > 1 {
            findings.push(MatchFinding::SharedByDefis {
                folder: scan.folder.clone(),
                defi_ids: matches.iter().map(|m| m.0.clone()).collect(),
            });
        }
        for (defi_id, url, matched_by) in matches {
            records.push((
                scan.folder.clone(),
                Activity {
                    defi_id,
                    url: remote::publishable(&url).unwrap_or_default(),
                    matched_by,
                    ..scan.activity.clone()
                },
            ));
        }
    }

    for (index, entry) in mapping.iter().enumerate() {
        if !known.contains(entry.defi_id.as_str()) {
            findings.push(MatchFinding::MappingUnknownDefi {
                key: entry.key.clone(),
                defi_id: entry.defi_id.clone(),
                line: entry.line,
            });
        } else if !used_entries.contains(&index) {
            findings.push(MatchFinding::MappingUnused {
                key: entry.key.clone(),
                line: entry.line,
            });
        }
    }
    records.sort_by(|a, b| (&a.1.defi_id, &a.0).cmp(&(&b.1.defi_id, &b.0)));
    Matched {
        records: records.into_iter().map(|(_, activity)| activity).collect(),
        findings,
    }
}

fn first_source_code(defis: &[DefiLinks], defi_id: &str) -> Option<String> {
    defis
        .iter()
        .find(|d| d.defi_id == defi_id)
        .and_then(|d| d.source_code.first().cloned())
}
