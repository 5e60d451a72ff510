//! Technologies, declared stacks, openness records and items, and the technologies the scan
//! measured: each names known défis, promotions and technologies.

use std::collections::HashSet;

use super::{Checker, Unknown};
use crate::text;

impl Checker<'_> {
    pub(super) fn technologies(&mut self) {
        let export = self.export;
        let promotions: HashSet<&str> = export.promotions.iter().map(|p| p.id.as_str()).collect();
        let mut techs: HashSet<&str> = HashSet::new();
        for (i, tech) in export.technologies.iter().enumerate() {
            if !techs.insert(tech.id.as_str()) {
                self.push(
                    format!("/technologies/{i}/id"),
                    text!(
                        "technologie « {} » en double",
                        "technology \"{}\" repeated",
                        tech.id
                    ),
                );
            }
            if !tech.kind.is_known() {
                self.unknown(format!("/technologies/{i}/kind"), Unknown::Kind, &tech.kind);
            }
        }
        for (i, stack) in export.stacks.iter().enumerate() {
            self.known_defi(stack.defi_id.as_deref(), || format!("/stacks/{i}/defi_id"));
            if !promotions.contains(stack.promotion_id.as_str()) {
                self.unknown(
                    format!("/stacks/{i}/promotion_id"),
                    Unknown::Promotion,
                    &stack.promotion_id,
                );
            }
            for (j, mention) in stack.mentions.iter().enumerate() {
                if let Some(t) = mention
                    .technology_id
                    .as_deref()
                    .filter(|t| !techs.contains(t))
                {
                    self.unknown(
                        format!("/stacks/{i}/mentions/{j}/technology_id"),
                        Unknown::Technology,
                        t,
                    );
                }
            }
        }
        for (i, record) in export.openness_records.iter().enumerate() {
            if !promotions.contains(record.as_str()) {
                self.unknown(format!("/openness_records/{i}"), Unknown::Promotion, record);
            }
        }
        for (i, item) in export.openness_items.iter().enumerate() {
            self.known_defi(item.defi_id.as_deref(), || {
                format!("/openness_items/{i}/defi_id")
            });
            if !export.openness_records.contains(&item.promotion_id) {
                self.push(
                    format!("/openness_items/{i}/promotion_id"),
                    text!(
                        "promotion « {} » sans relevé d'ouverture",
                        "promotion \"{}\" without an openness record",
                        item.promotion_id
                    ),
                );
            }
            if !item.kind.is_known() {
                self.unknown(
                    format!("/openness_items/{i}/kind"),
                    Unknown::Kind,
                    &item.kind,
                );
            }
            if let Some(url) = &item.url {
                self.http_url(format!("/openness_items/{i}/url"), url);
            }
        }
        for (i, repo) in export.activity.iter().enumerate() {
            for (j, framework) in repo.frameworks.iter().enumerate() {
                if !techs.contains(framework.as_str()) {
                    self.unknown(
                        format!("/activity/{i}/frameworks/{j}"),
                        Unknown::Technology,
                        framework,
                    );
                }
            }
            for (j, language) in repo.languages.iter().enumerate() {
                if let Some(t) = language
                    .technology_id
                    .as_deref()
                    .filter(|t| !techs.contains(t))
                {
                    self.unknown(
                        format!("/activity/{i}/languages/{j}/technology_id"),
                        Unknown::Technology,
                        t,
                    );
                }
            }
        }
    }
}
