//! One clone read with gitoxide: every commit reachable from HEAD told apart (a merge, a bot's,
//! a person's), commits and distinct author e-mails per ISO week, the people behind the human
//! commits, the bots, every tag and its day, first and last dates, latest tag, default branch;
//! then the code at HEAD and the openness checks.
//!
//! A commit with more than one parent is a merge, whoever made it; else it is a bot's when its
//! author is in the bots table (`eig_pulse_ingest::bots`, from `data/bots.yml`); else a
//! person's (a server's `root` account too: people type there). People are the authors of
//! the human commits with their identities folded: the same e-mail (case aside), the same name
//! (case, accents and spacing aside), the same GitHub noreply login
//! (`12345+login@users.noreply.github.com`, `login@users.noreply.github.com`), or a one-word
//! name equal to such a login. They are numbered by their first human commit.
//!
//! Names and e-mails are read into tables that live only inside [`scan`], to be counted and
//! folded: nothing personal leaves this module (a bot leaves under the table's name for it).
//!
//! Bounded: at most [`MAX_COMMITS`] commits, and the contract's bounds on tags, people and bots;
//! every date (commits, tags, the copy) within the years the export can write, the weeks'
//! Mondays included. A repository past one of them is left out whole, with the reason.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use eig_pulse_core::base::date::{FIRST_YEAR, LAST_YEAR};
use eig_pulse_core::contract::export::{
    Activity, ActivityWeek, BotCommits, Person, PersonWeek, Tag,
};
use eig_pulse_core::contract::limits::{MAX_ITEM_LIST, MAX_PEOPLE, MAX_TAGS};
use eig_pulse_ingest::bots::{github_noreply_login, Bots};
use eig_pulse_ingest::names::fold;
use gix::bstr::{BString, ByteSlice as _};
use gix::objs::commit::ref_iter::Token;
use gix::prelude::FindExt as _;
use time::{Date, Duration};

use crate::code;
use crate::openness;
use crate::problem::{with_causes, Dated, Problem, ScanLimit};

/// The most commits read from one repository (the Linux kernel has about 1.4 million).
pub const MAX_COMMITS: usize = 2_000_000;

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

/// Reads the repository at `path` (bare or not), telling bots apart through `bots`; `folder`
/// names it in the result.
pub fn scan(path: &Path, folder: &str, bots: &Bots) -> Result<Scan, Problem> {
    if !path.is_dir() || !looks_like_repository(path) {
        return Err(Problem::NotARepository);
    }
    let repo = gix::open_opts(path, gix::open::Options::isolated()).map_err(unreadable)?;
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

    let copied_at = copied_at(repo.git_dir())?;
    // The history on this thread, the tree at HEAD on another: the two halves of the work
    // overlap. Problems are said in the order of the work: history, tags, code, openness.
    // No object cache on either side: each commit, tree and blob is read once (`code` keeps
    // the trees it lists; the openness checks read a few of them again).
    let at_head = repo.clone();
    let (history, measured) = std::thread::scope(|threads| {
        let measure = threads.spawn(move || {
            // The code first: its limits stop a hostile tree before the openness checks.
            let code = code::read(&at_head, head)?;
            Ok::<_, Problem>((code, openness::check(&at_head, head)?))
        });
        let history = walk(&repo, head, bots).and_then(|history| Ok((history, tags(&repo)?)));
        let measured = measure
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (history, measured)
    });
    let (history, tags) = history?;
    let (code, openness) = measured?;
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
            latest_tag: tags.latest,
            weeks: history.weeks,
            openness,
            copied_at: copied_at.map(|d| d.to_string()),
            languages: code.languages,
            skipped_files: u32::try_from(code.skipped.len()).unwrap_or(u32::MAX),
            holds_code: Some(code.holds_code),
            people: history.people,
            bots: history.bots,
            tags: tags.all,
            ..Activity::default()
        },
    })
}

