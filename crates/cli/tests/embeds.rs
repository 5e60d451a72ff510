//! `eig-pulse embeds`: the light embed page's files, for every chart, language, scheme and width,
//! and the version pinned to each export, which the next export leaves as it was.

mod common;

use common::*;
use eig_pulse_core::base::format::count;
use eig_pulse_core::catalogue::ChartId;
use eig_pulse_core::chart::text::{chart_credit, chart_labels};
use eig_pulse_core::contract::export::{Export, SourceKind};
use eig_pulse_core::contract::pinned::ExportVersion;
use eig_pulse_core::contract::snippet::{jekyll_include, INCLUDE_FILE};
use eig_pulse_core::Lang;
use std::collections::BTreeMap;
use std::path::Path;

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
    let export: Export =
        serde_json::from_str(&std::fs::read_to_string(repo().join(COMMITTED_EXPORT)).unwrap())
            .unwrap();
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
            // The credit names exactly the sources its spec draws on, each with its date.
            let start = page.find("<p class=\"embed-credit\">").unwrap() + 24;
            let credit = html_escape::decode_html_entities(
                &page[start..start + page[start..].find(" · <a").unwrap()],
            )
            .into_owned();
            assert_eq!(credit, chart_credit(&export, id.spec(), lang), "{name}");
            for source in &export.sources {
                let kind = source.kind.clone().unwrap();
                let day = eig_pulse_core::base::date::parse_date(&source.updated).unwrap();
                let dated = format!(
                    "{} {}",
                    kind.label(lang),
                    eig_pulse_core::base::format::date(day, lang)
                );
                assert_eq!(
                    credit.contains(&dated),
                    id.spec().sources.contains(&kind),
                    "{name}: {kind} in « {credit} »"
                );
            }
            assert!(
                SourceKind::KNOWN
                    .iter()
                    .all(|k| export.sources.iter().any(|s| s.kind.as_ref() == Some(k))),
                "the committed export credits every kind"
            );
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
    // The Jekyll include, core's text, in a folder of its own.
    let include = std::fs::read_to_string(out.join("jekyll").join(INCLUDE_FILE)).unwrap();
    assert_eq!(include, jekyll_include());
    // Beside the pages, the include's folder and the versions' folder only.
    let written = std::fs::read_dir(&out).unwrap().count();
    assert_eq!(written, files + 2, "no file more than expected");
    // The same files again in the version's folder, with its export.
    let pinned = std::fs::read_dir(out.join("v"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(std::fs::read_dir(pinned.path()).unwrap().count(), files + 1);
    // Each page's files twice, the export's copy and the include.
    assert!(stderr(&output).contains(&format!("{} fichiers", 2 * files + 2)));
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
    // The stable pages, and the version's: each names its own files.
    let version = std::fs::read_dir(out.join("v"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .file_name()
        .to_string_lossy()
        .into_owned();
    for folder in [String::new(), format!("v/{version}/")] {
        for id in ChartId::ALL {
            for lang in [Lang::Fr, Lang::En] {
                let name = format!("{folder}{}.{}.html", id.slug(), lang.code());
                let page = std::fs::read_to_string(out.join(&name)).unwrap();
                let title = id.spec().title.get(lang);
                assert_eq!(meta(&page, "og:title").as_deref(), Some(title), "{name}");
                assert_eq!(
                    meta(&page, "og:url").unwrap(),
                    format!("{site}embed/{name}")
                );
                assert_eq!(
                    meta(&page, "og:image").unwrap(),
                    format!("{site}embed/{folder}{}.{}.png", id.slug(), lang.code())
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

/// Every file under `folder`, by its path there, with its bytes.
fn files_under(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        files.insert(name, std::fs::read(&path).unwrap());
    }
    files
}

/// The plot's text (its summary in words) on a page.
fn plot_text(page: &[u8]) -> String {
    let page = String::from_utf8(page.to_vec()).unwrap();
    attribute_values(&page, "alt")[0].to_string()
}

/// The committed export, a later day and a shorter journal: other figures.
fn next_export(folder: &Path) -> (std::path::PathBuf, String) {
    let committed = std::fs::read_to_string(repo().join(COMMITTED_EXPORT)).unwrap();
    let mut export: serde_json::Value = serde_json::from_str(&committed).unwrap();
    export["generated_at"] = "2027-01-15T09:00:00Z".into();
    export["journal"].as_array_mut().unwrap().truncate(1000);
    let text = serde_json::to_string_pretty(&export).unwrap();
    let path = folder.join("next.json");
    std::fs::write(&path, &text).unwrap();
    (path, text)
}

#[test]
fn a_pinned_version_stays_as_it_was_after_the_next_export() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("embed");
    let committed = std::fs::read(repo().join(COMMITTED_EXPORT)).unwrap();
    let committed_text = String::from_utf8(committed.clone()).unwrap();
    let generated_at = committed_text
        .split("\"generated_at\": \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap();
    let first = ExportVersion::of(generated_at, &committed).unwrap();
    let first_run = run(&reading_export("embeds", COMMITTED_EXPORT, &out, &[]));
    assert!(first_run.status.success(), "{}", stderr(&first_run));
    let first_folder = out.join("v").join(&first.name);
    let before = files_under(&first_folder);
    assert_eq!(
        before["export.json"], committed,
        "the version keeps its export"
    );

    let (next_path, next_text) = next_export(dir.path());
    let second = ExportVersion::of("2027-01-15T09:00:00Z", next_text.as_bytes()).unwrap();
    assert!(second.name.starts_with("2027-01-15-"), "{}", second.name);
    let second_run = run(&reading_export(
        "embeds",
        next_path.to_str().unwrap(),
        &out,
        &[],
    ));
    assert!(second_run.status.success(), "{}", stderr(&second_run));

    // The first version is byte for byte what it was; the second stands beside it.
    assert_eq!(files_under(&first_folder), before, "{}", first.name);
    let mut versions: Vec<String> = std::fs::read_dir(out.join("v"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    versions.sort();
    assert_eq!(versions, [first.name.clone(), second.name.clone()]);
    let after = files_under(&out.join("v").join(&second.name));

    // The stable page now says the second export's figures; each pinned page its own.
    let entries = |n| format!("{} entrées", count(n, Lang::Fr));
    let page = "journal-weekly.fr.html";
    let stable = std::fs::read(out.join(page)).unwrap();
    assert!(
        plot_text(&before[page]).contains(&entries(1527)),
        "{}",
        plot_text(&before[page])
    );
    assert!(
        plot_text(&after[page]).contains(&entries(1000)),
        "{}",
        plot_text(&after[page])
    );
    assert_eq!(plot_text(&stable), plot_text(&after[page]));

    // A pinned page says its day, links to the stable page, reads its own export and plots.
    let pinned_page = String::from_utf8(before[page].clone()).unwrap();
    assert!(pinned_page.contains(&first.note(Lang::Fr)), "{pinned_page}");
    assert!(pinned_page.contains(r#"href="embed/journal-weekly.fr.html" data-keep-query"#));
    assert!(pinned_page.contains(&format!(r#"data-embed-export="{}""#, first.export())));
    assert!(pinned_page.contains(r#"<base href="../../../" />"#));
    let english = String::from_utf8(before["journal-weekly.en.html"].clone()).unwrap();
    assert!(english.contains(&first.note(Lang::En)), "{english}");
    for plot in attribute_values(&pinned_page, "srcset") {
        let file = plot
            .strip_prefix(&format!("embed/v/{}/", first.name))
            .unwrap();
        assert!(before.contains_key(file), "{plot}");
    }
    // The stable page is not pinned.
    let stable = String::from_utf8(stable).unwrap();
    assert!(!stable.contains("data-embed-export") && !stable.contains("embed-pinned"));
}
