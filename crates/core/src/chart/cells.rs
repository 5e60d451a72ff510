//! The cell mark: a table of counts drawn as a matrix — a row per category, a column per visible
//! series, each cell shaded in its series' colour by its value and showing the value — readable
//! where a dozen thin bars per row would not be.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::Hit;
use super::frame::Frame;
use super::palette::contrast;
use super::stack::Stack;
use crate::base::format::{most_kept, truncate};
use crate::catalogue::Chart;

/// The header's height in rows of text: a series label splits in two lines at « · »
/// (« EIG 3 » over « déclarée »).
const HEADER_LINES: f64 = 2.0;

/// The palest shade of a non-zero cell, as a share of its series' colour.
const PALEST: f64 = 0.18;

/// Mixes `color` into `background` by `share` (0: background, 1: colour).
fn mix(background: RGBColor, color: RGBColor, share: f64) -> RGBColor {
    let channel =
        |b: u8, c: u8| (f64::from(b) + (f64::from(c) - f64::from(b)) * share).round() as u8;
    RGBColor(
        channel(background.0, color.0),
        channel(background.1, color.1),
        channel(background.2, color.2),
    )
}

/// Of two colours, the one that contrasts more with `fill`.
fn legible_on(fill: RGBColor, a: RGBColor, b: RGBColor) -> RGBColor {
    if contrast(fill, a) >= contrast(fill, b) {
        a
    } else {
        b
    }
}

/// A series label as the header writes it: its two parts around « · », or itself over nothing.
fn header_lines(label: &str) -> (&str, &str) {
    label
        .split_once(" · ")
        .map_or((label, ""), |(top, bottom)| (top, bottom))
}

/// A header word within its column's room (`fits`): itself, else without its spaces (« EIG1 »),
/// else cut with a full stop (« décl. »), one letter at least: abbreviated, never dropped. A word
/// ending with a number keeps it whole after its first letter (« E1 »: the number tells the columns
/// apart), and is measured with every digit as wide as the widest, so that « EIG 1 » and « EIG 2 »,
/// side by side, are written alike.
fn abbreviate(word: &str, fits: impl Fn(&str) -> bool) -> String {
    let joined: Vec<char> = word.chars().filter(|c| !c.is_whitespace()).collect();
    let whole: String = joined.iter().collect();
    let digits = joined
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let letters = joined.len() - digits;
    if digits > 0 && letters > 0 {
        let tabular = |t: &str| fits(&t.replace(|c: char| c.is_ascii_digit(), "0"));
        let number: String = joined[letters..].iter().collect();
        let initial = format!("{}{number}", joined[0]);
        return [word, whole.as_str()]
            .into_iter()
            .find(|t| tabular(t))
            .map_or(initial, str::to_string);
    }
    if fits(word) {
        return word.to_string();
    }
    if fits(&whole) {
        return whole;
    }
    let written = |kept: usize| format!("{}.", joined[..kept].iter().collect::<String>());
    written(most_kept(1, joined.len().saturating_sub(1), |kept| {
        fits(&written(kept))
    }))
}

/// A row's label within the label column (`fits`): itself, else without the kind it ends with in
/// brackets (« JavaScript » for « JavaScript (Langage) »; the table keeps it), else cut: each row
/// says as much as fits.
fn row_label(label: &str, fits: impl Fn(&str) -> bool) -> String {
    if fits(label) {
        return label.to_string();
    }
    let name = label
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .map_or(label, |(name, _)| name);
    truncate(name, fits)
}

