//! The export assembled from its sources, in order: the catalogue, the promotions' windows,
//! the défis and their administrations, the journal, the scan, eig-link's records and the
//! credits; with the report's counts. Each part is read by its own module.

use std::collections::HashSet;

use eig_pulse_core::contract::export::{Export, SCHEMA_VERSION};
use eig_pulse_core::Text;

use crate::administrations::{self, Mention, Overrides};
use crate::names::{DefiName, DefiNames};
use crate::posts::{PostTarget, PostsTable};
use crate::promotions::{self, Windows};
use crate::report::{Finding, Report};
use crate::repositories;
use crate::site::Catalogue;
use crate::source::{SourceError, SourceText};
use crate::technologies::Table;
use crate::{credits, defis, journal_entries, posts, records};

/// Everything an export is built from.
pub struct Inputs {
    pub defis: SourceText,
    pub people: SourceText,
    pub skills: SourceText,
    pub promos: SourceText,
    pub journals: Vec<SourceText>,
    /// The administrations override file (`data/administrations.yml`).
    pub overrides: SourceText,
    /// The promotions' dated events with their sources (`data/promotions.yml`); without it
    /// the promotions have no window.
    pub promotions: Option<SourceText>,
    /// The repositories file (`data/repositories.yml`), for its `not_scanned` entries.
    pub repositories: Option<SourceText>,
    /// A committed scan (`data/activity.json`): the `activity` records of an earlier
    /// `eig-pulse scan`.
    pub activity: Option<SourceText>,
    /// RFC 3339 timestamp written into the export.
    pub generated_at: String,
    /// The technologies table (`data/technologies.yml`).
    pub technologies: SourceText,
    /// eig-link's records: `stack_<year>.org|md` and `ouverture_<year>.org` (named so).
    pub records: Vec<SourceText>,
    /// The blog's files (`_posts/`), each named by its path; drafts (`_` first) included.
    pub posts: Vec<SourceText>,
    /// The table of posts (`data/posts.yml`): links name matching cannot decide; without it,
    /// none.
    pub posts_table: Option<SourceText>,
}

/// An export and the fidelity report of the run that built it.
#[derive(Debug)]
pub struct Built {
    pub export: Export,
    pub report: Report,
}

