//! « Technologies par promotion »: the most used technologies, in défis, declared and measured
//! as separate series per promotion.

use crate::base::order;

use super::{Category, Chart, ChartId, ChartSpec, Layout, Reading, Section, Series};
use crate::base::lang::{Lang, Text};
use crate::contract::export::SourceKind;
use crate::measures::technologies::{defis_per_technology, defis_using, Source};
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;

pub static SPEC: ChartSpec = ChartSpec {
    slug: "technologies-by-promotion",
    section: Section::Technologies,
    title: Text::fixed("Technologies par promotion", "Technologies per promotion"),
    guide: Text::fixed(
        "Les 15 technologies employées par le plus de défis (une ligne chacune, la plus employée en haut, le type entre parenthèses ; un défi compte une fois, qu'il la déclare ou que son code la montre) et, par promotion, le nombre de défis qui les déclarent dans les stacks du programme (les choix « à confirmer » exclus) ou dont le code des dépôts analysés les montre : une colonne par promotion et par source, la case d'autant plus foncée que le nombre est grand.",
        "The 15 technologies used by the most défis (a row each, the most used on top, the kind in parentheses; a défi counts once, whether it declares it or its code shows it) and, per promotion, the number of défis that declare them in the programme's stack records (choices “to be confirmed” left out) or whose scanned code shows them: a column per promotion and source, the cell the darker the larger the number.",
    ),
    reading: Reading::by_label(Text::fixed("Technologie", "Technology")),
    sources: &[SourceKind::Catalogue, SourceKind::Records, SourceKind::Repositories],
    build: |cohort, selection, _, lang| technologies_by_promotion(cohort, selection, lang),
};

/// How many technologies the chart names.
pub const TOP_TECHNOLOGIES: usize = 15;

/// The most used technologies by number of défis, per promotion, declared and measured as
/// separate series (« EIG 3 · déclarée », « EIG 3 · mesurée »), drawn as a matrix of counts; a
/// category per technology, labelled with its kind.
pub fn technologies_by_promotion(cohort: &Cohort, selection: &Selection, lang: Lang) -> Chart {
    let (by, promotions) = defis_per_technology(cohort, selection);
    let mut series = Vec::new();
    for p in &promotions {
        let label = cohort.promotion(p).map_or(p.as_str(), |q| q.label.as_str());
        // A promotion keeps its colour whatever the filters leave out, in both its columns.
        let color = cohort.promotion_index(p).unwrap_or(series.len());
        for source in Source::BOTH {
            if by
                .iter()
                .any(|((q, _), defis)| q == p && !defis.of(source).is_empty())
            {
                series.push((
                    p.clone(),
                    source,
                    Series::new(
                        format!("{p}-{}", source.key()),
                        format!("{label} · {}", source.word(lang)),
                        color,
                    ),
                ));
            }
        }
    }
    // Technologies ranked by the défis that use them, as the section's opening sentence counts
    // them, then by label (each label looked up once).
    let mut ranked: Vec<(&str, usize, String)> = defis_using(&by)
        .into_iter()
        .map(|(tech, n)| {
            (
                tech,
                n,
                cohort.technology_label(tech, lang).name.to_lowercase(),
            )
        })
        .collect();
    order::sort_by(&mut ranked, |a, b| {
        b.1.cmp(&a.1).then_with(|| a.2.cmp(&b.2))
    });
    ranked.truncate(TOP_TECHNOLOGIES);
    let categories: Vec<Category> = ranked
        .iter()
        .map(|(tech, _, _)| {
            let label = cohort.technology_label(tech, lang);
            Category::new(
                tech.to_string(),
                if label.kind.is_empty() {
                    label.name
                } else {
                    format!("{} ({})", label.name, label.kind)
                },
            )
        })
        .collect();
    let values = ranked
        .iter()
        .map(|(tech, _, _)| {
            series
                .iter()
                .map(|(p, source, _)| {
                    by.get(&(p.clone(), tech.to_string()))
                        .map_or(0.0, |defis| defis.of(*source).len() as f64)
                })
                .collect()
        })
        .collect();
    Chart::new(
        ChartId::TechnologiesByPromotion,
        categories,
        series.into_iter().map(|(_, _, s)| s).collect(),
        values,
        lang.pick("nombre de défis", "number of défis"),
    )
    .with_layout(Layout::Cells)
}
