//! When each promotion's défis ran: the dated events of `data/promotions.yml` (start, end,
//! bootcamp), each with the document and the words that give it; and the catalogue's
//! promotions as the export's, with those dates.

use eig_pulse_core::{text, Text};
use indexmap::IndexMap;
use serde::Deserialize;
use serde_saphyr::Spanned;

use eig_pulse_core::contract::export::{DateBasis, Promotion, PromotionDate, PromotionEvent};

use crate::site::Catalogue;
use crate::source::{SourceError, SourceText};
use crate::yaml::{self, line_of};

/// How long a défi runs, in months, when the file does not say.
pub const DEFI_MONTHS: u32 = 10;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    months: Option<u32>,
    promotions: IndexMap<String, Vec<Spanned<RawDate>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDate {
    event: PromotionEvent,
    date: String,
    basis: DateBasis,
    source: Option<String>,
    quote: Option<String>,
}

/// The dated events of every promotion the file names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Windows {
    pub months: u32,
    /// Promotion id → its events, in file order.
    pub by_promotion: IndexMap<String, Vec<PromotionDate>>,
}

impl Windows {
    /// The events of one promotion; empty when the file does not name it.
    pub fn dates(&self, promotion_id: &str) -> &[PromotionDate] {
        self.by_promotion
            .get(promotion_id)
            .map_or(&[], Vec::as_slice)
    }

    /// The date of one event of a promotion, `YYYY-MM-DD`.
    pub fn date(&self, promotion_id: &str, event: PromotionEvent) -> Option<String> {
        self.dates(promotion_id)
            .iter()
            .find(|d| d.event == event)
            .map(|d| d.date.clone())
    }
}

/// Reads `data/promotions.yml`: real dates, one event of each kind per promotion, an end
/// `months` after the start, and a source with its quote for every date.
pub fn parse(source: &SourceText) -> Result<Windows, SourceError> {
    let file: File = yaml::parse(source)?.value;
    let months = file.months.unwrap_or(DEFI_MONTHS);
    let mut by_promotion = IndexMap::new();
    for (id, raw_dates) in file.promotions {
        let mut dates: Vec<PromotionDate> = Vec::new();
        let key_line = raw_dates.first().map_or(0, line_of);
        for raw in raw_dates {
            let line = line_of(&raw);
            let fail = |message: Text| SourceError::new(&source.name, Some(line), message);
            let raw = raw.value;
            let Some(date) = eig_pulse_core::base::date::parse_date(&raw.date) else {
                return Err(fail(text!(
                    "promotion « {id} » : « {} » n'est pas une date AAAA-MM-JJ",
                    "promotion \"{id}\": \"{}\" is not a YYYY-MM-DD date",
                    raw.date
                )));
            };
            if dates.iter().any(|d| d.event == raw.event) {
                return Err(fail(text!(
                    "promotion « {id} » : événement « {:?} » en double",
                    "promotion \"{id}\": event \"{:?}\" repeated",
                    raw.event
                )));
            }
            let cited = raw.source.as_deref().is_some_and(|s| !s.trim().is_empty())
                && raw.quote.as_deref().is_some_and(|q| !q.trim().is_empty());
            if !cited {
                return Err(fail(text!(
                    "promotion « {id} » : la date {date} n'a pas de source et de citation",
                    "promotion \"{id}\": date {date} has no source and quote"
                )));
            }
            dates.push(PromotionDate {
                event: raw.event,
                date: date.to_string(),
                basis: raw.basis,
                source: raw.source,
                quote: raw.quote,
            });
        }
        let find = |event| {
            dates
                .iter()
                .find(|d| d.event == event)
                .map(|d| d.date.as_str())
        };
        if let (Some(start), Some(end)) = (find(PromotionEvent::Start), find(PromotionEvent::End)) {
            let expected = eig_pulse_core::base::date::parse_date(start)
                .and_then(|start| eig_pulse_core::base::date::add_months(start, months));
            if expected.map(|d| d.to_string()).as_deref() != Some(end) {
                return Err(SourceError::new(&source.name, Some(key_line), text!("promotion « {id} » : la fin {end} n'est pas {months} mois après le début {start}", "promotion \"{id}\": end {end} is not {months} months after start {start}")));
            }
        }
        by_promotion.insert(id, dates);
    }
    Ok(Windows {
        months,
        by_promotion,
    })
}

/// Folds runs of white space (no-break spaces included) into one space, for quote matching.
pub fn fold_spaces(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A date's quote that is not in the file it cites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingQuote {
    pub promotion_id: String,
    /// The cited file, as written.
    pub source: String,
    pub quote: String,
}