/// Builds the export and its fidelity report; a [`SourceError`] means no export at all.
pub fn build(inputs: &Inputs) -> Result<Built, SourceError> {
    let catalogue = Catalogue::parse(
        &inputs.defis,
        &inputs.people,
        &inputs.skills,
        &inputs.promos,
    )?;
    let overrides = Overrides::parse(&inputs.overrides)?;
    let mut report = Report::default();
    for repeated in &catalogue.repeated_keys {
        report.add(
            &repeated.file,
            Some(repeated.line),
            Finding::RepeatedKey {
                key: repeated.key.clone(),
            },
        );
    }

    let skills = catalogue.skills.clone();
    let windows = match &inputs.promotions {
        Some(source) => promotions::parse(source)?,
        None => Windows::default(),
    };
    let mut promotions = promotions::from_catalogue(&catalogue, &windows)?;
    let defis::CatalogueDefis { mut defis, hosts } =
        defis::from_catalogue(&catalogue, &skills, &promotions, &mut report)?;
    promotions::set_windows(&windows, &mut promotions, &mut defis)?;

    let resolution = administrations::resolve(
        &hosts
            .iter()
            .map(|host| Mention {
                raw: &host.written,
                website: host.website.as_deref(),
                line: host.line,
            })
            .collect::<Vec<_>>(),
        &overrides,
        &catalogue.defis_file,
        &mut report,
    );
    for (defi, leaf) in defis.iter_mut().zip(&resolution.leaf_ids) {
        defi.administration_id = leaf.clone();
    }

    let names = DefiNames::new(
        catalogue
            .defis
            .iter()
            .zip(&defis)
            .map(|(entry, defi)| DefiName {
                id: &defi.id,
                key: &entry.key,
                title: &defi.title,
                year: defi.year,
            }),
    );
    let journal = journal_entries::read(&inputs.journals, &names, &mut report)?;

    let defi_ids: HashSet<&str> = defis.iter().map(|d| d.id.as_str()).collect();
    let activity = match &inputs.activity {
        Some(source) => repositories::parse_activity(source, &defi_ids)?,
        None => Vec::new(),
    };
    let unscanned = match &inputs.repositories {
        Some(source) => repositories::parse_not_scanned(source, &defi_ids)?,
        None => Vec::new(),
    };
    let table = Table::parse(&inputs.technologies)?;
    let records = records::read(
        &inputs.records,
        &catalogue,
        &defis,
        &promotions,
        &names,
        &table,
        &mut report,
    )?;

    let posts_table = match &inputs.posts_table {
        Some(source) => PostsTable::parse(source)?,
        None => PostsTable::default(),
    };
    let targets: Vec<PostTarget> = catalogue
        .defis
        .iter()
        .zip(&defis)
        .map(|(entry, defi)| PostTarget {
            id: &defi.id,
            title: &defi.title,
            page: entry.value.link_to.as_deref(),
        })
        .collect();
    let blog = posts::read(&inputs.posts, &targets, &posts_table, &mut report)?;

    let export = Export {
        schema_version: SCHEMA_VERSION,
        generated_at: inputs.generated_at.clone(),
        sources: credits::sources(
            !inputs.journals.is_empty(),
            journal.latest_entry,
            !inputs.records.is_empty(),
            &activity,
        ),
        skills,
        promotions,
        administrations: resolution.administrations,
        defis,
        journal_categories: Export::legend(),
        journal: journal.entries,
        activity,
        unscanned,
        technologies: table.technologies.clone(),
        stacks: records.stacks,
        openness_records: records.openness_records,
        openness_items: records.openness_items,
        posts: blog.posts,
    };

    // The report's counts, in print order.
    let spellings: HashSet<&str> = hosts.iter().map(|h| h.written.as_str()).collect();
    let top_level = export
        .administrations
        .iter()
        .filter(|a| a.parent_id.is_none());
    let matched = export
        .journal
        .iter()
        .filter(|e| e.defi_id.is_some())
        .count();
    let documented = export.stacks.iter().filter(|s| s.documented).count();
    let mut counts = vec![
        (Text::same("défis"), export.defis.len()),
        (Text::same("promotions"), export.promotions.len()),
        (Text::fixed("compétences", "skills"), export.skills.len()),
        (
            Text::fixed("personnes (personnes.yml)", "people (personnes.yml)"),
            catalogue.people.len(),
        ),
        (
            Text::fixed(
                "libellés d'administration distincts",
                "distinct administration spellings",
            ),
            spellings.len(),
        ),
        (Text::same("administrations"), export.administrations.len()),
        (
            Text::fixed("administrations de tête", "top-level administrations"),
            top_level.count(),
        ),
        (
            Text::fixed("lignes de journal lues", "journal rows read"),
            journal.rows_read,
        ),
        (
            Text::fixed(
                "lignes de journal répétées à l'identique, écartées",
                "journal rows repeated verbatim, left out",
            ),
            journal.repeated,
        ),
        (
            Text::fixed("lignes de journal écrites", "journal rows written"),
            export.journal.len(),
        ),
        (
            Text::fixed(
                "cellules du journal aux liens org-mode réduits à leur texte",
                "journal cells with org-mode links given as their text",
            ),
            journal.links_as_text,
        ),
        (
            Text::fixed("lignes rattachées à un défi", "rows matched to a défi"),
            matched,
        ),
        (
            Text::fixed(
                "lignes sans défi (defi_id nul)",
                "rows without a défi (null defi_id)",
            ),
            export.journal.len() - matched,
        ),
    ];
    if inputs.activity.is_some() {
        counts.push((
            Text::fixed("fiches d'activité (scan)", "activity records (scan)"),
            export.activity.len(),
        ));
        counts.push((
            Text::fixed("dépôts non analysés", "repositories not scanned"),
            export.unscanned.len(),
        ));
    }
    counts.push((
        Text::fixed("stacks déclarées", "declared stacks"),
        export.stacks.len(),
    ));
    counts.push((
        Text::fixed("stacks documentées", "documented stacks"),
        documented,
    ));
    counts.push((
        Text::fixed("éléments d'ouverture", "openness items"),
        export.openness_items.len(),
    ));
    if !inputs.posts.is_empty() {
        let linked = export.posts.iter().filter(|p| !p.defis.is_empty()).count();
        let told: HashSet<&str> = export
            .posts
            .iter()
            .flat_map(|p| p.defis.iter().map(|d| d.defi_id.as_str()))
            .collect();
        counts.extend([
            (
                Text::fixed("billets publiés", "published posts"),
                export.posts.len(),
            ),
            (
                Text::fixed("brouillons ignorés", "drafts left out"),
                blog.drafts,
            ),
            (
                Text::fixed("billets rattachés à un défi", "posts linked to a défi"),
                linked,
            ),
            (
                Text::fixed("défis nommés par un billet", "défis named by a post"),
                told.len(),
            ),
            (
                Text::fixed("défis qu'aucun billet ne nomme", "défis no post names"),
                export.defis.len() - told.len(),
            ),
        ]);
    }
    for (label, value) in counts {
        report.count(label, value);
    }
    Ok(Built { export, report })
}
