//! The line mark: one line per series across evenly spaced categories (straight, or as steps),
//! each line stopping at the last category its series reaches, the band of its spread behind it,
//! a point per value, the series' name at the line's end, and the chart's counts under the axis,
//! on any plotters backend.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axis::category_ticks;
use super::frame::Frame;
use super::scale::Linear;
use super::Hit;
use crate::base::format::name_within;
use crate::base::order;
use crate::catalogue::{Chart, Unit};

/// Opacity of a spread band, so that bands and lines stay readable where they cross.
const BAND_OPACITY: f64 = 0.16;

/// Draws `chart` (layout [`super::Layout::Lines`]) as lines with `frame`'s furniture over the
/// whole area, leaving out the `hidden` series; returns each point drawn, for tooltips and the
/// keyboard.
pub(super) fn draw_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart,
    hidden: &[bool],
    frame: Frame,
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    let (palette, lang) = (frame.palette, frame.lang);
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (f64::from(width), f64::from(height));
    let visible: Vec<usize> = (0..chart.series.len())
        .filter(|&s| !hidden.get(s).copied().unwrap_or(false))
        .collect();
    let n = chart.categories.len();
    if chart.is_empty() || visible.is_empty() || n < 2 {
        frame.draw_no_data(area)?;
        return Ok(Vec::new());
    }
    let spread = |c: usize, s: usize| chart.spread.get(c).and_then(|row| row.get(s)).copied();
    let max = (0..n)
        .flat_map(|c| visible.iter().map(move |&s| (c, s)))
        .filter(|&(c, s)| chart.reaches(c, s))
        .map(|(c, s)| chart.values[c][s].max(spread(c, s).map_or(0.0, |(_, high)| high)))
        .fold(0.0, f64::max);
    let frame = frame.with_values(max, chart.unit == Unit::Share);
    let (font, pad) = (frame.font, frame.pad);
    let text = |color: &RGBColor, pos: Pos| frame.text(color, pos);
    let text_width = |s: &str| frame.text_width(s);
    let top_value = frame.top_value();
    let value_labels_width = frame.tick_labels_width();
    // The series' names at the end of their lines, within a third of the width at most: whole,
    // else without their details (the legend says them whole); the room on the right is what the
    // longest of them takes.
    let names: Vec<Option<String>> = chart
        .series
        .iter()
        .map(|series| name_within(&series.label, |t| text_width(t) <= width * 0.3))
        .collect();
    let names_width = visible
        .iter()
        .filter_map(|&s| names[s].as_deref())
        .map(text_width)
        .fold(0.0, f64::max);
    // Room on the left for the counts' label, when there are counts.
    let counts_label_width = chart
        .counts
        .as_ref()
        .map_or(0.0, |counts| text_width(&counts.label) + pad);
    let (x0, x1) = (
        pad + value_labels_width.max(counts_label_width) + pad,
        width - pad - names_width - pad,
    );
    // Room under the axis for the counts: a row per visible series.
    let count_rows = if chart.counts.is_some() {
        visible.len() as f64
    } else {
        0.0
    };
    let (y0, y1) = (
        pad + font * 1.6,
        height - pad - font * 1.8 - count_rows * font * 1.3,
    );
    let x = Linear::new((0.0, (n - 1) as f64), (x0, x1));
    let y = Linear::new((0.0, top_value), (y1, y0));

    let spans: Vec<((f64, f64), &str)> = chart
        .highlights
        .iter()
        .map(|highlight| {
            let span = (x.map(highlight.from as f64), x.map(highlight.to as f64));
            (span, highlight.label.as_str())
        })
        .collect();
    frame.draw_highlights(area, &spans, (y0, y1), x0)?;
    frame.draw_vertical_value_axis(area, &chart.value_label, (x0, x1), |v| y.map(v))?;
    let step = (x1 - x0) / (n - 1) as f64;
    let ticks = category_ticks(chart, step, &text_width, pad, true, lang);
    for tick in &ticks {
        area.draw(&Text::new(
            tick.text.clone(),
            (x.map(tick.category as f64) as i32, (y1 + pad / 2.0) as i32),
            text(&palette.text, Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    // The counts under the axis, a row per series in its colour, at the ticks it reaches.
    if let Some(counts) = &chart.counts {
        for (row, &s) in visible.iter().enumerate() {
            let y_row = (y1 + pad / 2.0 + font * 1.4 + row as f64 * font * 1.3) as i32;
            if row == 0 {
                area.draw(&Text::new(
                    counts.label.clone(),
                    (pad as i32, y_row),
                    text(&palette.muted_text, Pos::new(HPos::Left, VPos::Top)),
                ))?;
            }
            let color = palette.color(chart.series[s].color);
            for tick in ticks.iter().filter(|t| chart.reaches(t.category, s)) {
                let n = counts
                    .values
                    .get(tick.category)
                    .and_then(|row| row.get(s))
                    .copied()
                    .unwrap_or(0);
                area.draw(&Text::new(
                    n.to_string(),
                    (x.map(tick.category as f64) as i32, y_row),
                    text(&color, Pos::new(HPos::Center, VPos::Top)),
                ))?;
            }
        }
    }
    let point = |c: usize, v: f64| (x.map(c as f64) as i32, y.map(v) as i32);
    // Bands first, so that every line stays on top of every band.
    for &s in &visible {
        let reached = |c: &usize| chart.reaches(*c, s);
        let mut outline: Vec<(i32, i32)> = (0..n)
            .filter(reached)
            .filter_map(|c| spread(c, s).map(|(low, _)| point(c, low)))
            .collect();
        outline.extend(
            (0..n)
                .rev()
                .filter(reached)
                .filter_map(|c| spread(c, s).map(|(_, high)| point(c, high))),
        );
        if outline.len() > 2 {
            area.draw(&Polygon::new(
                outline,
                palette
                    .color(chart.series[s].color)
                    .mix(BAND_OPACITY)
                    .filled(),
            ))?;
        }
    }
    let mut hits = Vec::new();
    let radius = palette.px(3.0).max(2);
    // Each whole line's end, for its name (a line that stops early is named by the legend only).
    let mut ends: Vec<(usize, (i32, i32))> = Vec::new();
    for &s in &visible {
        let color = palette.color(chart.series[s].color);
        let points: Vec<(i32, i32)> = (0..n)
            .filter(|&c| chart.reaches(c, s))
            .map(|c| point(c, chart.values[c][s]))
            .collect();
        let Some(&(ex, ey)) = points.last() else {
            continue;
        };
        // Steps: each value holds until the next category, then the line drops or rises.
        let path: Vec<(i32, i32)> = if chart.steps {
            points
                .windows(2)
                .flat_map(|pair| [pair[0], (pair[1].0, pair[0].1)])
                .chain([(ex, ey)])
                .collect()
        } else {
            points.clone()
        };
        area.draw(&PathElement::new(
            path,
            color.stroke_width(palette.px(2.0).max(1) as u32),
        ))?;
        for (c, &(px, py)) in points.iter().enumerate() {
            // Steps mark only where the value changes, and their last point.
            let marked = !chart.steps || c == 0 || c + 1 == points.len() || points[c - 1].1 != py;
            if marked {
                area.draw(&Circle::new(
                    (px, py),
                    radius,
                    ShapeStyle::from(&color).filled(),
                ))?;
            }
            let reach = radius + palette.px(3.0);
            hits.push(Hit {
                x0: px - reach,
                y0: py - reach,
                x1: px + reach,
                y1: py + reach,
                category: c,
                series: Some(s),
            });
        }
        if points.len() == n {
            ends.push((s, (ex, ey)));
        }
    }
    // The names, in the order of the lines' ends, moved apart where they would cover one another.
    let ys: Vec<f64> = ends.iter().map(|&(_, (_, ey))| f64::from(ey)).collect();
    for (&(s, (ex, _)), slot) in ends.iter().zip(name_slots(&ys, font * 1.1, y1)) {
        if let Some(name) = &names[s] {
            frame.draw_label_after(
                area,
                name.clone(),
                (ex + (pad / 2.0) as i32 + radius, slot as i32),
            )?;
        }
    }
    frame.draw_axis_line(area, (x0, y1), (x1, y1))?;
    Ok(hits)
}

/// Where to write names wanted at heights `ys` (pixels, down), each `gap` from the next, none
/// below `bottom` unless they cannot all fit above it: as near their heights as that allows, in
/// their order (a name never passes another's line).
fn name_slots(ys: &[f64], gap: f64, bottom: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..ys.len()).collect();
    order::sort_by(&mut order, |&a, &b| ys[a].total_cmp(&ys[b]));
    let mut placed: Vec<f64> = order.iter().map(|&i| ys[i]).collect();
    // Down from the top, each at least `gap` below the one above…
    for k in 1..placed.len() {
        placed[k] = placed[k].max(placed[k - 1] + gap);
    }
    // …then up from the bottom, none below `bottom`.
    if let Some(last) = placed.last_mut() {
        *last = last.min(bottom);
    }
    for k in (0..placed.len().saturating_sub(1)).rev() {
        placed[k] = placed[k].min(placed[k + 1] - gap);
    }
    let mut slots = vec![0.0; ys.len()];
    for (&i, &slot) in order.iter().zip(&placed) {
        slots[i] = slot;
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::name_slots;

    #[test]
    fn names_keep_the_order_of_their_lines_and_stay_apart() {
        // Three lines ending close together, listed as the series come (EIG 1, 2, 3), the third
        // highest: its name stays above the others, not pushed under them.
        let slots = name_slots(&[276.0, 255.0, 242.0], 14.0, 400.0);
        assert!(slots[2] < slots[1] && slots[1] < slots[0], "{slots:?}");
        for pair in [(0, 1), (1, 2)] {
            assert!(
                (slots[pair.0] - slots[pair.1]).abs() >= 14.0 - 1e-9,
                "{slots:?}"
            );
        }
        // Names that need not move do not.
        assert_eq!(
            name_slots(&[100.0, 10.0, 50.0], 14.0, 400.0),
            vec![100.0, 10.0, 50.0]
        );
        // Near the bottom they go up rather than below it.
        let low = name_slots(&[395.0, 398.0], 14.0, 400.0);
        assert!(
            low.iter().all(|&y| y <= 400.0) && (low[0] - low[1]).abs() >= 14.0,
            "{low:?}"
        );
        assert!(low[0] < low[1], "{low:?}");
    }
}
