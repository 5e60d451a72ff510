//! The weekly journal as written: CSV rows, org-mode dates, category letters and moods.

use eig_pulse_core::text;

use eig_pulse_core::contract::export::JOURNAL_CATEGORIES;

use crate::names::fold;
use crate::source::{SourceError, SourceText};

/// The journal's columns, by their header text.
const COLUMNS: [&str; 6] = ["Défi", "Livrable", "Tâche", "Fait le", "Cat", "OK"];

/// One journal row as written, with its line in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    pub line: usize,
    pub defi: String,
    pub deliverable: String,
    pub task: String,
    pub date: String,
    pub category: String,
    pub ok: String,
}

/// Reads every row; a missing column, a ragged row or invalid UTF-8 is an error naming the line.
pub fn parse_rows(source: &SourceText) -> Result<Vec<RawRow>, SourceError> {
    source.require_content()?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(source.text.as_bytes());
    let csv_error = |e: csv::Error| {
        let line = e.position().map(|p| p.line() as usize);
        SourceError::new(
            &source.name,
            line,
            text!("CSV invalide : {e}", "invalid CSV: {e}"),
        )
    };
    let headers = reader.headers().map_err(csv_error)?.clone();
    let mut index = [0usize; 6];
    for (slot, column) in index.iter_mut().zip(COLUMNS) {
        *slot = headers
            .iter()
            .position(|h| fold(h) == fold(column))
            .ok_or_else(|| {
                SourceError::new(
                    &source.name,
                    Some(1),
                    text!(
                        "colonne « {column} » absente de l'en-tête",
                        "column \"{column}\" missing from the header"
                    ),
                )
            })?;
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cell = |i: usize| record.get(index[i]).unwrap_or("").trim().to_string();
        rows.push(RawRow {
            line,
            defi: cell(0),
            deliverable: cell(1),
            task: cell(2),
            date: cell(3),
            category: cell(4),
            ok: cell(5),
        });
    }
    Ok(rows)
}

/// Reads an org-mode timestamp (`<2018-02-15 jeu.>`, `[2018-02-15 jeu.]`) or a bare `2018-02-15`.
pub fn parse_org_date(text: &str) -> Option<time::Date> {
    let inner = text
        .trim()
        .trim_start_matches(['<', '['])
        .trim_end_matches(['>', ']']);
    let day = inner.split_whitespace().next()?;
    eig_pulse_core::base::date::parse_date(day)
}

/// A `Cat` cell read: its known letters, and the characters outside the legend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Categories {
    /// In legend order, without repeats.
    pub known: Vec<String>,
    pub unknown: String,
}

/// The known letters of a `Cat` cell in legend order without repeats, and the unknown characters.
pub fn split_categories(raw: &str) -> Categories {
    let known: Vec<String> = JOURNAL_CATEGORIES
        .iter()
        .filter(|(letter, _, _)| raw.contains(letter))
        .map(|(letter, _, _)| letter.to_string())
        .collect();
    let unknown: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_punctuation())
        .filter(|c| !JOURNAL_CATEGORIES.iter().any(|(l, _, _)| l.starts_with(*c)))
        .collect();
    Categories { known, unknown }
}

/// Good (1), bad (-1), neutral (0) or unsaid (empty) news; `Err` for anything else (the caller
/// reports the raw text it already has).
#[allow(clippy::result_unit_err)]
pub fn parse_mood(raw: &str) -> Result<Option<i8>, ()> {
    match raw.trim() {
        "" => Ok(None),
        "1" | "+1" => Ok(Some(1)),
        "0" => Ok(Some(0)),
        "-1" => Ok(Some(-1)),
        _ => Err(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_dates_in_all_their_forms() {
        let expected = time::macros::date!(2018 - 02 - 15);
        assert_eq!(parse_org_date("<2018-02-15 jeu.>"), Some(expected));
        assert_eq!(parse_org_date("[2018-02-15 jeu.]"), Some(expected));
        assert_eq!(parse_org_date("2018-02-15"), Some(expected));
        assert_eq!(parse_org_date("<2018-02-30 ven.>"), None);
        assert_eq!(parse_org_date("jeudi"), None);
        assert_eq!(parse_org_date(""), None);
    }

    #[test]
    fn categories_keep_known_letters_and_name_the_rest() {
        let split = |raw: &str| {
            let categories = split_categories(raw);
            (categories.known, categories.unknown)
        };
        assert_eq!(
            split("PTC"),
            (vec!["C".into(), "P".into(), "T".into()], String::new())
        );
        assert_eq!(split("MCR"), (vec!["C".into(), "M".into()], "R".into()));
        assert_eq!(split("Fun"), (vec![], "Fun".into()));
        assert_eq!(split(""), (vec![], String::new()));
        assert_eq!(split("PP"), (vec!["P".into()], String::new()));
    }

    #[test]
    fn moods() {
        assert_eq!(parse_mood(""), Ok(None));
        assert_eq!(parse_mood("-1"), Ok(Some(-1)));
        assert_eq!(parse_mood("+1"), Ok(Some(1)));
        assert_eq!(parse_mood("oui"), Err(()));
    }

    #[test]
    fn rows_keep_their_lines_and_columns_are_found_by_name() {
        let text = "Cat,Défi,Livrable,Tâche,Fait le,OK\r\nP,Hopkins,,Code,<2018-02-15 jeu.>,1\r\n\"M\",\"Lab, Santé\",x,\"Réunion\nlongue\",<2018-02-16 ven.>,\r\n";
        let rows = parse_rows(&SourceText::new("j.csv", text)).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].defi, "Hopkins");
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].defi, "Lab, Santé");
        assert_eq!(rows[1].task, "Réunion\nlongue");
        assert_eq!(rows[1].line, 3);
    }

    #[test]
    fn missing_columns_and_ragged_rows_are_errors() {
        let err = parse_rows(&SourceText::new("j.csv", "Défi,Tâche\nA,B\n")).unwrap_err();
        assert_eq!(err.line, Some(1));
        assert!(err.message.to_string().contains("Livrable"), "{err}");
        let text = "Défi,Livrable,Tâche,Fait le,Cat,OK\nA,,t,<2018-02-15 jeu.>,P,\nB,,t\n";
        let err = parse_rows(&SourceText::new("j.csv", text)).unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
    }
}
