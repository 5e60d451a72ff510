//! Drawing a [`Chart`] and reading it back: the stack transform, scales, axes, the bar, line and
//! cell marks, the standalone figure and its SVG, and the readers of a drawn chart (tooltip, table,
//! CSV, summary in words).
//!
//! Statistics are computed below, in `measures` and `catalogue`; marks here never compute them,
//! they only place what they are given through the scales. Nothing here matches on a chart id:
//! what differs between charts is data of the chart or of its [`ChartSpec`](crate::catalogue::ChartSpec).

pub mod axis;
pub mod bars;
mod cells;
pub mod figure;
mod frame;
mod glyphs;
pub mod lines;
pub mod palette;
pub mod scale;
pub mod stack;
pub mod summary;
pub mod svg;
pub mod table;
pub mod text;
pub mod tooltip;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, DrawingBackend};

pub use bars::Hit;
pub use figure::{draw_figure, plot_height, FigureText};
pub use palette::Palette;

use crate::base::lang::Lang;
use crate::catalogue::{Chart, Layout};
use frame::Frame;

/// Draws `chart` with its mark (bars; lines for [`Layout::Lines`], cells for [`Layout::Cells`])
/// over the whole area: the one drawing behind the canvas, the SVG and the PNG.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart,
    hidden: &[bool],
    palette: &Palette,
    lang: Lang,
) -> Result<Vec<Hit>, DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette.background)?;
    let frame = Frame::new(palette, lang);
    match chart.layout {
        Layout::Lines => lines::draw_lines(area, chart, hidden, frame),
        Layout::Cells => cells::draw_cells(area, chart, hidden, frame),
        _ => bars::draw_bars(area, chart, hidden, frame),
    }
}
