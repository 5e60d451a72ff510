//! The « Intégrer » dialog's three forms in the programme's blog as Jekyll 4 and kramdown build
//! it: a tiny site (`_config.yml`, the include in `_includes/`, one post) built by `jekyll build`
//! offline, each form pasted where a writer may — alone, in a list, after an indented paragraph,
//! within a sentence — and the built page holding every frame, script and fallback with the
//! snippet's attributes; then the dialog's own forms in a post served on another origin, each
//! frame showing its chart.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use eig_pulse_core::contract::snippet::{
    jekyll_include, Embed, SnippetForm, DEFAULT_FRAME_HEIGHT, INCLUDE_FILE, INCLUDE_PATH,
};
use eig_pulse_core::Lang;
use support::{browser, dist, serve, Routes};

/// The chart pasted in the posts.
const CHART: &str = "defis-by-administration";

/// A post's Markdown around the places a snippet goes: `{}` is the snippet.
const PLACES: [(&str, &str); 5] = [
    (
        "alone",
        "Avant le graphique.\n\n{}\n\nAprès le graphique.\n",
    ),
    (
        "a list item",
        "Les points :\n\n- Premier point\n- {}\n- Dernier point\n",
    ),
    (
        "an ordered list item's second line",
        "Les étapes :\n\n1. Voici le graphique :\n   {}\n2. Fin\n",
    ),
    (
        "the line after an indented paragraph",
        "  Un paragraphe en retrait de deux espaces.\n{}\n\nLa suite.\n",
    ),
    ("within a sentence", "Le graphique {} montre les défis.\n"),
];

/// Which places each form is for: the HTML snippet alone (in a list its lines break it, as the
/// dialog says), the include line at the start of a line, the kramdown line anywhere.
fn places(form: SnippetForm) -> &'static [(&'static str, &'static str)] {
    match form {
        SnippetForm::Html => &PLACES[..1],
        SnippetForm::JekyllInclude => &PLACES[..4],
        SnippetForm::Kramdown => &PLACES,
    }
}

/// A chart with everything that needs escaping: filters with `&`, `+` and an accent, a title with
/// an apostrophe, guillemets and double quotes.
fn embed(base: &str) -> Embed {
    Embed {
        base: base.to_string(),
        chart: CHART.into(),
        lang: Lang::Fr,
        filters: "?promo=EIG+2&admin=Minist%C3%A8re".into(),
        theme: "dark".into(),
        plain: true,
        height: 612,
        title: "Défis de l'« EIG » \"2\" — EIG Pulse".into(),
        // Pinned: the include writes the version's folder as the HTML does.
        version: Some("2026-12-06-1a2b3c4d".into()),
    }
}

/// Writes a Jekyll site in a fresh folder under `target/blog/<name>`: kramdown, `include` in
/// `_includes/`, one post a text of `posts` (the `n`th at `/billet-n.html`); builds it with
/// `jekyll build` (installed by scripts/setup, no Gemfile, no plugin, no network) and returns the
/// built folder.
fn jekyll_site(name: &str, include: &str, posts: &[String]) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/blog")
        .join(name);
    let _ = std::fs::remove_dir_all(&root);
    let source = root.join("source");
    std::fs::create_dir_all(source.join("_includes")).unwrap();
    std::fs::create_dir_all(source.join("_posts")).unwrap();
    std::fs::write(
        source.join("_config.yml"),
        // Jekyll 4's own kramdown settings (GFM input), as the blog's builds use them.
        "title: Un blog\nmarkdown: kramdown\n",
    )
    .unwrap();
    std::fs::write(source.join("_includes").join(INCLUDE_FILE), include).unwrap();
    for (n, text) in posts.iter().enumerate() {
        let post = format!(
            "---\nlayout: null\npermalink: /billet-{n}.html\ntitle: Un billet\n---\n{text}"
        );
        let file = source.join(format!("_posts/2024-05-02-billet-{n}.md"));
        std::fs::write(file, post).unwrap();
    }
    let built = root.join("site");
    let output = Command::new("jekyll")
        .args(["build", "--safe", "--disable-disk-cache", "--quiet", "-s"])
        .arg(&source)
        .arg("-d")
        .arg(&built)
        .output()
        .expect("jekyll runs: install it with scripts/setup (apt-get install jekyll)");
    assert!(
        output.status.success(),
        "jekyll build: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    built
}

