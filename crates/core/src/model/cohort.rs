//! The export indexed for queries: the administration tree, dates parsed once, each défi's
//! window and technologies, and the labels of skills and technologies.

use crate::base::order;
use std::collections::{BTreeMap, HashMap};

use super::repository::{repositories, Repository};
use super::uses::Uses;
use super::window::{defi_window, Window};
use crate::base::date::plausible_date;
use crate::base::lang::Lang;
use crate::contract::export::{Defi, Export, Promotion, TechnologyKind};
use crate::contract::limits::MAX_ADMINISTRATION_DEPTH;

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
    /// Each record of `activity`, read once.
    repositories: Vec<Repository>,
    skill_by_id: HashMap<String, usize>,
    technology_by_id: HashMap<String, usize>,
    /// Each défi's technologies (by index into `export.technologies`) and how it uses them.
    uses: Vec<BTreeMap<usize, Uses>>,
    /// Each défi's window: its own, else its promotion's.
    windows: Vec<Option<Window>>,
    /// Each défi's name on a chart: its title, with its year when another défi has that title.
    defi_labels: Vec<String>,
    /// Each post's day number; `None` outside the plausible range.
    post_day: Vec<Option<i32>>,
    /// Each post's défis (indexes), in the export's order.
    post_defis: Vec<Vec<usize>>,
    /// Each défi's posts, by date.
    posts_by_defi: Vec<Vec<usize>>,
}

/// Titles, each with its défi's year when another défi has the same title.
fn defi_labels(defis: &[Defi]) -> Vec<String> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for defi in defis {
        *count.entry(defi.title.as_str()).or_default() += 1;
    }
    defis
        .iter()
        .map(|defi| match count[defi.title.as_str()] {
            1 => defi.title.clone(),
            _ => format!("{} ({})", defi.title, defi.year),
        })
        .collect()
}

/// An administration in the tree's reading order, with its depth (0 for a root).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeNode {
    pub admin: usize,
    pub depth: usize,
}

/// A technology as the interface names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TechnologyLabel {
    pub name: String,
    /// Its kind in words (« Langage », « Base de données et recherche »); empty when the export
    /// does not name the technology.
    pub kind: String,
}

/// Each item's position, by its key (an id).
pub(crate) fn positions<T>(items: &[T], key: impl Fn(&T) -> &String) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| (key(item).clone(), i))
        .collect()
}

