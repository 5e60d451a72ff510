//! The export indexed for queries: the administration tree, dates parsed once, and filtering.

use std::collections::HashMap;

use crate::base::date::plausible_date;
use crate::contract::export::Export;
use crate::model::filter::Filters;
use crate::contract::validate::MAX_ADMINISTRATION_DEPTH;

/// How many journal categories the cohort reads (bits of a category mask); the contract allows
/// only the nine letters of the legend.
pub const MAX_JOURNAL_CATEGORIES: usize = 16;

/// An export with the indexes every chart needs. Plain data: no signals, no DOM.
#[derive(Debug, Clone)]
pub struct Cohort {
    pub export: Export,
    admin_by_id: HashMap<String, usize>,
    /// Parent index of each administration.
    parent: Vec<Option<usize>>,
    /// Administration index of each défi.
    defi_admin: Vec<usize>,
    defi_by_id: HashMap<String, usize>,
    promotion_by_id: HashMap<String, usize>,
    /// Défi index of each journal entry.
    journal_defi: Vec<Option<usize>>,
    /// Each défi's journal entries, by date (file order within a day).
    journal_by_defi: Vec<Vec<usize>>,
    /// Day number (Julian day) of each journal entry; `None` outside the plausible range.
    journal_day: Vec<Option<i32>>,
    /// Day number of the Monday of each journal entry's week.
    journal_monday: Vec<Option<i32>>,
    /// Each journal entry's categories as bits, bit `i` for `export.journal_categories[i]`.
    journal_mask: Vec<u32>,
    /// Each administration's chain up to its root, itself first.
    chains: Vec<Vec<usize>>,
    /// Défi index of each repository of `activity`.
    repository_defi: Vec<Option<usize>>,
    /// Each repository's weeks as (Monday, commits), Mondays parsed once.
    repository_weeks: Vec<Vec<(time::Date, u32)>>,
}

/// The défis and journal entries that pass the filters, as indexes into the export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub defis: Vec<usize>,
    pub journal: Vec<usize>,
}

impl Cohort {
    /// Indexes a validated export (see [`crate::contract::validate::parse_export`]).
    pub fn new(export: Export) -> Cohort {
        let admin_by_id: HashMap<String, usize> = export
            .administrations
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let parent = export
            .administrations
            .iter()
            .map(|a| {
                a.parent_id
                    .as_ref()
                    .and_then(|p| admin_by_id.get(p).copied())
            })
            .collect();
        let defi_by_id: HashMap<String, usize> = export
            .defis
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        let promotion_by_id = export
            .promotions
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        let defi_admin = export
            .defis
            .iter()
            .map(|d| {
                admin_by_id
                    .get(&d.administration_id)
                    .copied()
                    .unwrap_or(usize::MAX)
            })
            .collect();
        let journal_defi = export
            .journal
            .iter()
            .map(|e| {
                e.defi_id
                    .as_ref()
                    .and_then(|id| defi_by_id.get(id).copied())
            })
            .collect();
        let journal_day: Vec<Option<i32>> = export
            .journal
            .iter()
            .map(|e| plausible_date(&e.date).map(time::Date::to_julian_day))
            .collect();
        let journal_monday = journal_day
            .iter()
            .map(|&day| {
                let date = time::Date::from_julian_day(day?).ok()?;
                Some(day? - i32::from(date.weekday().number_days_from_monday()))
            })
            .collect();
        let journal_mask = export
            .journal
            .iter()
            .map(|e| {
                export
                    .journal_categories
                    .iter()
                    .take(MAX_JOURNAL_CATEGORIES)
                    .enumerate()
                    .filter(|(_, c)| e.categories.contains(&c.id))
                    .fold(0u32, |mask, (i, _)| mask | (1 << i))
            })
            .collect();
        let repository_defi = export
            .activity
            .iter()
            .map(|a| defi_by_id.get(&a.defi_id).copied())
            .collect();
        let repository_weeks = export
            .activity
            .iter()
            .map(|a| {
                a.weeks
                    .iter()
                    .filter_map(|w| plausible_date(&w.monday).map(|m| (m, w.commits)))
                    .collect()
            })
            .collect();
        let mut cohort = Cohort {
            export,
            admin_by_id,
            parent,
            defi_admin,
            defi_by_id,
            promotion_by_id,
            journal_defi,
            journal_day,
            journal_monday,
            journal_mask,
            journal_by_defi: Vec::new(),
            chains: Vec::new(),
            repository_defi,
            repository_weeks,
        };
        cohort.chains = (0..cohort.export.administrations.len())
            .map(|a| cohort.chain(a))
            .collect();
        let mut journal_by_defi = vec![Vec::new(); cohort.export.defis.len()];
        for (entry, defi) in cohort.journal_defi.iter().enumerate() {
            if let Some(defi) = defi {
                journal_by_defi[*defi].push(entry);
            }
        }
        for entries in &mut journal_by_defi {
            // Stable: equal dates keep the file's order.
            entries.sort_by_key(|&e| cohort.journal_day[e]);
        }
        cohort.journal_by_defi = journal_by_defi;
        cohort
    }

