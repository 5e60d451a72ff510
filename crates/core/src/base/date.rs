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
