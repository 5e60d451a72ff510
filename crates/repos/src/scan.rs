//! One clone read with gitoxide: commits and distinct authors per ISO week, first and last
//! dates, latest tag, default branch, then the openness checks.
//!
//! Author e-mails are read into a table that lives only inside [`scan`], to be counted:
//! nothing personal leaves this module.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use eig_pulse_core::contract::export::{Activity, ActivityWeek};
use gix::objs::commit::ref_iter::Token;
use gix::prelude::FindExt as _;
use time::{Date, Duration};

use crate::code;
use crate::openness;
use crate::problem::{with_causes, Problem};

/// A clone that could be read in full: its activity (without défi, URL or matching, which
/// matching fills in, a floor above) and its remote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scan {
    /// The folder's name inside the repositories folder.
    pub folder: String,
    /// The fetch URL of the default remote (`origin`), as configured.
    pub remote_url: Option<String>,
    pub activity: Activity,
    /// Direct dependencies named by the manifests at HEAD (mapped to technologies by the caller).
    pub dependencies: Vec<code::Dependency>,
    /// Paths at HEAD not read (blob missing or too large), already counted in the activity.
    pub skipped: Vec<String>,
}

fn unreadable(error: impl std::error::Error) -> Problem {
    Problem::Unreadable(with_causes(&error))
}

/// True when `path` holds a `.git` (folder or file) or looks like a bare repository.
pub fn looks_like_repository(path: &Path) -> bool {
    path.join(".git").exists()
        || (path.join("HEAD").is_file()
            && path.join("objects").is_dir()
            && path.join("refs").is_dir())
}

/// Reads the repository at `path` (bare or not); `folder` names it in the result.
pub fn scan(path: &Path, folder: &str) -> Result<Scan, Problem> {
    if !path.is_dir() || !looks_like_repository(path) {
        return Err(Problem::NotARepository);
    }
    let mut repo = gix::open_opts(path, gix::open::Options::isolated()).map_err(unreadable)?;
    repo.object_cache_size_if_unset(4 * 1024 * 1024);
    if repo.head().map_err(unreadable)?.is_unborn() {
        return Err(Problem::Empty);
    }
    if repo.is_shallow().map_err(unreadable)? {
        return Err(Problem::Shallow);
    }
    let head = repo.head_id().map_err(unreadable)?.detach();
    let default_branch = repo
        .head_name()
        .map_err(unreadable)?
        .map(|name| name.shorten().to_string());
    let remote_url = match repo.find_default_remote(gix::remote::Direction::Fetch) {
        Some(Ok(remote)) => remote
            .url(gix::remote::Direction::Fetch)
            .map(|url| url.to_bstring().to_string()),
        Some(Err(_)) | None => None,
    };

    let history = walk(&repo, head)?;
    let latest_tag = latest_tag(&repo)?;
    let openness = openness::check(&repo, head)?;
    let copied_at = copied_at(repo.git_dir());
    let code = code::read(&repo, head).map_err(Problem::Unreadable)?;
    Ok(Scan {
        folder: folder.to_string(),
        remote_url,
        dependencies: code.dependencies,
        skipped: code.skipped.clone(),
        activity: Activity {
            default_branch,
            commits: history.commits,
            authors: history.authors,
            first_commit: history.first.map(|d| d.to_string()),
            last_commit: history.last.map(|d| d.to_string()),
            latest_tag,
            weeks: history.weeks,
            openness,
            copied_at,
            languages: code.languages,
            skipped_files: u32::try_from(code.skipped.len()).unwrap_or(u32::MAX),
            ..Activity::default()
        },
    })
}

/// When the copy was taken: the day (UTC) of its last fetch (`FETCH_HEAD`), or of its clone
/// (`HEAD`, written once by `git clone`).
fn copied_at(git_dir: &Path) -> Option<String> {
    ["FETCH_HEAD", "HEAD"].iter().find_map(|name| {
        let modified = std::fs::metadata(git_dir.join(name))
            .ok()?
            .modified()
            .ok()?;
        let date = time::OffsetDateTime::from(modified).date();
        Some(date.to_string())
    })
}

/// The counts of a history: what survives the walk.
struct History {
    commits: u32,
    authors: u32,
    first: Option<Date>,
    last: Option<Date>,
    weeks: Vec<ActivityWeek>,
}

/// Days from 1970-01-01 (a Thursday) to the Monday starting week 0.
const MONDAY_OFFSET: i64 = 3;

