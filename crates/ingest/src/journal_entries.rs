//! The journal's rows as the export's entries: each row's défi found by its name, its date
//! checked, its letters and mood read, org-mode links given as their text, and what was
//! approximate or unknown reported. Only a row repeating an earlier one cell for cell is left
//! out (counted once), reported with the line it repeats; no other row is ever dropped.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use eig_pulse_core::contract::export::JournalEntry;
use eig_pulse_core::text;

use crate::journal::{self, RawRow};
use crate::names::{DefiNames, NameMatch};
use crate::outline::org_line_text;
use crate::report::{Finding, Report};
use crate::source::{SourceError, SourceText};

/// Every journal file's entries, in file order.
pub struct Journal {
    pub entries: Vec<JournalEntry>,
    /// Rows read in the files: the entries and the repeated rows.
    pub rows_read: usize,
    /// Rows identical, cell for cell, to an earlier row (of any file): left out.
    pub repeated: usize,
    /// Cells whose org-mode links were given as their text.
    pub links_as_text: usize,
    /// The latest day an entry was written.
    pub latest_entry: Option<time::Date>,
}

/// Reads every journal file of `sources`; an unreadable date stops the export.
pub fn read(
    sources: &[SourceText],
    names: &DefiNames,
    report: &mut Report,
) -> Result<Journal, SourceError> {
    let mut journal = Journal {
        entries: Vec::new(),
        rows_read: 0,
        repeated: 0,
        links_as_text: 0,
        latest_entry: None,
    };
    // Each row's six cells → the file and line that first had them.
    let mut seen: HashMap<[String; 6], (String, usize)> = HashMap::new();
    for source in sources {
        let (read, entries) = entries_of(source, names, &mut seen, &mut journal, report)?;
        journal.rows_read += read;
        for entry in &entries {
            let date = eig_pulse_core::base::date::parse_date(&entry.date);
            journal.latest_entry = journal.latest_entry.max(date);
        }
        journal.entries.extend(entries);
    }
    Ok(journal)
}

/// One journal file's rows as entries, and how many rows it had; rows already `seen` are left
/// out and counted in `journal.repeated`, cells with links in `journal.links_as_text`.
fn entries_of(
    source: &SourceText,
    names: &DefiNames,
    seen: &mut HashMap<[String; 6], (String, usize)>,
    journal: &mut Journal,
    report: &mut Report,
) -> Result<(usize, Vec<JournalEntry>), SourceError> {
    let rows = journal::parse_rows(source)?;
    let read = rows.len();
    let mut entries = Vec::with_capacity(rows.len());
    // (label, défi, rule) → (rows, first line), reported once each.
    let mut approximations: indexmap::IndexMap<(String, String, &'static str), (usize, usize)> =
        indexmap::IndexMap::new();
    let mut unmatched: indexmap::IndexMap<String, (usize, usize)> = indexmap::IndexMap::new();
    for row in rows {
        match seen.entry(cells(&row)) {
            Entry::Occupied(first) => {
                let (first_file, first_line) = first.get();
                report.add(
                    &source.name,
                    Some(row.line),
                    Finding::RepeatedJournalRow {
                        first_file: (*first_file != source.name).then(|| first_file.clone()),
                        first_line: *first_line,
                    },
                );
                journal.repeated += 1;
                continue;
            }
            Entry::Vacant(slot) => {
                slot.insert((source.name.clone(), row.line));
            }
        }
        let date = journal::parse_org_date(&row.date).ok_or_else(|| {
            SourceError::new(
                &source.name,
                Some(row.line),
                text!(
                    "date « {} » illisible (attendu <AAAA-MM-JJ jour.>)",
                    "unreadable date \"{}\" (expected <YYYY-MM-DD day.>)",
                    row.date
                ),
            )
        })?;
        // A real date the contract refuses (`<0018-02-15>`, a typo for 2018): the row cannot be
        // placed on the timeline, and rows are never dropped, so the export stops here.
        let (first, last) = (
            eig_pulse_core::base::date::FIRST_YEAR,
            eig_pulse_core::base::date::LAST_YEAR,
        );
        if !(first..=last).contains(&date.year()) {
            return Err(SourceError::new(&source.name, Some(row.line), text!("date « {} » hors de la période plausible ({first} à {last}) : faute de frappe ?", "date \"{}\" outside the plausible range ({first} to {last}): a typo?", row.date)));
        }
        let defi_id = match names.find(&row.defi, date.year()) {
            NameMatch::Exact(id) => Some(id),
            NameMatch::Approximate(id, rule) => {
                approximations
                    .entry((row.defi.clone(), id.clone(), rule))
                    .or_insert((0, row.line))
                    .0 += 1;
                Some(id)
            }
            NameMatch::None => {
                unmatched.entry(row.defi.clone()).or_insert((0, row.line)).0 += 1;
                None
            }
        };
        let journal::Categories { known, unknown } = journal::split_categories(&row.category);
        if row.category.is_empty() {
            report.add(&source.name, Some(row.line), Finding::EmptyCategory);
        } else if !unknown.is_empty() {
            report.add(
                &source.name,
                Some(row.line),
                Finding::UnknownCategoryLetters {
                    raw: row.category.clone(),
                    letters: unknown,
                },
            );
        }
        let mood = journal::parse_mood(&row.ok).unwrap_or_else(|()| {
            report.add(
                &source.name,
                Some(row.line),
                Finding::UnreadableMood {
                    raw: row.ok.clone(),
                },
            );
            None
        });
        let mut as_text = |cell: String| match org_line_text(&cell) {
            Some(text) => {
                journal.links_as_text += 1;
                text
            }
            None => cell,
        };
        entries.push(JournalEntry {
            defi_id,
            defi_label: row.defi,
            date: date.to_string(),
            deliverable: Some(as_text(row.deliverable)).filter(|d| !d.is_empty()),
            task: as_text(row.task),
            categories: known,
            raw_category: row.category,
            mood,
        });
    }
    for (label, (rows, line)) in unmatched {
        report.add(
            &source.name,
            Some(line),
            Finding::UnmatchedJournalName { label, rows },
        );
    }
    for ((label, defi_id, rule), (rows, line)) in approximations {
        report.add(
            &source.name,
            Some(line),
            Finding::ApproximateJournalName {
                label,
                defi_id,
                rule,
                rows,
            },
        );
    }
    Ok((read, entries))
}

/// A row's six cells, as read (trimmed): what makes two rows the same entry.
fn cells(row: &RawRow) -> [String; 6] {
    [
        row.defi.clone(),
        row.deliverable.clone(),
        row.task.clone(),
        row.date.clone(),
        row.category.clone(),
        row.ok.clone(),
    ]
}
