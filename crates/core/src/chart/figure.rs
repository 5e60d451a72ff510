//! A chart as a standalone figure (title, legend, plot, credit line), for SVG and PNG exports.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::draw;
use super::glyphs::text_width;
use super::Palette;
use crate::base::lang::Lang;
use crate::catalogue::{Chart, Layout, Orientation};

/// The words around the plot; `plain` leaves out title and credit (legend stays).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureText {
    pub title: String,
    /// The filters in words, under the title.
    pub subtitle: Option<String>,
    pub credit: String,
    pub plain: bool,
}

/// The plot's height in CSS pixels: horizontal bars and cells get a fixed height per category.
pub fn plot_height(chart: &Chart) -> u32 {
    if chart.layout == Layout::Cells {
        return chart.categories.len() as u32 * 26 + 56;
    }
    match chart.orientation {
        Orientation::Horizontal => (chart.categories.len() as u32 * 28 + 64).max(180),
        Orientation::Vertical => 320,
    }
}

const TITLE: f64 = 30.0;
const SUBTITLE: f64 = 18.0;
const CREDIT: f64 = 22.0;
const LEGEND_ROW: f64 = 20.0;
const FONT: f64 = 12.0;

/// Where each legend entry goes at 1× scale: (x, row), wrapping at `width`.
fn legend_layout(chart: &Chart, width: f64) -> Vec<(f64, usize)> {
    if chart.series.len() < 2 {
        return Vec::new();
    }
    let (mut x, mut row) = (8.0, 0);
    let mut places = Vec::new();
    for series in &chart.series {
        let entry = 16.0 + text_width(&series.label, FONT) + 14.0;
        if x + entry > width - 8.0 && x > 8.0 {
            x = 8.0;
            row += 1;
        }
        places.push((x, row));
        x += entry;
    }
    places
}

fn legend_rows(chart: &Chart, width: f64) -> usize {
    legend_layout(chart, width)
        .last()
        .map_or(0, |(_, row)| row + 1)
}

/// The figure's full height at 1× for a given width.
pub fn figure_height(chart: &Chart, width: u32, plain: bool, subtitle: bool) -> u32 {
    let words = if plain { 0.0 } else { TITLE + CREDIT };
    let words = words + if subtitle { SUBTITLE } else { 0.0 };
    let legend = legend_rows(chart, f64::from(width)) as f64 * LEGEND_ROW;
    plot_height(chart) + (words + legend).round() as u32
}

/// Draws the whole figure over `area`, sized at `palette.scale` × the 1× layout.
pub fn draw_figure<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart,
    hidden: &[bool],
    palette: &Palette,
    lang: Lang,
    text: &FigureText,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette.background)?;
    let scale = palette.scale;
    let (width, height) = area.dim_in_pixel();
    let style = |size: f64, color: &RGBColor, pos: Pos| -> TextStyle<'static> {
        TextStyle {
            font: (palette.font_family, size * scale).into_font(),
            color: color.to_backend_color(),
            pos,
        }
    };
    let mut top = 0.0;
    if !text.plain {
        area.draw(&Text::new(
            text.title.clone(),
            ((8.0 * scale) as i32, (TITLE * scale / 2.0) as i32),
            TextStyle {
                font: (palette.font_family, 16.0 * scale, FontStyle::Bold).into_font(),
                color: palette.text.to_backend_color(),
                pos: Pos::new(HPos::Left, VPos::Center),
            },
        ))?;
        top += TITLE * scale;
    }
    if let Some(subtitle) = &text.subtitle {
        area.draw(&Text::new(
            subtitle.clone(),
            (
                (8.0 * scale) as i32,
                (top + SUBTITLE * scale / 2.0 - 4.0 * scale) as i32,
            ),
            style(
                12.0,
                &palette.muted_text,
                Pos::new(HPos::Left, VPos::Center),
            ),
        ))?;
        top += SUBTITLE * scale;
    }
    for ((x, row), (s, series)) in legend_layout(chart, f64::from(width) / scale)
        .into_iter()
        .zip(chart.series.iter().enumerate())
    {
        let hidden = hidden.get(s).copied().unwrap_or(false);
        let y = top + (row as f64 + 0.5) * LEGEND_ROW * scale;
        let color = if hidden {
            palette.grid
        } else {
            palette.color(series.color)
        };
        area.draw(&Rectangle::new(
            [
                ((x * scale) as i32, (y - 5.0 * scale) as i32),
                (((x + 10.0) * scale) as i32, (y + 5.0 * scale) as i32),
            ],
            color.filled(),
        ))?;
        area.draw(&Text::new(
            series.label.clone(),
            (((x + 15.0) * scale) as i32, y as i32),
            style(
                FONT,
                if hidden {
                    &palette.muted_text
                } else {
                    &palette.text
                },
                Pos::new(HPos::Left, VPos::Center),
            ),
        ))?;
    }
    top += legend_rows(chart, f64::from(width) / scale) as f64 * LEGEND_ROW * scale;
    let bottom = if text.plain { 0.0 } else { CREDIT * scale };
    let (_, rest) = area.split_vertically(top.round() as i32);
    let plot_height = (f64::from(height) - top - bottom).max(1.0).round() as i32;
    let (plot, credit) = rest.split_vertically(plot_height);
    draw(&plot, chart, hidden, palette, lang)?;
    if !text.plain {
        credit.draw(&Text::new(
            text.credit.clone(),
            ((8.0 * scale) as i32, (CREDIT * scale / 2.0) as i32),
            style(
                10.0,
                &palette.muted_text,
                Pos::new(HPos::Left, VPos::Center),
            ),
        ))?;
    }
    Ok(())
}
