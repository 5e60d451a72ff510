//! « Ouverture par promotion »: the share of each promotion's défis with published code, a
//! website, key figures.

use super::categories::{held_promotions, promotions};
use super::{Chart, ChartId, ChartSpec, Layout, Reading, Section, Series, Unit};
use crate::base::lang::{Lang, Text};
use crate::contract::export::SourceKind;
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;

pub static SPEC: ChartSpec = ChartSpec {
    slug: "openness-by-promotion",
    section: Section::Openness,
    title: Text::fixed("Ouverture par promotion", "Openness per promotion"),
    guide: Text::fixed(
        "Part des défis de chaque promotion avec du code publié, un site web, des chiffres clés.",
        "Share of each promotion's défis with published code, a website, key figures.",
    ),
    reading: Reading::by_label(Text::same("Promotion")),
    sources: &[SourceKind::Catalogue],
    build: |cohort, selection, _, lang| openness_by_promotion(cohort, selection, lang),
};

/// Per promotion: share of défis with published code, with a website, with key figures.
pub fn openness_by_promotion(cohort: &Cohort, selection: &Selection, lang: Lang) -> Chart {
    let categories = promotions(cohort);
    let mut counts = vec![[0usize; 4]; categories.len()];
    for &d in &selection.defis {
        let defi = &cohort.export.defis[d];
        let Some(p) = categories.iter().position(|c| c.key == defi.promotion_id) else {
            continue;
        };
        counts[p][0] += usize::from(!defi.source_code.is_empty());
        counts[p][1] += usize::from(defi.website.is_some());
        counts[p][2] += usize::from(!defi.key_figures.is_empty());
        counts[p][3] += 1;
    }
    let categories = categories
        .into_iter()
        .zip(&counts)
        .map(|(c, n)| c.with_note(format!("{} défis", n[3])))
        .collect();
    Chart::new(
        ChartId::OpennessByPromotion,
        categories,
        vec![
            Series::new("code", lang.pick("Code publié", "Published code"), 0),
            Series::new("website", lang.pick("Site web", "Website"), 1),
            Series::new("key_figures", lang.pick("Chiffres clés", "Key figures"), 2),
        ],
        counts
            .iter()
            .map(|n| {
                let total = n[3].max(1) as f64;
                if n[3] == 0 {
                    vec![0.0; 3]
                } else {
                    vec![
                        n[0] as f64 / total,
                        n[1] as f64 / total,
                        n[2] as f64 / total,
                    ]
                }
            })
            .collect(),
        lang.pick(
            "part des défis de la promotion",
            "share of the promotion's défis",
        ),
    )
    .with_layout(Layout::Grouped)
    .with_unit(Unit::Share)
    .only_categories(held_promotions(cohort, selection))
}