/// Every `<tag …>` of `html` whose name is one of `names`, with its attributes as written (a bare
/// attribute is empty, as `data-eig-pulse=""`); a tag kramdown escaped (`&lt;iframe`) is not one.
fn tags(html: &str, names: &[&str]) -> Vec<(String, BTreeMap<String, String>)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let name: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if !names.contains(&name.as_str()) {
            continue;
        }
        let end = rest.find('>').expect("a tag's end");
        let mut inside = rest[name.len()..end].trim_end_matches('/');
        let mut attributes = BTreeMap::new();
        loop {
            inside = inside.trim_start();
            if inside.is_empty() {
                break;
            }
            let key_end = inside.find(['=', ' ']).unwrap_or(inside.len());
            let key = inside[..key_end].to_string();
            inside = &inside[key_end..];
            let value = if let Some(quoted) = inside.strip_prefix("=\"") {
                let close = quoted.find('"').expect("a closing quote");
                inside = &quoted[close + 1..];
                quoted[..close].to_string()
            } else {
                String::new()
            };
            attributes.insert(key, value);
        }
        found.push((name, attributes));
        rest = &rest[end..];
    }
    found
}

/// Where a chart stands among a page's lists: their tags in order, a chart's start (a frame, or
/// [`MARK`]'s first word) and its end (after the fallback, or [`MARK`]'s last word).
fn skeleton(html: &str) -> Vec<&'static str> {
    const TOKENS: [(&str, &str); 10] = [
        ("<ul", "list"),
        ("</ul>", "list end"),
        ("<ol", "ordered list"),
        ("</ol>", "ordered list end"),
        ("<li", "item"),
        ("</li>", "item end"),
        ("<iframe", "chart"),
        ("</noscript>", "chart end"),
        ("EIGPULSESTART", "chart"),
        ("EIGPULSEEND", "chart end"),
    ];
    let mut found: Vec<(usize, &str)> = TOKENS
        .iter()
        .flat_map(|(token, name)| html.match_indices(token).map(move |(at, _)| (at, *name)))
        .collect();
    found.sort_unstable();
    found.into_iter().map(|(_, name)| name).collect()
}

/// What stands for a chart in the reference posts: plain words, which break nothing.
const MARK: &str = "EIGPULSESTART EIGPULSEEND";

/// The frame, script and fallback image tags that `markup` writes.
fn embed_tags(markup: &str) -> Vec<(String, BTreeMap<String, String>)> {
    tags(markup, &["iframe", "script", "img"])
}

#[test]
fn every_form_comes_out_of_jekyll_and_kramdown_with_the_snippets_attributes_wherever_it_is_pasted()
{
    let embed = embed("http://127.0.0.1:9/eig/");
    let expected = embed_tags(&embed.html());
    assert_eq!(expected.len(), 3, "frame, script, image: {expected:?}");
    // Each place with plain words for the chart: the lists as the writer meant them.
    let marked: Vec<String> = PLACES
        .iter()
        .map(|(_, around)| around.replace("{}", MARK))
        .collect();
    let reference = jekyll_site("reference", &jekyll_include(), &marked);
    for form in SnippetForm::ALL {
        let snippet = form.write(&embed);
        let posts: Vec<String> = places(form)
            .iter()
            .map(|(_, around)| around.replace("{}", &snippet))
            .collect();
        let built = jekyll_site(form.parameter(), &jekyll_include(), &posts);
        for (n, (place, _)) in places(form).iter().enumerate() {
            let read = |site: &Path| std::fs::read_to_string(site.join(format!("billet-{n}.html")));
            let (page, meant) = (read(&built).unwrap(), read(&reference).unwrap());
            let what = format!("{} pasted in {place}", form.label(Lang::En));
            assert_eq!(
                embed_tags(&page),
                expected,
                "{what}: the built page has other tags\n{page}"
            );
            assert_eq!(
                skeleton(&page),
                skeleton(&meant),
                "{what}: the chart moved the lists around it\n{page}"
            );
            for leftover in ["&lt;", "{::", "{:/", "{%", "<pre", "<code"] {
                assert!(
                    !page.contains(leftover),
                    "{what}: {leftover} in the built page\n{page}"
                );
            }
        }
    }
}

