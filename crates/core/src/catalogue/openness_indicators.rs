//! « Ouverture »: the programme's four openness indicators per promotion, from the openness
//! records; a promotion without a record is « non documenté ».

use super::categories::held_promotions;
use super::{
    Absence, Category, Chart, ChartId, ChartSpec, Layout, Reading, RowHeader, Section, Series,
};
use crate::base::format;
use crate::base::lang::{Lang, Text};
use crate::contract::export::SourceKind;
use crate::measures::technologies::{
    openness_indicators as indicator_counts, IndicatorCounts, INDICATORS,
};
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;
use crate::tr;

pub static SPEC: ChartSpec = ChartSpec {
    slug: "openness-indicators",
    section: Section::Openness,
    title: Text::fixed("Ouverture", "Openness"),
    guide: Text::fixed(
        "Les quatre indicateurs d'ouverture du programme, en nombre de défis : code en ligne, bibliothèque publiée, jeu de données ouvert, contribution à un projet existant, d'après les relevés d'ouverture ; les éléments dont le relevé doute lui-même (« ? », « à vérifier ») ne comptent pas, la note de chaque promotion dit combien de défis ne reposent que sur eux ; une promotion sans relevé est « non documenté ».",
        "The programme's four openness indicators, in number of défis: code online, library published, dataset opened, upstream contribution, from the openness records; items the record itself doubts (“?”, “to check”) do not count, each promotion's note says how many défis rest on them alone; a promotion without a record is “not documented”.",
    ),
    reading: Reading {
        category_header: Text::same("Promotion"),
        row_header: RowHeader::Label,
        note_column: Some(Text::fixed("Remarque", "Remark")),
        summary_note: None,
        over_time: None,
    },
    sources: &[SourceKind::Catalogue, SourceKind::Records],
    build: |cohort, selection, _, lang| openness_indicators(cohort, selection, lang),
};

/// The four indicators per promotion, in défis; promotions without a record are « non
/// documenté ».
pub fn openness_indicators(cohort: &Cohort, selection: &Selection, lang: Lang) -> Chart {
    let export = &cohort.export;
    let counts = indicator_counts(cohort, selection);
    let categories: Vec<Category> = export
        .promotions
        .iter()
        .zip(&counts)
        .map(|(p, count)| {
            if export.openness_records.contains(&p.id) {
                let category = Category::new(p.id.clone(), p.label.clone());
                match doubtful_words(count, lang) {
                    Some(words) => category.with_note(words),
                    None => category,
                }
            } else {
                Category::new(p.id.clone(), p.label.clone())
                    .with_note(Absence::Undocumented.words(lang))
                    .with_absence(Absence::Undocumented)
            }
        })
        .collect();
    let values = counts
        .iter()
        .map(|count| count.counted.iter().map(|&n| n as f64).collect())
        .collect();
    Chart::new(
        ChartId::OpennessIndicators,
        categories,
        INDICATORS
            .iter()
            .enumerate()
            .map(|(i, indicator)| {
                Series::new(
                    indicator.key.to_string(),
                    indicator.label.get(lang).to_string(),
                    i,
                )
            })
            .collect(),
        values,
        "défis",
    )
    .with_layout(Layout::Grouped)
    .only_categories(held_promotions(cohort, selection))
}

/// « à vérifier, non comptés : 1 défi (bibliothèque publiée), 2 défis (contribution à un projet
/// existant) », or nothing when no défi rests on doubtful items alone.
fn doubtful_words(count: &IndicatorCounts, lang: Lang) -> Option<String> {
    let parts: Vec<String> = INDICATORS
        .iter()
        .zip(count.doubtful_only)
        .filter(|(_, n)| *n > 0)
        .map(|(indicator, n)| {
            let label = indicator.label.get(lang).to_lowercase();
            format!("{} ({label})", format::defis(n, lang))
        })
        .collect();
    (!parts.is_empty()).then(|| {
        tr!(
            lang,
            "à vérifier, non comptés : {}",
            "to check, not counted: {}",
            parts.join(", ")
        )
    })
}
