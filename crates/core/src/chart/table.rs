//! The data a chart shows, as rows: for the CSV download and the data table.

use super::stack::Stack;
use crate::base::csv::{field, number};
use crate::base::{format, lang::Lang};
use crate::catalogue::{Absence, Chart, Layout, RowHeader, Unit};

/// One drawn value: a category, a series and its value (and its share within a 100 % bar).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub category_key: String,
    pub category: String,
    pub series_key: String,
    pub series: String,
    pub value: f64,
    /// The value's share of its category, for 100 % bars.
    pub share: Option<f64>,
    /// The low and high ends of the value's spread, for lines with a band.
    pub spread: Option<(f64, f64)>,
    /// The count under the point (the défis at risk), for lines that have them.
    pub count: Option<usize>,
}

/// One row per drawn value: visible series, values above zero (every point a line reaches; every
/// known value, zero included, where a zero is a value), in drawing order.
pub fn rows(chart: &Chart, hidden: &[bool]) -> Vec<Row> {
    let lines = chart.layout == Layout::Lines;
    let stack = Stack::new(chart, hidden);
    let mut rows = Vec::new();
    for (c, category) in chart.categories.iter().enumerate() {
        for &s in &stack.visible {
            let (series, value) = (&chart.series[s], chart.values[c][s]);
            if (value <= 0.0 && !lines && !chart.zero_is_value) || !chart.reaches(c, s) {
                continue;
            }
            rows.push(Row {
                category_key: category.key.clone(),
                category: category.label.clone(),
                series_key: series.key.clone(),
                series: series.label.clone(),
                value,
                share: stack.share(c, value).filter(|_| stack.totals[c] > 0.0),
                spread: chart.spread.get(c).and_then(|row| row.get(s)).copied(),
                count: chart
                    .counts
                    .as_ref()
                    .and_then(|counts| counts.values.get(c)?.get(s).copied()),
            });
        }
    }
    rows
}

