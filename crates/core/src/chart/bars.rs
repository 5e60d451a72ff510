//! The bar mark: stacked, grouped or 100 % bars, vertical or horizontal, on any plotters backend.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axis::category_ticks;
use super::frame::Frame;
use super::scale::{Band, Linear};
use super::stack::{Segment, Stack};
use super::Palette;
use crate::base::format::truncate;
use crate::catalogue::{Chart, Layout, Orientation, Unit};

/// A drawn region and the data behind it, in the drawing area's pixels: for tooltips and clicks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
    pub category: usize,
    /// `None` for a category's label.
    pub series: Option<usize>,
}

impl Hit {
    pub fn contains(&self, x: i32, y: i32) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
}

/// Draws `chart` as bars with `frame`'s furniture over the whole area, leaving out the `hidden`
/// series; returns what was drawn where.
pub(super) fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart,
    hidden: &[bool],
    frame: Frame,
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    let (palette, lang) = (frame.palette, frame.lang);
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (f64::from(width), f64::from(height));
    let stack = Stack::new(chart, hidden);
    if chart.is_empty() || stack.is_empty() {
        frame.draw_no_data(area)?;
        return Ok(Vec::new());
    }

    let max = stack.max;
    let share = chart.unit == Unit::Share || chart.layout == Layout::Normalized;
    let frame = frame.with_values(max, share);
    let (font, pad, thin) = (frame.font, frame.pad, frame.thin());
    let text = |color: &RGBColor, pos: Pos| frame.text(color, pos);
    let text_width = |s: &str| frame.text_width(s);
    let tick_label = |v: f64| frame.tick_label(v);
    let (ticks, top_value) = (&frame.ticks, frame.top_value());

    let n = chart.categories.len();
    let labels: Vec<String> = chart
        .categories
        .iter()
        .map(|c| c.axis_label(lang))
        .collect();
    let mut hits = Vec::new();

    match chart.orientation {
        Orientation::Vertical => {
            let (x0, x1) = (pad + frame.tick_labels_width() + pad, width - pad * 2.0);
            let band = Band {
                n,
                range: (x0, x1),
                padding: if n > 30 { 0.12 } else { 0.25 },
            };
            // Category labels that never overlap: every k-th on time axes, else every one,
            // an absence on a second line when narrow.
            let ticks = category_ticks(chart, band.step(), &text_width, pad, false, lang);
            let second_line = if ticks.iter().any(|t| t.note.is_some()) {
                font * 1.2
            } else {
                0.0
            };
            let (y0, y1) = (pad + font * 1.6, height - pad - font * 1.8 - second_line);
            let value = Linear::new((0.0, top_value), (y1, y0));
            // Highlighted spans, behind everything, labelled at their top right.
            let half_step = band.step() / 2.0;
            let spans: Vec<((f64, f64), &str)> = chart
                .highlights
                .iter()
                .map(|highlight| {
                    let from = (band.centre(highlight.from) - half_step).max(x0);
                    let to = (band.centre(highlight.to) + half_step).min(x1);
                    ((from, to), highlight.label.as_str())
                })
                .collect();
            frame.draw_highlights(area, &spans, (y0, y1), x0)?;
            frame.draw_vertical_value_axis(area, &chart.value_label, (x0, x1), |v| value.map(v))?;
            for tick in ticks {
                let x = band.centre(tick.category) as i32;
                area.draw(&Text::new(
                    tick.text,
                    (x, (y1 + pad / 2.0) as i32),
                    text(&palette.text, Pos::new(HPos::Center, VPos::Top)),
                ))?;
                if let Some(note) = tick.note {
                    area.draw(&Text::new(
                        note,
                        (x, (y1 + pad / 2.0 + font * 1.2) as i32),
                        text(&palette.muted_text, Pos::new(HPos::Center, VPos::Top)),
                    ))?;
                }
            }
            for c in 0..n {
                place(
                    area,
                    chart,
                    &stack,
                    c,
                    band.bar(c),
                    &value,
                    Orientation::Vertical,
                    palette,
                    &mut hits,
                )?;
            }
            frame.draw_axis_line(area, (x0, y1), (x1, y1))?;
        }
        Orientation::Horizontal => {
            let max_label = (width * 0.38).max(font * 6.0);
            let label_width = labels
                .iter()
                .map(|l| text_width(l))
                .fold(0.0, f64::max)
                .min(max_label);
            let end_label_room = if chart.series.len() == 1 && chart.layout != Layout::Normalized {
                text_width(&tick_label(max)) + pad
            } else {
                0.0
            };
            // The last tick's label is centred on the axis' end: half of it must fit after it.
            let last_tick_half = ticks
                .last()
                .map_or(0.0, |t| text_width(&tick_label(*t)) / 2.0);
            let (x0, x1) = (
                pad + label_width + pad,
                width - pad - last_tick_half.max(pad) - end_label_room,
            );
            let (y0, y1) = (pad, height - pad - font * 3.2);
            let value = Linear::new((0.0, top_value), (x0, x1));
            let band = Band {
                n,
                range: (y0, y1),
                padding: 0.25,
            };
            for t in ticks {
                let x = value.map(*t) as i32;
                area.draw(&PathElement::new(
                    vec![(x, y0 as i32), (x, y1 as i32)],
                    palette.grid.stroke_width(thin),
                ))?;
                area.draw(&Text::new(
                    tick_label(*t),
                    (x, (y1 + pad / 2.0) as i32),
                    text(&palette.muted_text, Pos::new(HPos::Center, VPos::Top)),
                ))?;
            }
            area.draw(&Text::new(
                chart.value_label.clone(),
                (x1 as i32, (height - pad) as i32),
                text(&palette.muted_text, Pos::new(HPos::Right, VPos::Bottom)),
            ))?;
            for (c, label) in labels.iter().enumerate() {
                let y = band.centre(c) as i32;
                let shown = truncate(label, |t| text_width(t) <= label_width);
                area.draw(&Text::new(
                    shown,
                    ((x0 - pad / 2.0) as i32, y),
                    text(&palette.text, Pos::new(HPos::Right, VPos::Center)),
                ))?;
                let (b0, b1) = band.bar(c);
                hits.push(Hit {
                    x0: pad as i32,
                    y0: b0 as i32,
                    x1: (x0 - pad / 2.0) as i32,
                    y1: b1 as i32,
                    category: c,
                    series: None,
                });
                place(
                    area,
                    chart,
                    &stack,
                    c,
                    (b0, b1),
                    &value,
                    Orientation::Horizontal,
                    palette,
                    &mut hits,
                )?;
                let total = stack.totals[c];
                if end_label_room > 0.0 && total > 0.0 {
                    frame.draw_label_after(
                        area,
                        tick_label(total),
                        ((value.map(total) + pad / 2.0) as i32, y),
                    )?;
                }
            }
            frame.draw_axis_line(area, (x0, y0), (x0, y1))?;
        }
    }
    Ok(hits)
}

