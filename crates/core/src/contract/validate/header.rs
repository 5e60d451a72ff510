//! The export's size, version, date and sources.

use super::{Checker, Unknown};
use crate::base::date::looks_like_date_time;
use crate::contract::export::{JOURNAL_CATEGORIES, SCHEMA_VERSION};
use crate::contract::limits::{
    MAX_ADMINISTRATIONS, MAX_DEFIS, MAX_ITEM_LIST, MAX_JOURNAL_ENTRIES, MAX_LANGUAGE_BYTES,
    MAX_OPENNESS_ITEMS, MAX_PEOPLE, MAX_POSTS, MAX_PROMOTIONS, MAX_REPOSITORIES, MAX_SKILLS,
    MAX_SOURCES, MAX_STACKS, MAX_TAGS, MAX_TECHNOLOGIES, MAX_UNSCANNED,
};
use crate::text;

impl Checker<'_> {
    /// Each list within its bound, and each language's bytes; false when one is over (nothing
    /// more is checked then: item by item would take too long).
    pub(super) fn sizes(&mut self) -> bool {
        let export = self.export;
        let top = [
            ("/sources", export.sources.len(), MAX_SOURCES),
            ("/defis", export.defis.len(), MAX_DEFIS),
            (
                "/administrations",
                export.administrations.len(),
                MAX_ADMINISTRATIONS,
            ),
            ("/journal", export.journal.len(), MAX_JOURNAL_ENTRIES),
            ("/activity", export.activity.len(), MAX_REPOSITORIES),
            ("/skills", export.skills.len(), MAX_SKILLS),
            ("/promotions", export.promotions.len(), MAX_PROMOTIONS),
            (
                "/journal_categories",
                export.journal_categories.len(),
                JOURNAL_CATEGORIES.len(),
            ),
            ("/unscanned", export.unscanned.len(), MAX_UNSCANNED),
            ("/technologies", export.technologies.len(), MAX_TECHNOLOGIES),
            ("/stacks", export.stacks.len(), MAX_STACKS),
            (
                "/openness_records",
                export.openness_records.len(),
                MAX_PROMOTIONS,
            ),
            (
                "/openness_items",
                export.openness_items.len(),
                MAX_OPENNESS_ITEMS,
            ),
            ("/posts", export.posts.len(), MAX_POSTS),
        ];
        let mut within = true;
        for (list, count, max) in top {
            within &= self.bounded(list, count, max);
        }
        if !within {
            return false;
        }
        for (i, d) in export.defis.iter().enumerate() {
            for (list, count) in [
                ("skills", d.skills.len()),
                ("eigs", d.eigs.len()),
                ("mentors", d.mentors.len()),
                ("source_code", d.source_code.len()),
                ("key_figures", d.key_figures.len()),
                ("issues", d.issues.len()),
            ] {
                within &= self.bounded(format!("/defis/{i}/{list}"), count, MAX_ITEM_LIST);
            }
        }
        for (i, post) in export.posts.iter().enumerate() {
            for (list, count) in [("tags", post.tags.len()), ("defis", post.defis.len())] {
                within &= self.bounded(format!("/posts/{i}/{list}"), count, MAX_ITEM_LIST);
            }
        }
        for (i, a) in export.administrations.iter().enumerate() {
            within &= self.bounded(
                format!("/administrations/{i}/aliases"),
                a.aliases.len(),
                MAX_ITEM_LIST,
            );
        }
        for (i, p) in export.promotions.iter().enumerate() {
            within &= self.bounded(
                format!("/promotions/{i}/dates"),
                p.dates.len(),
                MAX_ITEM_LIST,
            );
        }
        for (i, e) in export.journal.iter().enumerate() {
            within &= self.bounded(
                format!("/journal/{i}/categories"),
                e.categories.len(),
                JOURNAL_CATEGORIES.len(),
            );
        }
        for (i, s) in export.stacks.iter().enumerate() {
            within &= self.bounded(
                format!("/stacks/{i}/mentions"),
                s.mentions.len(),
                MAX_ITEM_LIST,
            );
        }
        for (i, r) in export.activity.iter().enumerate() {
            for (list, count) in [
                ("languages", r.languages.len()),
                ("frameworks", r.frameworks.len()),
                ("openness/ci", r.openness.ci.len()),
                ("openness/absent", r.openness.absent.len()),
                ("bots", r.bots.len()),
            ] {
                within &= self.bounded(format!("/activity/{i}/{list}"), count, MAX_ITEM_LIST);
            }
            within &= self.bounded(format!("/activity/{i}/people"), r.people.len(), MAX_PEOPLE);
            within &= self.bounded(format!("/activity/{i}/tags"), r.tags.len(), MAX_TAGS);
            for (j, language) in r.languages.iter().enumerate() {
                if language.bytes > MAX_LANGUAGE_BYTES {
                    let bytes = language.bytes;
                    self.push(
                        format!("/activity/{i}/languages/{j}/bytes"),
                        text!(
                            "{bytes} octets, au plus {MAX_LANGUAGE_BYTES} attendus",
                            "{bytes} bytes, at most {MAX_LANGUAGE_BYTES} expected"
                        ),
                    );
                    within = false;
                }
            }
        }
        within
    }

    /// A list of `count` items at `path`, at most `max`.
    fn bounded(&mut self, path: impl Into<String>, count: usize, max: usize) -> bool {
        if count > max {
            self.push(
                path,
                text!(
                    "{count} éléments, au plus {max} attendus",
                    "{count} items, at most {max} expected"
                ),
            );
        }
        count <= max
    }

    /// The schema version, the date of the run and the credited sources.
    pub(super) fn header(&mut self) {
        let export = self.export;
        if export.schema_version != SCHEMA_VERSION {
            self.push(
                "/schema_version",
                text!(
                    "vaut {}, attendu {SCHEMA_VERSION}",
                    "is {}, expected {SCHEMA_VERSION}",
                    export.schema_version
                ),
            );
        }
        if !looks_like_date_time(&export.generated_at) {
            self.push(
                "/generated_at",
                text!(
                    "« {} » n'est pas une date RFC 3339",
                    "\"{}\" is not an RFC 3339 date",
                    export.generated_at
                ),
            );
        }
        for (i, source) in export.sources.iter().enumerate() {
            self.date(format!("/sources/{i}/updated"), &source.updated);
            self.http_url(format!("/sources/{i}/url"), &source.url);
            if let Some(kind) = source.kind.as_ref().filter(|k| !k.is_known()) {
                self.unknown(format!("/sources/{i}/kind"), Unknown::Kind, kind);
            }
        }
    }
}
