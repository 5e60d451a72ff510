//! `eig-pulse embeds`: the files of the light embed page (`embed.html`) — each chart's words as
//! JSON and its plot as SVG, in both languages, both schemes and a few widths — drawn by the
//! dashboard's own code, so that an embed paints its chart before any WebAssembly arrives.
//!
//! For every chart `<slug>` and language `<lang>` (fr, en), in the output folder:
//! - `<slug>.<lang>.json`: title, guide, summary in words, credit, the chart view's labels, the
//!   legend (label and colour in each scheme) and the plot's height and widths;
//! - `<slug>.<lang>.<scheme>.<width>.svg` for `scheme` in light, dark and `width` in [`WIDTHS`]:
//!   the plot alone, as the dashboard's canvas draws it at that width.

use std::path::Path;

use eig_pulse_core::chart::figure::plot_to_svg;
use eig_pulse_core::chart::summary::summary;
use eig_pulse_core::chart::text::{chart_labels, export_credit, title_and_guide, ChartLabels};
use eig_pulse_core::chart::{plot_height, ChartId, Theme};
use eig_pulse_core::validate::parse_export;
use eig_pulse_core::{stats, Cohort, Filters, Lang};
use serde::Serialize;

/// The plot widths drawn, in CSS pixels: the page takes the one nearest its own width.
pub const WIDTHS: [u32; 4] = [360, 520, 680, 840];

/// The words of one chart in one language, as `embed-page.js` reads them.
#[derive(Serialize)]
struct EmbedWords<'a> {
    chart: &'static str,
    lang: &'static str,
    title: &'static str,
    guide: &'static str,
    /// The chart in words: the image's text alternative.
    summary: String,
    credit: &'a str,
    labels: ChartLabels,
    legend: Vec<LegendEntry>,
    plot_height: u32,
    widths: &'static [u32],
}

#[derive(Serialize)]
struct LegendEntry {
    label: String,
    /// `#rrggbb` in the light scheme.
    light: String,
    dark: String,
}

fn hex(red: u8, green: u8, blue: u8) -> String {
    format!("#{red:02x}{green:02x}{blue:02x}")
}

/// Writes every chart's embed files into `out`; returns how many files were written.
pub fn write(export_path: &Path, out: &Path, lang: Lang) -> Result<usize, String> {
    let text = std::fs::read_to_string(export_path)
        .map_err(|e| format!("{} : {e}", export_path.display()))?;
    let export = parse_export(&text).map_err(|e| format!("{} : {e}", export_path.display()))?;
    std::fs::create_dir_all(out).map_err(|e| format!("{} : {e}", out.display()))?;
    let cohort = Cohort::new(export);
    let filters = Filters::default();
    let selection = cohort.select(&filters);
    let (light, dark) = (Theme::light(1.0), Theme::dark(1.0));
    let mut written = 0;
    let mut put = |name: String, bytes: &[u8]| -> Result<(), String> {
        crate::commands::write_atomically(&out.join(name), bytes, lang)?;
        written += 1;
        Ok(())
    };
    for chart_lang in [Lang::Fr, Lang::En] {
        let credit = export_credit(&cohort.export, chart_lang);
        for id in ChartId::ALL {
            let chart = stats::chart(id, &cohort, &selection, &filters, chart_lang);
            let (title, guide) = title_and_guide(id, chart_lang);
            let legend = if chart.series.len() < 2 {
                Vec::new()
            } else {
                chart
                    .series
                    .iter()
                    .map(|s| {
                        let (l, d) = (light.color(s.color), dark.color(s.color));
                        LegendEntry {
                            label: s.label.clone(),
                            light: hex(l.0, l.1, l.2),
                            dark: hex(d.0, d.1, d.2),
                        }
                    })
                    .collect()
            };
            let words = EmbedWords {
                chart: id.slug(),
                lang: chart_lang.code(),
                title,
                guide,
                summary: summary(&chart, &[], chart_lang),
                credit: &credit,
                labels: chart_labels(chart_lang),
                legend,
                plot_height: plot_height(&chart),
                widths: &WIDTHS,
            };
            let json = serde_json::to_string(&words).map_err(|e| e.to_string())?;
            put(
                format!("{}.{}.json", id.slug(), chart_lang.code()),
                json.as_bytes(),
            )?;
            for (scheme, theme) in [("light", &light), ("dark", &dark)] {
                for width in WIDTHS {
                    let svg = plot_to_svg(&chart, theme, chart_lang, width);
                    put(
                        format!("{}.{}.{scheme}.{width}.svg", id.slug(), chart_lang.code()),
                        svg.as_bytes(),
                    )?;
                }
            }
        }
    }
    Ok(written)
}
