//! When each promotion's and each défi's défis ran: the dated events of `data/promotions.yml`
//! (a promotion's start, end and bootcamp; a défi's own end), each with the document and the
//! words that give it — a file beside the promotions file, named by a relative path that never
//! climbs out of its folder —; the catalogue's promotions as the export's, with those dates;
//! and each défi's window, from its promotion's start for its own months.

use std::path::Path;

use eig_pulse_core::base::date::{add_months, parse_date};
use eig_pulse_core::{text, tr, Lang, Text};
use indexmap::IndexMap;
use serde::Deserialize;
use serde_saphyr::Spanned;

use eig_pulse_core::contract::export::{
    DateBasis, Defi, DefiWindow, Promotion, PromotionDate, PromotionEvent,
};

use crate::site::Catalogue;
use crate::source::{SourceError, SourceText};
use crate::yaml::{self, line_of};

/// How long a défi runs, in months, when neither the catalogue nor the file says.
pub const DEFI_MONTHS: u32 = 10;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    months: Option<u32>,
    promotions: IndexMap<String, Vec<Spanned<RawDate>>>,
    /// Défi id → its own end, when a source dates it apart from its promotion's.
    #[serde(default)]
    defis: IndexMap<String, Vec<Spanned<RawDate>>>,
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

/// The dated events of every promotion the file names, and the défis' own ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Windows {
    /// The promotions file, as named in messages.
    pub file: String,
    /// The programme's length in months: a défi's, when the catalogue does not give its own.
    pub months: u32,
    /// Promotion id → its events, in file order.
    pub by_promotion: IndexMap<String, Vec<PromotionDate>>,
    /// Défi id → its own end.
    pub defi_ends: IndexMap<String, DefiEnd>,
    /// Every date's citation, in file order.
    pub citations: Vec<Citation>,
}

/// A défi's own end, and its line in the promotions file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefiEnd {
    pub date: PromotionDate,
    pub line: usize,
}

/// Where a date is written in the promotions file, what it dates (« promotion « 4 » », « défi
/// « x » »), the file it cites (relative to the promotions file's folder) and the words quoted
/// from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub subject: Text,
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

/// An error about `subject` (« promotion « 4 » ») at `line` of `file`, in each language.
fn about(subject: &Text, message: &Text, file: &str, line: usize) -> SourceError {
    let said = |lang: Lang| {
        let (subject, message) = (subject.get(lang), message.get(lang));
        tr!(lang, "{subject} : {message}", "{subject}: {message}")
    };
    SourceError::new(file, Some(line), Text::new(said(Lang::Fr), said(Lang::En)))
}

