//! What each défi's code did during and after its window, read from its scanned repositories:
//! human commits, active months, alive or not at any date its copies reach, who carried it after
//! the end, its releases. The thresholds are `definitions`'; nothing here is drawn.

use crate::base::order;
use std::collections::BTreeMap;

use time::{Date, Duration};

use super::definitions::{ACTIVE_MONTH_COMMITS, ALIVE_ACTIVE_MONTHS, ALIVE_LOOKBACK_MONTHS};
use crate::base::date::{add_months, subtract_months};
use crate::model::cohort::Cohort;
use crate::model::repository::{PersonWeeks, Repository};
use crate::model::selection::Selection;
use crate::model::window::Window;

/// Where a défi stands at a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// At least 2 active months in the 6 before the date.
    Alive,
    /// Observed, and not alive.
    Inactive,
    /// Its copies end before the date: unknown, never counted inactive.
    NotObserved,
}

/// One selected défi with at least one scanned repository.
#[derive(Debug, Clone)]
pub struct DefiCode<'a> {
    pub defi: usize,
    pub window: Option<Window>,
    /// Its repositories holding code (indexes into `export.activity`).
    pub code: Vec<usize>,
    /// Its repositories of documentation or mock-ups only.
    pub documentation: Vec<usize>,
    /// The last day its copies show: the oldest copy of its code repositories (their last commit
    /// when a copy's date is unknown).
    pub observed_until: Option<Date>,
    /// The dates of its copies, oldest first.
    pub copies: Vec<Date>,
    /// True when every code repository told human commits apart from bots' and merges.
    pub split: bool,
    /// Human commits per week's Monday, its code repositories together.
    weeks: BTreeMap<Date, u64>,
    /// The people of its code repositories (numbered per repository).
    people: Vec<&'a PersonWeeks>,
    /// Its releases' days, oldest first.
    pub releases: Vec<Date>,
}

/// The Thursday of the week starting on `monday`: the day that says which month a week is in.
fn thursday(monday: Date) -> Date {
    monday.checked_add(Duration::days(3)).unwrap_or(monday)
}

impl DefiCode<'_> {
    /// True when it has a repository holding code.
    pub fn holds_code(&self) -> bool {
        !self.code.is_empty()
    }

    /// Human commits in weeks whose Thursday falls in `[from, to)`.
    pub fn human_between(&self, from: Date, to: Date) -> u64 {
        let (first, last) = (
            from.checked_sub(Duration::days(3)).unwrap_or(from),
            to.checked_sub(Duration::days(3)).unwrap_or(to),
        );
        self.weeks.range(first..last).map(|(_, n)| n).sum()
    }

    /// Every human commit.
    pub fn human_commits(&self) -> u64 {
        self.weeks.values().sum()
    }

    /// Human commits during its window.
    pub fn human_during(&self) -> Option<u64> {
        let w = self.window?;
        Some(self.human_between(w.start, w.end))
    }

    /// Human commits after its end, up to its copies.
    pub fn human_after(&self) -> Option<u64> {
        let end = self.window?.end;
        Some(self.human_between(end, Date::MAX))
    }

    /// Whether the copies reach `date`.
    pub fn observed_at(&self, date: Date) -> bool {
        self.observed_until.is_some_and(|until| until >= date)
    }

    /// Active months among the [`ALIVE_LOOKBACK_MONTHS`] month-long spans just before `date`.
    pub fn active_months_before(&self, date: Date, months: u32) -> usize {
        (1..=months)
            .filter(|&j| {
                let (Some(from), Some(to)) =
                    (subtract_months(date, j), subtract_months(date, j - 1))
                else {
                    return false;
                };
                self.human_between(from, to) >= ACTIVE_MONTH_COMMITS
            })
            .count()
    }

    /// Where it stands at `date`.
    pub fn status_at(&self, date: Date) -> Status {
        if !self.observed_at(date) {
            return Status::NotObserved;
        }
        if self.active_months_before(date, ALIVE_LOOKBACK_MONTHS) >= ALIVE_ACTIVE_MONTHS {
            Status::Alive
        } else {
            Status::Inactive
        }
    }

    /// Where it stands `months` after its end; not observed when its window is unknown.
    pub fn status_after(&self, months: u32) -> Status {
        match self.window.and_then(|w| add_months(w.end, months)) {
            Some(at) => self.status_at(at),
            None => Status::NotObserved,
        }
    }

    /// Where it stands at its copies' date: alive now, as far as anyone can tell.
    pub fn status_at_copy(&self) -> Status {
        self.observed_until
            .map_or(Status::NotObserved, |until| self.status_at(until))
    }

    /// Active months in the `months` month-long spans after its end (the spans its copies reach).
    pub fn active_months_after(&self, months: u32) -> Option<usize> {
        let end = self.window?.end;
        Some(
            (1..=months)
                .filter(|&k| {
                    let (Some(from), Some(to)) = (add_months(end, k - 1), add_months(end, k))
                    else {
                        return false;
                    };
                    self.observed_at(to) && self.human_between(from, to) >= ACTIVE_MONTH_COMMITS
                })
                .count(),
        )
    }

    /// Until when it stayed alive, month by month from its end: `(month, died)` — the first
    /// month it was seen inactive, or the last month its copies reach (censored). `None` when
    /// its window is unknown or its copies do not reach its end.
    pub fn survival_time(&self, horizon: u32) -> Option<(u32, bool)> {
        let end = self.window?.end;
        let mut last_seen = None;
        for month in 0..=horizon {
            match self.status_at(add_months(end, month)?) {
                Status::Alive => last_seen = Some(month),
                Status::Inactive => return Some((month, true)),
                Status::NotObserved => break,
            }
        }
        last_seen.map(|month| (month, false))
    }

    /// True when its scan told its people apart (an export made before that did not).
    pub fn tells_people_apart(&self) -> bool {
        !self.people.is_empty()
    }

    /// True when its copies go on past its end: what happened after it can be seen.
    pub fn observed_after_end(&self) -> bool {
        self.window
            .zip(self.observed_until)
            .is_some_and(|(window, until)| until > window.end)
    }

    /// Who carried its code after its end; `None` without a window, without people, or when its
    /// copies stop at or before its end (not observed after it: never counted « non repris »).
    pub fn handover(&self) -> Option<Handover> {
        let window = self.window?;
        if !self.tells_people_apart() || !self.observed_after_end() {
            return None;
        }
        let mut handover = Handover::default();
        for person in &self.people {
            let in_window = person
                .weeks
                .iter()
                .any(|(monday, _)| window.contains(thursday(*monday)));
            let first = person.first().map(thursday)?;
            let after = person
                .weeks
                .iter()
                .filter(|(monday, _)| thursday(*monday) >= window.end)
                .map(|(_, n)| u64::from(*n))
                .sum::<u64>();
            if in_window {
                handover.founders += 1;
                handover.founders_after += after;
                if after > 0 {
                    handover.founders_staying += 1;
                    let last = person.last().map(thursday)?;
                    let months = months_between(window.end, last);
                    handover.last_founder_months = Some(
                        handover
                            .last_founder_months
                            .map_or(months, |m| m.max(months)),
                    );
                }
            } else if first >= window.end {
                handover.newcomers += 1;
                handover.newcomers_after += after;
            } else {
                handover.earlier_after += after;
                handover.earlier += usize::from(after > 0);
            }
        }
        Some(handover)
    }

    /// Its releases during its window, and after its end up to its copies.
    pub fn releases(&self) -> Option<Releases> {
        let window = self.window?;
        Some(Releases {
            during: self
                .releases
                .iter()
                .filter(|d| window.contains(**d))
                .count(),
            after: self
                .releases
                .iter()
                .filter(|d| **d >= window.end && self.observed_at(**d))
                .count(),
            months_to_first: self
                .releases
                .iter()
                .find(|d| **d >= window.start)
                .map(|d| months_between(window.start, *d)),
        })
    }
}