/// When the copy was taken: the day (UTC) of its last fetch (`FETCH_HEAD`), or of its clone
/// (`HEAD`, written once by `git clone`).
fn copied_at(git_dir: &Path) -> Result<Option<Date>, Problem> {
    let modified = ["FETCH_HEAD", "HEAD"]
        .iter()
        .find_map(|name| std::fs::metadata(git_dir.join(name)).ok()?.modified().ok());
    let Some(modified) = modified else {
        return Ok(None);
    };
    let seconds = match modified.duration_since(std::time::UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |s| -s),
    };
    checked_day(seconds, || Dated::Copy).map(|day| Some(date_of(day)))
}

/// The counts of a history: what survives the walk.
struct History {
    commits: u32,
    authors: u32,
    first: Option<Date>,
    last: Option<Date>,
    weeks: Vec<ActivityWeek>,
    people: Vec<Person>,
    bots: Vec<BotCommits>,
}

/// Days from 1970-01-01 (a Thursday) to the Monday starting week 0.
const MONDAY_OFFSET: i64 = 3;

/// The week (since the Monday before the epoch) of a day (since the epoch).
fn week_of(day: i64) -> i64 {
    (day + MONDAY_OFFSET).div_euclid(7)
}

fn monday_of(week: i64) -> Date {
    epoch() + Duration::days(week * 7 - MONDAY_OFFSET)
}

/// One commit, as the walk keeps it.
struct Commit {
    /// Its author, an index into the walk's identities.
    identity: u32,
    /// Author time, seconds since 1970.
    seconds: i64,
    merge: bool,
}

/// One person's human commits: the first (author time, then the walk's first identity), and
/// how many each week.
struct HumanCommits {
    first: (i64, u32),
    weeks: BTreeMap<i64, u32>,
}

/// Commits of one week.
#[derive(Default)]
struct WeekCounts {
    commits: u32,
    human: u32,
    bots: u32,
    merges: u32,
    /// Numbers of the distinct author e-mails.
    emails: HashSet<u32>,
}

/// Every commit reachable from `head`, each decoded once and only up to its author line.
fn walk(repo: &gix::Repository, head: gix::ObjectId, bots: &Bots) -> Result<History, Problem> {
    // `name \0 e-mail` → identity number, and each identity's name and e-mail; dropped when
    // this function returns.
    let mut numbers: HashMap<Vec<u8>, u32> = HashMap::new();
    let mut identities: Vec<(BString, BString)> = Vec::new();
    let mut key = Vec::new();
    let mut commits: Vec<Commit> = Vec::new();

    let mut seen = gix::hashtable::HashSet::default();
    seen.insert(head);
    let mut pending = vec![head];
    let mut buf = Vec::new();
    while let Some(id) = pending.pop() {
        if commits.len() >= MAX_COMMITS {
            return Err(Problem::OverLimit {
                limit: ScanLimit::Commits,
                bound: MAX_COMMITS as u64,
            });
        }
        let tokens = repo
            .objects
            .find_commit_iter(&id, &mut buf)
            .map_err(|e| Problem::Unreadable(format!("commit {id}: {}", with_causes(&e))))?;
        let mut parents = 0usize;
        let mut author = None;
        for token in tokens {
            match token.map_err(|e| Problem::Unreadable(format!("commit {id}: {e}")))? {
                Token::Parent { id: parent } => {
                    parents += 1;
                    if seen.insert(parent) {
                        pending.push(parent);
                    }
                }
                Token::Author { signature } => {
                    author = Some(signature);
                    break;
                }
                _ => {}
            }
        }
        let Some(signature) = author else {
            return Err(Problem::Unreadable(format!("commit {id}: no author")));
        };
        let seconds = signature.seconds();
        checked_day(seconds, || Dated::Commit(id.to_string()))?;
        key.clear();
        key.extend_from_slice(signature.name);
        key.push(0);
        key.extend_from_slice(signature.email);
        let identity = match numbers.get(key.as_slice()) {
            Some(&n) => n,
            None => {
                let n = identities.len() as u32;
                numbers.insert(key.clone(), n);
                identities.push((signature.name.into(), signature.email.into()));
                n
            }
        };
        commits.push(Commit {
            identity,
            seconds,
            merge: parents > 1,
        });
    }
    drop(numbers);
    count(&commits, &identities, bots)
}

