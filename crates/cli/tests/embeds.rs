//! `eig-pulse embeds`: the light embed page's files, for every chart, language, scheme and width.

mod common;

use common::*;
use eig_pulse_core::chart::text::{chart_labels, title_and_guide};
use eig_pulse_core::chart::ChartId;
use eig_pulse_core::Lang;
use serde_json::Value;

/// The widths `embed-page.js` chooses from, read from the script itself.
fn script_widths() -> Vec<u32> {
    let script = std::fs::read_to_string(repo().join("public/embed-page.js")).unwrap();
    let line = script
        .lines()
        .find(|l| l.starts_with("const WIDTHS = ["))
        .expect("embed-page.js declares WIDTHS");
    line.trim_start_matches("const WIDTHS = [")
        .trim_end_matches("];")
        .split(',')
        .map(|w| w.trim().parse().unwrap())
        .collect()
}

#[test]
fn every_chart_gets_its_words_and_plots_in_both_languages_schemes_and_every_width() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("embed");
    let output = run(&[
        "embeds",
        "--export",
        "public/data/export.json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let widths = script_widths();
    let mut files = 0;
    for id in ChartId::ALL {
        for lang in [Lang::Fr, Lang::En] {
            let path = out.join(format!("{}.{}.json", id.slug(), lang.code()));
            let words: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let (title, guide) = title_and_guide(id, lang);
            assert_eq!(words["title"], title, "{}", path.display());
            assert_eq!(words["guide"], guide);
            assert_eq!(words["labels"]["show_data"], chart_labels(lang).show_data);
            let summary = words["summary"].as_str().unwrap();
            assert!(
                summary.starts_with(title) && summary.len() > title.len() + 20,
                "{summary}"
            );
            assert!(words["credit"]
                .as_str()
                .unwrap()
                .contains("Licence Ouverte"));
            assert_eq!(
                words["widths"].as_array().unwrap().len(),
                widths.len(),
                "the script and the exporter agree on the widths"
            );
            let height = words["plot_height"].as_u64().unwrap();
            for entry in words["legend"].as_array().unwrap() {
                for scheme in ["light", "dark"] {
                    let colour = entry[scheme].as_str().unwrap();
                    assert!(colour.len() == 7 && colour.starts_with('#'), "{colour}");
                }
            }
            files += 1;
            for scheme in ["light", "dark"] {
                for &width in &widths {
                    let name = format!("{}.{}.{scheme}.{width}.svg", id.slug(), lang.code());
                    let svg = std::fs::read_to_string(out.join(&name))
                        .unwrap_or_else(|e| panic!("{name}: {e}"));
                    let document = roxmltree::Document::parse(&svg).expect("well-formed SVG");
                    let root = document.root_element();
                    assert_eq!(root.attribute("width"), Some(width.to_string().as_str()));
                    assert_eq!(root.attribute("height"), Some(height.to_string().as_str()));
                    // The plot alone: the title is the page's, not the image's.
                    assert!(!svg.contains(title), "{name} carries its title");
                    files += 1;
                }
            }
        }
    }
    let written = std::fs::read_dir(&out).unwrap().count();
    assert_eq!(written, files, "no file more than expected");
    assert!(stderr(&output).contains(&format!("{files} fichiers")));
}
