//! A défi's window: the days it ran, from the dates the export gives for it or its promotion.

use time::Date;

use crate::base::date::{add_months, parse_date};
use crate::contract::export::{Defi, Promotion};

/// The days a défi ran: from `start` to the day before `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: Date,
    /// The day after the last.
    pub end: Date,
}

impl Window {
    /// True when `date` falls within the window.
    pub fn contains(self, date: Date) -> bool {
        self.start <= date && date < self.end
    }
}

/// A promotion's window, when known: to its `end` when the export gives it, else `months`
/// after the start.
pub fn window(promotion: &Promotion) -> Option<Window> {
    let start = parse_date(promotion.start.as_deref()?)?;
    let end = match promotion.end.as_deref().and_then(parse_date) {
        Some(end) => end.next_day()?,
        None => add_months(start, promotion.months?)?,
    };
    Some(Window { start, end })
}

/// A défi's window: the one the export gives for it, else its promotion's.
pub fn defi_window(defi: &Defi, promotion: Option<&Promotion>) -> Option<Window> {
    let own = defi.window.as_ref().and_then(|w| {
        Some(Window {
            start: parse_date(&w.start)?,
            end: parse_date(&w.end)?.next_day()?,
        })
    });
    own.filter(|w| w.start < w.end)
        .or_else(|| window(promotion?))
}
