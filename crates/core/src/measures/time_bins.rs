//! Binning dates into consecutive weeks or months, empty ones kept: the time axis of every chart
//! over time.

use time::{Date, Duration};

use crate::base::date::{add_months, first_of_month};

/// The length of each bin of a time axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Month,
}

impl Period {
    /// The first day of the bin holding `date`: its week's Monday, or its month's first day.
    pub fn start_of(self, date: Date) -> Date {
        match self {
            Period::Week => date
                .checked_sub(Duration::days(i64::from(
                    date.weekday().number_days_from_monday(),
                )))
                .unwrap_or(date),
            Period::Month => first_of_month(date),
        }
    }

    /// The first day of the bin after the one starting on `start`; `None` past the calendar.
    pub fn next(self, start: Date) -> Option<Date> {
        match self {
            Period::Week => start.checked_add(Duration::weeks(1)),
            Period::Month => add_months(start, 1),
        }
    }
}

/// Consecutive bins from the one holding the first date to the one holding the last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeBins {
    pub period: Period,
    /// Each bin's first day, in order.
    pub starts: Vec<Date>,
}

impl TimeBins {
    pub fn covering(first: Date, last: Date, period: Period) -> TimeBins {
        let end = period.start_of(last);
        let mut starts = Vec::new();
        let mut current = Some(period.start_of(first));
        while let Some(start) = current.filter(|c| *c <= end) {
            starts.push(start);
            current = period.next(start);
        }
        TimeBins { period, starts }
    }

    /// The bin holding `date`, if the bins cover it.
    pub fn position(&self, date: Date) -> Option<usize> {
        let start = self.period.start_of(date);
        let first = *self.starts.first()?;
        let offset = match self.period {
            Period::Week => (start - first).whole_weeks(),
            Period::Month => {
                let months = |d: Date| i64::from(d.year()) * 12 + i64::from(u8::from(d.month()));
                months(start) - months(first)
            }
        };
        usize::try_from(offset)
            .ok()
            .filter(|&i| self.starts.get(i) == Some(&start))
    }

    /// The first day after bin `i`.
    pub fn end(&self, i: usize) -> Date {
        self.period.next(self.starts[i]).unwrap_or(Date::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn weeks_and_months_cover_the_span_with_empty_bins() {
        let weeks = TimeBins::covering(date!(2018 - 02 - 14), date!(2018 - 03 - 05), Period::Week);
        assert_eq!(weeks.starts.len(), 4);
        assert_eq!(weeks.starts[0], date!(2018 - 02 - 12));
        assert_eq!(weeks.position(date!(2018 - 03 - 04)), Some(2));
        assert_eq!(weeks.position(date!(2018 - 03 - 11)), Some(3));
        assert_eq!(weeks.position(date!(2018 - 03 - 12)), None);
        assert_eq!(weeks.position(date!(2018 - 02 - 11)), None);
        let months =
            TimeBins::covering(date!(2019 - 11 - 20), date!(2020 - 02 - 01), Period::Month);
        assert_eq!(months.starts.len(), 4);
        assert_eq!(months.position(date!(2020 - 01 - 31)), Some(2));
        assert_eq!(months.end(3), date!(2020 - 03 - 01));
    }
}
