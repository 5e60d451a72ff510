//! « Ouverture »: the programme's four openness indicators per promotion, from the openness
//! records; a promotion without a record is « non documenté ».

use super::{Absence, Category, Chart, ChartId, ChartSpec, Layout, RowHeader, Section, Series};
use crate::base::lang::{Lang, Text};
use crate::measures::technologies::{openness_indicators as indicator_counts, INDICATORS};
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;

pub static SPEC: ChartSpec = ChartSpec {
    slug: "openness-indicators",
    section: Section::Openness,
    title: Text::fixed("Ouverture", "Openness"),
    guide: Text::fixed(
        "Les quatre indicateurs d'ouverture du programme, en nombre de défis : code en ligne, bibliothèque publiée, jeu de données ouvert, contribution à un projet existant, d'après les relevés d'ouverture ; une promotion sans relevé est « non documenté ».",
        "The programme's four openness indicators, in number of défis: code online, library published, dataset opened, upstream contribution, from the openness records; a promotion without a record is « not documented ».",
    ),
    category_header: Text::same("Promotion"),
    row_header: RowHeader::Label,
    note_column: None,
    summary_note: None,
    over_time: None,
    build: |cohort, selection, _, lang| openness_indicators(cohort, selection, lang),
};

/// The four indicators per promotion, in défis; promotions without a record are « non
/// documenté ».
pub fn openness_indicators(cohort: &Cohort, selection: &Selection, lang: Lang) -> Chart {
    let export = &cohort.export;
    let categories: Vec<Category> = export
        .promotions
        .iter()
        .map(|p| {
            if export.openness_records.contains(&p.id) {
                Category::new(p.id.clone(), p.label.clone())
            } else {
                let words = Absence::Undocumented.words(lang);
                Category::new(p.id.clone(), format!("{} ({words})", p.label))
                    .with_note(words)
                    .with_absence(Absence::Undocumented)
            }
        })
        .collect();
    let values = indicator_counts(cohort, selection)
        .iter()
        .map(|row| row.iter().map(|&n| n as f64).collect())
        .collect();
    Chart::new(
        ChartId::OpennessIndicators,
        categories,
        INDICATORS
            .iter()
            .enumerate()
            .map(|(i, indicator)| Series::new(indicator.key.to_string(), indicator.label.get(lang).to_string(), i))
            .collect(),
        values,
        "défis",
    )
    .with_layout(Layout::Grouped)
}
