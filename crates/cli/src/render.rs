//! `eig-pulse render`: one chart of an export as SVG or PNG, drawn by the dashboard's own code,
//! and the check every SVG the CLI writes goes through (read back by usvg).

use std::path::PathBuf;

use crate::export_file::read_export;
use eig_pulse_core::catalogue::ChartId;
use eig_pulse_core::chart::figure::FigureText;
use eig_pulse_core::chart::svg;
use eig_pulse_core::chart::text::chart_credit;
use eig_pulse_core::chart::Palette;
use eig_pulse_core::{tr, Cohort, Filters, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Svg,
    Png,
    // The data drawn, one line per value (said in the help of `--format`).
    Csv,
}

/// The colour scheme of the drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Scheme {
    Light,
    Dark,
}

pub struct RenderArgs {
    pub export: PathBuf,
    pub chart: ChartId,
    pub filters: Vec<(&'static str, String)>,
    pub format: Format,
    pub width: u32,
    pub scale: f32,
    pub scheme: Scheme,
    pub plain: bool,
    pub lang: Lang,
}

/// The image's bytes, or a message naming what is wrong.
pub fn render(args: &RenderArgs) -> Result<Vec<u8>, String> {
    let lang = args.lang;
    let (_, export) = read_export(&args.export, lang)?;
    let id = args.chart;
    let query = eig_pulse_core::model::filter::query_string(&args.filters);
    let (filters, ignored) = Filters::from_query(&query, &export);
    if let Some(first) = ignored.first() {
        let (name, value, reason) = (&first.name, &first.value, first.reason.get(lang));
        return Err(tr!(
            lang,
            "--{name} « {value} » : {reason}",
            "--{name} \"{value}\": {reason}"
        ));
    }
    let credit = chart_credit(&export, id.spec(), lang);
    let cohort = Cohort::new(export);
    let selection = cohort.select(&filters);
    let chart = id.build(&cohort, &selection, &filters, lang);
    let words = FigureText {
        title: id.spec().title.get(lang).to_string(),
        subtitle: filters.describe(&cohort, lang),
        credit,
        plain: args.plain,
    };
    let theme = match args.scheme {
        Scheme::Light => Palette::light(1.0),
        Scheme::Dark => Palette::dark(1.0),
    };
    match args.format {
        Format::Csv => Ok(eig_pulse_core::chart::table::to_csv(&chart, &[]).into_bytes()),
        Format::Svg => {
            let svg = svg::figure(&chart, &[], &theme, lang, &words, args.width);
            parse_svg(&svg, &resvg::usvg::Options::default(), lang)?;
            Ok(svg.into_bytes())
        }
        Format::Png => rasterize(
            &svg::figure(&chart, &[], &theme, lang, &words, args.width),
            args.scale,
            lang,
        ),
    }
}

/// Every SVG the CLI writes or rasterizes is read back by usvg first: a drawing that XML or SVG
/// cannot read is an error, never a file written.
pub fn parse_svg(
    svg: &str,
    options: &resvg::usvg::Options,
    lang: Lang,
) -> Result<resvg::usvg::Tree, String> {
    resvg::usvg::Tree::from_str(svg, options).map_err(|e| {
        tr!(
            lang,
            "le SVG dessiné est illisible (bogue) : {e}",
            "the SVG drawn is unreadable (a bug): {e}"
        )
    })
}

/// Options that read SVG text with an embedded DejaVu Sans, so text renders the same on any
/// machine.
fn options_with_fonts() -> resvg::usvg::Options<'static> {
    let mut options = resvg::usvg::Options::default();
    let fonts = options.fontdb_mut();
    fonts.load_font_data(dejavu::sans::regular().to_vec());
    fonts.load_font_data(dejavu::sans::bold().to_vec());
    fonts.set_sans_serif_family("DejaVu Sans");
    options
}

/// SVG → PNG at `scale`, with resvg.
fn rasterize(svg: &str, scale: f32, lang: Lang) -> Result<Vec<u8>, String> {
    let empty = lang.pick("taille d'image nulle", "image size of zero");
    let tree = parse_svg(svg, &options_with_fonts(), lang)?;
    let size = tree.size().to_int_size().scale_by(scale).ok_or(empty)?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).ok_or(empty)?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// SVG → PNG of exactly `width` × `height`: the drawing scaled to fit, centred on `background`.
pub fn rasterize_fitted(
    svg: &str,
    (width, height): (u32, u32),
    background: (u8, u8, u8),
    lang: Lang,
) -> Result<Vec<u8>, String> {
    let empty = lang.pick("taille d'image nulle", "image size of zero");
    let tree = parse_svg(svg, &options_with_fonts(), lang)?;
    let size = tree.size();
    let scale = (width as f32 / size.width()).min(height as f32 / size.height());
    let (dx, dy) = (
        (width as f32 - size.width() * scale) / 2.0,
        (height as f32 - size.height() * scale) / 2.0,
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height).ok_or(empty)?;
    let (red, green, blue) = background;
    pixmap.fill(resvg::tiny_skia::Color::from_rgba8(red, green, blue, 255));
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, dx, dy),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A drawing XML cannot read (a control character in a text) is an error, never written.
    #[test]
    fn an_svg_that_cannot_be_read_back_is_an_error() {
        let svg = |label: &str| {
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>{label}</text></svg>"#
            )
        };
        let options = resvg::usvg::Options::default();
        let error = parse_svg(&svg("a\u{1}b"), &options, Lang::En).unwrap_err();
        assert!(error.starts_with("the SVG drawn is unreadable"), "{error}");
        assert!(parse_svg(&svg("ab"), &options, Lang::En).is_ok());
    }
}
