//! « Langages dans le code »: the share of the bytes of code per language, per promotion.

use crate::base::order;
use std::collections::HashMap;

use super::categories::stable_colors;
use super::{
    Category, Chart, ChartId, ChartSpec, Layout, Orientation, Reading, Section, Series, OTHER_COLOR,
};
use crate::base::lang::{Lang, Text};
use crate::contract::export::{Promotion, SourceKind};
use crate::measures::ranking::top;
use crate::measures::technologies::{language_bytes, LanguageBytes};
use crate::model::cohort::Cohort;
use crate::model::filter::Filters;
use crate::model::selection::Selection;
use crate::tr;

pub static SPEC: ChartSpec = ChartSpec {
    slug: "languages-by-promotion",
    section: Section::Technologies,
    title: Text::fixed("Langages dans le code", "Languages in the code"),
    guide: Text::fixed(
        "Part des octets de code par langage dans les dépôts analysés des défis de chaque promotion, hors fichiers tiers, générés, minifiés et documentation (comme le fait GitHub).",
        "Share of the bytes of code per language in the scanned repositories of each promotion's défis, third-party, generated, minified and documentation files left out (as GitHub does).",
    ),
    reading: Reading::by_label(Text::same("Promotion")),
    sources: &[SourceKind::Catalogue, SourceKind::Repositories],
    build: |cohort, selection, _, lang| languages_by_promotion(cohort, selection, lang),
};

/// How many languages the chart names before « Autres ».
pub const TOP_LANGUAGES: usize = 8;

/// Share of the bytes of code per language, per promotion, from the scanned repositories of
/// the selected défis (100 % bars; the smaller languages as « Autres »).
pub fn languages_by_promotion(cohort: &Cohort, selection: &Selection, lang: Lang) -> Chart {
    let export = &cohort.export;
    let measured = language_bytes(cohort, selection);
    let ranking = top(ranked_languages(&measured), TOP_LANGUAGES);
    let named: Vec<&str> = ranking.named.iter().map(|(l, _)| *l).collect();
    // A language keeps its colour whatever the filters: its rank over the whole export.
    let everything = language_bytes(cohort, &cohort.select(&Filters::default()));
    let whole: Vec<&str> = ranked_languages(&everything)
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    let mut series: Vec<Series> = named
        .iter()
        .zip(stable_colors(&named, &whole))
        .map(|(l, color)| Series::new(l.to_string(), l.to_string(), color))
        .collect();
    if !ranking.others.is_empty() {
        series.push(Series::new(
            "autres",
            lang.pick("Autres", "Others"),
            OTHER_COLOR,
        ));
    }
    let promotions: Vec<&Promotion> = export
        .promotions
        .iter()
        .filter(|p| measured.repositories.contains_key(&p.id))
        .collect();
    let categories = promotions
        .iter()
        .map(|p| {
            Category::new(p.id.clone(), p.label.clone()).with_note(tr!(
                lang,
                "{} dépôts analysés",
                "{} repositories scanned",
                measured.repositories[&p.id]
            ))
        })
        .collect();
    let values = promotions
        .iter()
        .map(|p| {
            let mut row = vec![0.0; series.len()];
            for ((q, language), n) in &measured.bytes {
                if q != &p.id {
                    continue;
                }
                let s = named
                    .iter()
                    .position(|l| l == language)
                    .unwrap_or(TOP_LANGUAGES);
                if let Some(cell) = row.get_mut(s) {
                    *cell += *n as f64;
                }
            }
            row
        })
        .collect();
    Chart::new(
        ChartId::LanguagesByPromotion,
        categories,
        series,
        values,
        lang.pick("part des octets de code", "share of the bytes of code"),
    )
    .with_layout(Layout::Normalized)
    .with_orientation(Orientation::Horizontal)
}

/// The languages by their bytes of code, most first, then by name.
fn ranked_languages(measured: &LanguageBytes) -> Vec<(&str, u64)> {
    let mut totals: HashMap<&str, u64> = HashMap::new();
    for ((_, language), n) in &measured.bytes {
        let total = totals.entry(language.as_str()).or_default();
        *total = total.saturating_add(*n);
    }
    let mut ranked: Vec<(&str, u64)> = totals.into_iter().collect();
    order::sort_by(&mut ranked, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    ranked
}
