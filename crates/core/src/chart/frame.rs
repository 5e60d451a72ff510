//! What every mark draws alike around its data: the text style and padding, the « no data »
//! message, the value axis' ticks with their labels, its title and grid lines, and the
//! highlighted spans behind the data.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::scale::nice_ticks;
use super::Palette;
use crate::base::{format, lang::Lang};

/// A mark's furniture, in the drawing area's pixels.
pub(crate) struct Frame<'a> {
    pub palette: &'a Palette,
    pub lang: Lang,
    /// The font size.
    pub font: f64,
    /// The space between the plot and its labels, and around the whole.
    pub pad: f64,
    /// The value axis' ticks, from 0 to the top of the scale.
    pub ticks: Vec<f64>,
    /// Values are shares (ticks written as percentages).
    share: bool,
}

type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

impl<'a> Frame<'a> {
    /// A frame without value axis yet.
    pub fn new(palette: &'a Palette, lang: Lang) -> Frame<'a> {
        Frame {
            palette,
            lang,
            font: palette.scale * 12.0,
            pad: palette.scale * 8.0,
            ticks: Vec::new(),
            share: false,
        }
    }

    /// The frame with a value axis reaching at least `max`, of shares or counts.
    pub fn with_values(self, max: f64, share: bool) -> Frame<'a> {
        Frame {
            ticks: nice_ticks(max, 5, !share),
            share,
            ..self
        }
    }

    pub fn text(&self, color: &RGBColor, pos: Pos) -> TextStyle<'static> {
        TextStyle {
            font: (
                self.palette.font_family,
                self.palette.surface.backend_font_size(self.font),
            )
                .into_font(),
            color: color.to_backend_color(),
            pos,
        }
    }

    /// The width `s` takes, drawn in this frame's font on its surface.
    pub fn text_width(&self, s: &str) -> f64 {
        self.palette.surface.text_width(s, self.font)
    }

    /// The top of the value scale.
    pub fn top_value(&self) -> f64 {
        *self.ticks.last().unwrap_or(&1.0)
    }

    /// A value as the value axis writes it.
    pub fn tick_label(&self, value: f64) -> String {
        if self.share {
            format::percent(value, self.lang)
        } else {
            format::number(value, self.lang)
        }
    }

    /// The widest tick label.
    pub fn tick_labels_width(&self) -> f64 {
        self.ticks
            .iter()
            .map(|t| self.text_width(&self.tick_label(*t)))
            .fold(0.0, f64::max)
    }

    /// One pixel at the palette's scale, at least one.
    pub fn thin(&self) -> u32 {
        self.palette.px(1.0).max(1) as u32
    }

    /// The axis line the marks stand on, from `(x0, y0)` to `(x1, y1)`.
    pub fn draw_axis_line<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        (x0, y0): (f64, f64),
        (x1, y1): (f64, f64),
    ) -> Drawn<DB> {
        area.draw(&PathElement::new(
            vec![(x0 as i32, y0 as i32), (x1 as i32, y1 as i32)],
            self.palette.axis.stroke_width(self.thin()),
        ))
    }

    /// Writes `label` starting at `(x, y)`, centred on `y`: a bar's total, a line's name.
    pub fn draw_label_after<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        label: String,
        (x, y): (i32, i32),
    ) -> Drawn<DB> {
        area.draw(&Text::new(
            label,
            (x, y),
            self.text(&self.palette.text, Pos::new(HPos::Left, VPos::Center)),
        ))
    }

    /// Says, in the middle of the area, that there is nothing to draw.
    pub fn draw_no_data<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> Drawn<DB> {
        let (width, height) = area.dim_in_pixel();
        area.draw(&Text::new(
            self.lang
                .pick(
                    "Aucune donnée pour ces filtres",
                    "No data for these filters",
                )
                .to_string(),
            (
                (f64::from(width) / 2.0) as i32,
                (f64::from(height) / 2.0) as i32,
            ),
            self.text(
                &self.palette.muted_text,
                Pos::new(HPos::Center, VPos::Center),
            ),
        ))?;
        Ok(())
    }

    /// Highlighted spans, each `(from, to)` with its label, across the plot's height `y0..y1`,
    /// behind everything; each labelled at its top right, the label going left no farther than
    /// the nearest span on its left (or `x0`, the plot's left edge): whole, or its name without
    /// the details in parentheses, or left out (`format::name_within`).
    pub fn draw_highlights<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        spans: &[((f64, f64), &str)],
        (y0, y1): (f64, f64),
        x0: f64,
    ) -> Drawn<DB> {
        for &((from, to), label) in spans {
            area.draw(&Rectangle::new(
                [(from as i32, y0 as i32), (to as i32, y1 as i32)],
                self.palette.highlight.filled(),
            ))?;
            let left_limit = spans
                .iter()
                .map(|&((_, other_to), _)| other_to)
                .filter(|&other_to| other_to <= from)
                .fold(x0, f64::max);
            let room = to - self.pad / 2.0 - left_limit;
            if let Some(label) = format::name_within(label, |t| self.text_width(t) <= room) {
                area.draw(&Text::new(
                    label,
                    ((to - self.pad / 2.0) as i32, (y0 + self.pad / 2.0) as i32),
                    self.text(&self.palette.muted_text, Pos::new(HPos::Right, VPos::Top)),
                ))?;
            }
        }
        Ok(())
    }

    /// A vertical value axis over `x0..x1`: its title above it, then a grid line and a label per
    /// tick, placed by `y`.
    pub fn draw_vertical_value_axis<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        title: &str,
        (x0, x1): (f64, f64),
        y: impl Fn(f64) -> f64,
    ) -> Drawn<DB> {
        let pad = self.pad;
        let room = f64::from(area.dim_in_pixel().0) - 2.0 * pad;
        area.draw(&Text::new(
            format::within_words(title, |t| self.text_width(t) <= room).unwrap_or_default(),
            (pad as i32, pad as i32),
            self.text(&self.palette.muted_text, Pos::new(HPos::Left, VPos::Top)),
        ))?;
        for (i, t) in self.ticks.iter().enumerate() {
            let ty = y(*t) as i32;
            area.draw(&PathElement::new(
                vec![(x0 as i32, ty), (x1 as i32, ty)],
                self.palette.grid.stroke_width(self.thin()),
            ))?;
            // The lowest label sits on the axis, not across it: below is the row of the category
            // axis' labels, whose first (« 0 mois ») it would touch.
            let vpos = if i == 0 { VPos::Bottom } else { VPos::Center };
            area.draw(&Text::new(
                self.tick_label(*t),
                ((x0 - pad / 2.0) as i32, ty),
                self.text(&self.palette.muted_text, Pos::new(HPos::Right, vpos)),
            ))?;
        }
        Ok(())
    }
}