/// Draws `chart` as cells with `frame`'s furniture over the whole area, leaving out the `hidden`
/// series; returns what was drawn where.
pub(super) fn draw_cells<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart,
    hidden: &[bool],
    frame: Frame,
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    let (palette, lang) = (frame.palette, frame.lang);
    let stack = Stack::new(chart, hidden);
    if chart.is_empty() || stack.visible.is_empty() {
        frame.draw_no_data(area)?;
        return Ok(Vec::new());
    }
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (f64::from(width), f64::from(height));
    let (font, pad) = (frame.font, frame.pad);
    let text = |color: &RGBColor, pos: Pos| frame.text(color, pos);

    // The label column takes what its longest label needs, at most a third of the width.
    let labels: Vec<String> = chart
        .categories
        .iter()
        .map(|c| c.axis_label(lang))
        .collect();
    let label_width = labels
        .iter()
        .map(|l| frame.text_width(l))
        .fold(0.0, f64::max)
        .min((width * 0.32).max(font * 6.0));
    let (x0, x1) = (pad + label_width + pad, width - pad);
    let (y0, y1) = (pad + font * 1.3 * HEADER_LINES + pad / 2.0, height - pad);
    let columns = stack.visible.len() as f64;
    let column = (x1 - x0) / columns;
    let row = (y1 - y0) / chart.categories.len() as f64;
    let max = stack.max.max(1.0);
    let mut hits = Vec::new();

    // What the cells count, over the label column.
    area.draw(&Text::new(
        chart.value_label.clone(),
        ((x0 - pad / 2.0) as i32, (y0 - pad / 2.0) as i32),
        text(&palette.muted_text, Pos::new(HPos::Right, VPos::Bottom)),
    ))?;
    // The header: each visible series' label over its column, abbreviated to the column's width.
    let column_room = column - pad / 2.0;
    for (slot, &series) in stack.visible.iter().enumerate() {
        let centre = (x0 + column * (slot as f64 + 0.5)) as i32;
        let (top, bottom) = header_lines(&chart.series[series].label);
        for (line, words) in [top, bottom].into_iter().enumerate() {
            area.draw(&Text::new(
                abbreviate(words, |t| frame.text_width(t) <= column_room),
                (centre, (pad + font * 1.3 * line as f64) as i32),
                text(&palette.text, Pos::new(HPos::Center, VPos::Top)),
            ))?;
        }
        // A swatch under the header ties the column to its legend entry.
        area.draw(&Rectangle::new(
            [
                (
                    (x0 + column * slot as f64 + pad / 4.0) as i32,
                    (y0 - pad / 2.0) as i32,
                ),
                (
                    (x0 + column * (slot as f64 + 1.0) - pad / 4.0) as i32,
                    (y0 - pad / 4.0) as i32,
                ),
            ],
            palette.color(chart.series[series].color).filled(),
        ))?;
    }

    for (c, label) in labels.iter().enumerate() {
        let (top, bottom) = (y0 + row * c as f64, y0 + row * (c as f64 + 1.0));
        let middle = ((top + bottom) / 2.0) as i32;
        area.draw(&Text::new(
            row_label(label, |t| frame.text_width(t) <= label_width),
            ((x0 - pad / 2.0) as i32, middle),
            text(&palette.text, Pos::new(HPos::Right, VPos::Center)),
        ))?;
        hits.push(Hit {
            x0: pad as i32,
            y0: top as i32,
            x1: (x0 - pad / 2.0) as i32,
            y1: bottom as i32,
            category: c,
            series: None,
        });
        for (slot, &series) in stack.visible.iter().enumerate() {
            let value = chart.values[c][series];
            let (left, right) = (x0 + column * slot as f64, x0 + column * (slot as f64 + 1.0));
            let corners = [
                ((left + 1.0) as i32, (top + 1.0) as i32),
                ((right - 1.0) as i32, (bottom - 1.0) as i32),
            ];
            let fill = if value > 0.0 {
                let share = PALEST + (1.0 - PALEST) * (value / max).min(1.0);
                mix(
                    palette.background,
                    palette.color(chart.series[series].color),
                    share,
                )
            } else {
                palette.background
            };
            area.draw(&Rectangle::new(corners, fill.filled()))?;
            area.draw(&Rectangle::new(
                corners,
                palette.grid.stroke_width(frame.thin()),
            ))?;
            let (words, color) = if !chart.reaches(c, series) {
                ("—".to_string(), palette.muted_text)
            } else if value > 0.0 {
                (
                    frame.tick_label(value),
                    legible_on(fill, palette.text, palette.background),
                )
            } else {
                (frame.tick_label(0.0), palette.muted_text)
            };
            area.draw(&Text::new(
                words,
                (((left + right) / 2.0) as i32, middle),
                text(&color, Pos::new(HPos::Center, VPos::Center)),
            ))?;
            hits.push(Hit {
                x0: left as i32,
                y0: top as i32,
                x1: right as i32,
                y1: bottom as i32,
                category: c,
                series: Some(series),
            });
        }
    }
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fits in `max` characters.
    fn chars(max: usize) -> impl Fn(&str) -> bool {
        move |text| text.chars().count() <= max
    }

    #[test]
    fn a_cell_writes_its_value_in_the_colour_that_reads_best() {
        let (white, black) = (RGBColor(255, 255, 255), RGBColor(22, 22, 22));
        assert_eq!(legible_on(RGBColor(0, 0, 145), black, white), white);
        assert_eq!(legible_on(RGBColor(230, 230, 250), black, white), black);
        assert_eq!(mix(white, RGBColor(0, 0, 0), 0.5), RGBColor(128, 128, 128));
        assert_eq!(header_lines("EIG 3 · déclarée"), ("EIG 3", "déclarée"));
        assert_eq!(header_lines("Autres"), ("Autres", ""));
        assert_eq!(abbreviate("déclarée", chars(8)), "déclarée");
        assert_eq!(abbreviate("EIG 1", chars(4)), "EIG1");
        assert_eq!(abbreviate("déclarée", chars(5)), "décl.");
        // A promotion keeps its number, however narrow the column.
        assert_eq!(abbreviate("EIG 1", chars(3)), "E1");
        assert_eq!(abbreviate("EIG 4", chars(2)), "E4");
        assert_eq!(abbreviate("EIG 12", chars(2)), "E12");
        assert_eq!(abbreviate("DIG", chars(2)), "D.");
        assert_eq!(row_label("JavaScript (Langage)", chars(12)), "JavaScript");
        assert_eq!(row_label("Sass (Front-end)", chars(16)), "Sass (Front-end)");
        assert_eq!(row_label("Elasticsearch (Base)", chars(8)), "Elastic…");
    }

    /// Side by side, « EIG 1 » and « EIG 2 » are written alike, though « 1 » is the narrower
    /// digit: the room that takes « EIG1 » and not « EIG2 » gives « E1 » and « E2 ».
    #[test]
    fn numbered_headers_are_abbreviated_alike() {
        let font = 10.0;
        let room = super::super::glyphs::text_width("EIG1", font) + 0.1;
        let fits = |t: &str| super::super::glyphs::text_width(t, font) <= room;
        assert!(fits("EIG1") && !fits("EIG2"));
        let written: Vec<String> = ["EIG 1", "EIG 2", "EIG 3", "EIG 4"]
            .iter()
            .map(|w| abbreviate(w, fits))
            .collect();
        assert_eq!(written, ["E1", "E2", "E3", "E4"]);
    }
}
