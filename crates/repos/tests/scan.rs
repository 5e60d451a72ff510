//! Scanning test repositories built here with git: exact counts per ISO week, openness,
//! bare clones, and each kind of bad input.

mod bots;
mod fixture;

use std::path::{Path, PathBuf};

use eig_pulse_repos::problem::Dated;
use eig_pulse_repos::{scan, Problem};

/// The sample repository, cloned from `https://github.com/etalab/sample.git`, in a new folder:
/// the folder (removed when dropped) and the repository's path.
fn sample_in_a_folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample");
    fixture::sample(&path, "https://github.com/etalab/sample.git");
    (dir, path)
}

#[test]
fn sample_repository_counts_exactly() {
    let (_dir, path) = sample_in_a_folder();
    let scanned = scan(&path, "sample", &bots::table()).unwrap();
    assert_eq!(scanned.folder, "sample");
    assert_eq!(
        scanned.remote_url.as_deref(),
        Some("https://github.com/etalab/sample.git")
    );
    assert_eq!(scanned.activity, fixture::sample_activity());
}

#[test]
fn a_bare_clone_reads_the_same() {
    let (dir, _) = sample_in_a_folder();
    fixture::git_plain(
        dir.path(),
        &["clone", "-q", "--bare", "sample", "sample.git"],
    );
    let scanned = scan(&dir.path().join("sample.git"), "sample.git", &bots::table()).unwrap();
    assert_eq!(scanned.activity, fixture::sample_activity());
}

#[test]
fn packed_objects_read_the_same() {
    let (_dir, path) = sample_in_a_folder();
    fixture::git_plain(&path, &["gc", "-q", "--aggressive"]);
    assert_eq!(
        scan(&path, "sample", &bots::table()).unwrap().activity,
        fixture::sample_activity()
    );
}

#[test]
fn detached_head_has_no_default_branch() {
    let (_dir, path) = sample_in_a_folder();
    fixture::git_plain(&path, &["checkout", "-q", "--detach", "HEAD"]);
    let scanned = scan(&path, "sample", &bots::table()).unwrap();
    assert_eq!(scanned.activity.default_branch, None);
    assert_eq!(scanned.activity.commits, 7);
}

/// The id of the object a revision names, e.g. `HEAD~1` or `HEAD:LICENSE`.
fn object_id(repo: &Path, revision: &str) -> String {
    let output = std::process::Command::new("git")
        .args(["rev-parse", revision])
        .current_dir(repo)
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

fn loose_object(repo: &Path, id: &str) -> std::path::PathBuf {
    repo.join(".git/objects").join(&id[..2]).join(&id[2..])
}

#[test]
fn bad_input_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();

    std::fs::create_dir(root.join("plain-folder")).unwrap();
    std::fs::write(root.join("plain-folder/notes.txt"), "not a repository").unwrap();
    assert_eq!(
        scan(&root.join("plain-folder"), "plain-folder", &bots::table()),
        Err(Problem::NotARepository)
    );

    std::fs::create_dir(root.join("empty")).unwrap();
    fixture::git_plain(&root.join("empty"), &["init", "-q"]);
    assert_eq!(
        scan(&root.join("empty"), "empty", &bots::table()),
        Err(Problem::Empty)
    );

    fixture::sample(&root.join("sample"), "https://github.com/etalab/sample.git");
    let source = format!("file://{}", root.join("sample").display());
    fixture::git_plain(root, &["clone", "-q", "--depth", "1", &source, "shallow"]);
    assert_eq!(
        scan(&root.join("shallow"), "shallow", &bots::table()),
        Err(Problem::Shallow)
    );

    // A missing commit: the walk cannot go on.
    fixture::sample(
        &root.join("missing"),
        "https://github.com/etalab/missing.git",
    );
    let parent = object_id(&root.join("missing"), "HEAD~2");
    std::fs::remove_file(loose_object(&root.join("missing"), &parent)).unwrap();
    match scan(&root.join("missing"), "missing", &bots::table()) {
        Err(Problem::Unreadable(detail)) => assert!(detail.contains(&parent), "{detail}"),
        other => panic!("{other:?}"),
    }

    // A truncated blob: the licence cannot be read.
    fixture::sample(
        &root.join("truncated"),
        "https://github.com/etalab/truncated.git",
    );
    let licence = object_id(&root.join("truncated"), "HEAD:LICENSE");
    let path = loose_object(&root.join("truncated"), &licence);
    let bytes = std::fs::read(&path).unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&path, permissions).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    assert!(
        matches!(
            scan(&root.join("truncated"), "truncated", &bots::table()),
            Err(Problem::Unreadable(_))
        ),
        "a truncated object is unreadable"
    );

    // A commit dated in the year 11476: no four-digit date can say it.
    let far = root.join("far-future");
    fixture::init(&far);
    let empty_tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    fixture::git_plain(&far, &["hash-object", "-t", "tree", "-w", "/dev/null"]);
    let commit = format!(
        "tree {empty_tree}\nauthor A <a@example.org> 300000000000 +0000\ncommitter A <a@example.org> 300000000000 +0000\n\nfar\n"
    );
    std::fs::write(far.join("commit.txt"), commit).unwrap();
    let output = std::process::Command::new("git")
        .args([
            "hash-object",
            "--literally",
            "-t",
            "commit",
            "-w",
            "commit.txt",
        ])
        .current_dir(&far)
        .output()
        .unwrap();
    let id = String::from_utf8(output.stdout).unwrap().trim().to_string();
    fixture::git_plain(&far, &["update-ref", "refs/heads/main", &id]);
    match scan(&far, "far-future", &bots::table()) {
        Err(Problem::OutOfRange { dated, seconds }) => {
            assert_eq!(dated, Dated::Commit(id));
            assert_eq!(seconds, 300_000_000_000);
        }
        other => panic!("{other:?}"),
    }
}

