//! The data a chart shows, as rows: for the CSV download and the data table.

use super::stack::Stack;
use super::{BarChart, ChartId, Layout, Unit};
use crate::{base::format, base::lang::Lang};

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
}

/// One row per drawn value: visible series, values above zero (every point of a line), in
/// drawing order.
pub fn rows(chart: &BarChart, hidden: &[bool]) -> Vec<Row> {
    let lines = chart.layout == Layout::Lines;
    let stack = Stack::new(chart, hidden);
    let mut rows = Vec::new();
    for (c, category) in chart.categories.iter().enumerate() {
        for &s in &stack.visible {
            let (series, value) = (&chart.series[s], chart.values[c][s]);
            if value <= 0.0 && !lines {
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
            });
        }
    }
    rows
}

/// The rows as CSV (RFC 4180, UTF-8, header row); numbers with a dot, shares in [0, 1].
pub fn to_csv(chart: &BarChart, hidden: &[bool]) -> String {
    let mut out = String::from("category_key,category,series_key,series,value");
    let normalized = chart.layout == Layout::Normalized;
    if normalized {
        out.push_str(",share");
    }
    let spread = !chart.spread.is_empty();
    if spread {
        out.push_str(",low,high");
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
}

#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    pub header: String,
    pub cells: Vec<String>,
}

/// What a category is, per chart: the first column's header.
fn category_header(id: ChartId, lang: Lang) -> &'static str {
    match id {
        ChartId::DefisByAdministration => "Administration",
        ChartId::SkillsByPromotion
        | ChartId::OpennessByPromotion
        | ChartId::PerennisationByPromotion
        | ChartId::LanguagesByPromotion
        | ChartId::OpennessIndicators => "Promotion",
        ChartId::TechnologiesByPromotion => lang.pick("Technologie", "Technology"),
        ChartId::JournalWeekly => lang.pick("Semaine du", "Week of"),
        ChartId::JournalMixByDefi => "Défi",
        ChartId::RepositoryActivity => lang.pick("Période", "Period"),
        ChartId::CohortsCumulativeCommits => lang.pick("Depuis le début", "Since the start"),
    }
}

pub fn grid(chart: &BarChart, hidden: &[bool], lang: Lang) -> Grid {
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
    let noted = chart.id == ChartId::PerennisationByPromotion;
    if noted {
        columns.push(lang.pick("Défis comptés", "Défis counted").to_string());
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
            // A promotion without a record: not « 0 », « non documenté ».
            if crate::measures::technologies::is_undocumented(category, lang) {
                let words = crate::measures::technologies::undocumented_note(lang);
                cells.iter_mut().for_each(|cell| *cell = words.to_string());
            }
            if noted {
                cells.push(category.note.clone().unwrap_or_default());
            }
            let header = match chart.id {
                ChartId::JournalWeekly => category
                    .start
                    .map(|d| format::date(d, lang))
                    .unwrap_or_else(|| category.label.clone()),
                ChartId::RepositoryActivity => category
                    .note
                    .clone()
                    .unwrap_or_else(|| category.label.clone()),
                _ => category.label.clone(),
            };
            GridRow { header, cells }
        })
        .collect();
    Grid {
        category_header: category_header(chart.id, lang).to_string(),
        columns,
        rows,
    }
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value:.4}").trim_end_matches('0').to_string()
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break. A text a spreadsheet would
/// read as a formula (first character `=`, `+`, `-`, `@`, tab or carriage return) gets a leading
/// `'` and quotes, as OWASP's « CSV injection » page advises.
pub fn field(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("\"'{}\"", text.replace('"', "\"\""))
    } else if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{Category, ChartId, Orientation, Series};

    fn chart(layout: Layout) -> BarChart {
        BarChart::new(
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