/// The rows as CSV (RFC 4180, UTF-8, header row); numbers with a dot, shares in [0, 1].
pub fn to_csv(chart: &Chart, hidden: &[bool]) -> String {
    let mut out = String::from("category_key,category,series_key,series,value");
    let normalized = chart.layout == Layout::Normalized;
    if normalized {
        out.push_str(",share");
    }
    let spread = !chart.spread.is_empty();
    if spread {
        out.push_str(",low,high");
    }
    if let Some(counts) = &chart.counts {
        out.push(',');
        out.push_str(counts.key);
    }
    out.push_str("\r\n");
    for row in rows(chart, hidden) {
        let mut fields = vec![
            field(&row.category_key),
            field(&row.category),
            field(&row.series_key),
            field(&row.series),
            number(row.value),
        ];
        if normalized {
            fields.push(row.share.map(number).unwrap_or_default());
        }
        if spread {
            let (low, high) = row.spread.unwrap_or((row.value, row.value));
            fields.push(number(low));
            fields.push(number(high));
        }
        if chart.counts.is_some() {
            fields.push(row.count.map(|n| n.to_string()).unwrap_or_default());
        }
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The chart as a table to read (the « Voir les données » table): one row per category, one
/// column per visible series, then the category's total or count. Cells are written for `lang`.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// The header of the first column (what a category is).
    pub category_header: String,
    pub columns: Vec<String>,
    pub rows: Vec<GridRow>,
    /// The last column holds each category's note (words, not a number).
    pub noted: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    pub header: String,
    pub cells: Vec<String>,
}

pub fn grid(chart: &Chart, hidden: &[bool], lang: Lang) -> Grid {
    let stack = Stack::new(chart, hidden);
    let visible = &stack.visible;
    let counted = chart.categories.iter().any(|c| c.count.is_some());
    let totalled = counted || (chart.layout == Layout::Stacked && visible.len() > 1);
    let mut columns: Vec<String> = visible
        .iter()
        .map(|&s| chart.series[s].label.clone())
        .collect();
    if totalled {
        columns.push(if counted {
            lang.pick("Entrées", "Entries").to_string()
        } else {
            "Total".to_string()
        });
    }
    // Shares whose denominators differ per category say them in the note: a last column.
    let spec = chart.spec();
    let noted = spec.reading.note_column.is_some();
    if let Some(header) = &spec.reading.note_column {
        columns.push(header.get(lang).to_string());
    }
    let rows = chart
        .categories
        .iter()
        .enumerate()
        .map(|(c, category)| {
            let total = stack.totals[c];
            let mut cells: Vec<String> = visible
                .iter()
                .map(|&s| {
                    let value = chart.values[c][s];
                    if chart.missing.contains(&(c, s)) {
                        return Absence::NotObserved.words(lang).to_string();
                    }
                    if !chart.reaches(c, s) {
                        return "—".to_string();
                    }
                    let counted = chart
                        .counts
                        .as_ref()
                        .and_then(|counts| Some((counts.values.get(c)?.get(s)?, &counts.label)));
                    if let Some((n, label)) = counted {
                        let value = match chart.unit {
                            Unit::Share => format::percent(value, lang),
                            Unit::Count => format::number(value, lang),
                        };
                        return format!("{value} ({n} {label})");
                    }
                    match (chart.layout, chart.unit) {
                        (Layout::Normalized, _) => {
                            let share = stack.share(c, value).unwrap_or(0.0);
                            format!(
                                "{} ({})",
                                format::percent(share, lang),
                                format::number(value, lang)
                            )
                        }
                        (Layout::Lines, _) if !chart.spread.is_empty() => {
                            let (low, high) = chart.spread[c][s];
                            format!(
                                "{} ({}–{})",
                                format::number(value, lang),
                                format::number(low, lang),
                                format::number(high, lang)
                            )
                        }
                        (_, Unit::Share) => format::percent(value, lang),
                        (_, Unit::Count) => format::number(value, lang),
                    }
                })
                .collect();
            if totalled {
                cells.push(format::number(category.count.unwrap_or(total), lang));
            }
            // A category without values says why (« non documenté »), never « 0 ».
            if let Some(absence) = category.absence {
                let words = absence.words(lang);
                cells.iter_mut().for_each(|cell| *cell = words.to_string());
            }
            if noted {
                cells.push(category.note.clone().unwrap_or_default());
            }
            let header = match spec.reading.row_header {
                RowHeader::StartDate => category
                    .start
                    .map(|d| format::date(d, lang))
                    .unwrap_or_else(|| category.label.clone()),
                RowHeader::Note => category
                    .note
                    .clone()
                    .unwrap_or_else(|| category.label.clone()),
                RowHeader::Label => category.label.clone(),
            };
            GridRow { header, cells }
        })
        .collect();
    Grid {
        category_header: spec.reading.category_header.get(lang).to_string(),
        columns,
        rows,
        noted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Category, ChartId, Orientation, Series};

    fn chart(layout: Layout) -> Chart {
        Chart::new(
            ChartId::JournalMixByDefi,
            vec![
                Category::new("a", "Défi, « A »"),
                Category::new("b", "B \"quoted\""),
            ],
            vec![
                Series {
                    key: "P".into(),
                    label: "Production".into(),
                    color: 0,
                },
                Series {
                    key: "M".into(),
                    label: "Management".into(),
                    color: 1,
                },
            ],
            vec![vec![3.0, 1.0], vec![0.0, 2.0]],
            String::new(),
        )
        .with_layout(layout)
        .with_orientation(Orientation::Horizontal)
    }

    #[test]
    fn one_row_per_drawn_value_with_quoting() {
        let csv = to_csv(&chart(Layout::Stacked), &[]);
        assert_eq!(
            csv,
            "category_key,category,series_key,series,value\r\na,\"Défi, « A »\",P,Production,3\r\na,\"Défi, « A »\",M,Management,1\r\nb,\"B \"\"quoted\"\"\",M,Management,2\r\n"
        );
    }

    #[test]
    fn hidden_series_and_shares() {
        let csv = to_csv(&chart(Layout::Normalized), &[false, true]);
        assert_eq!(csv, "category_key,category,series_key,series,value,share\r\na,\"Défi, « A »\",P,Production,3,1\r\n");
        let all = rows(&chart(Layout::Normalized), &[]);
        assert_eq!(all[0].share, Some(0.75));
    }
}