/// The quotes of `windows` that are not in their cited file. `read` gives a cited file's text
/// by its path as written, `None` when it cannot be read.
pub fn missing_quotes(
    windows: &Windows,
    mut read: impl FnMut(&str) -> Option<String>,
) -> Vec<MissingQuote> {
    let mut missing = Vec::new();
    for (id, dates) in &windows.by_promotion {
        for date in dates {
            let (Some(source), Some(quote)) = (&date.source, &date.quote) else {
                continue;
            };
            let found =
                read(source).is_some_and(|text| fold_spaces(&text).contains(&fold_spaces(quote)));
            if !found {
                missing.push(MissingQuote {
                    promotion_id: id.clone(),
                    source: source.clone(),
                    quote: quote.clone(),
                });
            }
        }
    }
    missing
}

/// The catalogue's promotions as the export's, sorted by year then id, each with its window
/// when `windows` dates it; a promotion whose `class` gives no year stops the export.
pub fn from_catalogue(
    catalogue: &Catalogue,
    windows: &Windows,
) -> Result<Vec<Promotion>, SourceError> {
    let mut promotions = Vec::new();
    for entry in &catalogue.promotions {
        let (key, raw) = (&entry.key, &entry.value);
        let year = raw
            .class
            .as_deref()
            .and_then(|class| class.split_whitespace().next())
            .and_then(|word| word.parse::<i32>().ok())
            .ok_or_else(|| {
                SourceError::new(
                    &catalogue.promos_file,
                    Some(entry.line),
                    text!(
                        "promotion « {key} » : année introuvable dans « class »",
                        "promotion \"{key}\": no year in \"class\""
                    ),
                )
            })?;
        let id = raw.promotion.id();
        let start = windows.date(&id, PromotionEvent::Start);
        promotions.push(Promotion {
            months: start.as_ref().map(|_| windows.months),
            start,
            end: windows.date(&id, PromotionEvent::End),
            dates: windows.dates(&id).to_vec(),
            id,
            label: key.clone(),
            year,
        });
    }
    promotions.sort_by(|a, b| (a.year, &a.id).cmp(&(b.year, &b.id)));
    Ok(promotions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<Windows, SourceError> {
        parse(&SourceText::new("promotions.yml", text))
    }

    const ONE: &str = "months: 10\npromotions:\n  \"3\":\n    - event: start\n      date: 2019-01-15\n      basis: derived\n      source: a.md\n      quote: janvier\n    - event: end\n      date: 2019-11-15\n      basis: stated\n      source: b.md\n      quote: 15 novembre\n";

    #[test]
    fn dates_keep_their_source() {
        let windows = parse_text(ONE).unwrap();
        assert_eq!(
            windows.date("3", PromotionEvent::Start).as_deref(),
            Some("2019-01-15")
        );
        assert_eq!(
            windows.date("3", PromotionEvent::End).as_deref(),
            Some("2019-11-15")
        );
        assert_eq!(windows.dates("3")[1].basis, DateBasis::Stated);
        assert_eq!(windows.dates("3")[1].source.as_deref(), Some("b.md"));
        assert!(windows.dates("9").is_empty());
    }

    #[test]
    fn bad_files_name_the_line() {
        let cases = [
            (
                ONE.replace("2019-11-15", "2019-11-16"),
                "n'est pas 10 mois après",
            ),
            (
                ONE.replace("2019-11-15", "2019-02-30"),
                "n'est pas une date",
            ),
            (ONE.replace("event: end", "event: start"), "en double"),
            (
                ONE.replace("      quote: 15 novembre\n", ""),
                "pas de source",
            ),
            (ONE.replace("basis: stated", "basis: guessed"), "guessed"),
        ];
        for (text, expected) in cases {
            let error = parse_text(&text)
                .unwrap_err()
                .describe(eig_pulse_core::Lang::Fr);
            assert!(error.contains(expected), "{error}");
            assert!(error.contains("promotions.yml"), "{error}");
        }
    }

    #[test]
    fn quotes_are_found_across_spaces() {
        let windows = parse_text(ONE).unwrap();
        let files = |path: &str| match path {
            "a.md" => Some("à partir de\njanvier 2019".to_string()),
            "b.md" => Some("Le 15\u{a0}novembre".to_string()),
            _ => None,
        };
        assert!(missing_quotes(&windows, files).is_empty());
        let missing = missing_quotes(&windows, |_| Some("rien".into()));
        assert_eq!(missing.len(), 2);
    }
}
