//! `eig-pulse embeds`: the light embed page's files, for every chart, language, scheme and width.

mod common;

use common::*;
use eig_pulse_core::catalogue::ChartId;
use eig_pulse_core::chart::text::chart_labels;
use eig_pulse_core::contract::snippet::{jekyll_include, INCLUDE_FILE};
use eig_pulse_core::Lang;

/// The plot widths the pages offer (crates/cli/src/embeds.rs, WIDTHS).
fn widths() -> Vec<u32> {
    vec![360, 520, 680, 840]
}

/// The `attribute="…"` values of a page, in order.
fn attribute_values<'a>(page: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!(" {attribute}=\"");
    page.match_indices(&needle)
        .map(|(at, _)| {
            let start = at + needle.len();
            &page[start..start + page[start..].find('"').unwrap()]
        })
        .collect()
}

#[test]
fn every_chart_gets_its_page_and_plots_in_both_languages_schemes_and_every_width() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("embed");
    let scripts = dir.path().join("scripts");
    let output = run(&reading_export(
        "embeds",
        COMMITTED_EXPORT,
        &out,
        &["--scripts", scripts.to_str().unwrap()],
    ));
    assert!(output.status.success(), "{}", stderr(&output));
    let widths = widths();
    let mut files = 0;
    for id in ChartId::ALL {
        for lang in [Lang::Fr, Lang::En] {
            let name = format!("{}.{}.html", id.slug(), lang.code());
            let page = std::fs::read_to_string(out.join(&name)).unwrap();
            files += 1;
            let (title, guide) = (id.spec().title.get(lang), id.spec().guide.get(lang));
            let escaped = |t: &str| {
                t.replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
            };
            assert!(
                page.contains(&format!(
                    "<h1 class=\"chart-title\">{}</h1>",
                    escaped(title)
                )),
                "{name}"
            );
            assert!(page.contains(&escaped(guide)), "{name}");
            assert!(
                page.contains(&format!("<html lang=\"{}\"", lang.code())),
                "{name}"
            );
            assert!(
                page.contains(&format!("data-embed-chart=\"{}\"", id.slug())),
                "{name}"
            );
            let labels = chart_labels(lang);
            assert!(
                page.contains(labels.show_data) && page.contains(labels.full_dashboard),
                "{name}"
            );
            assert!(page.contains("Licence Ouverte"), "{name}");
            // The summary in words is the plot's text alternative.
            let alt = attribute_values(&page, "alt");
            assert_eq!(alt.len(), 1, "{name}");
            assert!(
                alt[0].starts_with(title) && alt[0].len() > title.len() + 20,
                "{name}: {}",
                alt[0]
            );
            // Every plot it names exists, at the size it declares; one source per scheme and width.
            let mut plots: Vec<&str> = attribute_values(&page, "srcset");
            plots.extend(
                attribute_values(&page, "src")
                    .into_iter()
                    .filter(|s| s.ends_with(".svg")),
            );
            assert_eq!(plots.len(), 2 * widths.len(), "{name}: {plots:?}");
            for plot in plots {
                let file = plot.trim_start_matches("embed/");
                let width: u32 = file.rsplit('.').nth(1).unwrap().parse().unwrap();
                assert!(widths.contains(&width), "{plot}");
                let svg = std::fs::read_to_string(out.join(file))
                    .unwrap_or_else(|e| panic!("{plot}: {e}"));
                let document = roxmltree::Document::parse(&svg).expect("well-formed SVG");
                assert_eq!(
                    document.root_element().attribute("width"),
                    Some(width.to_string().as_str()),
                    "{plot}"
                );
                // The plot alone: the title is the page's, not the image's.
                assert!(!svg.contains(title), "{plot} carries its title");
            }
            files += 2 * widths.len();
            // No inline script or style: the page keeps the strict CSP.
            assert!(
                !page.contains("<script>") && !page.contains(" style=\""),
                "{name}"
            );
        }
    }
    // The Jekyll include, core's text, in a folder of its own (one more entry in `out`).
    let include = std::fs::read_to_string(out.join("jekyll").join(INCLUDE_FILE)).unwrap();
    assert_eq!(include, jekyll_include());
    files += 1;
    let written = std::fs::read_dir(&out).unwrap().count();
    assert_eq!(written, files, "no file more than expected");
    assert!(stderr(&output).contains(&format!("{files} fichiers")));
    // The router of `embed.html?chart=` and the host's `embed.js` take the charts and the height
    // message from Rust: no list to keep by hand.
    for name in ["embed.js", "embed-page.js"] {
        let script = std::fs::read_to_string(scripts.join(name)).unwrap();
        assert!(!script.contains("shared values */ null"), "{name}");
        assert!(
            script.contains("\"heightMessage\":\"eig-pulse-height\""),
            "{name}"
        );
        for id in ChartId::ALL {
            assert!(
                script.contains(&format!("\"{}\"", id.slug())),
                "{name}: {}",
                id.slug()
            );
        }
    }
}
