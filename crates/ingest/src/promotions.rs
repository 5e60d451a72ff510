//! When each promotion's défis ran: the dated events of `data/promotions.yml` (start, end,
//! bootcamp), each with the document and the words that give it — a file beside the
//! promotions file, named by a relative path that never climbs out of its folder —; and the
//! catalogue's promotions as the export's, with those dates.

use std::path::Path;

use eig_pulse_core::{text, tr, Lang, Text};
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
    /// Every date's citation, in file order.
    pub citations: Vec<Citation>,
}

/// Where a date is written in the promotions file, the file it cites (relative to the
/// promotions file's folder) and the words quoted from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub promotion_id: String,
    pub line: usize,
    pub source: String,
    pub quote: String,
}

/// Whether a cited path stays in the promotions file's folder as written: relative, each of
/// its `/`-separated parts a plain name (no `/` at the start or the end, no `..`, no `.`).
pub fn stays_inside(source: &str) -> bool {
    !Path::new(source).has_root()
        && source
            .split('/')
            .all(|part| !matches!(part, "" | "." | ".."))
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
    let mut citations = Vec::new();
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
            let (Some(cited), Some(quote)) = (
                raw.source.as_deref().filter(|s| !s.trim().is_empty()),
                raw.quote.as_deref().filter(|q| !q.trim().is_empty()),
            ) else {
                return Err(fail(text!(
                    "promotion « {id} » : la date {date} n'a pas de source et de citation",
                    "promotion \"{id}\": date {date} has no source and quote"
                )));
            };
            if !stays_inside(cited) {
                return Err(fail(text!(
                    "promotion « {id} » : la source « {cited} » doit être un chemin relatif au dossier de ce fichier, sans « .. »",
                    "promotion \"{id}\": source \"{cited}\" must be a path relative to this file's folder, without \"..\""
                )));
            }
            citations.push(Citation {
                promotion_id: id.clone(),
                line,
                source: cited.to_string(),
                quote: quote.to_string(),
            });
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
        citations,
    })
}

/// Folds runs of white space (no-break spaces included) into one space, for quote matching.
pub fn fold_spaces(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A citation whose file cannot be read or does not hold the quote: why, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unconfirmed {
    pub citation: Citation,
    pub why: Text,
}

impl Unconfirmed {
    /// The error stopping the export, naming the promotions file and the date's line.
    pub fn error(&self, promotions_file: &str) -> SourceError {
        let Citation {
            promotion_id,
            source,
            ..
        } = &self.citation;
        let in_lang = |lang: Lang| {
            let why = self.why.get(lang);
            tr!(
                lang,
                "promotion « {promotion_id} » : {source} : {why}",
                "promotion \"{promotion_id}\": {source}: {why}"
            )
        };
        SourceError::new(
            promotions_file,
            Some(self.citation.line),
            Text::new(in_lang(Lang::Fr), in_lang(Lang::En)),
        )
    }
}

/// The citations of `windows` not confirmed by their file. `read` gives a cited file's text by
/// its path as written, or why it cannot.
pub fn unconfirmed(
    windows: &Windows,
    mut read: impl FnMut(&str) -> Result<String, Text>,
) -> Vec<Unconfirmed> {
    let mut unconfirmed = Vec::new();
    for citation in &windows.citations {
        let why = match read(&citation.source) {
            Ok(text) if fold_spaces(&text).contains(&fold_spaces(&citation.quote)) => continue,
            Ok(_) => {
                let quote = &citation.quote;
                text!(
                    "citation « {quote} » introuvable dans le fichier",
                    "quote \"{quote}\" not found in the file"
                )
            }
            Err(why) => why,
        };
        unconfirmed.push(Unconfirmed {
            citation: citation.clone(),
            why,
        });
    }
    unconfirmed
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
            "a.md" => Ok("à partir de\njanvier 2019".to_string()),
            "b.md" => Ok("Le 15\u{a0}novembre".to_string()),
            _ => Err(Text::same("?")),
        };
        assert!(unconfirmed(&windows, files).is_empty());
        let missing = unconfirmed(&windows, |_| Ok("rien".into()));
        assert_eq!(missing.len(), 2);
        let error = missing[1].error("promotions.yml").describe(Lang::Fr);
        assert_eq!(
            error,
            "promotions.yml, ligne 9 : promotion « 3 » : b.md : citation « 15 novembre » introuvable dans le fichier"
        );
    }

    #[test]
    fn cited_files_stay_in_the_folder() {
        for inside in ["a.md", "sources/site-eig/_posts/x.md", "sources/é.md"] {
            assert!(stays_inside(inside), "{inside}");
        }
        for outside in [
            "",
            "/etc/passwd",
            "../x.md",
            "sources/../../x",
            "./a.md",
            "/dev/zero",
        ] {
            assert!(!stays_inside(outside), "{outside}");
            let error = parse_text(&ONE.replace("source: b.md", &format!("source: \"{outside}\"")))
                .unwrap_err();
            assert_eq!(error.line, Some(9), "{outside}");
        }
    }
}