/// No promotions file: no date, the programme's ten months.
impl Default for Windows {
    fn default() -> Windows {
        Windows {
            file: String::new(),
            months: DEFI_MONTHS,
            by_promotion: IndexMap::new(),
            defi_ends: IndexMap::new(),
            citations: Vec::new(),
        }
    }
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

/// One dated event as written: a real date, cited by a file that stays in the folder, with its
/// words; its citation goes into `citations`.
fn read_date(
    raw: Spanned<RawDate>,
    subject: &Text,
    file: &str,
    citations: &mut Vec<Citation>,
) -> Result<(PromotionDate, usize), SourceError> {
    let line = line_of(&raw);
    let fail = |message: Text| about(subject, &message, file, line);
    let raw = raw.value;
    let Some(date) = parse_date(&raw.date) else {
        return Err(fail(text!(
            "« {} » n'est pas une date AAAA-MM-JJ",
            "\"{}\" is not a YYYY-MM-DD date",
            raw.date
        )));
    };
    let (Some(cited), Some(quote)) = (
        raw.source.as_deref().filter(|s| !s.trim().is_empty()),
        raw.quote.as_deref().filter(|q| !q.trim().is_empty()),
    ) else {
        return Err(fail(text!(
            "la date {date} n'a pas de source et de citation",
            "date {date} has no source and quote"
        )));
    };
    if !stays_inside(cited) {
        return Err(fail(text!(
            "la source « {cited} » doit être un chemin relatif au dossier de ce fichier, sans « .. »",
            "source \"{cited}\" must be a path relative to this file's folder, without \"..\""
        )));
    }
    citations.push(Citation {
        subject: subject.clone(),
        line,
        source: cited.to_string(),
        quote: quote.to_string(),
    });
    let dated = PromotionDate {
        event: raw.event,
        date: date.to_string(),
        basis: raw.basis,
        source: raw.source,
        quote: raw.quote,
    };
    Ok((dated, line))
}

/// Reads `data/promotions.yml`: real dates, one event of each kind per promotion and only an
/// end per défi, a derived end `months` after its start, and a source with its quote for every
/// date.
pub fn parse(source: &SourceText) -> Result<Windows, SourceError> {
    let file: File = yaml::parse(source)?.value;
    let months = file.months.unwrap_or(DEFI_MONTHS);
    let name = source.name.as_str();
    let mut by_promotion = IndexMap::new();
    let mut citations = Vec::new();
    for (id, raw_dates) in file.promotions {
        let subject = text!("promotion « {id} »", "promotion \"{id}\"");
        let mut dates: Vec<PromotionDate> = Vec::new();
        let mut end_line = 0;
        for raw in raw_dates {
            let (dated, line) = read_date(raw, &subject, name, &mut citations)?;
            if dates.iter().any(|d| d.event == dated.event) {
                let message = text!(
                    "événement « {:?} » en double",
                    "event \"{:?}\" repeated",
                    dated.event
                );
                return Err(about(&subject, &message, name, line));
            }
            if dated.event == PromotionEvent::End {
                end_line = line;
            }
            dates.push(dated);
        }
        let find = |event| dates.iter().find(|d| d.event == event);
        if let (Some(start), Some(end)) = (find(PromotionEvent::Start), find(PromotionEvent::End)) {
            // A derived end is computed from the start: it must be the programme's months
            // after it. A stated or estimated end is what its source says.
            let expected = parse_date(&start.date).and_then(|start| add_months(start, months));
            let (start, end_date) = (&start.date, &end.date);
            if end.basis == DateBasis::Derived
                && expected.map(|d| d.to_string()).as_deref() != Some(end_date)
            {
                let message = text!(
                    "la fin {end_date} (derived) n'est pas {months} mois après le début {start}",
                    "derived end {end_date} is not {months} months after start {start}"
                );
                return Err(about(&subject, &message, name, end_line));
            }
        }
        by_promotion.insert(id, dates);
    }
    let mut defi_ends = IndexMap::new();
    for (id, raw_dates) in file.defis {
        let subject = text!("défi « {id} »", "défi \"{id}\"");
        for raw in raw_dates {
            let (dated, line) = read_date(raw, &subject, name, &mut citations)?;
            let message = match (dated.event, defi_ends.contains_key(&id)) {
                (PromotionEvent::End, false) => None,
                (PromotionEvent::End, true) => Some(Text::fixed("fin en double", "end repeated")),
                _ => Some(Text::fixed(
                    "seule la fin d'un défi se date ici (event: end)",
                    "only a défi's end is dated here (event: end)",
                )),
            };
            if let Some(message) = message {
                return Err(about(&subject, &message, name, line));
            }
            defi_ends.insert(id.clone(), DefiEnd { date: dated, line });
        }
    }
    Ok(Windows {
        file: source.name.clone(),
        months,
        by_promotion,
        defi_ends,
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
            subject,
            line,
            source,
            ..
        } = &self.citation;
        let said = |lang: Lang| {
            let why = self.why.get(lang);
            tr!(lang, "{source} : {why}", "{source}: {why}")
        };
        let message = Text::new(said(Lang::Fr), said(Lang::En));
        about(subject, &message, promotions_file, *line)
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

/// Each défi's window and each promotion's months, once the défis are read.
///
/// A défi runs from its promotion's start for its own months (the catalogue's
/// `duration_months`, else the file's `months`), to the end the file cites for it; else to its
/// promotion's end when it runs the programme's months; else to `months` after the start,
/// `derived` — `estimated` when the start is. A promotion's months are the length its défis
/// share, none when they differ (DIG's run 6 to 12 months). A défi of the file that the
/// catalogue does not have stops the export, naming its line.
pub fn set_windows(
    windows: &Windows,
    promotions: &mut [Promotion],
    defis: &mut [Defi],
) -> Result<(), SourceError> {
    if let Some((id, end)) = windows
        .defi_ends
        .iter()
        .find(|(id, _)| !defis.iter().any(|d| &d.id == *id))
    {
        return Err(SourceError::new(
            &windows.file,
            Some(end.line),
            text!(
                "défi « {id} » absent du catalogue",
                "défi \"{id}\" is not in the catalogue"
            ),
        ));
    }
    for defi in defis.iter_mut() {
        let Some(promotion) = promotions.iter().find(|p| p.id == defi.promotion_id) else {
            continue;
        };
        defi.window = defi_window(promotion, defi, windows);
    }
    for promotion in promotions.iter_mut() {
        let mut lengths = defis
            .iter()
            .filter(|d| d.promotion_id == promotion.id)
            .map(|d| d.months.unwrap_or(windows.months));
        let first = lengths.next();
        let shared = first.filter(|first| lengths.all(|months| months == *first));
        promotion.months = promotion.start.as_ref().and(shared.or(
            // A promotion without défis runs the programme's months.
            first.is_none().then_some(windows.months),
        ));
    }
    Ok(())
}

/// One défi's window, when its promotion's start is known.
fn defi_window(promotion: &Promotion, defi: &Defi, windows: &Windows) -> Option<DefiWindow> {
    let start_date = promotion.start.as_deref()?;
    let start_basis = promotion
        .dates
        .iter()
        .find(|d| d.event == PromotionEvent::Start)
        .map(|d| d.basis);
    let months = defi.months.unwrap_or(windows.months);
    let promotion_end = promotion
        .dates
        .iter()
        .find(|d| d.event == PromotionEvent::End);
    let (end, end_basis) = match (windows.defi_ends.get(&defi.id), promotion_end) {
        (Some(own), _) => (own.date.date.clone(), own.date.basis),
        (None, Some(end)) if months == windows.months => (end.date.clone(), end.basis),
        (None, _) => {
            let end = add_months(parse_date(start_date)?, months)?;
            let basis = match start_basis {
                Some(DateBasis::Estimated) | None => DateBasis::Estimated,
                Some(_) => DateBasis::Derived,
            };
            (end.to_string(), basis)
        }
    };
    Some(DefiWindow {
        start: start_date.to_string(),
        end,
        end_basis,
    })
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
                ONE.replace(
                    "2019-11-15\n      basis: stated",
                    "2019-11-16\n      basis: derived",
                ),
                "n'est pas 10 mois après",
            ),
            (
                format!("{ONE}defis:\n  x:\n    - event: start\n      date: 2019-01-15\n      basis: stated\n      source: a.md\n      quote: janvier\n"),
                "seule la fin d'un défi se date ici",
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

    /// A défi of DIG's kind, with its promotion and its own months.
    fn defi(id: &str, promotion_id: &str, months: Option<u32>) -> Defi {
        Defi {
            id: id.into(),
            title: id.into(),
            promotion_id: promotion_id.into(),
            administration_id: "a".into(),
            year: 2019,
            description: None,
            skills: Vec::new(),
            eigs: Vec::new(),
            mentors: Vec::new(),
            source_code: Vec::new(),
            website: None,
            key_figures: Vec::new(),
            issues: Vec::new(),
            months,
            window: None,
        }
    }

    fn promotion(id: &str, windows: &Windows) -> Promotion {
        Promotion {
            id: id.into(),
            label: id.into(),
            year: 2019,
            start: windows.date(id, PromotionEvent::Start),
            months: Some(windows.months),
            end: windows.date(id, PromotionEvent::End),
            dates: windows.dates(id).to_vec(),
        }
    }

    #[test]
    fn each_defi_runs_its_own_months_to_its_cited_end() {
        let text = format!(
            "{ONE}  dig:\n    - event: start\n      date: 2019-06-01\n      basis: estimated\n      source: a.md\n      quote: janvier\ndefis:\n  late:\n    - event: end\n      date: 2019-12-20\n      basis: stated\n      source: b.md\n      quote: 15 novembre\n"
        );
        let windows = parse_text(&text).unwrap();
        let mut promotions = vec![promotion("3", &windows), promotion("dig", &windows)];
        let mut defis = vec![
            defi("ten", "3", Some(10)),
            defi("late", "3", Some(10)),
            defi("six", "dig", Some(6)),
            defi("twelve", "dig", Some(12)),
        ];
        set_windows(&windows, &mut promotions, &mut defis).unwrap();
        let window = |i: usize| {
            let w = defis[i].window.clone().unwrap();
            (w.start, w.end, w.end_basis)
        };
        let (start3, start_dig) = ("2019-01-15".to_string(), "2019-06-01".to_string());
        // The promotion's stated end, the défi's own, then its own months from an estimate.
        assert_eq!(
            window(0),
            (start3.clone(), "2019-11-15".into(), DateBasis::Stated)
        );
        assert_eq!(window(1), (start3, "2019-12-20".into(), DateBasis::Stated));
        assert_eq!(
            window(2),
            (start_dig.clone(), "2019-12-01".into(), DateBasis::Estimated)
        );
        assert_eq!(
            window(3),
            (start_dig, "2020-06-01".into(), DateBasis::Estimated)
        );
        assert_eq!(promotions[0].months, Some(10));
        assert_eq!(promotions[1].months, None, "DIG's défis differ");

        // A défi the catalogue does not have names its line.
        defis.remove(1);
        let error = set_windows(&windows, &mut promotions, &mut defis).unwrap_err();
        assert_eq!(error.line, Some(22));
        assert!(error
            .describe(Lang::En)
            .contains("défi \"late\" is not in the catalogue"));
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
