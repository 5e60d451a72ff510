//! `eig-pulse embeds`: the light embed pages — one static HTML page per chart and language, with
//! its plot as SVG in both schemes and a few widths — drawn by the dashboard's own code, so that
//! an embedded chart is painted from HTML and one image, before any WebAssembly arrives.
//!
//! In the output folder (served as `embed/` beside the dashboard):
//! - `<slug>.<lang>.html`: the chart view's static twin (title, guide, toolbar, legend, plot, its
//!   summary in words as the image's text, keyboard help, credit), whose `<picture>` lets the
//!   browser take the plot for its scheme and width;
//! - `<slug>.<lang>.<scheme>.<width>.svg` for `scheme` in light, dark and `width` in [`WIDTHS`]:
//!   the plot alone, as the dashboard's canvas draws it at that width;
//! - `<slug>.<lang>.png`, the link preview (1 200 × 630), and `<slug>.<lang>.oembed.json` when the
//!   site's address is known (see [`crate::previews`]);
//! - `v/<version>/`: the same pages, plots and previews pinned to this export (named by
//!   `contract::pinned::ExportVersion`), each page saying its day and linking to the stable one,
//!   with the export's own copy (`export.json`) that its interactive chart reads. A later build
//!   writes its own version beside it and never rewrites this one;
//! - `jekyll/eig-pulse.html`: the Jekyll include a blog writer drops in `_includes/`
//!   (`contract::snippet::jekyll_include`), fetched from the « Intégrer » dialog.
//!
//! The page's behaviour (explicit theme, filters, the hand-over to the interactive chart) is
//! `public/embed-head.js` and `public/embed-page.js`; its style is `embed.css`. With `--scripts`,
//! `embed-page.js` and the host page's `embed.js` are written too, with the values they share with
//! the dashboard's Rust written in (the charts that have a page, the height message and its limit):
//! adding a chart never means editing a script.

use std::fmt::Write as _;
use std::path::Path;

use crate::export_file::read_export;
use eig_pulse_core::base::format::truncate;
use eig_pulse_core::catalogue::{Chart, ChartId};
use eig_pulse_core::chart::figure::FigureText;
use eig_pulse_core::chart::summary::summary;
use eig_pulse_core::chart::svg;
use eig_pulse_core::chart::text::{chart_credit, chart_labels};
use eig_pulse_core::chart::{plot_height, Palette};
use eig_pulse_core::contract::embed::{HEIGHT_LIMIT, HEIGHT_MESSAGE, THEME_MESSAGE};
use eig_pulse_core::contract::pinned::{
    see_current, stable_page, ExportVersion, EMBED_FOLDER, PINNED_EXPORT,
};
use eig_pulse_core::contract::snippet::{jekyll_include, INCLUDE_FILE};
use eig_pulse_core::model::filter::live_parameters;
use eig_pulse_core::page::page_link;
use eig_pulse_core::{tr, Cohort, Filters, Lang};
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use crate::picture::{hex, plot_name, sources_and_image, Choices, WIDTHS};
use crate::previews::{self, PageFiles, Site};
use crate::render::parse_svg;

/// The most characters a category or series label keeps in a page's legend and image text,
/// cut as the axes cut theirs: a label the size of a book cannot make a page its size.
pub const PAGE_LABEL_CHARS: usize = 80;

/// The chart as its page names it: every category and series label cut to [`PAGE_LABEL_CHARS`].
fn with_labels_cut(chart: &Chart) -> Chart {
    let within = |label: &str| label.chars().count() <= PAGE_LABEL_CHARS;
    let mut cut = chart.clone();
    for category in &mut cut.categories {
        category.label = truncate(&category.label, within);
    }
    for series in &mut cut.series {
        series.label = truncate(&series.label, within);
    }
    cut
}

/// The widest frame (CSS pixels) each width but the last is taken for: the one nearest the
/// frame's room (its width less the page's 8 px of padding).
fn breakpoints() -> Vec<u32> {
    WIDTHS.windows(2).map(|w| (w[0] + w[1]) / 2 + 8).collect()
}

