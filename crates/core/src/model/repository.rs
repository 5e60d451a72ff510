//! A scanned repository as every reader needs it: its weeks and its people's weeks with dates
//! parsed once, its human commits told apart from bots' and merges, its tags, its copy's date, and
//! the record it repeats when several défis share one repository.

use crate::base::order;
use time::Date;

use crate::base::date::plausible_date;
use crate::contract::export::Activity;

/// One week of a repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepositoryWeek {
    pub monday: Date,
    pub commits: u32,
    /// The people's own commits: neither merges nor bots'. All commits in an export made before
    /// the scan told them apart.
    pub human: u32,
}

/// One person's human commits, week by week (Mondays), oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonWeeks {
    pub weeks: Vec<(Date, u32)>,
}

impl PersonWeeks {
    /// The Monday of the person's first week.
    pub fn first(&self) -> Option<Date> {
        self.weeks.first().map(|w| w.0)
    }

    /// The Monday of the person's last week.
    pub fn last(&self) -> Option<Date> {
        self.weeks.last().map(|w| w.0)
    }

    /// Commits in weeks whose Monday lies in `[from, to)`.
    pub fn commits_between(&self, from: Date, to: Date) -> u64 {
        self.weeks
            .iter()
            .filter(|(monday, _)| *monday >= from && *monday < to)
            .map(|(_, n)| u64::from(*n))
            .sum()
    }
}

/// A scanned repository, read once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repository {
    /// Its défi (an index), when the export names it.
    pub defi: Option<usize>,
    /// The first record of the export for the same repository (its own index when first): a
    /// repository attached to several défis counts once in every total.
    pub same_as: usize,
    pub weeks: Vec<RepositoryWeek>,
    pub people: Vec<PersonWeeks>,
    /// The days of its tags, oldest first.
    pub tags: Vec<Date>,
    pub copied: Option<Date>,
    pub last_commit: Option<Date>,
    /// False for documentation or mock-ups only: its commits are not code activity.
    pub holds_code: bool,
    /// True when the scan told human commits apart from bots' and merges.
    pub split: bool,
}

/// The key two records share when they name one repository: the URL without case, scheme,
/// `www.`, `.git` or trailing slash.
fn repository_key(url: &str) -> String {
    let lower = url.trim().to_lowercase();
    let rest = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.trim_end_matches('/');
    rest.strip_suffix(".git").unwrap_or(rest).to_string()
}

/// Every record of `activity`, read once, with the défi each names.
pub fn repositories(
    activity: &[Activity],
    defi_of: impl Fn(&str) -> Option<usize>,
) -> Vec<Repository> {
    let keys: Vec<String> = activity.iter().map(|a| repository_key(&a.url)).collect();
    activity
        .iter()
        .enumerate()
        .map(|(r, a)| {
            let same_as = if a.url.is_empty() {
                r
            } else {
                keys.iter().position(|k| *k == keys[r]).unwrap_or(r)
            };
            let weeks = a
                .weeks
                .iter()
                .filter_map(|w| {
                    Some(RepositoryWeek {
                        monday: plausible_date(&w.monday)?,
                        commits: w.commits,
                        human: w.human.unwrap_or(w.commits).min(w.commits),
                    })
                })
                .collect();
            let people = a
                .people
                .iter()
                .map(|p| PersonWeeks {
                    weeks: p
                        .weeks
                        .iter()
                        .filter_map(|w| Some((plausible_date(&w.monday)?, w.commits)))
                        .collect(),
                })
                .filter(|p| !p.weeks.is_empty())
                .collect();
            let mut tags: Vec<Date> = a
                .tags
                .iter()
                .filter_map(|t| plausible_date(&t.date))
                .collect();
            order::sort(&mut tags);
            Repository {
                defi: defi_of(&a.defi_id),
                same_as,
                weeks,
                people,
                tags,
                copied: a.copied_at.as_deref().and_then(plausible_date),
                last_commit: a.last_commit.as_deref().and_then(plausible_date),
                holds_code: a.holds_code != Some(false),
                split: a.weeks.iter().all(|w| w.human.is_some()) && !a.weeks.is_empty(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_repository_named_two_ways_is_one() {
        assert_eq!(
            repository_key("https://www.GitHub.com/etalab/eig-link.git/"),
            repository_key("http://github.com/etalab/eig-link")
        );
        assert_ne!(
            repository_key("https://github.com/etalab/a"),
            repository_key("https://github.com/etalab/b")
        );
    }
}
