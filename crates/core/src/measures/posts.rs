//! The blog's posts of a selection: what each is about — one promotion, several, or no défi —
//! and the selected défis that no selected post names.

use crate::model::cohort::Cohort;
use crate::model::selection::Selection;

/// What a post is about, so that each post counts once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PostSubject {
    /// Défis of one promotion: its index in `export.promotions`.
    Promotion(usize),
    /// Défis of several promotions.
    Several,
    /// No défi.
    Programme,
}

/// What post `post` is about.
pub fn post_subject(cohort: &Cohort, post: usize) -> PostSubject {
    let mut promotions = cohort
        .post_defis(post)
        .iter()
        .filter_map(|&d| cohort.promotion_index(&cohort.export.defis[d].promotion_id));
    match promotions.next() {
        None => PostSubject::Programme,
        Some(first) => match promotions.all(|p| p == first) {
            true => PostSubject::Promotion(first),
            false => PostSubject::Several,
        },
    }
}

/// The selected défis that no selected post names, in the selection's order.
pub fn untold_defis(cohort: &Cohort, selection: &Selection) -> Vec<usize> {
    let mut told = vec![false; cohort.export.defis.len()];
    for &p in &selection.posts {
        for &d in cohort.post_defis(p) {
            told[d] = true;
        }
    }
    selection
        .defis
        .iter()
        .copied()
        .filter(|&d| !told[d])
        .collect()
}
