//! The category and series lists several charts share: the promotions, the journal's categories.

use super::{Category, Series, OTHER_COLOR};
use crate::base::format;
use crate::base::lang::Lang;
use crate::contract::export::Promotion;
use crate::model::cohort::{Cohort, MAX_JOURNAL_CATEGORIES};

/// The promotions as categories, in the export's order: « EIG 1 », …, « DIG », their year as note.
pub fn promotions(cohort: &Cohort) -> Vec<Category> {
    cohort
        .export
        .promotions
        .iter()
        .map(|p| Category::new(p.id.clone(), p.label.clone()).with_note(p.year.to_string()))
        .collect()
}

/// A promotion as a series, named with its number of défis: « EIG 1 (5 défis) ».
pub fn promotion_series(promotion: &Promotion, defis: usize, color: usize, lang: Lang) -> Series {
    Series::new(
        promotion.id.clone(),
        format!("{} ({})", promotion.label, format::defis(defis, lang)),
        color,
    )
}

/// The journal's categories as series: the nine letters, then « autre » for rows without one.
pub fn journal_series(cohort: &Cohort, lang: Lang) -> Vec<Series> {
    let mut series: Vec<Series> = cohort
        .export
        .journal_categories
        .iter()
        .take(MAX_JOURNAL_CATEGORIES)
        .enumerate()
        .map(|(i, c)| {
            Series::new(
                c.id.clone(),
                lang.pick(&c.label_fr, &c.label_en).to_string(),
                i,
            )
        })
        .collect();
    series.push(Series::new(
        "autre",
        lang.pick("Autre", "Other"),
        OTHER_COLOR,
    ));
    series
}

/// Series indexes of a journal entry's categories (« autre », the last series, when it has none),
/// read from the bits the cohort computed once.
pub fn entry_series(
    cohort: &Cohort,
    entry: usize,
    series_count: usize,
) -> impl Iterator<Item = usize> {
    let mask = cohort.journal_categories(entry);
    let mask = if mask == 0 {
        1 << (series_count - 1)
    } else {
        mask
    };
    (0..series_count).filter(move |s| mask & (1 << s) != 0)
}
