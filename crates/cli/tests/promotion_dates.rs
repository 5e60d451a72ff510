//! Each promotion's dates in the export against the document it cites, read here from the raw
//! file with rules of its own (French day numbers; month names as the dashboard writes them),
//! not with the exporter's code.

mod common;

use common::*;
use eig_pulse_core::base::format;
use eig_pulse_core::{Export, Lang};

/// The French name of `month` (1 to 12), as the core writes dates on the dashboard.
fn french_month(year: i32, month: usize) -> String {
    let month = time::Month::try_from(u8::try_from(month).unwrap()).unwrap();
    let first = time::Date::from_calendar_date(year, month, 1).unwrap();
    let month_year = format::month_year(first, Lang::Fr);
    month_year
        .strip_suffix(&format!(" {year}"))
        .unwrap()
        .to_string()
}

fn folded(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn ymd(date: &str) -> (i32, usize, u32) {
    let parts: Vec<&str> = date.split('-').collect();
    (
        parts[0].parse().unwrap(),
        parts[1].parse().unwrap(),
        parts[2].parse().unwrap(),
    )
}

/// Months between two `YYYY-MM-DD` dates with the same day of month.
fn months_between(from: &str, to: &str) -> Option<i32> {
    let ((y1, m1, d1), (y2, m2, d2)) = (ymd(from), ymd(to));
    (d1 == d2).then(|| (y2 - y1) * 12 + m2 as i32 - m1 as i32)
}

/// The year a blog post was written, from its file name (`YY-MM-DD-…` or `YYYY-MM-DD-…`).
fn post_year(path: &str) -> Option<i32> {
    let name = path.rsplit('/').next()?;
    let first = name.split('-').next()?;
    match first.len() {
        2 => first.parse::<i32>().ok().map(|y| 2000 + y),
        4 => first.parse().ok(),
        _ => None,
    }
}

fn committed_export() -> Export {
    let text = std::fs::read_to_string(repo().join("public/data/export.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn every_quote_is_in_its_document_and_gives_its_date() {
    let export = committed_export();
    let mut checked = 0;
    for promotion in &export.promotions {
        let start = promotion.start.as_deref();
        let end = promotion.end.as_deref();
        for entry in &promotion.dates {
            let source = entry.source.as_deref().expect("a source");
            let quote = folded(entry.quote.as_deref().expect("a quote"));
            let text = std::fs::read_to_string(repo().join("data").join(source))
                .unwrap_or_else(|e| panic!("{source}: {e}"));
            assert!(
                folded(&text).contains(&quote),
                "« {quote} » not in {source}"
            );
            let (year, month, day) = ymd(&entry.date);
            let month_name = &french_month(year, month);
            // The quote names the year, or the post is of that year, or — a calendar that
            // names its days without their year — the document dates others in that year.
            let year_said = quote.contains(&year.to_string())
                || post_year(source) == Some(year)
                || (!source.contains("_posts/") && text.contains(&format!(" {year}")));
            let basis = serde_json::to_value(entry.basis).unwrap();
            match basis.as_str().unwrap() {
                "stated" => {
                    let day_words = if day == 1 {
                        "1er".to_string()
                    } else {
                        day.to_string()
                    };
                    let day_said = quote.contains(&format!("{day_words} {month_name}"))
                        // « Du 21 au 25 septembre » names the first day before the range.
                        || (quote.contains(&format!("{day_words} au")) && quote.contains(month_name));
                    assert!(
                        day_said && year_said,
                        "{}: {} vs « {quote} »",
                        promotion.id,
                        entry.date
                    );
                }
                // Derived and estimated dates: the quote names their month and year, or
                // they sit the promotion's months away from the other end of the window.
                _ => {
                    let month_said = quote.contains(month_name) && year_said;
                    let ten_months = promotion.months.map(|m| m as i32);
                    let spans_window = match (start, end) {
                        (Some(s), Some(e)) => months_between(s, e) == ten_months,
                        _ => false,
                    };
                    let year_only = quote.contains(&year.to_string());
                    assert!(
                        month_said || spans_window || year_only,
                        "{}: {} vs « {quote} »",
                        promotion.id,
                        entry.date
                    );
                }
            }
            checked += 1;
        }
    }
    // EIG 1 to 4 have a start and an end, EIG 2 to 4 a bootcamp; DIG a start only.
    assert_eq!(checked, 12, "dates checked");
}

#[test]
fn eig_3_ran_from_january_to_15_november_2019_and_each_defi_its_own_months() {
    let export = committed_export();
    let eig3 = export.promotions.iter().find(|p| p.id == "3").unwrap();
    assert_eq!(eig3.start.as_deref(), Some("2019-01-15"));
    assert_eq!(eig3.end.as_deref(), Some("2019-11-15"));
    assert_eq!(eig3.months, Some(10));
    let eig2 = export.promotions.iter().find(|p| p.id == "2").unwrap();
    assert_eq!(eig2.start.as_deref(), Some("2018-01-15"));
    let windows: Vec<(&str, Option<&str>, Option<&str>)> = export
        .promotions
        .iter()
        .map(|p| (p.id.as_str(), p.start.as_deref(), p.end.as_deref()))
        .collect();
    assert_eq!(
        windows,
        [
            ("1", Some("2017-01-15"), Some("2017-10-26")),
            ("2", Some("2018-01-15"), Some("2018-11-15")),
            ("3", Some("2019-01-15"), Some("2019-11-15")),
            ("dig", Some("2019-06-01"), None),
            ("4", Some("2020-09-01"), Some("2021-06-17")),
        ]
    );
    // Each défi runs its own months from its promotion's start: DIG's 6 to 12, to their own
    // estimated ends; the EIG's ten, to their promotion's end.
    for defi in &export.defis {
        let promotion = export
            .promotions
            .iter()
            .find(|p| p.id == defi.promotion_id)
            .unwrap();
        let window = defi.window.as_ref().expect("every promotion has a start");
        assert_eq!(Some(&window.start), promotion.start.as_ref(), "{}", defi.id);
        let months = defi
            .months
            .expect("the catalogue gives every défi's months");
        match promotion.end.as_deref() {
            Some(end) => assert_eq!(window.end, end, "{}", defi.id),
            None => assert_eq!(
                months_between(&window.start, &window.end),
                Some(months as i32),
                "{}",
                defi.id
            ),
        }
    }
    let dig: Vec<u32> = export
        .defis
        .iter()
        .filter(|d| d.promotion_id == "dig")
        .filter_map(|d| d.months)
        .collect();
    assert_eq!((dig.iter().min(), dig.iter().max()), (Some(&6), Some(&12)));
}

#[test]
fn a_quote_missing_from_its_document_stops_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let promotions = std::fs::read_to_string(repo().join("data/promotions.yml"))
        .unwrap()
        .replace(
            "Le 15 novembre 2019, après 10 mois",
            "Le 16 novembre 2019, après 10 mois",
        );
    let path = repo()
        .join("data")
        .join(format!("promotions-test-{}.yml", std::process::id()));
    std::fs::write(&path, promotions).unwrap();
    let out = dir.path().join("e.json");
    let output = export_real(&out, &["--promotions", path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("Le 16 novembre 2019"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("20-01-17-bilan-eig3.md"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
}
