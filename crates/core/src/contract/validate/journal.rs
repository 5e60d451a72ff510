//! The journal: its legend's categories, and each entry's défi, date, categories and mood.

use std::collections::HashSet;

use super::Checker;
use crate::contract::export::JOURNAL_CATEGORIES;
use crate::text;

impl Checker<'_> {
    pub(super) fn journal(&mut self) {
        let export = self.export;
        let mut legend = HashSet::new();
        for (i, category) in export.journal_categories.iter().enumerate() {
            if !JOURNAL_CATEGORIES.iter().any(|c| c.0 == category.id)
                || !legend.insert(&category.id)
            {
                self.push(
                    format!("/journal_categories/{i}/id"),
                    text!(
                        "catégorie « {} » inconnue ou en double",
                        "category \"{}\" unknown or repeated",
                        category.id
                    ),
                );
            }
        }
        let letters: HashSet<&str> = JOURNAL_CATEGORIES.iter().map(|c| c.0).collect();
        for (i, entry) in export.journal.iter().enumerate() {
            self.known_defi(entry.defi_id.as_deref(), || format!("/journal/{i}/defi_id"));
            self.date(format!("/journal/{i}/date"), &entry.date);
            for (j, letter) in entry.categories.iter().enumerate() {
                if !letters.contains(letter.as_str()) {
                    self.push(
                        format!("/journal/{i}/categories/{j}"),
                        text!(
                            "catégorie inconnue « {letter} »",
                            "unknown category \"{letter}\""
                        ),
                    );
                }
            }
            if let Some(mood) = entry.mood.filter(|m| !(-1..=1).contains(m)) {
                self.push(
                    format!("/journal/{i}/mood"),
                    text!(
                        "humeur {mood} hors de -1, 0, 1",
                        "mood {mood} outside -1, 0, 1"
                    ),
                );
            }
        }
    }
}
