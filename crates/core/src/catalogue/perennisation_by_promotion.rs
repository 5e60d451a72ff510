//! « Vivants après la fin, par promotion »: the share of défis with code alive 6, 12 and 24
//! months after their end, among those observed then; « aucune donnée » where none is.

use super::categories::held_promotions;
use super::{
    Absence, Category, Chart, ChartId, ChartSpec, Layout, Reading, RowHeader, Section, Series, Unit,
};
use crate::base::lang::{Lang, Text};
use crate::contract::export::SourceKind;
use crate::measures::definitions::HORIZONS;
use crate::measures::lived_on::horizon_counts;
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;
use crate::tr;

pub static SPEC: ChartSpec = ChartSpec {
    slug: "perennisation-by-promotion",
    section: Section::CodeAfter,
    title: Text::fixed("Vivants après la fin, par promotion", "Alive after the end, per promotion"),
    guide: Text::fixed(
        "Part des défis au code analysé encore vivants (au moins 2 mois avec un commit humain dans les 6 mois précédents) 6, 12 et 24 mois après leur fin, parmi ceux dont la copie du dépôt atteint cette date : les autres sont « non observés », jamais comptés inactifs. La colonne « Défis comptés » donne chaque dénominateur. Un défi reparti après un arrêt compte vivant à l'échéance : ce n'est pas la courbe « Le code vit-il encore ? », qui le compte éteint dès son arrêt.",
        "Share of défis with scanned code still alive (at least 2 months with a human commit in the 6 before) 6, 12 and 24 months after their end, among those whose repository copy reaches that date: the others are \"not observed\", never counted inactive. The \"Défis counted\" column gives each denominator. A défi that resumed after a stop counts as alive at the milestone: this is not the curve \"Is the code still alive?\", which counts it dead from its stop.",
    ),
    reading: Reading {
        category_header: Text::same("Promotion"),
        row_header: RowHeader::Label,
        // The shares' denominators differ per category: the note says them.
        note_column: Some(Text::fixed("Défis comptés", "Défis counted")),
        summary_note: Some(Text::fixed("Ne comptent, à chaque échéance, que les défis dont la copie du dépôt atteint l'échéance.", "At each milestone, only défis whose repository copy reaches the milestone count.")),
        over_time: None,
    },
    sources: &[SourceKind::Catalogue, SourceKind::Blog, SourceKind::Repositories],
    build: |cohort, selection, _, lang| perennisation_by_promotion(cohort, selection, lang),
};

/// Per promotion and horizon: the share of its défis with code alive then, among those observed.
pub fn perennisation_by_promotion(cohort: &Cohort, selection: &Selection, lang: Lang) -> Chart {
    let counts = horizon_counts(cohort, selection);
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
                    let (alive, observed, with_code) = (count.alive, count.observed, count.with_code);
                    tr!(
                        lang,
                        "{months} mois : {alive} sur {observed} défis observés (sur {with_code} au code analysé)",
                        "{months} months: {alive} of {observed} défis observed (of {with_code} with scanned code)"
                    )
                })
                .collect();
            let category =
                Category::new(p.id.clone(), p.label.clone()).with_note(parts.join(lang.pick(" ; ", "; ")));
            if row.iter().all(|count| count.observed == 0) {
                category.with_absence(Absence::NotObserved)
            } else {
                category
            }
        })
        .collect();
    Chart::new(
        ChartId::PerennisationByPromotion,
        categories,
        HORIZONS
            .iter()
            .enumerate()
            .map(|(i, months)| {
                Series::new(
                    format!("{months}m"),
                    tr!(
                        lang,
                        "{months} mois après la fin",
                        "{months} months after the end"
                    ),
                    i,
                )
            })
            .collect(),
        counts
            .iter()
            .map(|row| {
                row.iter()
                    .map(|count| count.share().unwrap_or(0.0))
                    .collect()
            })
            .collect(),
        lang.pick(
            "part des défis observés encore vivants",
            "share of the défis observed still alive",
        ),
    )
    .with_layout(Layout::Grouped)
    .with_unit(Unit::Share)
    .with_missing(
        counts
            .iter()
            .enumerate()
            .flat_map(|(c, row)| {
                row.iter()
                    .enumerate()
                    .filter(|(_, count)| count.observed == 0)
                    .map(move |(s, _)| (c, s))
            })
            .collect(),
    )
    .only_categories(held_promotions(cohort, selection))
}