/// The weeks, people and bots of the commits walked.
fn count(
    commits: &[Commit],
    identities: &[(BString, BString)],
    bots: &Bots,
) -> Result<History, Problem> {
    let bot_of: Vec<Option<String>> = identities
        .iter()
        .map(|(name, email)| bots.bot_of(&name.to_str_lossy(), &email.to_str_lossy()))
        .collect();
    // Lower-cased e-mail → number: `Ana@x.fr` and `ana@x.fr` are one author.
    let mut email_numbers: HashMap<String, u32> = HashMap::new();
    let email_of: Vec<u32> = identities
        .iter()
        .map(|(_, email)| {
            let next = email_numbers.len() as u32;
            *email_numbers
                .entry(email.to_str_lossy().trim().to_lowercase())
                .or_insert(next)
        })
        .collect();
    let person_of = fold_people(identities, &bot_of);

    let mut weeks: BTreeMap<i64, WeekCounts> = BTreeMap::new();
    let mut bot_commits: BTreeMap<&str, u32> = BTreeMap::new();
    // Person (an identity number standing for its fold) → its human commits.
    let mut people: HashMap<u32, HumanCommits> = HashMap::new();
    let (mut first, mut last) = (i64::MAX, i64::MIN);
    for commit in commits {
        let day = commit.seconds.div_euclid(86_400);
        let week = weeks.entry(week_of(day)).or_default();
        week.commits += 1;
        week.emails.insert(email_of[commit.identity as usize]);
        first = first.min(day);
        last = last.max(day);
        if commit.merge {
            week.merges += 1;
        } else if let Some(bot) = &bot_of[commit.identity as usize] {
            week.bots += 1;
            *bot_commits.entry(bot).or_default() += 1;
        } else {
            week.human += 1;
            let first = (commit.seconds, commit.identity);
            let person =
                people
                    .entry(person_of[commit.identity as usize])
                    .or_insert(HumanCommits {
                        first,
                        weeks: BTreeMap::new(),
                    });
            person.first = person.first.min(first);
            *person.weeks.entry(week_of(day)).or_default() += 1;
        }
    }

    let mut people: Vec<HumanCommits> = people.into_values().collect();
    people.sort_by_key(|person| person.first);
    let people: Vec<Person> = people
        .into_iter()
        .map(|person| Person {
            weeks: person
                .weeks
                .into_iter()
                .map(|(week, commits)| PersonWeek {
                    monday: monday_of(week).to_string(),
                    commits,
                })
                .collect(),
        })
        .collect();
    let mut bots: Vec<BotCommits> = bot_commits
        .into_iter()
        .map(|(name, commits)| BotCommits {
            name: name.to_string(),
            commits,
        })
        .collect();
    bots.sort_by(|a, b| b.commits.cmp(&a.commits).then(a.name.cmp(&b.name)));
    for (limit, count, bound) in [
        (ScanLimit::People, people.len(), MAX_PEOPLE),
        (ScanLimit::Bots, bots.len(), MAX_ITEM_LIST),
    ] {
        if count > bound {
            return Err(Problem::OverLimit {
                limit,
                bound: bound as u64,
            });
        }
    }

    let weeks = weeks
        .into_iter()
        .map(|(week, counts)| {
            let monday = monday_of(week);
            let (year, number, _) = monday.to_iso_week_date();
            ActivityWeek {
                week: format!("{year}-W{number:02}"),
                monday: monday.to_string(),
                commits: counts.commits,
                authors: counts.emails.len() as u32,
                human: Some(counts.human),
                bots: Some(counts.bots),
                merges: Some(counts.merges),
            }
        })
        .collect();
    let walked = !commits.is_empty();
    Ok(History {
        commits: u32::try_from(commits.len()).unwrap_or(u32::MAX),
        authors: email_numbers.len() as u32,
        first: walked.then(|| date_of(first)),
        last: walked.then(|| date_of(last)),
        weeks,
        people,
        bots,
    })
}

