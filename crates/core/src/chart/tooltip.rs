//! Words for what the pointer (or the keyboard) is on: a bar segment or a category label.

use super::stack::Stack;
use super::Hit;
use crate::base::{format, lang::Lang};
use crate::catalogue::{Chart, Target, Unit};

/// The lines of the tooltip for a hit: category (and its note), then the series and its value.
pub fn describe(chart: &Chart, hit: &Hit, hidden: &[bool], lang: Lang) -> Vec<String> {
    let category = &chart.categories[hit.category];
    let mut lines = vec![category.label.clone()];
    if let Some(note) = &category.note {
        if note != &category.label {
            lines.push(note.clone());
        }
    }
    let stack = Stack::new(chart, hidden);
    let value_text = |value: f64| match (stack.share(hit.category, value), chart.unit) {
        (Some(share), _) => format!(
            "{} ({})",
            format::percent(share, lang),
            format::number(value, lang)
        ),
        (None, Unit::Share) => format::percent(value, lang),
        (None, Unit::Count) => format::number(value, lang),
    };
    match hit.series {
        Some(s) => {
            let sep = lang.pick(" : ", ": ");
            let value = value_text(chart.values[hit.category][s]);
            let value = match chart.spread.get(hit.category).and_then(|row| row.get(s)) {
                Some((low, high)) => format!(
                    "{value} ({} {} {} {})",
                    "quartiles",
                    value_text(*low),
                    lang.pick("à", "to"),
                    value_text(*high)
                ),
                None => value,
            };
            let counted = chart
                .counts
                .as_ref()
                .and_then(|counts| Some((counts.values.get(hit.category)?.get(s)?, &counts.label)));
            let value = match counted {
                Some((n, label)) => format!("{value} ({n} {label})"),
                None => value,
            };
            lines.push(format!("{}{sep}{value}", chart.series[s].label));
        }
        None => {
            let sep = lang.pick(" : ", ": ");
            for &s in &stack.visible {
                if chart.values[hit.category][s] > 0.0 {
                    lines.push(format!(
                        "{}{sep}{}",
                        chart.series[s].label,
                        value_text(chart.values[hit.category][s])
                    ));
                }
            }
        }
    }
    match &category.target {
        Target::Administration(_) => lines.push(
            lang.pick(
                "Cliquer pour filtrer sur cette administration",
                "Click to filter on this administration",
            )
            .into(),
        ),
        Target::Defi(_) => lines.push(
            lang.pick("Cliquer pour ouvrir le défi", "Click to open the défi")
                .into(),
        ),
        Target::None => {}
    }
    lines
}
