//! « Technologies par promotion »: the most used technologies, in défis, declared and measured
//! as separate series per promotion.

use std::collections::HashMap;

use super::{Category, Chart, ChartId, ChartSpec, Layout, Orientation, Reading, Section, Series};
use crate::base::lang::{Lang, Text};
use crate::measures::technologies::{defis_per_technology, Source};
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;

pub static SPEC: ChartSpec = ChartSpec {
    slug: "technologies-by-promotion",
    section: Section::Technologies,
    title: Text::fixed("Technologies par promotion", "Technologies per promotion"),
    guide: Text::fixed(
        "Les technologies les plus employées, en nombre de défis, par promotion : déclarées dans les stacks du programme (les choix « à confirmer » exclus) ou mesurées dans le code des dépôts analysés, en séries distinctes ; le type entre parenthèses.",
        "The most used technologies, in number of défis, per promotion: declared in the programme's stack records (choices « to be confirmed » left out) or measured in the code of the scanned repositories, as separate series; the kind in parentheses.",
    ),
    reading: Reading::by_label(Text::fixed("Technologie", "Technology")),
    build: |cohort, selection, _, lang| technologies_by_promotion(cohort, selection, lang),
};

/// How many technologies the chart names.
pub const TOP_TECHNOLOGIES: usize = 15;

/// The most used technologies by number of défis, per promotion, declared and measured as
/// separate series (« EIG 3 · déclarée », « EIG 3 · mesurée »); a category per technology,
/// labelled with its kind.
pub fn technologies_by_promotion(cohort: &Cohort, selection: &Selection, lang: Lang) -> Chart {
    let (by, promotions) = defis_per_technology(cohort, selection);
    let mut series = Vec::new();
    for p in &promotions {
        let label = cohort.promotion(p).map_or(p.as_str(), |q| q.label.as_str());
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
                        series.len(),
                    ),
                ));
            }
        }
    }
    // Technologies ranked by their largest count, then by label (each label looked up once).
    let mut best: HashMap<&str, usize> = HashMap::new();
    for ((_, tech), defis) in &by {
        let n = defis.declared.len().max(defis.measured.len());
        let entry = best.entry(tech.as_str()).or_default();
        *entry = (*entry).max(n);
    }
    let mut ranked: Vec<(&str, usize, String)> = best
        .into_iter()
        .map(|(tech, n)| {
            (
                tech,
                n,
                cohort.technology_label(tech, lang).name.to_lowercase(),
            )
        })
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.2.cmp(&b.2)));
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
        "défis",
    )
    .with_layout(Layout::Grouped)
    .with_orientation(Orientation::Horizontal)
}