/// For each identity, the identity standing for its person: folded by the same e-mail (case
/// aside), the same name (case, accents, spacing aside), the same GitHub noreply login, or a
/// one-word name equal to such a login. Bots are folded with no one.
fn fold_people(identities: &[(BString, BString)], bot_of: &[Option<String>]) -> Vec<u32> {
    /// The identity standing for `i`'s fold (the smallest of it), halving paths on the way.
    fn root(parent: &mut [u32], mut i: u32) -> u32 {
        while parent[i as usize] != i {
            let up = parent[parent[i as usize] as usize];
            parent[i as usize] = up;
            i = up;
        }
        i
    }
    fn join(parent: &mut [u32], a: u32, b: u32) {
        let (a, b) = (root(parent, a), root(parent, b));
        parent[a.max(b) as usize] = a.min(b);
    }
    let mut parent: Vec<u32> = (0..identities.len() as u32).collect();
    // (kind of key, key) → the first identity with it.
    let mut first_with: HashMap<(u8, String), u32> = HashMap::new();
    let mut logins: HashMap<String, u32> = HashMap::new();
    let people = (0..identities.len() as u32).filter(|&i| bot_of[i as usize].is_none());
    for i in people.clone() {
        let (name, email) = &identities[i as usize];
        let email = email.to_str_lossy();
        let login = github_noreply_login(&email);
        if let Some(login) = &login {
            logins.entry(login.clone()).or_insert(i);
        }
        let keys = [
            (0, email.trim().to_lowercase()),
            (1, fold(&name.to_str_lossy())),
            (2, login.unwrap_or_default()),
        ];
        for key in keys.into_iter().filter(|(_, key)| !key.is_empty()) {
            match first_with.get(&key) {
                Some(&other) => join(&mut parent, other, i),
                None => {
                    first_with.insert(key, i);
                }
            }
        }
    }
    for i in people {
        let name = fold(&identities[i as usize].0.to_str_lossy());
        if let Some(&other) = logins.get(&name).filter(|_| !name.contains(' ')) {
            join(&mut parent, other, i);
        }
    }
    (0..identities.len() as u32)
        .map(|i| root(&mut parent, i))
        .collect()
}

/// Every tag with its day, by day then name, and the latest.
struct Tags {
    all: Vec<Tag>,
    /// The tag whose commit has the latest author date; the greater name breaks ties.
    latest: Option<String>,
}

/// Every tag of the repository (not only those of HEAD's history), dated by its tagger for an
/// annotated tag, else by the author of the commit it names; a lightweight tag of a tree or a
/// blob dates nothing and is left out.
fn tags(repo: &gix::Repository) -> Result<Tags, Problem> {
    let references = repo.references().map_err(unreadable)?;
    let mut latest: Option<(i64, String)> = None;
    let mut all = Vec::new();
    for reference in references.tags().map_err(unreadable)? {
        let mut reference = reference.map_err(unreadable)?;
        let name = reference.name().shorten().to_string();
        let fail = |e: &dyn std::fmt::Display| Problem::Unreadable(format!("tag {name}: {e}"));
        let tagger = match reference.target().try_id().map(ToOwned::to_owned) {
            Some(id) => {
                let object = repo.find_object(id).map_err(|e| fail(&with_causes(&e)))?;
                match object.kind {
                    gix::object::Kind::Tag => {
                        let tag = object.into_tag();
                        let tagger = tag.tagger().map_err(|e| fail(&e))?;
                        tagger.map(|signature| signature.seconds())
                    }
                    _ => None,
                }
            }
            None => None,
        };
        let authored = match reference.peel_to_commit() {
            Ok(commit) => Some(commit.author().map_err(|e| fail(&e))?.seconds()),
            // A tag of a tree or a blob names no commit.
            Err(_) => None,
        };
        if let Some(seconds) = authored {
            if latest
                .as_ref()
                .is_none_or(|best| (seconds, &name) > (best.0, &best.1))
            {
                latest = Some((seconds, name.clone()));
            }
        }
        let Some(seconds) = tagger.or(authored) else {
            continue;
        };
        let day = checked_day(seconds, || Dated::Tag(name.clone()))?;
        if all.len() == MAX_TAGS {
            return Err(Problem::OverLimit {
                limit: ScanLimit::Tags,
                bound: MAX_TAGS as u64,
            });
        }
        all.push(Tag {
            name,
            date: date_of(day).to_string(),
        });
    }
    all.sort_by(|a, b| (&a.date, &a.name).cmp(&(&b.date, &b.name)));
    Ok(Tags {
        all,
        latest: latest.map(|(_, name)| name),
    })
}

