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

/// The content of a page's `<meta property|name="key" content="…">`, unescaped.
fn meta(page: &str, key: &str) -> Option<String> {
    ["property", "name"].iter().find_map(|kind| {
        let needle = format!("<meta {kind}=\"{key}\" content=\"");
        let start = page.find(&needle)? + needle.len();
        let end = start + page[start..].find('"')?;
        Some(html_escape::decode_html_entities(&page[start..end]).into_owned())
    })
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
            // Without the site's address, the preview image is named relative to the page, and
            // there is no oEmbed (it wants absolute addresses).
            let image = format!("{}.{}.png", id.slug(), lang.code());
            assert_eq!(meta(&page, "og:image").as_deref(), Some(image.as_str()));
            assert!(out.join(&image).is_file(), "{image}");
            assert!(meta(&page, "og:url").is_none() && !page.contains("json+oembed"));
            files += 1;
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

/// With the site's address, every page's preview tags name files the command wrote: a 1200 × 630
/// PNG holding the chart's pixels, and an oEmbed 1.0 answer (type rich) that the page announces.
#[test]
fn every_page_has_its_link_preview_and_oembed_answer() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("embed");
    let site = "https://example.org/pulse/";
    let output = run(&reading_export(
        "embeds",
        COMMITTED_EXPORT,
        &out,
        &["--public-url", "https://example.org/pulse"],
    ));
    assert!(output.status.success(), "{}", stderr(&output));
    let in_folder = |address: &str| {
        let file = address
            .strip_prefix(&format!("{site}embed/"))
            .unwrap_or_else(|| panic!("{address} is not in {site}embed/"));
        out.join(file)
    };
    let bars = eig_pulse_core::chart::Palette::light(1.0).color(0);
    for id in ChartId::ALL {
        for lang in [Lang::Fr, Lang::En] {
            let name = format!("{}.{}.html", id.slug(), lang.code());
            let page = std::fs::read_to_string(out.join(&name)).unwrap();
            let title = id.spec().title.get(lang);
            assert_eq!(meta(&page, "og:title").as_deref(), Some(title), "{name}");
            assert_eq!(
                meta(&page, "og:url").unwrap(),
                format!("{site}embed/{name}")
            );
            let description = meta(&page, "og:description").unwrap();
            assert!(
                description.len() > 40 && !description.starts_with(title),
                "{name}: {description}"
            );
            assert!(meta(&page, "og:image:alt").unwrap().contains(&description));
            assert_eq!(
                meta(&page, "twitter:card").as_deref(),
                Some("summary_large_image")
            );
            assert_eq!(meta(&page, "og:image:width").as_deref(), Some("1200"));
            assert_eq!(meta(&page, "og:image:height").as_deref(), Some("630"));
            let png = std::fs::read(in_folder(&meta(&page, "og:image").unwrap())).unwrap();
            let image = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
            assert_eq!((image.width(), image.height()), (1200, 630), "{name}");
            // Drawn, not blank: many colours, and a tenth of the image off the background.
            let pixels = image.pixels();
            let background = pixels[0];
            let drawn = pixels.iter().filter(|p| **p != background).count();
            assert!(drawn > pixels.len() / 30, "{name}: {drawn} pixels drawn");
            if id == ChartId::DefisByAdministration {
                let bar = pixels
                    .iter()
                    .filter(|p| (p.red(), p.green(), p.blue()) == (bars.0, bars.1, bars.2))
                    .count();
                assert!(bar > 20_000, "{name}: {bar} pixels of the bars' colour");
            }
            // The page announces its oEmbed answer, which holds oEmbed 1.0's fields.
            let announced = page
                .split("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .unwrap_or_else(|| panic!("{name}: no oEmbed discovery"));
            let answer: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(in_folder(announced)).unwrap())
                    .unwrap();
            assert_eq!(answer["version"], "1.0");
            assert_eq!(answer["type"], "rich");
            assert_eq!(answer["title"], title);
            assert!(
                answer["width"].as_u64().unwrap() > 0 && answer["height"].as_u64().unwrap() > 0
            );
            let html = answer["html"].as_str().unwrap();
            assert!(
                html.starts_with(&format!(
                    "<iframe data-eig-pulse src=\"{site}embed/{name}?theme=auto\""
                )) && html.ends_with("</iframe>")
                    && !html.contains("<script"),
                "{html}"
            );
            assert_eq!(
                answer["thumbnail_url"].as_str(),
                meta(&page, "og:image").as_deref()
            );
            assert_eq!(answer["thumbnail_width"], 1200);
            assert_eq!(answer["thumbnail_height"], 630);
        }
    }
    // An address that is not http(s) is refused, naming the option.
    let refused = run(&reading_export(
        "embeds",
        COMMITTED_EXPORT,
        &dir.path().join("refused"),
        &["--public-url", "javascript:alert(1)"],
    ));
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("--public-url"));
}