/// Writes every chart's embed page, plots and previews, and the Jekyll include, into `out`, each
/// plot read back first; returns how many files were written.
pub fn write(export_path: &Path, out: &Path, site: &Site, lang: Lang) -> Result<usize, String> {
    let (source, export) = read_export(export_path, lang)?;
    let version = ExportVersion::of(&export.generated_at, source.as_bytes()).ok_or_else(|| {
        tr!(
            lang,
            "{} : « generated_at » ne commence pas par une date ; la version figée ne peut pas être nommée",
            "{}: \"generated_at\" does not start with a date; the pinned version cannot be named",
            export_path.display()
        )
    })?;
    let pinned = version.folder();
    std::fs::create_dir_all(out.join(&pinned))
        .map_err(|e| tr!(lang, "{} : {e}", "{}: {e}", out.join(&pinned).display()))?;
    let cohort = Cohort::new(export);
    let filters = Filters::default();
    let selection = cohort.select(&filters);
    let (light, dark) = (Palette::light(1.0), Palette::dark(1.0));
    let usvg_options = resvg::usvg::Options::default();
    let mut written = 0;
    let mut put = |name: String, bytes: &[u8]| -> Result<(), String> {
        crate::commands::write_atomically(&out.join(name), bytes, lang)?;
        written += 1;
        Ok(())
    };
    for chart_lang in [Lang::Fr, Lang::En] {
        for id in ChartId::ALL {
            let credit = chart_credit(&cohort.export, id.spec(), chart_lang);
            let chart = id.build(&cohort, &selection, &filters, chart_lang);
            for (scheme, theme) in [("light", &light), ("dark", &dark)] {
                for width in WIDTHS {
                    let svg = svg::plot(&chart, theme, chart_lang, width);
                    parse_svg(&svg, &usvg_options, lang)?;
                    let name = plot_name(id.slug(), chart_lang.code(), scheme, width);
                    put(format!("{pinned}/{name}"), svg.as_bytes())?;
                    put(name, svg.as_bytes())?;
                }
            }
            // Labels cut as the page cuts them: a label the size of a book draws no slower.
            let cut = with_labels_cut(&chart);
            let files = PageFiles::of(id, chart_lang);
            let words = FigureText {
                title: id.spec().title.get(chart_lang).to_string(),
                subtitle: None,
                credit: credit.clone(),
                plain: false,
            };
            let image = previews::image(&cut, &light, &words, chart_lang)?;
            for at in [None, Some(&version)] {
                let folder = at.map_or_else(String::new, |_| format!("{pinned}/"));
                put(format!("{folder}{}", files.image), &image)?;
                if let Some(oembed) = previews::oembed(id, chart_lang, &cut, site, at) {
                    put(format!("{folder}{}", files.oembed), oembed.as_bytes())?;
                }
                let page = page(id, &cut, chart_lang, &credit, (&light, &dark), site, at);
                put(format!("{folder}{}", files.page), page.as_bytes())?;
            }
        }
    }
    put(format!("{pinned}/{PINNED_EXPORT}"), source.as_bytes())?;
    let jekyll = out.join("jekyll");
    std::fs::create_dir_all(&jekyll)
        .map_err(|e| tr!(lang, "{} : {e}", "{}: {e}", jekyll.display()))?;
    put(
        format!("jekyll/{INCLUDE_FILE}"),
        jekyll_include().as_bytes(),
    )?;
    Ok(written)
}

