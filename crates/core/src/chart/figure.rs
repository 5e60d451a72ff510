//! A chart as a standalone figure (title, legend, plot, credit lines), for SVG and PNG exports:
//! always an SVG document (the PNG is its rendering), laid out by [`Surface::Svg`]'s widths.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::draw;
use super::palette::Surface;
use super::Palette;
use crate::base::format::truncate;
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
/// The credit's band with one line; each further line adds [`CREDIT_LINE`].
const CREDIT: f64 = 22.0;
const CREDIT_LINE: f64 = 14.0;
const CREDIT_FONT: f64 = 10.0;
const LEGEND_ROW: f64 = 20.0;
const FONT: f64 = 12.0;

/// How wide `text` is at `size` pixels in the figure.
fn text_width(text: &str, size: f64) -> f64 {
    Surface::Svg.text_width(text, size)
}

/// The credit's lines within `width`: broken after a comma outside parentheses (a source and its
/// date stay together), and a part too wide for a line after a word.
fn credit_lines(credit: &str, width: f64) -> Vec<String> {
    let room = width - 16.0;
    let fits = |line: &str| text_width(line, CREDIT_FONT) <= room;
    let mut parts: Vec<&str> = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in credit.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth <= 0 => {
                parts.push(credit[start..=i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(credit[start..].trim());
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        // A part wider than a line is laid word by word.
        let pieces: Vec<&str> = if fits(part) {
            vec![part]
        } else {
            part.split(' ').filter(|w| !w.is_empty()).collect()
        };
        for piece in pieces {
            let longer = if line.is_empty() {
                piece.to_string()
            } else {
                format!("{line} {piece}")
            };
            if line.is_empty() || fits(&longer) {
                line = longer;
            } else {
                lines.push(std::mem::replace(&mut line, piece.to_string()));
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The credit's band at 1×: one line, and [`CREDIT_LINE`] for each further one.
fn credit_height(credit: &str, width: f64) -> f64 {
    CREDIT + (credit_lines(credit, width).len() - 1) as f64 * CREDIT_LINE
}

/// Where each legend entry goes at 1× scale: (x, row, its label), wrapping at `width`; a label
/// wider than a row is cut to fit it.
fn legend_layout(chart: &Chart, width: f64) -> Vec<(f64, usize, String)> {
    if chart.series.len() < 2 {
        return Vec::new();
    }
    // A swatch and its gap before the label, a gap after it.
    let (before, after) = (16.0, 14.0);
    let room = width - 16.0 - before - after;
    let (mut x, mut row) = (8.0, 0);
    let mut places = Vec::new();
    for series in &chart.series {
        let label = truncate(&series.label, |t| text_width(t, FONT) <= room);
        let entry = before + text_width(&label, FONT) + after;
        if x + entry > width - 8.0 && x > 8.0 {
            x = 8.0;
            row += 1;
        }
        places.push((x, row, label));
        x += entry;
    }
    places
}

fn legend_rows(chart: &Chart, width: f64) -> usize {
    legend_layout(chart, width)
        .last()
        .map_or(0, |(_, row, _)| row + 1)
}

/// The figure's full height at 1× for a given width, with its words.
pub fn figure_height(chart: &Chart, width: u32, text: &FigureText) -> u32 {
    let words = if text.plain {
        0.0
    } else {
        TITLE + credit_height(&text.credit, f64::from(width))
    };
    let words = words
        + if text.subtitle.is_some() {
            SUBTITLE
        } else {
            0.0
        };
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
            font: (
                palette.font_family,
                palette.surface.backend_font_size(size * scale),
            )
                .into_font(),
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
                font: (
                    palette.font_family,
                    palette.surface.backend_font_size(16.0 * scale),
                    FontStyle::Bold,
                )
                    .into_font(),
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
    for ((x, row, label), (s, series)) in legend_layout(chart, f64::from(width) / scale)
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
            label,
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
    let bottom = if text.plain {
        0.0
    } else {
        credit_height(&text.credit, f64::from(width) / scale) * scale
    };
    let (_, rest) = area.split_vertically(top.round() as i32);
    let plot_height = (f64::from(height) - top - bottom).max(1.0).round() as i32;
    let (plot, credit) = rest.split_vertically(plot_height);
    draw(&plot, chart, hidden, palette, lang)?;
    if !text.plain {
        let lines = credit_lines(&text.credit, f64::from(width) / scale);
        for (i, line) in lines.into_iter().enumerate() {
            let y = CREDIT / 2.0 + i as f64 * CREDIT_LINE;
            credit.draw(&Text::new(
                line,
                ((8.0 * scale) as i32, (y * scale) as i32),
                style(
                    CREDIT_FONT,
                    &palette.muted_text,
                    Pos::new(HPos::Left, VPos::Center),
                ),
            ))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CREDIT: &str = "Source : EIG Pulse, d'après les données du programme EIG (Etalab, DINUM), Licence Ouverte, mise à jour : catalogue 7 septembre 2021, blog 5 septembre 2022, dépôts 8 août 2026";

    #[test]
    fn a_long_credit_wraps_within_the_figure() {
        for width in [360.0, 800.0] {
            let lines = credit_lines(CREDIT, width);
            assert!(
                lines
                    .iter()
                    .all(|line| text_width(line, CREDIT_FONT) <= width - 16.0),
                "{width}: {lines:?}"
            );
            // Nothing lost, and a source stays beside its date.
            assert_eq!(lines.join(" "), CREDIT);
            assert!(lines.iter().any(|l| l.contains("dépôts 8 août 2026")));
            assert!(!lines.iter().any(|l| l.ends_with("(Etalab,")));
        }
        assert!(credit_lines(CREDIT, 360.0).len() > credit_lines(CREDIT, 800.0).len());
        assert_eq!(credit_lines("Source", 800.0), ["Source"]);
        // A part wider than a line is laid word by word.
        let long = "mot ".repeat(40);
        let lines = credit_lines(long.trim(), 200.0);
        assert!(lines.len() > 1);
        assert!(lines
            .iter()
            .all(|line| text_width(line, CREDIT_FONT) <= 184.0));
    }
}
