//! The active filters in words: the filter bar's tags, the phone summary and the subtitles of
//! exported and embedded charts all say them through here.

use super::cohort::Cohort;
use super::filter::{FilterKind, Filters};
use crate::base::format;
use crate::base::lang::Lang;

/// One active filter in words, behind the criterion it narrows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterPart {
    pub kind: FilterKind,
    pub words: String,
}

impl Filters {
    /// The active filters in words, one per criterion in a fixed order.
    pub fn parts(&self, cohort: &Cohort, lang: Lang) -> Vec<FilterPart> {
        let export = &cohort.export;
        let mut parts = Vec::new();
        let mut say = |kind, words: String| parts.push(FilterPart { kind, words });
        if let Some(id) = &self.admin {
            let name = cohort
                .administration_index(id)
                .map_or(id.as_str(), |a| export.administrations[a].name.as_str());
            say(FilterKind::Admin, name.to_string());
        }
        if let Some(id) = &self.promo {
            let label = cohort
                .promotion(id)
                .map_or(id.as_str(), |p| p.label.as_str());
            say(FilterKind::Promo, label.to_string());
        }
        if let Some(id) = &self.skill {
            say(FilterKind::Skill, cohort.skill_label(id, lang));
        }
        if let Some(tech) = &self.tech {
            let label = cohort.technology_label(tech, lang).name;
            say(
                FilterKind::Tech,
                format!(
                    "{label} ({})",
                    lang.pick("déclarée ou mesurée", "declared or measured")
                ),
            );
        }
        if let Some(period) = format::day_span(self.from, self.to, lang) {
            say(FilterKind::Period, period);
        }
        parts
    }

    /// The filters in words, for the subtitle of an exported or embedded chart; `None` when empty.
    /// `"Ministère de l’Intérieur · EIG 2 · Design · du 1er mars 2018 au 31 mars 2018"`.
    pub fn describe(&self, cohort: &Cohort, lang: Lang) -> Option<String> {
        let parts: Vec<String> = self
            .parts(cohort, lang)
            .into_iter()
            .map(|part| part.words)
            .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}
