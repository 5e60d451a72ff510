//! The administration tree: known parents, no cycle, bounded depth, http(s) websites.

use std::collections::HashMap;

use super::Checker;
use crate::base::tree::{climb, End};
use crate::contract::limits::MAX_ADMINISTRATION_DEPTH;
use crate::text;

impl Checker<'_> {
    pub(super) fn administrations(&mut self) {
        let export = self.export;
        let parents: HashMap<&str, &str> = export
            .administrations
            .iter()
            .filter_map(|a| a.parent_id.as_deref().map(|p| (a.id.as_str(), p)))
            .collect();
        for (i, admin) in export.administrations.iter().enumerate() {
            let path = format!("/administrations/{i}/parent_id");
            if let Some(parent) = &admin.parent_id {
                if !self.administrations.contains(parent.as_str()) {
                    self.push(
                        path.clone(),
                        text!(
                            "administration parente inconnue « {parent} »",
                            "unknown parent administration \"{parent}\""
                        ),
                    );
                }
            }
            let climbed = climb(admin.id.as_str(), MAX_ADMINISTRATION_DEPTH, |id| {
                parents.get(id).copied()
            });
            match climbed.1 {
                End::Root => {}
                End::Cycle(_) => self.push(
                    path,
                    text!(
                        "cycle dans la hiérarchie à partir de « {} »",
                        "cycle in the hierarchy from \"{}\"",
                        admin.id
                    ),
                ),
                End::TooDeep => self.push(
                    path,
                    text!(
                        "plus de {MAX_ADMINISTRATION_DEPTH} niveaux au-dessus de « {} »",
                        "more than {MAX_ADMINISTRATION_DEPTH} levels above \"{}\"",
                        admin.id
                    ),
                ),
            }
            if let Some(url) = &admin.website {
                self.http_url(format!("/administrations/{i}/website"), url);
            }
        }
    }
}