#[test]
fn the_include_with_only_a_chart_and_a_base_writes_the_default_frame() {
    let line =
        "{% include eig-pulse.html base=\"https://pulse.example/\" chart=\"journal-weekly\" %}";
    let built = jekyll_site("defaults", &jekyll_include(), &[line.to_string()]);
    let page = std::fs::read_to_string(built.join("billet-0.html")).unwrap();
    let defaults = Embed {
        base: "https://pulse.example/".into(),
        chart: "journal-weekly".into(),
        lang: Lang::Fr,
        filters: String::new(),
        theme: "auto".into(),
        plain: false,
        height: DEFAULT_FRAME_HEIGHT,
        title: "EIG Pulse".into(),
        version: None,
    };
    assert_eq!(embed_tags(&page), embed_tags(&defaults.html()), "{page}");
}

/// The dialog's snippet for `form` once its previews have said their heights, and, for the
/// Jekyll form, the include file it shows and the address it downloads it from.
async fn forms_from_the_dialog(dashboard: u16) -> (Vec<String>, String, String) {
    let b = browser(1280, 1000).await;
    b.open_embed_dialog(dashboard, CHART).await;
    let mut snippets = Vec::new();
    let (mut include, mut download) = (String::new(), String::new());
    for form in SnippetForm::ALL {
        b.choose("embed-form", form.parameter()).await;
        let opening = match form {
            SnippetForm::Html => "<iframe",
            SnippetForm::JekyllInclude => "{% include",
            SnippetForm::Kramdown => "{::nomarkdown}",
        };
        b.wait_for(
            &format!("document.querySelector('#embed-snippet').value.startsWith({opening:?})"),
            "the snippet in the chosen form",
        )
        .await;
        let value = b
            .js("return document.querySelector('#embed-snippet').value")
            .await;
        snippets.push(value.as_str().unwrap().to_string());
        let shown = b.has("#embed-include").await;
        assert_eq!(
            shown,
            form == SnippetForm::JekyllInclude,
            "the include file shown with the Jekyll form only"
        );
        if shown {
            let file = b.js("return [document.querySelector('#embed-include').value, document.querySelector('.embed-dialog a[download]').href]").await;
            include = file[0].as_str().unwrap().to_string();
            download = file[1].as_str().unwrap().to_string();
            b.screenshot("embed-dialog-jekyll").await;
        }
    }
    b.finish().await;
    (snippets, include, download)
}

#[tokio::test]
async fn the_dialogs_three_forms_in_a_jekyll_post_on_another_origin_each_show_the_chart() {
    let dashboard = serve(dist(), Routes::new());
    let (snippets, include, download) = forms_from_the_dialog(dashboard).await;
    assert_eq!(
        download,
        format!("http://127.0.0.1:{dashboard}/{INCLUDE_PATH}")
    );
    let published = std::fs::read_to_string(dist().join(INCLUDE_PATH))
        .expect("the build publishes the include");
    assert_eq!(include, published, "the dialog shows the published file");
    // HTML alone, the include in a list, the kramdown line within a sentence.
    let post = [
        PLACES[0].1.replace("{}", &snippets[0]),
        PLACES[1].1.replace("{}", &snippets[1]),
        PLACES[4].1.replace("{}", &snippets[2]),
    ]
    .join("\n\n");
    let built = jekyll_site("dialog", &published, &[post]);
    let host = serve(built, Routes::new());

    let b = browser(1000, 900).await;
    b.goto(&format!("http://127.0.0.1:{host}/billet-0.html"))
        .await;
    assert_eq!(b.count("iframe[data-eig-pulse]").await, 3);
    for frame in 0..3 {
        b.js(&format!(
            "document.querySelectorAll('iframe[data-eig-pulse]')[{frame}].scrollIntoView()"
        ))
        .await;
        let mut drawn = false;
        for _ in 0..150 {
            let state = b.in_frame(frame, "return !!(window.eigPulseTimings && window.eigPulseTimings.staticChart > 0 && document.querySelector('.chart-frame img').complete)").await;
            if state == serde_json::Value::Bool(true) {
                drawn = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(drawn, "frame {frame}: the chart shown");
        b.wait_for(
            &format!("parseFloat(document.querySelectorAll('iframe[data-eig-pulse]')[{frame}].style.height) > 300"),
            "the frame sized by embed.js",
        )
        .await;
    }
    b.screenshot("blog-jekyll-three-forms").await;
    b.finish().await;
}