/// The static page of one chart in one language: the stable page, or with `pinned` that
/// version's page (its plots and export in its folder, three folders below the dashboard's).
fn page(
    id: ChartId,
    chart: &Chart,
    lang: Lang,
    credit: &str,
    themes: (&Palette, &Palette),
    site: &Site,
    pinned: Option<&ExportVersion>,
) -> String {
    let slug = id.slug();
    let description = summary(chart, &[], lang);
    let code = lang.code();
    let (base, plots, export) = match pinned {
        None => ("../", format!("{EMBED_FOLDER}/"), String::new()),
        Some(version) => (
            "../../../",
            format!("{EMBED_FOLDER}/{}/", version.folder()),
            format!(r#" data-embed-export="{}""#, attr(&version.export())),
        ),
    };
    let (title, guide) = (id.spec().title.get(lang), id.spec().guide.get(lang));
    let labels = chart_labels(lang);
    let height = plot_height(chart);
    let mut html = String::new();
    // Writing into a String cannot fail.
    let _ = write!(
        html,
        r#"<!doctype html>
<html lang="{code}" data-fr-scheme="system" data-embed-static data-embed-chart="{slug}"{export}>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{page_title} — EIG Pulse</title>
    <meta name="robots" content="noindex" />
{previews}    <link rel="icon" href="data:," />
    <!-- Written by `eig-pulse embeds`: the chart view's static twin, until the reader's first gesture. -->
    <base href="{base}" />
    <link rel="stylesheet" href="embed.css" />
    <script src="embed-head.js"></script>
    <script type="module" src="embed-page.js"></script>
  </head>
  <body>
    <div id="embed-static" class="embed">
      <figure class="chart" data-chart="{slug}">
        <figcaption>
          <h1 class="chart-title">{title}</h1>
          <p class="chart-guide">{guide}</p>
        </figcaption>
        <div class="chart-tools">
          <button type="button" class="fr-btn fr-btn--secondary fr-btn--sm tool table-toggle" data-replay=".table-toggle">{show_data}</button>
          <span class="chart-tools-label">{download}</span>
"#,
        page_title = text(title),
        previews = previews::head_tags(id, lang, &description, site, pinned),
        title = text(title),
        guide = text(guide),
        show_data = text(labels.show_data),
        download = text(labels.download),
    );
    for format in ["svg", "png", "csv"] {
        let _ = writeln!(
            html,
            r#"          <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm tool" data-replay="[data-download=&quot;{format}&quot;]">{upper}</button>"#,
            upper = format.to_uppercase(),
        );
    }
    // The copy is not clicked again at the hand-over (the clipboard wants the reader's own click);
    // its empty status keeps the toolbar laid out as the interactive one's.
    let _ = writeln!(
        html,
        r#"          <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm tool tool-copy" data-replay="[data-copy=&quot;png&quot;]" data-focus-only>{copy}</button>
          <span class="copy-status"></span>
        </div>
        <ul class="legend" aria-label="{legend}">"#,
        copy = text(labels.copy_image),
        legend = attr(labels.legend),
    );
    if chart.series.len() >= 2 {
        let (light, dark) = themes;
        for (index, series) in chart.series.iter().enumerate() {
            let (l, d) = (light.color(series.color), dark.color(series.color));
            let _ = writeln!(
                html,
                r#"          <li><button type="button" class="fr-tag fr-tag--sm legend-entry" aria-pressed="true" data-replay=".embed .legend li:nth-child({n}) button"><span class="swatch" data-light="{light}" data-dark="{dark}"></span>{label}</button></li>"#,
                n = index + 1,
                light = hex(l.0, l.1, l.2),
                dark = hex(d.0, d.1, d.2),
                label = text(&series.label),
            );
        }
    }
    // The widest frame each width but the last is taken for.
    let limits = breakpoints();
    let widths: Vec<(Option<String>, u32)> = WIDTHS
        .iter()
        .enumerate()
        .map(|(index, &width)| {
            let media = limits
                .get(index)
                .map(|limit| format!("(max-width: {limit}px)"));
            (media, width)
        })
        .collect();
    let picture = sources_and_image(&Choices {
        folder: &plots,
        slug,
        lang_code: code,
        height,
        widths: &widths,
        dark: "(prefers-color-scheme: dark)",
        alt: &description,
        indent: "            ",
        lazy: false,
    });
    let _ = write!(
        html,
        r#"        </ul>
        <div class="chart-frame">
          <picture>
{picture}          </picture>
          <p class="plot-loading" role="status">{loading}</p>
        </div>
        <p class="fr-sr-only" id="clavier-{slug}">{keyboard}</p>
      </figure>
{note}      <p class="embed-credit">{credit} · <a href="./" target="_blank" rel="noopener noreferrer">{full}</a></p>
    </div>
    <noscript><p>{noscript}</p></noscript>
  </body>
</html>
"#,
        note = pinned.map_or_else(String::new, |version| pinned_note(version, slug, lang)),
        loading = text(labels.loading),
        keyboard = text(labels.keyboard),
        credit = text(credit),
        full = text(labels.full_dashboard),
        noscript = text(lang.pick(
            "Sans JavaScript, ce graphique reste une image ; le tableau de bord complet est sur le lien ci-dessus.",
            "Without JavaScript this chart stays an image; the full dashboard is at the link above.",
        )),
    );
    html
}

/// A pinned page's line: its day, and the stable page, which `embed-page.js` gives the page's own
/// query (`data-keep-query`).
fn pinned_note(version: &ExportVersion, slug: &str, lang: Lang) -> String {
    format!(
        "      <p class=\"embed-credit embed-pinned\">{note} · <a href=\"{stable}\" data-keep-query target=\"_blank\" rel=\"noopener noreferrer\">{link}</a></p>\n",
        note = text(&version.note(lang)),
        stable = attr(&stable_page(slug, lang)),
        link = text(see_current(lang)),
    )
}

/// The scripts that share values with the dashboard's Rust, as written in `public/`: each holds
/// [`SHARED_VALUES`] once, where the values go.
const SCRIPTS: [(&str, &str); 4] = [
    ("embed.js", include_str!("../../../public/embed.js")),
    (
        "embed-head.js",
        include_str!("../../../public/embed-head.js"),
    ),
    (
        "embed-page.js",
        include_str!("../../../public/embed-page.js"),
    ),
    ("page-head.js", include_str!("../../../public/page-head.js")),
];

/// Where a script takes the values it shares with the dashboard's Rust.
const SHARED_VALUES: &str = "/* eig-pulse embeds: shared values */ null";

/// The shared values as a JavaScript object (JSON): the charts that have a page, the height
/// message's key, the tallest height a host takes, the theme message's key, the parameters
/// only the interactive chart draws, and the dashboard's page in each language.
fn shared_values() -> String {
    serde_json::json!({
        "charts": ChartId::ALL.map(ChartId::slug),
        "heightMessage": HEIGHT_MESSAGE,
        "heightLimit": HEIGHT_LIMIT,
        "themeMessage": THEME_MESSAGE,
        "liveParameters": live_parameters(),
        "pages": Lang::ALL.map(|l| (l.code(), page_link(l))).into_iter().collect::<std::collections::BTreeMap<_, _>>(),
    })
    .to_string()
}

/// A script with the shared values written in, if it holds their place once.
fn with_shared_values(name: &str, script: &str, lang: Lang) -> Result<String, String> {
    match script.matches(SHARED_VALUES).count() {
        1 => Ok(script.replace(SHARED_VALUES, &shared_values())),
        n => Err(tr!(
            lang,
            "{name} : la place des valeurs partagées (« {SHARED_VALUES} ») y est {n} fois au lieu d'une",
            "{name}: the shared values' place (\"{SHARED_VALUES}\") is there {n} times instead of once"
        )),
    }
}

/// Writes `embed.js`, `embed-head.js` and `embed-page.js`, with the values they share with the dashboard, into
/// `folder`; returns how many files were written.
pub fn write_scripts(folder: &Path, lang: Lang) -> Result<usize, String> {
    std::fs::create_dir_all(folder)
        .map_err(|e| tr!(lang, "{} : {e}", "{}: {e}", folder.display()))?;
    for (name, script) in SCRIPTS {
        let filled = with_shared_values(name, script, lang)?;
        crate::commands::write_atomically(&folder.join(name), filled.as_bytes(), lang)?;
    }
    Ok(SCRIPTS.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every script's values are written in once, the limit too (the charts and the message's
    /// key are checked in `tests/embeds.rs`, on the command's output).
    #[test]
    fn every_script_takes_the_height_limit_from_rust() {
        for (name, script) in SCRIPTS {
            let filled = with_shared_values(name, script, Lang::En).unwrap();
            assert!(!filled.contains(SHARED_VALUES), "{name}");
            assert!(
                filled.contains(&format!("\"heightLimit\":{HEIGHT_LIMIT}")),
                "{name}"
            );
        }
    }

    #[test]
    fn a_script_without_the_place_of_the_values_is_refused() {
        let error = with_shared_values("x.js", "const CHARTS = [];", Lang::En).unwrap_err();
        assert!(error.contains("0 times"), "{error}");
    }
}
