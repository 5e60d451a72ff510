//! The export's size, version, date and sources.

use super::Checker;
use crate::base::date::looks_like_date_time;
use crate::contract::export::{JOURNAL_CATEGORIES, SCHEMA_VERSION};
use crate::contract::limits::{
    MAX_ADMINISTRATIONS, MAX_DEFIS, MAX_JOURNAL_ENTRIES, MAX_PROMOTIONS, MAX_REPOSITORIES,
    MAX_SKILLS,
};
use crate::text;

impl Checker<'_> {
    /// Each list within its bound; false when one is over (nothing more is checked then).
    pub(super) fn sizes(&mut self) -> bool {
        let export = self.export;
        let mut within = true;
        for (list, count, max) in [
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
        ] {
            if count > max {
                self.push(
                    list,
                    text!(
                        "{count} éléments, au plus {max} attendus",
                        "{count} items, at most {max} expected"
                    ),
                );
                within = false;
            }
        }
        within
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
        }
    }
}
