//! The category and series lists several charts share: the promotions, the journal's categories,
//! and the colours of series ranked by their figures.

use super::{Category, Series, OTHER_COLOR};
use crate::base::format;
use crate::base::lang::Lang;
use crate::contract::export::Promotion;
use crate::model::cohort::{Cohort, MAX_JOURNAL_CATEGORIES};
use crate::model::selection::Selection;
use std::collections::HashSet;

/// The promotions as categories, in the export's order: « EIG 1 », …, « DIG », their year as note.
pub fn promotions(cohort: &Cohort) -> Vec<Category> {
    cohort
        .export
        .promotions
        .iter()
        .map(|p| Category::new(p.id.clone(), p.label.clone()).with_note(p.year.to_string()))
        .collect()
}

/// Whether a promotion's category is one the selection holds défis of: a promotion the filters
/// leave out is not asked for, not « aucune donnée » nor « non documenté ».
pub fn held_promotions<'a>(
    cohort: &'a Cohort,
    selection: &Selection,
) -> impl Fn(&Category) -> bool + 'a {
    let held: HashSet<&str> = selection
        .defis
        .iter()
        .map(|&d| cohort.export.defis[d].promotion_id.as_str())
        .collect();
    move |category| held.contains(category.key.as_str())
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

/// How many colours named series can take: the palette's colours before the grey of « autres ».
pub const SERIES_COLORS: usize = OTHER_COLOR;

/// The colours of the `shown` series (their keys, in legend order), kept whatever the filters:
/// the series ranked `r` over the whole export (`whole`, best first, ranked as the chart ranks)
/// takes colour `r` while there is one; every other takes, in order, the colours no shown series
/// holds. Two shown series never share a colour while they are at most [`SERIES_COLORS`].
pub fn stable_colors<K: PartialEq>(shown: &[K], whole: &[K]) -> Vec<usize> {
    let own: Vec<Option<usize>> = shown
        .iter()
        .map(|key| whole.iter().take(SERIES_COLORS).position(|w| w == key))
        .collect();
    let mut free = (0..SERIES_COLORS).filter(|c| !own.contains(&Some(*c)));
    own.iter()
        .enumerate()
        .map(|(i, color)| color.or_else(|| free.next()).unwrap_or(i % SERIES_COLORS))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole export's ranking in the cases below: « a » first; « z » is not in it.
    const WHOLE: [&str; 11] = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"];

    /// (case, shown series in legend order, their colours).
    const STABLE_COLORS: [(&str, &[&str], &[usize]); 8] = [
        ("unfiltered: colour = rank", &["a", "b", "c"], &[0, 1, 2]),
        ("filtered: the leaders keep theirs", &["c", "a"], &[2, 0]),
        (
            "the ninth keeps the last named colour",
            &["i", "a"],
            &[8, 0],
        ),
        (
            "beyond the palette: the first free colour",
            &["j", "b"],
            &[0, 1],
        ),
        (
            "overflow fills free colours in legend order",
            &["k", "c", "j", "a"],
            &[1, 2, 3, 0],
        ),
        (
            "overflow takes the one colour left",
            &["b", "c", "d", "e", "f", "g", "h", "i", "j"],
            &[1, 2, 3, 4, 5, 6, 7, 8, 0],
        ),
        ("not ranked over the whole export", &["z", "a"], &[1, 0]),
        ("nothing shown", &[], &[]),
    ];

    #[test]
    fn a_series_keeps_its_colour_and_never_shares_it() {
        for (case, shown, expected) in STABLE_COLORS {
            let colors = stable_colors(shown, &WHOLE);
            assert_eq!(colors, expected, "{case}");
            for (i, color) in colors.iter().enumerate() {
                assert!(
                    *color < SERIES_COLORS,
                    "{case}: {color} is the grey of « autres »"
                );
                assert!(!colors[..i].contains(color), "{case}: {color} twice");
            }
        }
    }

    #[test]
    fn any_filter_keeps_the_leaders_colours_apart() {
        let unfiltered = stable_colors(&WHOLE[..SERIES_COLORS], &WHOLE);
        // Every subset a filter may leave, up to a full legend, last ranked first.
        for mask in 0u32..1 << WHOLE.len() {
            let shown: Vec<&str> = (0..WHOLE.len())
                .rev()
                .filter(|r| mask & (1 << r) != 0)
                .map(|r| WHOLE[r])
                .take(SERIES_COLORS)
                .collect();
            let colors = stable_colors(&shown, &WHOLE);
            for (key, color) in shown.iter().zip(&colors) {
                if let Some(r) = WHOLE[..SERIES_COLORS].iter().position(|w| w == key) {
                    assert_eq!(*color, unfiltered[r], "{key} in {shown:?}");
                }
            }
            for (i, color) in colors.iter().enumerate() {
                assert!(!colors[..i].contains(color), "{color} twice in {shown:?}");
            }
        }
    }
}
