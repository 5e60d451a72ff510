//! The promotions: plausible dates, year and length.

use super::Checker;
use crate::base::date::{FIRST_YEAR, LAST_YEAR};
use crate::base::lang::Text;
use crate::text;

impl Checker<'_> {
    pub(super) fn promotions(&mut self) {
        for (i, promotion) in self.export.promotions.iter().enumerate() {
            if let Some(start) = &promotion.start {
                self.date(format!("/promotions/{i}/start"), start);
            }
            if !(FIRST_YEAR..=LAST_YEAR).contains(&promotion.year) {
                self.push(
                    format!("/promotions/{i}/year"),
                    text!(
                        "année {} hors de {FIRST_YEAR} à {LAST_YEAR}",
                        "year {} outside {FIRST_YEAR} to {LAST_YEAR}",
                        promotion.year
                    ),
                );
            }
            if promotion.months.is_some_and(|m| !(1..=36).contains(&m)) {
                self.push(
                    format!("/promotions/{i}/months"),
                    Text::fixed("durée hors de 1 à 36 mois", "length outside 1 to 36 months"),
                );
            }
            if let Some(end) = &promotion.end {
                self.date(format!("/promotions/{i}/end"), end);
            }
            for (j, dated) in promotion.dates.iter().enumerate() {
                self.date(format!("/promotions/{i}/dates/{j}/date"), &dated.date);
            }
        }
    }
}