    pub fn administration_index(&self, id: &str) -> Option<usize> {
        self.admin_by_id.get(id).copied()
    }

    pub fn defi_index(&self, id: &str) -> Option<usize> {
        self.defi_by_id.get(id).copied()
    }

    /// The promotion `id`.
    pub fn promotion(&self, id: &str) -> Option<&crate::contract::export::Promotion> {
        self.promotion_by_id
            .get(id)
            .map(|&i| &self.export.promotions[i])
    }

    /// The promotion of défi `defi` (an index).
    pub fn defi_promotion(&self, defi: usize) -> Option<&crate::contract::export::Promotion> {
        self.promotion(&self.export.defis.get(defi)?.promotion_id)
    }

    /// The journal entries (indexes) of défi `defi`, by date (file order within a day).
    pub fn defi_journal(&self, defi: usize) -> &[usize] {
        self.journal_by_defi.get(defi).map_or(&[], Vec::as_slice)
    }

    /// The administration index of a défi.
    pub fn defi_administration(&self, defi: usize) -> Option<usize> {
        self.defi_admin
            .get(defi)
            .copied()
            .filter(|&a| a != usize::MAX)
    }

    pub fn parent(&self, admin: usize) -> Option<usize> {
        self.parent.get(admin).copied().flatten()
    }

    /// The chain from an administration up to its root: itself first.
    pub fn ancestors(&self, admin: usize) -> &[usize] {
        self.chains.get(admin).map_or(&[], Vec::as_slice)
    }

    /// At most [`MAX_ADMINISTRATION_DEPTH`] parents above: the contract refuses deeper trees,
    /// and an unchecked one costs no more than a checked one.
    fn chain(&self, admin: usize) -> Vec<usize> {
        crate::base::tree::climb(admin, MAX_ADMINISTRATION_DEPTH, |a| self.parent(a)).0
    }

    /// How many défis each administration hosts, its directorates and services included
    /// (indexed like `export.administrations`).
    pub fn defis_per_administration(&self) -> Vec<usize> {
        let mut counts = vec![0usize; self.export.administrations.len()];
        for d in 0..self.export.defis.len() {
            if let Some(own) = self.defi_administration(d) {
                for &a in self.ancestors(own) {
                    counts[a] += 1;
                }
            }
        }
        counts
    }

    /// True when `admin` is `ancestor` or lies under it.
    pub fn is_within(&self, admin: usize, ancestor: usize) -> bool {
        self.chains
            .get(admin)
            .is_some_and(|chain| chain.contains(&ancestor))
    }

