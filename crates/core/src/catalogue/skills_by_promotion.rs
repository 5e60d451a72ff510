//! « Compétences par promotion »: défis per skill in each promotion, stacked.

use super::categories::{held_promotions, promotions};
use super::{Chart, ChartId, ChartSpec, Reading, Section, Series};
use crate::base::lang::{Lang, Text};
use crate::base::order;
use crate::contract::export::{Skill, SourceKind};
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;

pub static SPEC: ChartSpec = ChartSpec {
    slug: "skills-by-promotion",
    section: Section::Defis,
    title: Text::fixed("Compétences par promotion", "Skills per promotion"),
    guide: Text::fixed(
        "Nombre de défis demandant chaque compétence ; un défi à trois compétences compte trois fois.",
        "Number of défis asking for each skill; a défi with three skills counts three times.",
    ),
    reading: Reading::by_label(Text::same("Promotion")),
    sources: &[SourceKind::Catalogue],
    build: |cohort, selection, _, lang| skills_by_promotion(cohort, selection, lang),
};

/// Défis per skill in each promotion, stacked (a défi with three skills counts in three).
pub fn skills_by_promotion(cohort: &Cohort, selection: &Selection, lang: Lang) -> Chart {
    let categories = promotions(cohort);
    // The programme's own order: development first, geomatics last; unknown skills after.
    const ORDER: [&str; 5] = [
        "dev",
        "design",
        "datascience",
        "dataengineering",
        "geomatique",
    ];
    let mut skills: Vec<&Skill> = cohort.export.skills.iter().collect();
    order::sort_by_key(&mut skills, |s| {
        (
            ORDER.iter().position(|o| *o == s.id).unwrap_or(ORDER.len()),
            &s.id,
        )
    });
    let mut values = vec![vec![0.0; skills.len()]; categories.len()];
    for &d in &selection.defis {
        let defi = &cohort.export.defis[d];
        let Some(p) = categories.iter().position(|c| c.key == defi.promotion_id) else {
            continue;
        };
        for skill in &defi.skills {
            if let Some(s) = skills.iter().position(|k| &k.id == skill) {
                values[p][s] += 1.0;
            }
        }
    }
    Chart::new(
        ChartId::SkillsByPromotion,
        categories,
        skills
            .iter()
            .enumerate()
            .map(|(i, s)| Series::new(s.id.clone(), cohort.skill_label(&s.id, lang), i))
            .collect(),
        values,
        lang.pick("défis (par compétence)", "défis (per skill)"),
    )
    .only_categories(held_promotions(cohort, selection))
}