/// Commits per ISO week of HEAD's history as `git log` counts them (author dates, UTC), with
/// the `extra` options (`--merges`).
fn git_log_weeks(repo: &Path, extra: &[&str]) -> Vec<(String, u32)> {
    let output = std::process::Command::new("git")
        .arg("log")
        .args(extra)
        .args(["--date=format-local:%G-W%V", "--format=%ad", "HEAD"])
        .env("TZ", "UTC")
        .current_dir(repo)
        .output()
        .unwrap();
    let mut weeks = std::collections::BTreeMap::new();
    for week in String::from_utf8(output.stdout).unwrap().lines() {
        *weeks.entry(week.to_string()).or_insert(0) += 1;
    }
    weeks.into_iter().collect()
}

#[test]
fn a_copy_without_its_big_files_is_still_counted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("partial");
    fixture::sample(&path, "https://github.com/etalab/partial.git");
    // Copies of large repositories leave out big blobs: here the licence text.
    let licence = object_id(&path, "HEAD:LICENSE");
    std::fs::remove_file(loose_object(&path, &licence)).unwrap();
    // Pull-request refs are not history of HEAD.
    fixture::git_plain(&path, &["update-ref", "refs/pull/1/head", "HEAD~3"]);

    let scanned = scan(&path, "partial", &bots::table()).unwrap();
    let weeks: Vec<(String, u32)> = scanned
        .activity
        .weeks
        .iter()
        .map(|w| (w.week.clone(), w.commits))
        .collect();
    assert_eq!(weeks, git_log_weeks(&path, &[]));
    let expected = fixture::sample_activity();
    assert_eq!(scanned.activity.commits, expected.commits);
    assert_eq!(scanned.activity.weeks, expected.weeks);
    let openness = &scanned.activity.openness;
    assert_eq!(openness.license_file.as_deref(), Some("LICENSE"));
    assert_eq!(openness.license_spdx, None, "the text is not there to read");
    assert_eq!(openness.absent, ["LICENSE"]);
    assert!(openness.readme && openness.tests);
}

#[test]
fn the_copy_date_is_its_last_fetch() {
    let (_dir, path) = sample_in_a_folder();
    let copied_at = || {
        scan(&path, "sample", &bots::table())
            .unwrap()
            .activity
            .copied_at
    };
    assert_eq!(copied_at(), Some(fixture::today()));
    std::fs::write(path.join(".git/FETCH_HEAD"), "").unwrap();
    let status = std::process::Command::new("touch")
        .args(["-d", "2024-03-28 12:00:00 UTC"])
        .arg(path.join(".git/FETCH_HEAD"))
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(copied_at().as_deref(), Some("2024-03-28"));
}

/// (Monday, commits, human, bots, merges) of each week, from an activity.
fn kinds(
    activity: &eig_pulse_core::contract::export::Activity,
) -> Vec<(String, u32, u32, u32, u32)> {
    activity
        .weeks
        .iter()
        .map(|w| {
            let of = |n: Option<u32>| n.expect("the scan tells commits apart");
            (
                w.monday.clone(),
                w.commits,
                of(w.human),
                of(w.bots),
                of(w.merges),
            )
        })
        .collect()
}

