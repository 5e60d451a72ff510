//! The défis: known promotion, administration and skills, http(s) links; and the repositories
//! not scanned, each naming a défi.

use std::collections::HashSet;

use super::{Checker, Unknown};
use crate::text;

impl Checker<'_> {
    pub(super) fn unscanned(&mut self) {
        let export = self.export;
        let defi_ids: HashSet<&str> = export.defis.iter().map(|d| d.id.as_str()).collect();
        for (i, unscanned) in export.unscanned.iter().enumerate() {
            if !defi_ids.contains(unscanned.defi_id.as_str()) {
                self.unknown(
                    format!("/unscanned/{i}/defi_id"),
                    Unknown::Defi,
                    &unscanned.defi_id,
                );
            }
        }
    }

    pub(super) fn defis(&mut self) {
        for (i, defi) in self.export.defis.iter().enumerate() {
            if !self.promotions.contains(defi.promotion_id.as_str()) {
                self.unknown(
                    format!("/defis/{i}/promotion_id"),
                    Unknown::Promotion,
                    &defi.promotion_id,
                );
            }
            if !self
                .administrations
                .contains(defi.administration_id.as_str())
            {
                let id = &defi.administration_id;
                self.push(
                    format!("/defis/{i}/administration_id"),
                    text!(
                        "administration inconnue « {id} »",
                        "unknown administration \"{id}\""
                    ),
                );
            }
            for (j, skill) in defi.skills.iter().enumerate() {
                if !self.skills.contains(skill.as_str()) {
                    self.push(
                        format!("/defis/{i}/skills/{j}"),
                        text!(
                            "compétence inconnue « {skill} »",
                            "unknown skill \"{skill}\""
                        ),
                    );
                }
            }
            for (j, url) in defi.source_code.iter().enumerate() {
                self.http_url(format!("/defis/{i}/source_code/{j}"), url);
            }
            if let Some(url) = &defi.website {
                self.http_url(format!("/defis/{i}/website"), url);
            }
        }
    }
}
