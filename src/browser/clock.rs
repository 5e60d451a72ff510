//! The reader's clock: today's date, for what the page says of when it was printed.

/// Today, by the reader's clock.
pub fn today() -> Option<time::Date> {
    let now = js_sys::Date::new_0();
    let month = time::Month::try_from(u8::try_from(now.get_month() + 1).ok()?).ok()?;
    time::Date::from_calendar_date(
        i32::try_from(now.get_full_year()).ok()?,
        month,
        u8::try_from(now.get_date()).ok()?,
    )
    .ok()
}