/// Fills one segment's rectangle `(x0, y0, x1, y1)`, edged with the background colour so that
/// neighbouring segments stay apart without relying on their colours, and says what it holds.
fn fill<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    (color, edge): (RGBColor, RGBColor),
    category: usize,
    series: usize,
) -> Result<Hit, DrawingAreaErrorKind<DB::ErrorType>> {
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], color.filled()))?;
    if x1 - x0 > 2 && y1 - y0 > 2 {
        area.draw(&Rectangle::new([(x0, y0), (x1, y1)], edge.stroke_width(1)))?;
    }
    Ok(Hit {
        x0,
        y0,
        x1,
        y1,
        category,
        series: Some(series),
    })
}

/// Places category `c`'s segments within its band `(b0, b1)` (pixels across the bars), the
/// value scale along them: one loop for both orientations. Grouped segments share the band.
#[allow(clippy::too_many_arguments)]
fn place<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart,
    stack: &Stack,
    c: usize,
    (b0, b1): (f64, f64),
    value: &Linear,
    orientation: Orientation,
    palette: &Palette,
    hits: &mut Vec<Hit>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    for &Segment {
        series,
        slot,
        low,
        high,
    } in &stack.segments[c]
    {
        let (from, to) = if chart.layout == Layout::Grouped {
            let width = (b1 - b0) / stack.visible.len() as f64;
            let from = b0 + width * slot as f64;
            (from, from + width)
        } else {
            (b0, b1)
        };
        // Across: at least one pixel; along: from the low end to the high end, one pixel at least
        // (two for a known zero: a rule on the axis, that a reader tells from no bar at all).
        let (across0, across1) = (from as i32, (to as i32).max(from as i32 + 1));
        let least = if high > low { 1 } else { 2 };
        let rect = match orientation {
            Orientation::Vertical => (
                across0,
                (value.map(high) as i32).min(value.map(low) as i32 - least),
                across1,
                value.map(low) as i32,
            ),
            Orientation::Horizontal => (
                value.map(low) as i32,
                across0,
                (value.map(high) as i32).max(value.map(low) as i32 + least),
                across1,
            ),
        };
        let colours = (
            palette.color(chart.series[series].color),
            palette.background,
        );
        hits.push(fill(area, rect, colours, c, series)?);
    }
    Ok(())
}
