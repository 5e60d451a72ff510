//! The stack transform: from a chart and what the reader hid, computed once — the visible series,
//! each category's total and segments (stacked, normalised to shares, or side by side) and the
//! value domain. The bar mark places its segments; the tooltip, the table, the CSV and the summary
//! read its shares and totals. Nothing downstream recomputes them.

use crate::catalogue::{Chart, Layout};

/// One visible, non-empty piece of a category's bar, in data units along the value axis (or a
/// known zero, where the chart counts a zero as a value: drawn as a rule on the axis).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub series: usize,
    /// Its place among the visible series (grouped bars sit side by side in this order).
    pub slot: usize,
    pub low: f64,
    pub high: f64,
}

/// A chart's values as drawn, for one set of hidden series.
#[derive(Debug, Clone, PartialEq)]
pub struct Stack {
    /// The series shown, in legend order.
    pub visible: Vec<usize>,
    /// Each category's total over the visible series.
    pub totals: Vec<f64>,
    /// Each category's non-empty segments, in legend order.
    pub segments: Vec<Vec<Segment>>,
    /// The largest value the value axis must reach (1 for 100 % bars).
    pub max: f64,
    normalized: bool,
}

impl Stack {
    pub fn new(chart: &Chart, hidden: &[bool]) -> Stack {
        let visible: Vec<usize> = (0..chart.series.len())
            .filter(|&s| !hidden.get(s).copied().unwrap_or(false))
            .collect();
        let normalized = chart.layout == Layout::Normalized;
        let totals: Vec<f64> = chart
            .values
            .iter()
            .map(|row| visible.iter().map(|&s| row[s]).sum())
            .collect();
        let segments: Vec<Vec<Segment>> = chart
            .values
            .iter()
            .zip(&totals)
            .enumerate()
            .map(|(c, (row, &total))| {
                let mut base = 0.0;
                let mut out = Vec::with_capacity(visible.len());
                for (slot, &series) in visible.iter().enumerate() {
                    let raw = row[series];
                    let value = if normalized && total > 0.0 {
                        raw / total
                    } else {
                        raw
                    };
                    let (low, high) = match chart.layout {
                        Layout::Grouped | Layout::Cells => (0.0, value),
                        _ => (base, base + value),
                    };
                    base += value;
                    if value > 0.0 || (chart.zero_is_value && chart.reaches(c, series)) {
                        out.push(Segment {
                            series,
                            slot,
                            low,
                            high,
                        });
                    }
                }
                out
            })
            .collect();
        let max = match chart.layout {
            Layout::Normalized => 1.0,
            Layout::Stacked => totals.iter().copied().fold(0.0, f64::max),
            Layout::Grouped | Layout::Lines | Layout::Cells => chart
                .values
                .iter()
                .flat_map(|row| visible.iter().map(move |&s| row[s]))
                .fold(0.0, f64::max),
        };
        Stack {
            visible,
            totals,
            segments,
            max,
            normalized,
        }
    }

    /// The share of `value` within category `c`'s bar, for 100 % bars; `None` for other layouts.
    pub fn share(&self, c: usize, value: f64) -> Option<f64> {
        let total = self.totals.get(c).copied().unwrap_or(0.0);
        self.normalized
            .then_some(if total > 0.0 { value / total } else { 0.0 })
    }

    /// True when every series is hidden.
    pub fn is_empty(&self) -> bool {
        self.visible.is_empty()
    }
}