/// The day (since 1970) of `seconds`, when the export can write it and its week's Monday;
/// else the problem, naming what carries the date.
fn checked_day(seconds: i64, dated: impl FnOnce() -> Dated) -> Result<i64, Problem> {
    let day = seconds.div_euclid(86_400);
    if writable_days().contains(&day) {
        return Ok(day);
    }
    Err(Problem::OutOfRange {
        dated: dated(),
        seconds,
    })
}

/// Days since 1970 the export can write: from the first Monday of [`FIRST_YEAR`] (a week is
/// written by its Monday) to the last day of [`LAST_YEAR`].
fn writable_days() -> std::ops::RangeInclusive<i64> {
    let day = |year, month, day| {
        let date = Date::from_calendar_date(year, month, day).expect("a valid date");
        (date - epoch()).whole_days()
    };
    let first = day(FIRST_YEAR, time::Month::January, 1);
    let first_monday = first + (7 - (first + MONDAY_OFFSET).rem_euclid(7)) % 7;
    first_monday..=day(LAST_YEAR, time::Month::December, 31)
}

fn date_of(day: i64) -> Date {
    epoch() + Duration::days(day)
}

fn epoch() -> Date {
    Date::from_calendar_date(1970, time::Month::January, 1).expect("a valid date")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writable_days_start_on_the_first_monday() {
        let days = writable_days();
        assert_eq!(date_of(*days.start()).to_string(), "1970-01-05");
        assert_eq!(date_of(*days.start()).weekday(), time::Weekday::Monday);
        assert_eq!(date_of(*days.end()).to_string(), "2099-12-31");
        assert_eq!(monday_of(week_of(*days.end())).to_string(), "2099-12-28");
    }

    #[test]
    fn a_date_out_of_range_says_when() {
        let in_2100 = 4_102_444_800; // 2100-01-01T00:00:00Z
        assert_eq!(
            checked_day(in_2100, || Dated::Copy),
            Err(Problem::OutOfRange {
                dated: Dated::Copy,
                seconds: in_2100
            })
        );
        assert_eq!(
            checked_day(0, || Dated::Copy).map_err(|_| ()),
            Err(()),
            "1970-01-01 is in a week whose Monday is in 1969"
        );
        assert_eq!(checked_day(in_2100 - 1, || Dated::Copy), Ok(47_481));
    }

    #[test]
    fn identities_fold_into_people() {
        let identities: Vec<(BString, BString)> = [
            ("Ana Testeuse", "ana@example.org"),
            ("ANA TESTEUSE", "ana.t@work.example"),
            ("Ana Testéuse", "other@example.org"),
            ("Bob", "Bob@Example.org"),
            ("Robert Essai", "bob@example.org"),
            ("Chloé", "12345+chloe-f@users.noreply.github.com"),
            ("chloe-f", "chloe@example.org"),
            ("C. Fixture", "chloe-f@users.noreply.github.com"),
            (
                "dependabot[bot]",
                "1+dependabot[bot]@users.noreply.github.com",
            ),
            ("Dan", "dan@example.org"),
            ("dependabot", "dan@example.org"),
        ]
        .iter()
        .map(|(n, e)| ((*n).into(), (*e).into()))
        .collect();
        let bots: Vec<Option<String>> = identities
            .iter()
            .map(|(n, _)| {
                n.starts_with(b"dependabot[")
                    .then(|| "dependabot".to_string())
            })
            .collect();
        let person = fold_people(&identities, &bots);
        assert_eq!(person, [0, 0, 0, 3, 3, 5, 5, 5, 8, 9, 9]);
    }
}
