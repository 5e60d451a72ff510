//! Dates as the export writes them (`YYYY-MM-DD`, RFC 3339 date-times) and the span an export
//! may name: the one place that reads them, for the contract, the statistics and the ingestion.

/// The earliest and latest day an export may name (journal, promotions, commits, sources):
/// git's epoch to the end of the century. Every loop over time is bounded by this span.
pub const FIRST_YEAR: i32 = 1970;
pub const LAST_YEAR: i32 = 2099;

/// Parses a `YYYY-MM-DD` date (a calendar date that exists).
///
/// Written out rather than through `time`'s format parser: that parser costs the dashboard
/// about 15 KB of WebAssembly for one fixed format.
pub fn parse_date(text: &str) -> Option<time::Date> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    if bytes.len() != 10
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return None;
    }
    let year: i32 = text[0..4].parse().ok()?;
    let month = time::Month::try_from(text[5..7].parse::<u8>().ok()?).ok()?;
    let day: u8 = text[8..10].parse().ok()?;
    time::Date::from_calendar_date(year, month, day).ok()
}

/// A `YYYY-MM-DD` date that exists and lies within [`FIRST_YEAR`]..=[`LAST_YEAR`].
pub fn plausible_date(text: &str) -> Option<time::Date> {
    parse_date(text).filter(|d| (FIRST_YEAR..=LAST_YEAR).contains(&d.year()))
}

/// An RFC 3339 date-time as the exporter writes it: a real date, `T`, a time, an offset.
/// (The published JSON Schema checks the full format at the exporter's side.)
/// Byte-wise, so that a multi-byte character anywhere is refused rather than sliced.
pub fn looks_like_date_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 20
        && text.is_ascii()
        && text.get(..10).and_then(plausible_date).is_some()
        && matches!(bytes[10], b'T' | b't')
        && (text.ends_with(['Z', 'z']) || bytes[19..].iter().any(|b| matches!(b, b'+' | b'-')))
}

/// The same day `months` later, or the last day of that month when it is shorter; `None` past
/// the calendar's end.
pub fn add_months(date: time::Date, months: u32) -> Option<time::Date> {
    let index =
        i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 + i64::from(months);
    let month = time::Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let day = date.day().min(month.length(year));
    time::Date::from_calendar_date(year, month, day).ok()
}

/// The same day `months` earlier, or the last day of that month when it is shorter; `None` before
/// the calendar's start.
pub fn subtract_months(date: time::Date, months: u32) -> Option<time::Date> {
    let index =
        i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 - i64::from(months);
    let month = time::Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let day = date.day().min(month.length(year));
    time::Date::from_calendar_date(year, month, day).ok()
}

/// The first day of `date`'s month.
pub fn first_of_month(date: time::Date) -> time::Date {
    date.replace_day(1).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u8, d: u8) -> time::Date {
        time::Date::from_calendar_date(y, time::Month::try_from(m).unwrap(), d).unwrap()
    }

    #[test]
    fn months_are_added_calendar_wise() {
        assert_eq!(add_months(date(2019, 1, 15), 10), Some(date(2019, 11, 15)));
        assert_eq!(add_months(date(2019, 6, 1), 10), Some(date(2020, 4, 1)));
        assert_eq!(add_months(date(2020, 3, 31), 11), Some(date(2021, 2, 28)));
        assert_eq!(add_months(date(2020, 1, 31), 1), Some(date(2020, 2, 29)));
        assert_eq!(add_months(time::Date::MAX, 1), None);
        assert_eq!(first_of_month(date(2020, 2, 29)), date(2020, 2, 1));
        assert_eq!(
            subtract_months(date(2021, 3, 31), 1),
            Some(date(2021, 2, 28))
        );
        assert_eq!(
            subtract_months(date(2021, 1, 15), 13),
            Some(date(2019, 12, 15))
        );
        assert_eq!(subtract_months(time::Date::MIN, 1), None);
    }
}