impl Cohort {
    /// Indexes a validated export (see [`crate::contract::validate::parse_export`]).
    pub fn new(export: Export) -> Cohort {
        let admin_by_id = positions(&export.administrations, |a| &a.id);
        let parent = export
            .administrations
            .iter()
            .map(|a| {
                a.parent_id
                    .as_ref()
                    .and_then(|p| admin_by_id.get(p).copied())
            })
            .collect();
        let defi_by_id = positions(&export.defis, |d| &d.id);
        let promotion_by_id = positions(&export.promotions, |p| &p.id);
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
        let repositories = repositories(&export.activity, |id| defi_by_id.get(id).copied());
        let skill_by_id = positions(&export.skills, |s| &s.id);
        let technology_by_id = positions(&export.technologies, |t| &t.id);
        let uses = technology_uses(&export, &defi_by_id, &technology_by_id);
        let windows = export
            .defis
            .iter()
            .map(|d| {
                defi_window(
                    d,
                    promotion_by_id
                        .get(&d.promotion_id)
                        .map(|&p| &export.promotions[p]),
                )
            })
            .collect();
        let post_day = export
            .posts
            .iter()
            .map(|p| plausible_date(&p.date).map(time::Date::to_julian_day))
            .collect();
        let post_defis: Vec<Vec<usize>> = export
            .posts
            .iter()
            .map(|p| {
                p.defis
                    .iter()
                    .filter_map(|link| defi_by_id.get(&link.defi_id).copied())
                    .collect()
            })
            .collect();
        let mut posts_by_defi = vec![Vec::new(); export.defis.len()];
        for (post, defis) in post_defis.iter().enumerate() {
            for &defi in defis {
                posts_by_defi[defi].push(post);
            }
        }
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
            repositories,
            skill_by_id,
            technology_by_id,
            uses,
            windows,
            defi_labels: Vec::new(),
            post_day,
            post_defis,
            posts_by_defi,
        };
        for posts in &mut cohort.posts_by_defi {
            order::sort_by_key(posts, |&p| cohort.post_day[p]);
        }
        cohort.defi_labels = defi_labels(&cohort.export.defis);
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
            order::sort_by_key(entries, |&e| cohort.journal_day[e]);
        }
        cohort.journal_by_defi = journal_by_defi;
        cohort
    }

    pub fn administration_index(&self, id: &str) -> Option<usize> {
        self.admin_by_id.get(id).copied()
    }

    /// The défi's name on a chart, a list or a table: « EIG Link (2019) » when two défis share
    /// the title « EIG Link », else the title alone.
    pub fn defi_label(&self, defi: usize) -> &str {
        &self.defi_labels[defi]
    }

    pub fn defi_index(&self, id: &str) -> Option<usize> {
        self.defi_by_id.get(id).copied()
    }

    /// The promotion `id`.
    pub fn promotion(&self, id: &str) -> Option<&Promotion> {
        self.promotion_by_id
            .get(id)
            .map(|&i| &self.export.promotions[i])
    }

    /// The index in `export.promotions` of the promotion with this id.
    pub fn promotion_index(&self, id: &str) -> Option<usize> {
        self.promotion_by_id.get(id).copied()
    }

    /// The promotion of défi `defi` (an index).
    pub fn defi_promotion(&self, defi: usize) -> Option<&Promotion> {
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

    /// The top of a défi's administration chain (its ministry, say).
    pub fn defi_root_administration(&self, defi: usize) -> Option<usize> {
        self.defi_administration(defi)
            .and_then(|a| self.ancestors(a).last().copied())
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
    pub fn administration_tree(&self) -> Vec<TreeNode> {
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
            |list: &mut Vec<usize>| order::sort_by(list, |&a, &b| admins[a].id.cmp(&admins[b].id));
        by_name(&mut roots);
        children.iter_mut().for_each(by_name);
        let mut out = Vec::with_capacity(admins.len());
        let mut stack: Vec<(usize, usize)> = roots.into_iter().rev().map(|r| (r, 0)).collect();
        while let Some((i, depth)) = stack.pop() {
            out.push(TreeNode { admin: i, depth });
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
        self.repositories.get(repository)?.defi
    }

    /// Each record of `export.activity`, read once.
    pub fn repositories(&self) -> &[Repository] {
        &self.repositories
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

    /// The day number (Julian day) of a journal entry; `None` outside the plausible range.
    pub fn journal_day(&self, entry: usize) -> Option<i32> {
        self.journal_day.get(entry).copied().flatten()
    }

    /// The day number of a post; `None` outside the plausible range.
    pub fn post_day(&self, post: usize) -> Option<i32> {
        self.post_day.get(post).copied().flatten()
    }

    /// The défis (indexes) a post is about.
    pub fn post_defis(&self, post: usize) -> &[usize] {
        self.post_defis.get(post).map_or(&[], Vec::as_slice)
    }

    /// The posts (indexes) about a défi, by date.
    pub fn defi_posts(&self, defi: usize) -> &[usize] {
        self.posts_by_defi.get(defi).map_or(&[], Vec::as_slice)
    }

    /// A défi's window (its own, else its promotion's); `None` when its dates are unknown.
    pub fn defi_window(&self, defi: usize) -> Option<Window> {
        self.windows.get(defi).copied().flatten()
    }

    /// How défi `defi` (an index) uses technology `tech` (an id).
    pub fn uses(&self, defi: usize, tech: &str) -> Uses {
        self.technology_by_id
            .get(tech)
            .and_then(|t| self.uses.get(defi)?.get(t))
            .copied()
            .unwrap_or_default()
    }

    /// Every technology a défi uses (declared firmly or tentatively, or measured), in the
    /// technologies table's order, as (technology index, uses).
    pub fn defi_technologies(&self, defi: usize) -> impl Iterator<Item = (usize, Uses)> + '_ {
        self.uses
            .get(defi)
            .into_iter()
            .flatten()
            .map(|(&t, &u)| (t, u))
            .filter(|(_, u)| u.any() || u.tentative)
    }

    /// The technologies some défi uses (declared firmly or measured), as indexes into
    /// `export.technologies`, in the table's order.
    pub fn technologies_in_use(&self) -> Vec<usize> {
        let mut used = vec![false; self.export.technologies.len()];
        for (&t, uses) in self.uses.iter().flatten() {
            used[t] |= uses.any();
        }
        (0..used.len()).filter(|&t| used[t]).collect()
    }

    /// The index of technology `id` in `export.technologies`.
    pub fn technology_index(&self, id: &str) -> Option<usize> {
        self.technology_by_id.get(id).copied()
    }

    /// A skill's label in `lang`: the export's French label, the English one from the programme's
    /// own list; the id itself when neither names it.
    pub fn skill_label(&self, id: &str, lang: Lang) -> String {
        let english = match id {
            "dev" => "Development",
            "design" => "Design",
            "datascience" => "Data science",
            "dataengineering" => "Data engineering",
            "geomatique" => "Geomatics",
            other => other,
        };
        let french = self
            .skill_by_id
            .get(id)
            .map_or(id, |&s| self.export.skills[s].label.as_str());
        lang.pick(french, english).to_string()
    }

    /// A technology's label and kind; the id itself when the export does not name it.
    pub fn technology_label(&self, id: &str, lang: Lang) -> TechnologyLabel {
        match self.technology_index(id) {
            Some(t) => {
                let tech = &self.export.technologies[t];
                TechnologyLabel {
                    name: tech.label.clone(),
                    kind: tech.kind.label(lang).to_string(),
                }
            }
            None => TechnologyLabel {
                name: id.to_string(),
                kind: String::new(),
            },
        }
    }

    /// The kind of technology `id`, when the export names it.
    pub fn technology_kind(&self, id: &str) -> Option<&TechnologyKind> {
        self.technology_index(id)
            .map(|t| &self.export.technologies[t].kind)
    }
}

/// Each défi's technologies from its declared stacks (firm or tentative mentions) and its scanned
/// repositories (languages and frameworks).
fn technology_uses(
    export: &Export,
    defi_by_id: &HashMap<String, usize>,
    technology_by_id: &HashMap<String, usize>,
) -> Vec<BTreeMap<usize, Uses>> {
    let mut uses = vec![BTreeMap::<usize, Uses>::new(); export.defis.len()];
    for stack in &export.stacks {
        let Some(&d) = stack.defi_id.as_ref().and_then(|id| defi_by_id.get(id)) else {
            continue;
        };
        for mention in &stack.mentions {
            let Some(&t) = mention
                .technology_id
                .as_ref()
                .and_then(|id| technology_by_id.get(id))
            else {
                continue;
            };
            let entry = uses[d].entry(t).or_default();
            if mention.tentative {
                entry.tentative = true;
            } else {
                entry.declared = true;
            }
        }
    }
    for activity in &export.activity {
        let Some(&d) = defi_by_id.get(&activity.defi_id) else {
            continue;
        };
        for tech in activity.technologies() {
            if let Some(&t) = technology_by_id.get(tech) {
                uses[d].entry(t).or_default().measured = true;
            }
        }
    }
    uses
}
