//! The one place core builds an SVG backend: a figure or a plot as an SVG document, its palette
//! set for the surface ([`Surface::Svg`](super::palette::Surface::Svg): text sized and measured
//! for an image).

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea, SVGBackend};

use super::figure::{draw_figure, figure_height, FigureText};
use super::{draw, plot_height, Palette};
use crate::base::lang::Lang;
use crate::catalogue::Chart;

/// An SVG document of `width` × `height` drawn by `paint`; drawing into a string cannot fail, so
/// `paint`'s errors are dropped.
pub fn render<E>(
    width: u32,
    height: u32,
    paint: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), E>,
) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = paint(&area);
        let _ = area.present();
    }
    svg
}

/// The figure (title, legend, plot, credit) as an SVG document of `width` × its natural height.
pub fn figure(
    chart: &Chart,
    hidden: &[bool],
    palette: &Palette,
    lang: Lang,
    text: &FigureText,
    width: u32,
) -> String {
    let height = figure_height(chart, width, text);
    let palette = palette.for_svg();
    render(width, height, |area| {
        draw_figure(area, chart, hidden, &palette, lang, text)
    })
}

/// The plot alone (no title, legend or credit), as the dashboard's canvas shows it, as an SVG
/// document of `width` × [`plot_height`]: the light embed page paints it before its code arrives.
pub fn plot(chart: &Chart, palette: &Palette, lang: Lang, width: u32) -> String {
    let palette = palette.for_svg();
    render(width, plot_height(chart), |area| {
        draw(area, chart, &[], &palette, lang).map(|_| ())
    })
}
