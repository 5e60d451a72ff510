//! What the filters select: the défis and journal entries that pass them.

use super::cohort::Cohort;
use super::filter::Filters;

/// The défis and journal entries that pass the filters, as indexes into the export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub defis: Vec<usize>,
    pub journal: Vec<usize>,
    /// Posts of the period about a selected défi; posts about none count only while no filter
    /// narrows the défis.
    pub posts: Vec<usize>,
}

impl Cohort {
    /// Applies the filters. Journal rows and posts that match no défi count only while no filter
    /// narrows the défis.
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
                && filters.tech.as_ref().is_none_or(|t| self.uses(i, t).any());
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
                let day = self.journal_day(e);
                from.is_none_or(|f| day.is_some_and(|day| day >= f))
                    && to.is_none_or(|t| day.is_some_and(|day| day <= t))
                    && match self.journal_defi(e) {
                        Some(d) => keep_defi[d],
                        None => !filters.narrows_defis(),
                    }
            })
            .collect();
        let posts = (0..self.export.posts.len())
            .filter(|&p| {
                let day = self.post_day(p);
                from.is_none_or(|f| day.is_some_and(|day| day >= f))
                    && to.is_none_or(|t| day.is_some_and(|day| day <= t))
                    && match self.post_defis(p) {
                        [] => !filters.narrows_defis(),
                        defis => defis.iter().any(|&d| keep_defi[d]),
                    }
            })
            .collect();
        Selection {
            defis,
            journal,
            posts,
        }
    }
}
