//! « Pérennisation par promotion »: the share of défis with scanned code still active 6, 12 and
//! 24 months after their promotion ended.

use super::{Category, Chart, ChartId, ChartSpec, Layout, RowHeader, Section, Series, Unit};
use crate::base::lang::{Lang, Text};
use crate::measures::progress::{perennisation, HORIZONS};
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;
use crate::tr;

pub static SPEC: ChartSpec = ChartSpec {
    slug: "perennisation-by-promotion",
    section: Section::CodeAfter,
    title: Text::fixed("Pérennisation par promotion", "Pérennisation per promotion"),
    guide: Text::fixed(
        "Part des défis au code analysé qui ont encore un commit dans les six mois précédant chaque échéance : 6, 12 et 24 mois après la fin de leur promotion. Ne comptent que les défis dont la copie du dépôt est postérieure à l'échéance.",
        "Share of défis with scanned code that still have a commit in the six months before each milestone: 6, 12 and 24 months after their promotion ended. Only défis whose repository copy is later than the milestone count.",
    ),
    category_header: Text::same("Promotion"),
    row_header: RowHeader::Label,
    // The shares' denominators differ per category: the note says them.
    note_column: Some(Text::fixed("Défis comptés", "Défis counted")),
    summary_note: Some(Text::fixed(
        "Ne comptent, à chaque échéance, que les défis dont la copie du dépôt est postérieure à l'échéance.",
        "At each milestone, only défis whose repository copy is later than the milestone count.",
    )),
    over_time: None,
    build: |cohort, selection, _, lang| perennisation_by_promotion(cohort, selection, lang),
};

/// Per promotion: the share of its défis with scanned code still active 6, 12 and 24 months
/// after the promotion ended; only défis whose copy is at least that old after the end count.
pub fn perennisation_by_promotion(cohort: &Cohort, selection: &Selection, lang: Lang) -> Chart {
    let counts = perennisation(cohort, selection);
    let categories = cohort
        .export
        .promotions
        .iter()
        .zip(&counts)
        .map(|(p, row)| {
            let parts: Vec<String> = HORIZONS
                .iter()
                .zip(row)
                .map(|(months, count)| {
                    let (active, counted) = (count.active, count.counted);
                    tr!(
                        lang,
                        "{months} mois : {active} sur {counted} défis",
                        "{months} months: {active} of {counted} défis"
                    )
                })
                .collect();
            Category::new(p.id.clone(), p.label.clone()).with_note(parts.join(lang.pick(" ; ", "; ")))
        })
        .collect();
    Chart::new(
        ChartId::PerennisationByPromotion,
        categories,
        HORIZONS
            .iter()
            .enumerate()
            .map(|(i, months)| Series {
                key: format!("{months}m"),
                label: tr!(
                    lang,
                    "{months} mois après la fin",
                    "{months} months after the end"
                ),
                color: i,
            })
            .collect(),
        counts
            .iter()
            .map(|row| row.iter().map(|count| count.share()).collect())
            .collect(),
        lang.pick(
            "part des défis au code analysé encore actifs",
            "share of défis with scanned code still active",
        ),
    )
    .with_layout(Layout::Grouped)
    .with_unit(Unit::Share)
}