/// Every commit reachable from `head`, each decoded once and only up to its author line.
fn walk(repo: &gix::Repository, head: gix::ObjectId) -> Result<History, Problem> {
    // E-mail → small number; dropped when this function returns.
    let mut author_numbers: HashMap<Vec<u8>, u32> = HashMap::new();
    // Week number (weeks since the Monday before the epoch) → (commits, author numbers).
    let mut weeks: BTreeMap<i64, (u32, HashSet<u32>)> = BTreeMap::new();
    let (mut first, mut last) = (i64::MAX, i64::MIN);
    let mut commits = 0u32;
    let writable_days = writable_days();

    let mut seen = gix::hashtable::HashSet::default();
    seen.insert(head);
    let mut pending = vec![head];
    let mut buf = Vec::new();
    while let Some(id) = pending.pop() {
        let tokens = repo
            .objects
            .find_commit_iter(&id, &mut buf)
            .map_err(|e| Problem::Unreadable(format!("commit {id}: {}", with_causes(&e))))?;
        let mut author = None;
        for token in tokens {
            match token.map_err(|e| Problem::Unreadable(format!("commit {id}: {e}")))? {
                Token::Parent { id: parent } if seen.insert(parent) => pending.push(parent),
                Token::Author { signature } => {
                    author = Some((signature.seconds(), signature.email.trim_ascii()));
                    break;
                }
                _ => {}
            }
        }
        let Some((seconds, email)) = author else {
            return Err(Problem::Unreadable(format!("commit {id}: no author")));
        };
        let next_number = author_numbers.len() as u32;
        let number = match author_numbers.get(email) {
            Some(&n) => n,
            None => *author_numbers
                .entry(email.to_ascii_lowercase())
                .or_insert(next_number),
        };
        let day = seconds.div_euclid(86_400);
        if !writable_days.contains(&day) {
            return Err(Problem::Unreadable(format!(
                "commit {id}: author date out of range ({seconds} s since 1970)"
            )));
        }
        let week = weeks
            .entry((day + MONDAY_OFFSET).div_euclid(7))
            .or_default();
        week.0 += 1;
        week.1.insert(number);
        first = first.min(day);
        last = last.max(day);
        commits += 1;
    }

    let date_of = |day: i64| epoch() + Duration::days(day);
    let weeks = weeks
        .into_iter()
        .map(|(week, (commits, authors))| {
            let monday = epoch() + Duration::days(week * 7 - MONDAY_OFFSET);
            let (year, number, _) = monday.to_iso_week_date();
            ActivityWeek {
                week: format!("{year}-W{number:02}"),
                monday: monday.to_string(),
                commits,
                authors: authors.len() as u32,
                ..ActivityWeek::default()
            }
        })
        .collect();
    Ok(History {
        commits,
        // Keys are lower-cased: `Ana@x.fr` and `ana@x.fr` are one author.
        authors: author_numbers.len() as u32,
        first: (commits > 0).then(|| date_of(first)),
        last: (commits > 0).then(|| date_of(last)),
        weeks,
    })
}

/// Days since 1970 the export can write (four-digit years, the week's Monday included).
fn writable_days() -> std::ops::RangeInclusive<i64> {
    let day = |year, month, day| {
        let date = Date::from_calendar_date(year, month, day).expect("a valid date");
        (date - epoch()).whole_days()
    };
    day(1000, time::Month::January, 8)..=day(9999, time::Month::December, 24)
}

fn epoch() -> Date {
    Date::from_calendar_date(1970, time::Month::January, 1).expect("a valid date")
}

/// The tag whose commit has the latest author date; the greater name breaks ties.
fn latest_tag(repo: &gix::Repository) -> Result<Option<String>, Problem> {
    let references = repo.references().map_err(unreadable)?;
    let mut latest: Option<(i64, String)> = None;
    for reference in references.tags().map_err(unreadable)? {
        let mut reference = reference.map_err(unreadable)?;
        let name = reference.name().shorten().to_string();
        let Ok(commit) = reference.peel_to_commit() else {
            // A tag of a tree or a blob dates nothing.
            continue;
        };
        let seconds = commit
            .author()
            .map_err(|e| Problem::Unreadable(format!("tag {name}: {e}")))?
            .seconds();
        if latest
            .as_ref()
            .is_none_or(|best| (seconds, &name) > (best.0, &best.1))
        {
            latest = Some((seconds, name));
        }
    }
    Ok(latest.map(|(_, name)| name))
}