    /// Administrations in tree order (each parent before its children, siblings by id, which
    /// sorts like the name without case or accents), with depth.
    pub fn administration_tree(&self) -> Vec<(usize, usize)> {
        let admins = &self.export.administrations;
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); admins.len()];
        let mut roots = Vec::new();
        for i in 0..admins.len() {
            match self.parent(i) {
                Some(p) if !self.ancestors(p).contains(&i) => children[p].push(i),
                _ => roots.push(i),
            }
        }
        let by_name =
            |list: &mut Vec<usize>| list.sort_unstable_by(|&a, &b| admins[a].id.cmp(&admins[b].id));
        by_name(&mut roots);
        children.iter_mut().for_each(by_name);
        let mut out = Vec::with_capacity(admins.len());
        let mut stack: Vec<(usize, usize)> = roots.into_iter().rev().map(|r| (r, 0)).collect();
        while let Some((i, depth)) = stack.pop() {
            out.push((i, depth));
            stack.extend(children[i].iter().rev().map(|&c| (c, depth + 1)));
        }
        out
    }

    /// The défi index of each journal entry.
    pub fn journal_defi(&self, entry: usize) -> Option<usize> {
        self.journal_defi.get(entry).copied().flatten()
    }

    /// A journal entry's categories as bits, bit `i` for `export.journal_categories[i]`; 0 for none.
    pub fn journal_categories(&self, entry: usize) -> u32 {
        self.journal_mask[entry]
    }

    /// The défi index of each repository of `export.activity`.
    pub fn repository_defi(&self, repository: usize) -> Option<usize> {
        self.repository_defi.get(repository).copied().flatten()
    }

    /// A repository's weeks as (Monday, commits).
    pub fn repository_weeks(&self, repository: usize) -> &[(time::Date, u32)] {
        self.repository_weeks
            .get(repository)
            .map_or(&[], Vec::as_slice)
    }

    /// The Monday of a journal entry's week; `None` when its date is not plausible.
    pub fn journal_monday(&self, entry: usize) -> Option<time::Date> {
        time::Date::from_julian_day(self.journal_monday[entry]?).ok()
    }

    /// The date of a journal entry (the earliest date when it is not plausible).
    pub fn journal_date(&self, entry: usize) -> time::Date {
        self.journal_day[entry]
            .and_then(|day| time::Date::from_julian_day(day).ok())
            .unwrap_or(time::Date::MIN)
    }

    /// Applies the filters. Journal rows that match no défi count only while no filter narrows the défis.
    pub fn select(&self, filters: &Filters) -> Selection {
        let admin = filters
            .admin
            .as_deref()
            .and_then(|id| self.administration_index(id));
        let (first_year, last_year) = (
            filters.from.map(time::Date::year),
            filters.to.map(time::Date::year),
        );
        let mut keep_defi = vec![false; self.export.defis.len()];
        let mut defis = Vec::new();
        for (i, defi) in self.export.defis.iter().enumerate() {
            let keep = admin.is_none_or(|a| {
                self.defi_administration(i)
                    .is_some_and(|own| self.is_within(own, a))
            }) && filters
                .promo
                .as_ref()
                .is_none_or(|p| &defi.promotion_id == p)
                && filters
                    .skill
                    .as_ref()
                    .is_none_or(|s| defi.skills.contains(s))
                && first_year.is_none_or(|y| defi.year >= y)
                && last_year.is_none_or(|y| defi.year <= y)
                && filters
                    .tech
                    .as_ref()
                    .is_none_or(|t| crate::measures::technologies::uses(&self.export, &defi.id, t).any());
            if keep {
                keep_defi[i] = true;
                defis.push(i);
            }
        }
        let (from, to) = (
            filters.from.map(time::Date::to_julian_day),
            filters.to.map(time::Date::to_julian_day),
        );
        let journal = (0..self.export.journal.len())
            .filter(|&e| {
                let day = self.journal_day[e];
                from.is_none_or(|f| day.is_some_and(|day| day >= f))
                    && to.is_none_or(|t| day.is_some_and(|day| day <= t))
                    && match self.journal_defi[e] {
                        Some(d) => keep_defi[d],
                        None => !filters.narrows_defis(),
                    }
            })
            .collect();
        Selection { defis, journal }
    }
}
