//! Matching scanned clones to défis, and bare clones over `file://`.

mod bots;
mod fixture;

use eig_pulse_repos::clone::{clone_bare, clone_bare_within, Limits};
use eig_pulse_repos::matching::{match_scans, DefiLinks, MappingEntry, MatchFinding, Matched};
use eig_pulse_repos::{scan, Scan};

fn scanned(folder: &str, remote: Option<&str>) -> Scan {
    Scan {
        folder: folder.into(),
        remote_url: remote.map(String::from),
        activity: Default::default(),
        dependencies: Vec::new(),
        skipped: Vec::new(),
    }
}

fn defi(id: &str, urls: &[&str]) -> DefiLinks {
    DefiLinks {
        defi_id: id.into(),
        source_code: urls.iter().map(std::string::ToString::to_string).collect(),
    }
}

fn entry(key: &str, defi_id: &str, line: usize) -> MappingEntry {
    MappingEntry {
        key: key.into(),
        defi_id: defi_id.into(),
        line,
    }
}

#[test]
fn remotes_match_source_code_then_the_mapping() {
    let defis = [
        defi("alpha", &["https://github.com/etalab/alpha"]),
        defi("beta", &["https://gitlab.com/beta/app"]),
        defi("gamma", &[]),
        // An organisation page.
        defi("delta", &["https://github.com/delta-org"]),
        // Two défis naming one repository (as the real catalogue does for eig-link).
        defi("link-1", &["https://github.com/eig/link"]),
        defi("link-2", &["https://github.com/eig/link"]),
    ];
    let mapping = [
        entry("gamma-sources", "gamma", 3),
        entry("https://framagit.org/beta/mirror", "beta", 5),
        entry("gone", "alpha", 7),
        entry("typo", "no-such-defi", 9),
    ];
    let scans = vec![
        scanned("alpha", Some("git@GitHub.com:Etalab/alpha.git")),
        scanned("alpha-again", Some("https://github.com/etalab/alpha/")),
        scanned("beta-mirror", Some("https://framagit.org/beta/mirror.git")),
        scanned("gamma-sources", None),
        scanned("link", Some("https://github.com/eig/link.git")),
        scanned("stray", Some("https://github.com/someone/else")),
        scanned("delta-web", Some("https://github.com/delta-org/web")),
    ];
    let Matched { records, findings } = match_scans(scans, &defis, &mapping);
    let summary: Vec<(&str, &str, &str)> = records
        .iter()
        .map(|r| (r.defi_id.as_str(), r.url.as_str(), r.matched_by.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("alpha", "https://github.com/etalab/alpha", "source_code"),
            ("beta", "https://framagit.org/beta/mirror.git", "mapping"),
            ("gamma", "", "mapping"),
            ("link-1", "https://github.com/eig/link", "source_code"),
            ("link-2", "https://github.com/eig/link", "source_code"),
        ]
    );
    assert_eq!(
        findings,
        [
            MatchFinding::SameRepository {
                folder: "alpha-again".into(),
                first: "alpha".into()
            },
            MatchFinding::ThroughMapping {
                folder: "beta-mirror".into(),
                defi_id: "beta".into(),
                line: 5
            },
            MatchFinding::ThroughMapping {
                folder: "gamma-sources".into(),
                defi_id: "gamma".into(),
                line: 3
            },
            MatchFinding::SharedByDefis {
                folder: "link".into(),
                defi_ids: vec!["link-1".into(), "link-2".into()]
            },
            MatchFinding::Unmatched {
                folder: "stray".into(),
                remote: Some("https://github.com/someone/else".into()),
                organisation_of: None,
            },
            MatchFinding::Unmatched {
                folder: "delta-web".into(),
                remote: Some("https://github.com/delta-org/web".into()),
                organisation_of: Some("delta".into()),
            },
            MatchFinding::MappingUnused {
                key: "gone".into(),
                line: 7
            },
            MatchFinding::MappingUnknownDefi {
                key: "typo".into(),
                defi_id: "no-such-defi".into(),
                line: 9
            },
        ]
    );
}

#[test]
fn clone_over_file_urls_keeps_the_url_as_origin() {
    let dir = tempfile::tempdir().unwrap();
    let url = fixture::upstream(dir.path());
    let into = dir.path().join("clones/sample");
    clone_bare(&url, &into).unwrap();
    let scanned = scan(&into, "sample", &bots::table()).unwrap();
    assert_eq!(scanned.remote_url.as_deref(), Some(url.as_str()));
    assert_eq!(scanned.activity.commits, 7);
    assert_eq!(scanned.activity.latest_tag.as_deref(), Some("v1.0"));
    assert_eq!(scanned.activity.default_branch.as_deref(), Some("main"));

    let error = clone_bare(
        &format!("file://{}", dir.path().join("nowhere").display()),
        &dir.path().join("clones/x"),
    );
    assert!(error.is_err());
}

/// A clone stops at its time or size limit and says which (the watchdog interrupts gitoxide).
#[test]
fn clone_stops_at_its_limits() {
    let dir = tempfile::tempdir().unwrap();
    let url = fixture::upstream(dir.path());
    let small = Limits {
        time: std::time::Duration::from_secs(60),
        bytes: 1,
    };
    let error = clone_bare_within(&url, &dir.path().join("clones/small"), small).unwrap_err();
    assert!(error.contains("plus de 1 octets reçus"), "{error}");
    let instant = Limits {
        time: std::time::Duration::ZERO,
        bytes: u64::MAX,
    };
    let error = clone_bare_within(&url, &dir.path().join("clones/late"), instant).unwrap_err();
    assert!(error.contains("délai de 0 s dépassé"), "{error}");
}