#[test]
fn merges_bots_and_people_are_told_apart_identities_folded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("identities");
    fixture::identities(&path);
    let scanned = scan(&path, "identities", &bots::table()).unwrap();
    let activity = &scanned.activity;
    assert_eq!(activity.commits, 12);
    // Distinct e-mails, case aside: Ana's capitals are her first address.
    assert_eq!(activity.authors, 9);
    let week = |monday: &str, counts: (u32, u32, u32, u32)| {
        (monday.to_string(), counts.0, counts.1, counts.2, counts.3)
    };
    assert_eq!(
        kinds(activity),
        [
            week("2020-03-02", (2, 2, 0, 0)),
            week("2020-03-09", (5, 4, 1, 0)),
            // Groovy's release, dependabot's bump, root's merge of it, root's own commit.
            week("2020-03-16", (4, 1, 2, 1)),
            week("2020-03-23", (1, 1, 0, 0)),
        ]
    );
    for w in &activity.weeks {
        assert_eq!(
            w.human.unwrap() + w.bots.unwrap() + w.merges.unwrap(),
            w.commits
        );
    }
    let weeks: Vec<(String, u32)> = activity
        .weeks
        .iter()
        .map(|w| (w.week.clone(), w.commits))
        .collect();
    assert_eq!(weeks, git_log_weeks(&path, &[]));
    let merges: Vec<(String, u32)> = activity
        .weeks
        .iter()
        .filter(|w| w.merges > Some(0))
        .map(|w| (w.week.clone(), w.merges.unwrap()))
        .collect();
    assert_eq!(merges, git_log_weeks(&path, &["--merges"]));

    // Ana's three spellings are one person, Bob's noreply forms and login another; the
    // server's root account is a person (its merge is a merge); numbered by first commit.
    assert_eq!(
        activity.people,
        [
            fixture::person(&[("2020-03-02", 2), ("2020-03-09", 1)]),
            fixture::person(&[("2020-03-09", 3)]),
            fixture::person(&[("2020-03-16", 1)]),
            fixture::person(&[("2020-03-23", 1)]),
        ]
    );
    let bots: Vec<(&str, u32)> = activity
        .bots
        .iter()
        .map(|b| (b.name.as_str(), b.commits))
        .collect();
    assert_eq!(bots, [("dependabot[bot]", 2), ("Social Groovy Bot", 1)]);

    // The tagger's day for annotated tags (v1.0's commit is of 16 March), the commit's for a
    // lightweight one; a lightweight tag of a tree dates nothing.
    assert_eq!(
        activity.tags,
        [
            fixture::tag("v0.1", "2020-03-02"),
            fixture::tag("v1.0", "2020-03-20"),
            fixture::tag("blob-tag", "2020-03-25"),
        ]
    );
    assert_eq!(activity.latest_tag.as_deref(), Some("v1.0"));
    assert_eq!(activity.holds_code, Some(true));

    // Nobody's name or e-mail leaves the scan; the bots' names do.
    let said = format!("{scanned:?}").to_lowercase();
    let people = fixture::ANA
        .iter()
        .chain(&fixture::BOB)
        .chain([&fixture::ROOT, &fixture::CHLOE]);
    for (name, email) in people {
        assert!(!said.contains(&email.to_lowercase()), "{email}");
        if name.contains(' ') {
            assert!(!said.contains(&name.to_lowercase()), "{name}");
        }
    }
    assert!(!said.contains("bob-e") && !said.contains("testeuse"));
}

#[test]
fn documentation_and_mockups_hold_no_code() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mockups");
    fixture::mockups(&path);
    let activity = scan(&path, "mockups", &bots::table()).unwrap().activity;
    let languages: Vec<&str> = activity
        .languages
        .iter()
        .map(|l| l.language.as_str())
        .collect();
    assert_eq!(languages, ["HTML", "CSS"]);
    assert_eq!(activity.holds_code, Some(false));
    assert!(activity.people.len() == 1 && activity.tags.is_empty() && activity.bots.is_empty());
}

#[test]
fn a_licence_that_is_a_symbolic_link_is_no_licence() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("link");
    fixture::licence_link(&path);
    let openness = scan(&path, "link", &bots::table())
        .unwrap()
        .activity
        .openness;
    assert_eq!(openness.license_file, None);
    assert_eq!(openness.license_spdx, None);
    assert!(openness.readme);
}