/// Whole months from `from` to `to` (0 when `to` is earlier).
pub fn months_between(from: Date, to: Date) -> u32 {
    let months = (i64::from(to.year()) - i64::from(from.year())) * 12
        + i64::from(u8::from(to.month()))
        - i64::from(u8::from(from.month()))
        - i64::from(to.day() < from.day());
    u32::try_from(months.max(0)).unwrap_or(u32::MAX)
}

/// Who carried a défi's code after its end: people and their human commits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Handover {
    /// People with a human commit during the window.
    pub founders: usize,
    /// Founders who still committed after the end.
    pub founders_staying: usize,
    pub founders_after: u64,
    /// People whose first commit came after the end.
    pub newcomers: usize,
    pub newcomers_after: u64,
    /// People who came before the window, were not in it, and committed after the end.
    pub earlier: usize,
    pub earlier_after: u64,
    /// Whole months from the end to the last founder's commit, when a founder committed after it.
    pub last_founder_months: Option<u32>,
}

impl Handover {
    /// Human commits after the end, everyone's.
    pub fn after(&self) -> u64 {
        self.founders_after + self.newcomers_after + self.earlier_after
    }
}

/// A défi's releases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Releases {
    pub during: usize,
    pub after: usize,
    /// Whole months from the start to the first release on or after it.
    pub months_to_first: Option<u32>,
}

/// Each selected défi with at least one scanned repository, in selection order.
pub fn defi_codes<'a>(cohort: &'a Cohort, selection: &Selection) -> Vec<DefiCode<'a>> {
    let mut by_defi: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (r, repository) in cohort.repositories().iter().enumerate() {
        if let Some(d) = repository.defi {
            by_defi.entry(d).or_default().push(r);
        }
    }
    selection
        .defis
        .iter()
        .filter_map(|&d| {
            let all = by_defi.get(&d)?;
            let repositories = cohort.repositories();
            let (code, documentation): (Vec<usize>, Vec<usize>) =
                all.iter().partition(|&&r| repositories[r].holds_code);
            let reading: Vec<&Repository> = code.iter().map(|&r| &repositories[r]).collect();
            let mut weeks: BTreeMap<Date, u64> = BTreeMap::new();
            for repository in &reading {
                for week in &repository.weeks {
                    *weeks.entry(week.monday).or_default() += u64::from(week.human);
                }
            }
            let mut copies: Vec<Date> = reading.iter().filter_map(|r| r.copied).collect();
            order::sort(&mut copies);
            let observed_until = reading
                .iter()
                .filter_map(|r| r.copied.or(r.last_commit))
                .min();
            let mut releases: Vec<Date> = reading
                .iter()
                .flat_map(|r| r.tags.iter().copied())
                .collect();
            order::sort(&mut releases);
            Some(DefiCode {
                defi: d,
                window: cohort.defi_window(d),
                observed_until,
                copies,
                split: reading.iter().all(|r| r.split),
                weeks,
                people: reading.iter().flat_map(|r| r.people.iter()).collect(),
                releases,
                code,
                documentation,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn whole_months() {
        assert_eq!(
            months_between(date!(2019 - 11 - 16), date!(2020 - 05 - 15)),
            5
        );
        assert_eq!(
            months_between(date!(2019 - 11 - 16), date!(2020 - 05 - 16)),
            6
        );
        assert_eq!(
            months_between(date!(2020 - 05 - 16), date!(2019 - 11 - 16)),
            0
        );
    }
}
